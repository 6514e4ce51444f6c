import { describe, expect, it } from 'vitest';
import { rankReversal, worseCopy } from '../src/analysis/rank-reversal';
import type { DecisionMatrix } from '../src/methods/method';
import { SpotisMethod } from '../src/methods/spotis';
import { TopsisMethod } from '../src/methods/topsis';
import { WeightedSumMethod } from '../src/methods/wsm';
import { run } from '../src/cli/main';

// Hand-worked: a (7, 1), b (1, 9), c (3, 3); two benefit criteria, equal weights, bounds 0…10 for SPOTIS.
const m: DecisionMatrix = {
  n: 3, columns: [Float64Array.of(7, 1, 3), Float64Array.of(1, 9, 3)], weights: Float64Array.of(1, 1), benefit: [true, true], prescaled: false,
  ids: ['a', 'b', 'c'], criteria: ['x', 'y'], params: { bounds: [[0, 10], [0, 10]] },
};

describe('rank-reversal checks (Wang & Triantaphyllou 2008)', () => {
  it('TOPSIS reverses a and c when b leaves; SPOTIS, measuring against fixed bounds, does not', () => {
    // With b: TOPSIS C(a) = 0.4823 > C(c) = 0.2905. Without b: r = x/√58 and y/√10, v = r/2; ideal (7/(2√58), 3/(2√10)),
    // anti-ideal (3/(2√58), 1/(2√10)); d+(a) = 2/(2√10) = 0.3162, d−(a) = 4/(2√58) = 0.2626, so C(a) = 0.4537 and,
    // by symmetry, C(c) = 0.5463: c now above a.
    const r = rankReversal([new TopsisMethod(), new SpotisMethod()], m);
    expect(r.methods).toEqual(['topsis', 'spotis']);
    expect(r.reversals.map((x) => [x.method, x.change, x.a, x.b])).toEqual([['topsis', 'remove b', 'a', 'c']]);
    const [x] = r.reversals;
    expect(x.before.map((s) => Number(s.toFixed(4)))).toEqual([0.4823, 0.2905]);
    expect(x.after.map((s) => Number(s.toFixed(4)))).toEqual([0.4537, 0.5463]);
  });
  it('the worse copy moves each criterion 1% of its range towards worse, inside the bounds', () => {
    // Worst under any method here is b or c; for c: x 3 − 0.06, y 3 − 0.08.
    expect(worseCopy(m, 2)).toEqual([3 - 0.06, 3 - 0.08]);
    const atFloor = { ...m, columns: [Float64Array.of(7, 0, 3), Float64Array.of(1, 9, 3)] };
    expect(worseCopy(atFloor, 1)[0]).toBe(0);
    expect(worseCopy({ ...m, benefit: [false, true] }, 2)[0]).toBe(3 + 0.06);
  });
  it('lists a method the data do not fit as not checked, with why', () => {
    const r = rankReversal([new WeightedSumMethod(), new SpotisMethod()], { ...m, params: undefined });
    expect(r.methods).toEqual(['wsm']);
    expect(r.skipped.map((s) => s.method)).toEqual(['spotis']);
  });
  it('moatscore sensitivity reversal --format json reports the same', () => {
    const doc = JSON.parse(run(['sensitivity', 'reversal', '--method', 'topsis,spotis', '--format', 'json'], { isTTY: false, env: {} }).stdout);
    expect(doc.methods).toEqual(['topsis', 'spotis']);
    expect(doc.reversals.filter((x: { method: string }) => x.method === 'spotis')).toEqual([]);
  });
});
