import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, cliJson, fixture, ROOT } from './helpers';

/**
 * Every command on a plain CSV (issue #12, item 4): the criteria act as the conditions, over the matrix `rank`
 * builds. Hand-worked table: p = (1, 5, 3), q = (2, 4, 1), r = (3, 2, 2), all benefit. WSM divides each column by its
 * largest value: a → (1/3, 2/3, 1), b → (1, 0.8, 0.4), c → (1, 1/3, 2/3). At weights a 0.5, b 0.25, c 0.25 the
 * scores are p 2/3, q 0.61667, r 0.76667: r > p > q.
 */
const PLAIN = 'id,a,b,c\np,1,5,3\nq,2,4,1\nr,3,2,2\n';
const dir = fixture({ 'plain.csv': PLAIN, 'dominated.csv': 'id,a,b\nx,2,2\ny,1,1\n' });
const data = ['--data', join(dir, 'plain.csv'), '--weights', 'a=2,b=1,c=1'];
const json = (args: string[]) => cliJson(args);

describe('sensitivity on a plain CSV', () => {
  it('sweep: along a (b and c sharing 1 − t equally) the pairs swap where the hand lines cross: 1/11, 7/17, 13/23', () => {
    // p(t) = t/3 + (1 − t), q(t) = 2t/3 + (1 − t)·17/30, r(t) = t + (1 − t)·8/15.
    // q = r at t = 1/11; p = r at t = 7/17; p = q at t = 13/23. The current weight 0.5 lies between 7/17 and 13/23.
    const s = json(['sensitivity', 'sweep', ...data, '--format', 'json']).sweep;
    const a = s.conditions.find((c: { condition: string }) => c.condition === 'a');
    expect(a.swaps.map((w: { weight: number; before: string }) => [w.before, w.weight])).toEqual([
      ['q > r', expect.closeTo(1 / 11, 7)], ['p > r', expect.closeTo(7 / 17, 7)], ['p > q', expect.closeTo(13 / 23, 7)],
    ]);
    expect(a.holdsFrom).toBeCloseTo(7 / 17, 7);
    expect(a.holdsTo).toBeCloseTo(13 / 23, 7);
  });

  it('thresholds: raising a by 0.15 (to 0.65 of 1.15 = 13/23 after renormalising) reverses p > q', () => {
    const t = json(['sensitivity', 'thresholds', ...data, '--format', 'json']).thresholds;
    const a = t.criteria.find((c: { criterion: string }) => c.criterion === 'a');
    expect(a.delta).toBeCloseTo(0.15, 7);
    expect(a.pair).toEqual(['p', 'q']);
  });

  it('smaa: an alternative better on every criterion is first in every sample (acceptability exactly 1 and 0)', () => {
    const s = json(['sensitivity', 'smaa', '--data', join(dir, 'dominated.csv'), '--samples', '500', '--format', 'json']).smaa;
    expect(s.alternatives.map((a: { id: string; acceptability: number[] }) => [a.id, a.acceptability])).toEqual([['x', [1, 0]], ['y', [0, 1]]]);
    expect(s.valuesSampled).toBe(false);
  });

  it('the table header says the mode; gate, which reads conditions, is refused with the reason', () => {
    const r = cli(['sensitivity', 'sweep', ...data]);
    expect(r.stdout.split('\n')[0]).toBe(`Sensitivity of ${join(dir, 'plain.csv')} — method wsm (rubric-free: each criterion acts as a condition)`);
    const g = cli(['sensitivity', ...data, '--method', 'gate']);
    expect(g.code).not.toBe(0);
    expect(g.stderr).toContain('gate reads condition scores, which only a rubric defines');
  });
});

