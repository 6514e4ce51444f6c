import { describe, expect, it } from 'vitest';
import { projectWith } from './rubric-fixture';
import { sensitivityModel } from '../src/analysis/sensitivity-model';
import { ALL_PAIRS_MAX, sweep } from '../src/analysis/sweep';
import { smaa, WINNING_ALL_PAIRS_MAX } from '../src/analysis/smaa';
import { Rng } from '../src/analysis/rng';

/**
 * Above 200 alternatives the sweep reports only the changes that end each interval and SMAA the winning indices of
 * neighbours. The interval itself must stay exact: checked against a brute force over every pair of the closed form.
 */
const DICT = `indicators:
  - { id: x1, kind: amount, name: X1, meaning: m }
  - { id: x2, kind: amount, name: X2, meaning: m }
  - { id: x3, kind: amount, name: X3, meaning: m }
`;
const RUBRIC = (method: string, gate = '') => `id: big
title: Many alternatives
method: ${method}
scale: { min: 0, max: 5 }
conditions:
  - { id: c1, name: C1, weight: 0.5, criteria: [{ id: k, name: K, weight: 1, rule: { type: raw, indicator: x1, direction: benefit, range: [0, 5] } }] }
  - { id: c2, name: C2, weight: 0.3, criteria: [{ id: k, name: K, weight: 1, rule: { type: raw, indicator: x2, direction: benefit, range: [0, 5] } }] }
  - { id: c3, name: C3, weight: 0.2, criteria: [{ id: k, name: K, weight: 1, rule: { type: raw, indicator: x3, direction: benefit, range: [0, 5] } }] }
tiers: [{ id: t, when: "true" }]
${gate}`;
const N = 240;
const rng = new Rng(31);
const rows = Array.from({ length: N }, () => [rng.next() * 5, rng.next() * 5, rng.next() * 5]);
const DATA = 'id,x1,x2,x3\n' + rows.map((r, i) => `m${i},${r.join(',')}`).join('\n') + '\n';
const W = [0.5, 0.3, 0.2];

/** Brute force: every pair's crossing t* = (b_k − b_i)/((a_i − a_k) − (b_i − b_k)) on the sweep of condition c. */
function bruteInterval(c: number): [number, number] {
  const a = rows.map((r) => r[c]);
  const b = rows.map((r) => r.reduce((acc, x, k) => (k === c ? acc : acc + (W[k] * x) / (1 - W[c])), 0));
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < N; i++) for (let k = i + 1; k < N; k++) {
    const t = (b[k] - b[i]) / (a[i] - a[k] - (b[i] - b[k]));
    if (!(t > 0 && t < 1)) continue;
    if (t < W[c] && t > lo) lo = t;
    if (t > W[c] && t < hi) hi = t;
  }
  return [lo, hi];
}

describe(`sweep and SMAA above ${ALL_PAIRS_MAX} alternatives`, () => {
  it('WSM: the interval from neighbours in the base order equals the all-pairs brute force', () => {
    const { rubric, data } = projectWith(RUBRIC('wsm'), DATA, DICT).load();
    const r = sweep(sensitivityModel(rubric, data, 'wsm'));
    expect(r.scope).toBe('first-change');
    r.conditions.forEach((cs, c) => {
      const [lo, hi] = bruteInterval(c);
      expect(cs.holdsFrom).toBeCloseTo(lo, 12);
      expect(cs.holdsTo).toBeCloseTo(hi, 12);
      for (const s of cs.swaps) expect([cs.holdsFrom, cs.holdsTo]).toContain(s.weight);
    });
  });
  it('the numeric sweep (gate, threshold 0, equal to WSM) finds the same interval by comparing sorted rankings', () => {
    const { rubric, data } = projectWith(RUBRIC('gate', 'gate: { threshold: 0, tier: t }'), DATA, DICT).load();
    const r = sweep(sensitivityModel(rubric, data, 'gate'));
    r.conditions.forEach((cs, c) => {
      const [lo, hi] = bruteInterval(c);
      // The tie tolerance (1e-9 relative) moves the point at which a near pair counts as changed by about that much.
      expect(cs.holdsFrom).toBeCloseTo(lo, 7);
      expect(cs.holdsTo).toBeCloseTo(hi, 7);
    });
  });
  it(`SMAA reports the winning index of base-ranking neighbours only, and both directions sum to at most 1`, () => {
    const { rubric, data } = projectWith(RUBRIC('wsm'), DATA, DICT).load();
    const r = smaa(sensitivityModel(rubric, data, 'wsm'), { samples: 500, seed: 2, sampler: 'dirichlet', level: 'conditions', values: false });
    expect(N).toBeGreaterThan(WINNING_ALL_PAIRS_MAX);
    expect(r.winning).toBeNull();
    expect(r.adjacentWinning).toHaveLength(N - 1);
    // The leader at the base weights: the row with the highest 0.5 x1 + 0.3 x2 + 0.2 x3, by hand over the data.
    const best = rows.map((x, i) => [0.5 * x[0] + 0.3 * x[1] + 0.2 * x[2], i]).sort((p, q) => q[0] - p[0])[0][1];
    expect(r.adjacentWinning![0].above).toBe(`m${best}`);
    for (const a of r.adjacentWinning!) expect(a.cAbove + a.cBelow).toBeLessThanOrEqual(1);
  });
});
