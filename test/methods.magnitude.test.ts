import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rankTable } from '../src/scoring/score-rubric';
import { runMethod } from '../src/scoring/method-matrix';
import { WeightedSumMethod, weightedSum } from '../src/methods/wsm';
import { WeightedProductMethod } from '../src/methods/wpm';
import { TopsisMethod, topsis } from '../src/methods/topsis';
import { GateMethod } from '../src/methods/gate';
import type { AggregationMethod, DecisionMatrix } from '../src/methods/method';
import type { Dataset } from '../src/model/dataset';
import { InputError } from '../src/errors/problem';

function dataset(columns: Record<string, number[]>, ids: string[]): Dataset {
  const numeric = new Map(Object.entries(columns).map(([k, v]) => [k, Float64Array.from(v)]));
  return { file: 'm.csv', ids, names: ids, lines: new Int32Array(ids.length), numeric, categorical: new Map(), low: numeric, high: numeric, cells: new Map() };
}
const ranks = (d: Dataset, method: AggregationMethod, weights = Float64Array.of(0.5, 0.5)) => {
  const crit = [...d.numeric.keys()];
  return Object.fromEntries(rankTable(d, crit, weights, new Set(), method).ranking.map((a) => [a.id, a.rank]));
};

describe('TOPSIS at extreme magnitudes (each column divided by its largest magnitude before squaring)', () => {
  // By symmetry (a = 1, 2, 3 against b = 3, 2, 1, equal weights) the three alternatives are equally close to the
  // ideal: C = 0.5 each. Multiplying column a by 1e200 must not change that (its squares used to overflow to ∞).
  it.each([1, 1e200, 1e-200])('a = (1, 2, 3) × %s, b = (3, 2, 1): all three tie', (k) => {
    expect(ranks(dataset({ a: [k, 2 * k, 3 * k], b: [3, 2, 1] }, ['p', 'q', 'r']), new TopsisMethod())).toEqual({ p: 1, q: 1, r: 1 });
  });
  it('closeness stays 0.5 for every alternative at 1e200 (hand value by symmetry)', () => {
    const c = topsis([Float64Array.of(1e200, 2e200, 3e200), Float64Array.of(3, 2, 1)], Float64Array.of(0.5, 0.5), [true, true], 3);
    for (const x of c) expect(x).toBeCloseTo(0.5, 12);
  });
  it('values near 1e-200 are not "every value is 0"; an all-zero column is', () => {
    expect(new TopsisMethod().check({ ...matrix([[1e-200, 2e-200]]) })).toEqual([]);
    expect(new TopsisMethod().check(matrix([[0, 0]]))[0].message).toContain('every value is 0');
  });
});

describe('every method ranks the same when one column is scaled by 10^k, k = −300 … 300', () => {
  const problem = fc.record({
    a: fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 4, maxLength: 4 }),
    b: fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: 4, maxLength: 4 }),
    k: fc.integer({ min: -300, max: 300 }),
  });
  it.each([new WeightedSumMethod(), new WeightedProductMethod(), new TopsisMethod()].map((m) => [m.id, m] as const))('%s', (_id, method) => {
    fc.assert(fc.property(problem, ({ a, b, k }) => {
      const ids = ['w', 'x', 'y', 'z'];
      const base = ranks(dataset({ a, b }, ids), method, Float64Array.of(0.3, 0.7));
      const scaled = ranks(dataset({ a: a.map((x) => x * 10 ** k), b }, ids), method, Float64Array.of(0.3, 0.7));
      expect(scaled).toEqual(base);
    }), { numRuns: 200, seed: 77 });
  });
});

function matrix(rows: number[][], weights = Float64Array.from(rows[0], () => 1)): DecisionMatrix {
  const cols = rows[0].map((_, j) => Float64Array.from(rows, (r) => r[j]));
  return { n: rows.length, columns: cols, weights, benefit: cols.map(() => true), prescaled: true, ids: rows.map((_, i) => `r${i}`), criteria: cols.map((_, j) => `c${j}`), file: 'm.csv' };
}

describe('weights at the top of the double range are normalised dividing by the largest first', () => {
  it('four weights of 1.7e308 score as four equal weights (not all 0)', () => {
    const cols = [Float64Array.of(1, 4), Float64Array.of(2, 3), Float64Array.of(3, 2), Float64Array.of(4, 1)];
    expect([...weightedSum(cols, new Float64Array(4).fill(1.7e308), 2)]).toEqual([...weightedSum(cols, new Float64Array(4).fill(0.25), 2)]);
    // By hand: (1 + 2 + 3 + 4) / 4 = 2.5 and (4 + 3 + 2 + 1) / 4 = 2.5.
    expect([...weightedSum(cols, new Float64Array(4).fill(1.7e308), 2)]).toEqual([2.5, 2.5]);
  });
  it('gate with four condition weights of 1.7e308 gives the hand values', () => {
    const m = { ...matrix([[4, 3, 3, 3], [5, 1, 5, 5]], new Float64Array(4).fill(1.7e308)), conditions: { ids: ['a', 'b', 'c', 'd'], group: Int32Array.of(0, 1, 2, 3), threshold: 2 } };
    // r0: mean 3.25, weakest 3 >= 2 → 3.25;  r1: mean 4, weakest 1 < 2 → capped at 2.
    expect([...runMethod(new GateMethod(), m).scores]).toEqual([3.25, 2]);
  });
});

describe('a non-finite score is explained by its real cause', () => {
  const problem = (method: AggregationMethod, m: DecisionMatrix) => {
    try {
      runMethod(method, m);
    } catch (e) {
      return (e as InputError).problems[0];
    }
    throw new Error('expected an InputError');
  };
  it('wpm: the log of a negative score names the column and the row', () => {
    const p = problem(new WeightedProductMethod(), matrix([[2, 1], [3, -1]]));
    expect(p.message).toBe('wpm: log of a negative value (-1) in column c1 row r1');
    expect(p.path).toBe('row r1, column c1');
  });
  it('topsis: every alternative equal on every weighted criterion', () => {
    const p = problem(new TopsisMethod(), matrix([[2, 5], [2, 5]]));
    expect(p.message).toContain('topsis: every alternative is equal on every weighted criterion');
  });
  it('topsis: equal on the weighted criteria only (the differing one has weight 0) is still that cause', () => {
    const p = problem(new TopsisMethod(), matrix([[2, 1], [2, 9]], Float64Array.of(1, 0)));
    expect(p.message).toContain('every alternative is equal on every weighted criterion');
  });
  it('an infinite input names its cell, under every method', () => {
    for (const method of [new WeightedSumMethod(), new WeightedProductMethod(), new TopsisMethod()]) {
      const p = problem(method, matrix([[1, 2], [Infinity, 1]]));
      expect(p.path).toBe('row r1, column c0');
    }
  });
});
