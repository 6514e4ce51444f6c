import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fixture, ROOT } from './helpers';

/** Each input here once crashed, hung, or misreported; found by the hostile corpus or the fuzzer. */
describe('regressions from hostile input', () => {
  it('YAML nested 20,000 brackets deep: yaml.too-deep, not a stack overflow reported as a syntax error', () => {
    const dir = fixture({ 'deep.yaml': 'id: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n' });
    const r = cli(['validate', '--rubric', join(dir, 'deep.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('deep.yaml:1: nests more than 64 levels deep');
    expect(r.stderr).toContain('[yaml.too-deep]');
  });

  it('billion laughs: aliases past the limit are refused before they cost memory', () => {
    const lol = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + 'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`).join('\n') + '\n';
    const dir = fixture({ 'laughs.yaml': lol });
    const r = cli(['validate', '--rubric', join(dir, 'laughs.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[yaml.alias-limit]');
  });

  it('a CSV with a header and no rows: data.no-rows, not "every value is 0"', () => {
    const dir = fixture({ 'h.csv': 'id,name,a\n' });
    const r = cli(['rank', '--data', join(dir, 'h.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('h.csv:1: has a header but no data rows');
  });

  it('the first non-UTF-8 byte is located exactly (a stray 0x80, not the valid 0x7f before it)', () => {
    const dir = fixture({ 'b.csv': Buffer.concat([Buffer.from('id,a\nx,1\n'), Buffer.from([0x7f, 0x80, 0x0a])]) });
    const r = cli(['rank', '--data', join(dir, 'b.csv')]);
    expect(r.stderr).toContain('b.csv:3: byte 0x80 at offset 10 is not valid UTF-8');
  });

  it('a valid multi-byte character before a Latin-1 byte is not blamed (café is 5 bytes: offset 10 + 10 + 5 = 25)', () => {
    const dir = fixture({ 'l.csv': Buffer.concat([Buffer.from('id,name,a\nx,café,1\ny,Caf'), Buffer.from([0xe9]), Buffer.from(',2\n')]) });
    expect(cli(['rank', '--data', join(dir, 'l.csv')]).stderr).toContain('l.csv:3: byte 0xe9 at offset 25 is not valid UTF-8');
  });

  it('escape sequences in a name do not reach the terminal', () => {
    const dir = fixture({ 'e.csv': 'id,name,a\nx,\x1b[31mred\x07,1\n' });
    const out = cli(['rank', '--data', join(dir, 'e.csv')]).stdout;
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(out).toContain('\ufffd[31mred\ufffd');
  });

  it('a dictionary that drops a category the rubric maps: the error is at the rubric line and names the dictionary', () => {
    const dictionary = readFileSync(join(ROOT, 'data/indicators.yaml'), 'utf8').replace(/\n\s+sovereign: a state buyer[^\n]*/, '');
    const dir = fixture({ 'i.yaml': dictionary });
    const r = cli(['validate', '--dictionary', join(dir, 'i.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pricing-power\.yaml:\d+ conditions\[2\]\.criteria\[0\]\.rule\.scores\.sovereign: 'sovereign' is not a category of procurement-mode in .*i\.yaml/);
  });

  it('`constructor` and `__proto__` are not constants of the expression language', () => {
    const rubric = readFileSync(join(ROOT, 'rubrics/pricing-power.yaml'), 'utf8').replace('expr: "5 * sqrt((proprietary_tech - 1) * (local_delivery - 1)) / 4"', 'expr: "constructor"');
    const dir = fixture({ 'r.yaml': rubric });
    expect(cli(['validate', '--rubric', join(dir, 'r.yaml')]).stderr).toContain('[expression.unknown-symbol]');
  });

  it('a file over the documented 8 MB limit for YAML inputs is refused before it is read', () => {
    const dir = fixture({ 'big.yaml': 'id: x\n' + '#'.repeat(9 * 1024 * 1024) + '\n' });
    const r = cli(['validate', '--rubric', join(dir, 'big.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('over the limit of 8388608 bytes');
  });
});

describe('regressions from npm run fuzz', () => {
  it('validate --rubric with a user rubric does not check the bundled scenarios against it (fuzz seed 777)', () => {
    const rubric = readFileSync(join(ROOT, 'rubrics/pricing-power.yaml'), 'utf8').replace('id: ai-resilience', 'id: ai-nce');
    const dir = fixture({ 'r.yaml': rubric });
    const r = cli(['validate', '--rubric', join(dir, 'r.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: 5 files valid (4 conditions, 10 criteria, 6 markets, 88 facts)\n');
    // Named explicitly, the scenarios are checked, and the error names the rubric file.
    const s = cli(['validate', '--rubric', join(dir, 'r.yaml'), '--scenarios', join(ROOT, 'data/scenarios')]);
    expect(s.code).toBe(1);
    expect(s.stderr).toContain(`no weight at 'switching-cost.ai-resilience' in rubric pricing-power (${join(dir, 'r.yaml')})`);
  });
});

describe('regressions from npm run fuzz, seed 777 (second finding)', () => {
  it('a mapping whose key is a mapping is an error with its line, not a process warning on stderr', () => {
    const dir = fixture({ 'r.yaml': 'id: t\n? { when: "x <= 6" }\n: 5\n' });
    const r = cli(['validate', '--rubric', join(dir, 'r.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.yaml:2: a mapping key is itself a list or mapping');
    expect(r.stderr).not.toContain('Warning:');
  });
});
