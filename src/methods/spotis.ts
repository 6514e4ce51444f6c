import type { Problem } from '../errors/problem';
import { nonFiniteInput, weightedColumnSum, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';

/**
 * SPOTIS (Dezert, Tchamova, Han & Tacnet 2020, "The SPOTIS rank reversal free method for multi-criteria
 * decision-making support", FUSION 2020, §III):
 *   [S_j^min, S_j^max] the bounds of criterion j, given by the analyst (--bounds) or, in a rubric, its scale
 *   S*_j = S_j^max for a benefit criterion, S_j^min for a cost one      the ideal solution point
 *   d_ij = |x_ij − S*_j| / (S_j^max − S_j^min)
 *   d_i  = Σ_j w_j d_ij                                                  distance, in [0, 1], lower is better
 * The score reported is −d_i. Each alternative is measured against fixed bounds, never against the others, so adding
 * or removing an alternative cannot reorder the rest: rank-reversal free. Compensatory (a weighted sum of distances).
 */
export class PreparedSpotis implements PreparedMethod {
  private readonly d: Float64Array[];
  private readonly w: Float64Array;
  constructor(m: DecisionMatrix, bounds: readonly (readonly [number, number])[], readonly n: number) {
    this.w = new Float64Array(m.columns.length);
    this.d = m.columns.map((c, j) => {
      const [lo, hi] = bounds[j];
      const ideal = m.benefit[j] ? hi : lo;
      const out = new Float64Array(c.length);
      for (let i = 0; i < c.length; i++) out[i] = Math.abs(c[i] - ideal) / (hi - lo);
      return out;
    });
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    // Higher is better: the score is minus the weighted distance to the ideal point.
    weightedColumnSum(this.d, weights, this.w, out, this.n, block, blocks);
    const n = this.n * blocks;
    for (let i = 0; i < n; i++) out[i] = 0 - out[i]; // 0 − x, not −x: a distance of 0 scores 0, never −0
  }
}

/** The bounds of each column: the matrix's params, else none (a problem in check). */
function boundsOf(m: DecisionMatrix): ((readonly [number, number]) | undefined)[] {
  return m.columns.map((_, j) => m.params?.bounds?.[j]);
}

export class SpotisMethod implements AggregationMethod {
  readonly id = 'spotis' as const;
  readonly name = 'SPOTIS (distance to the ideal within fixed bounds)';
  readonly compensatory = true;
  readonly scoreMeaning = '−distance to the ideal point within the bounds, −1 to 0';
  /** Bounds are required (no silent min/max of the data: that would bring rank reversal back) and must hold the data. */
  check(m: DecisionMatrix): Problem[] {
    const problems: Problem[] = [];
    boundsOf(m).forEach((b, j) => {
      if (!b) {
        problems.push({ code: 'method.no-bounds', file: m.file, path: `column ${m.criteria[j]}`, message: 'spotis needs the bounds of every criterion', hint: `give them with --bounds ${m.criteria[j]}=min:max` });
        return;
      }
      const c = m.columns[j];
      for (let i = 0; i < c.length; i++) {
        if (c[i] < b[0] || c[i] > b[1]) {
          problems.push({ code: 'method.out-of-bounds', file: m.file, path: `row ${m.ids[i % m.ids.length]}, column ${m.criteria[j]}`, message: `${c[i]} is outside the bounds ${b[0]}:${b[1]}`, hint: 'widen the bounds with --bounds' });
          return;
        }
      }
    });
    return problems;
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedSpotis(m, boundsOf(m).map((b) => b ?? [0, 1]), m.n / blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    const s = new Float64Array(m.n);
    this.prepare(m).score(w, s);
    return { distance: s.map((x) => -x) };
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteInput(m, 'spotis', row) ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'spotis gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
