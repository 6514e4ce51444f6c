import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli, fixture } from './helpers';

/**
 * Every command on a plain CSV (issue #12, item 4): the criteria act as the conditions, over the matrix `rank`
 * builds. Hand-worked table: p = (1, 5, 3), q = (2, 4, 1), r = (3, 2, 2), all benefit. WSM divides each column by its
 * largest value: a → (1/3, 2/3, 1), b → (1, 0.8, 0.4), c → (1, 1/3, 2/3). At weights a 0.5, b 0.25, c 0.25 the
 * scores are p 2/3, q 0.61667, r 0.76667: r > p > q.
 */
const PLAIN = 'id,a,b,c\np,1,5,3\nq,2,4,1\nr,3,2,2\n';
const dir = fixture({ 'plain.csv': PLAIN, 'dominated.csv': 'id,a,b\nx,2,2\ny,1,1\n' });
const data = ['--data', join(dir, 'plain.csv'), '--weights', 'a=2,b=1,c=1'];
const json = (args: string[]) => {
  const r = cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

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
