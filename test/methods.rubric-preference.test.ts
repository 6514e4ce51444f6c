import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, problemsOf } from './helpers';
import { projectWith } from './rubric-fixture';

/**
 * A rubric criterion's `preference:` (issue #14): PROMETHEE II's preference function on that criterion, in
 * --preference's grammar. Hand-worked (Brans & Vincke 1985, flows divided by n − 1): conditions A (rating → 0–5) and
 * B (suppliers 0–10 → 0–5), weight 1/2 each, give A = (5, 2.5, 0) and B = (1, 2, 4.5) for a, b, c.
 * With usual on both, every π(x, y) = 1/2 and every net flow is 0: a three-way tie.
 * With linear:q=1:p=3 on B, P_B(d) = 0 for d <= 1, (d − 1)/2 up to 3, then 1: π(b, a) = 0 (d = 1), π(c, a) = 1/2
 * (d = 3.5), π(c, b) = 0.375 (d = 2.5), and A's usual gives a over b, a over c, b over c 1/2 each. So
 * φ(a) = (1/2 + 1/2)/2 − (0 + 1/2)/2 = 0.25, φ(b) = (0 + 1/2)/2 − (1/2 + 0.375)/2 = −0.1875, φ(c) = 0.4375 − 0.5 = −0.0625.
 */
const rubric = (preference: string) => `id: pref
title: Preference
method: promethee2
scale: { min: 0, max: 5 }
conditions:
  - { id: cond-a, name: A, weight: 1, criteria: [{ id: r, name: R, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }] }
  - id: cond-b
    name: B
    weight: 1
    criteria:
      - id: s
        name: S
        weight: 1
        rule: { type: raw, indicator: suppliers, direction: benefit, range: [0, 10] }
${preference}
tiers:
  - { id: all, when: "true" }
`;

const flows = (preference: string, extra: string[] = []) => {
  const { dir } = projectWith(rubric(preference));
  const r = cli(['rank', '--rubric', join(dir, 'r.yaml'), '--data', join(dir, 'd.csv'), '--dictionary', join(dir, 'i.yaml'), '--format', 'json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return Object.fromEntries(JSON.parse(r.stdout).ranking.map((a: { id: string; detail: { netFlow: number } }) => [a.id, a.detail.netFlow]));
};

describe("a rubric criterion's preference: field (PROMETHEE II)", () => {
  it('linear:q=1:p=3 on B gives net flows a 0.25, c −0.0625, b −0.1875 (hand-worked above)', () => {
    expect(flows('        preference: "linear:q=1:p=3"')).toEqual({ a: 0.25, c: -0.0625, b: -0.1875 });
  });
  it('without it every criterion is usual: all three net flows are 0', () => {
    expect(flows('')).toEqual({ a: 0, b: 0, c: 0 });
  });
  it('--preference overrides the rubric for the criterion it names', () => {
    expect(flows('        preference: "linear:q=1:p=3"', ['--preference', 'cond-b.s=usual'])).toEqual({ a: 0, b: 0, c: 0 });
  });
  it('a malformed function is a load error at its line, in the --preference grammar', () => {
    const p = problemsOf(() => projectWith(rubric('        preference: "linear:q=1"')).load());
    expect(p.map((x) => [x.code, x.line])).toEqual([['rubric.bad-preference', 15]]);
    expect(p[0].message).toContain('linear');
  });
});