describe('compare, explain, export and diff on a plain CSV', () => {
  it('compare p r: contributions w·s add up to each score, and the gap list totals the score gap (r ahead by 0.1)', () => {
    // p: a 0.5·1/3 = 1/6, b 0.25·1 = 0.25, c 0.25·1 = 0.25 → 2/3; r: a 0.5·1 = 0.5, b 0.25·0.4 = 0.1, c 0.25·2/3 = 1/6 → 23/30.
    const c = json(['compare', 'p', 'r', ...data, '--format', 'json']);
    expect(c.decisive.map((d: { criterion: string; p: number; r: number; difference: number }) => [d.criterion, d.p, d.r, d.difference])).toEqual([
      ['a', +(1 / 6).toPrecision(12), 0.5, +(1 / 6 - 0.5).toPrecision(12)],
      ['b', 0.25, 0.1, 0.15],
      ['c', 0.25, +(1 / 6).toPrecision(12), +(0.25 - 1 / 6).toPrecision(12)],
    ]);
    const score = c.rows.find((r: { item: string }) => r.item === 'score');
    expect(score.delta).toBeCloseTo(2 / 3 - 23 / 30, 12);
    expect(c.rows.map((r: { item: string }) => r.item)).not.toContain('tier'); // no tiers without a rubric
    const text = cli(['compare', 'p', 'r', ...data]).stdout;
    expect(text).toContain('they total 0.100 in favour of r');
  });

  it('compare under topsis shows values and weights but no contributions, and says why', () => {
    const r = cli(['compare', 'p', 'r', ...data, '--method', 'topsis']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('contribution  ');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain("No contributions: topsis's score does not split by criterion");
  });

  it('explain p: one line per criterion, score × weight = contribution; no cheapest changes without a rubric', () => {
    const r = cli(['explain', 'p', ...data]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('a: 0.333 × 0.500 = 0.167');
    expect(r.stdout).toContain('rule (column, ');
    expect(r.stdout).toContain('What would it take (the cheapest changes) needs a rubric');
    const j = json(['explain', 'p', ...data, '--method', 'topsis', '--format', 'json']);
    expect(j.conditions[0].criteria[0].contribution).toBeNull();
    expect(j.conditions[0].criteria[0].score).toBe(1); // topsis: the raw value, its score does not split
  });

  it('export long and wide: condition = criterion, criterion_score as wsm reads it; provenance names the weights', () => {
    const long = cli(['export', ...data, '--provenance', 'header']).stdout.split('\n');
    expect(long).toContain('# weights: a=0.5,b=0.25,c=0.25');
    expect(long).toContain('# cost: none');
    const head = long.find((l) => l.startsWith('market,'))!.split(',');
    const row = long.find((l) => l.startsWith('r,r,a,a,'))!.split(',');
    expect(row[head.indexOf('criterion_score')]).toBe('1');
    expect(row[head.indexOf('contribution')]).toBe('0.5');
    expect(row[head.indexOf('score')]).toBe(String(+(23 / 30).toPrecision(12)));
    const wide = cli(['export', ...data, '--shape', 'wide']).stdout.trim().split('\n');
    expect(wide[0]).toBe('market,name,rank,score,tier,gated,binding,a,b,c');
    expect(wide[1]).toBe(`r,r,1,${+(23 / 30).toPrecision(12)},,false,,1,0.4,${+(2 / 3).toPrecision(12)}`);
  });

  it('diff of two rubric-free exports: raising a to 3 of 5 moves r from 23/30 to 0.6 + 0.08 + 2/15', () => {
    const out = fixture({});
    const e1 = join(out, 'e1.csv');
    const e2 = join(out, 'e2.csv');
    expect(cli(['export', ...data, '--output', e1]).code).toBe(0);
    expect(cli(['export', '--data', join(dir, 'plain.csv'), '--weights', 'a=3,b=1,c=1', '--output', e2]).code).toBe(0);
    const d = json(['diff', e1, e2, '--format', 'json']);
    const r = d.markets.find((m: { market: string }) => m.market === 'r');
    expect(r.new_score).toBeCloseTo(0.6 + 0.08 + 2 / 15, 12);
    expect(r.old_score).toBeCloseTo(23 / 30, 12);
  });

  it('report and the workbook say plainly that they need a rubric, and what works instead', () => {
    const r = cli(['report', ...data]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('report needs a rubric: the page re-ranks with the rubric in the browser');
    const x = cli(['export', ...data, '--format', 'xlsx', '--output', join(fixture({}), 'x.xlsx')]);
    expect(x.code).toBe(2);
    expect(x.stderr).toContain('the xlsx workbook needs a rubric');
  });
});

describe('--data FILE alone: the project rubric when its columns are the project indicators, else rubric-free (#12)', () => {
  it("a copy of the NEC data is scored with the NEC rubric, ranking as rank does, and the skipped cell check is said", () => {
    const d = fixture({ 'copy.csv': readFileSync(join(ROOT, 'data', 'markets.csv'), 'utf8') });
    const copy = cli(['rank', '--data', join(d, 'copy.csv'), '--format', 'json']);
    expect(copy.code, copy.stderr).toBe(0);
    const pick = (s: string) => JSON.parse(s).ranking.map((a: { id: string; rank: number; score: number }) => [a.id, a.rank, a.score]);
    expect(pick(copy.stdout)).toEqual(pick(cli(['rank', '--format', 'json']).stdout));
    expect(copy.stderr).toContain('[cells.not-checked]');
    // The project's own data file named explicitly is the project's data: its cells are checked, nothing is said.
    expect(cli(['rank', '--data', 'data/markets.csv']).stderr).toBe('');
  });

  it('a text value in any other file names rubric-free mode and the options that change it', () => {
    const d = fixture({ 't.csv': 'id,a,b\np,1,x\nq,2,3\n' });
    const r = cli(['rank', '--data', join(d, 't.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("row p, column b: 'x' is not a number — read in rubric-free mode (--data without --rubric)");
    expect(r.stderr).toContain('pass --rubric FILE (or --project DIR)');
  });

  it('weights entropy on the rubric data names why a category column is read as a number and --criteria', () => {
    const r = cli(['weights', 'entropy', 'data/markets.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'sovereign' is not a number — weights entropy reads every column other than id and name as a numeric criterion (choose the numeric columns with --criteria a,b)");
  });
});
