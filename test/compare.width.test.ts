import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, fixture } from './helpers';
import { wrap, WIDTH } from '../src/cli/commands/compare-text';

/** Terminal columns of a line: code points (every character the tool writes is one column wide). */
const widest = (text: string) => Math.max(...text.split('\n').map((l) => [...l].length));

// Long everything: 44-character market ids, a 50-character condition id, an expression rule of ~150 characters,
// and a cap whose rationale runs to ~200 characters: the cases that made lines of 508 and 607 characters.
const LONG = 'a-market-id-long-enough-to-break-any-column';
const ids = ['one', 'two', 'three', 'four'].map((k) => `${k}-${LONG}`);
const rubric = `id: wide
title: Width test
method: wsm
scale: { min: 0, max: 5 }
conditions:
  - id: a-condition-whose-id-is-fifty-characters-long-ok
    name: Long
    weight: 1
    criteria:
      - id: a-criterion-with-a-long-id-as-well
        name: C
        weight: 1
        rule:
          type: expression
          expr: "min(5, max(0, (rating - 1) * 1.25 + 0 * rating + 0 * rating + 0 * rating + 0 * rating + 0 * rating + 0 * rating + 0 * rating + 0 * rating + 0 * rating))"
      - { id: d, name: D, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }
tiers:
  - { id: all, when: "true" }
caps:
  - id: every-market
    when: "rating >= 1"
    tier: all
    rationale: ${'a rationale that goes on and on '.repeat(7).trim()}
`;
const dictionary = `indicators:
  - { id: rating, kind: rating, name: Rating, meaning: a 1-5 rating, scale: { min: 1, max: 5 } }
`;
const data = `id,name,rating\n${ids.map((id, k) => `${id},Name ${k},${k + 1}`).join('\n')}\n`;
const dir = fixture({ 'r.yaml': rubric, 'd.csv': data, 'i.yaml': dictionary });
const files = ['--rubric', join(dir, 'r.yaml'), '--data', join(dir, 'd.csv'), '--dictionary', join(dir, 'i.yaml')];

describe('compare fits a 100-column terminal (issue #13: lines of 508 and 607 characters)', () => {
  it.each([
    ['NEC, 2 markets', ['public-dx', 'subsea']],
    ['NEC, 3 markets', ['defense', 'vran', 'cloud']],
    ['NEC, 4 markets', ['defense', 'vran', 'cloud', 'biometrics']],
  ])('%s: every line <= 100 columns', (_, markets) => {
    const r = cli(['compare', ...markets]);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(WIDTH);
  });
  it.each([2, 3, 4])('long ids, a long rule and a long cap rationale, %i markets: every line <= 100 columns, every id still printed', (n) => {
    const r = cli(['compare', ...ids.slice(0, n), ...files]);
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(WIDTH);
    for (const id of ids.slice(0, n)) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('Markets: A = one-');
  });
  it('five markets in a table are refused with a usage error naming the formats that take more', () => {
    const r = cli(['compare', 'defense', 'vran', 'cloud', 'biometrics', 'subsea']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 4 markets side by side');
    expect(cli(['compare', 'defense', 'vran', 'cloud', 'biometrics', 'subsea', '--format', 'csv']).code).toBe(0);
  });
  it('csv keeps every column unwrapped: the long rule is one cell', () => {
    const r = cli(['compare', ...ids.slice(0, 2), ...files, '--format', 'csv']);
    expect(r.stdout).toContain('min(5, max(0, (rating - 1) * 1.25 + 0 * rating');
    expect(r.stdout.split('\n')[0]).toBe(`item,${ids[0]},${ids[1]},delta`);
  });
  it('wrap cuts a word longer than the line and indents continuation lines', () => {
    expect(wrap('ab cdefghij k', '', '  ', 6)).toEqual(['ab', '  cdef', '  ghij', '  k']);
  });
});

describe('what decides the gap: every non-zero difference, totalling the heading, with who is ahead', () => {
  // NEC gate, public-dx vs subsea (data/markets.csv): seven criteria differ; contributions by hand (global weight ×
  // score): ai-resilience 0.075 × (5 − 1.25) = 0.28125 to subsea; mode 0.1 × (5 − 3) = 0.2 to public-dx; severity
  // 0.15 × (5 − 4) = 0.15 to subsea; supplier-field 0.075 × (4 − 2) = 0.15 to subsea; state-stake 0.1 × (5 − 3.75)
  // = 0.125 to subsea; installed-base 0.1 × (5 − 3.75) = 0.125 to public-dx; combination 0.15 × (3.5355 − 3.0619)
  // = 0.071 to public-dx. Total 0.28125 + 0.15 + 0.15 + 0.125 − 0.2 − 0.125 − 0.071 = 0.310 to subsea.
  const out = cli(['compare', 'public-dx', 'subsea']).stdout;
  const tail = out.slice(out.indexOf('What decides the gap'));
  it('lists all seven, and the total row equals the heading', () => {
    expect(tail.replace(/\s+/g, ' ')).toContain('all 7 criteria whose weighted contributions differ, largest first; they total 0.310 in favour of');
    for (const k of ['switching-cost.ai-resilience', 'trust-procurement.mode', 'outage-penalty.severity', 'trust-procurement.supplier-field', 'outage-penalty.state-stake', 'switching-cost.installed-base', 'integrated-stack.combination']) expect(tail).toContain(k);
    expect(tail).toMatch(/^total +2\.749 +3\.059 +\+0\.310 \(subsea\)$/m);
  });
  it('deltas say which way is better: score higher, rank lower', () => {
    expect(out).toMatch(/^score +3\.855 +4\.166 +\+0\.310 \(subsea\)$/m);
    expect(out).toMatch(/^rank +4 +2 +\+2 \(subsea\)$/m);
    expect(tail).toMatch(/^trust-procurement\.mode +0\.500 +0\.300 +\+0\.200 \(public-dx\)$/m);
  });
});
