import type { Problem } from '../errors/problem';
import { nonFiniteInput, weightedColumnSum, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { checkRatioInputs, ratioColumns } from './normalise';

/**
 * Weighted product model: P_i = Π_j r_ij ^ w_j, with r the linear-ratio normalised values (or a rubric's criterion
 * scores) and w the weights as fractions of their sum. Bridgman (1922); Miller & Starr (1969); Triantaphyllou (2000)
 * ch. 2, where alternatives are compared by the ratio P(A_K / A_L) = Π_j (a_Kj / a_Lj)^w_j — which equals P_K / P_L
 * here. Partly compensatory: a zero on any criterion with positive weight gives zero; a criterion of weight 0 is
 * switched off (0^0 = 1), even at a zero score.
 * Computed as exp(Σ_j w_j ln r_ij): the logarithms are weight-independent, so they are taken once per matrix, and
 * summing them cannot underflow across many criteria; ln 0 = −∞ gives exp → 0.
 */
export class PreparedWpm implements PreparedMethod {
  private readonly logs: Float64Array[];
  private readonly w: Float64Array;
  constructor(columns: readonly Float64Array[], readonly n: number) {
    this.logs = columns.map((c) => c.map(Math.log));
    this.w = new Float64Array(columns.length);
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    weightedColumnSum(this.logs, weights, this.w, out, this.n, block, blocks);
    const n = this.n * blocks;
    for (let i = 0; i < n; i++) out[i] = Math.exp(out[i]);
  }
}

/** WPM over columns already on one scale (benefit), for tests and library users. */
export function weightedProduct(columns: readonly Float64Array[], weights: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  new PreparedWpm(columns, n).score(weights, out);
  return out;
}

export class WeightedProductMethod implements AggregationMethod {
  readonly id = 'wpm' as const;
  readonly name = 'weighted product (WPM)';
  readonly compensatory = 'partly' as const;
  readonly scoreMeaning = 'weighted product of criterion scores';
  check(m: DecisionMatrix): Problem[] {
    return checkRatioInputs(m, 'wpm');
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedWpm(ratioColumns(m, blocks), m.n / blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  /** NaN comes from the log of a negative score (or of NaN), +∞ from an infinite one, ∞ − ∞ from 0 beside +∞. */
  diagnose(m: DecisionMatrix, w: ArrayLike<number>, row: number): Problem {
    const bad = nonFiniteInput(m, 'wpm', row);
    if (bad) return bad;
    const cols = ratioColumns(m);
    for (let j = 0; j < cols.length; j++) {
      if (w[j] !== 0 && cols[j][row] < 0) {
        return { code: 'method.log-negative', file: m.file, path: `row ${m.ids[row]}, column ${m.criteria[j]}`, message: `wpm: log of a negative value (${cols[j][row]}) in column ${m.criteria[j]} row ${m.ids[row]}`, hint: 'a weighted product needs scores >= 0: rescale the criterion, or use --method wsm' };
      }
    }
    return { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'wpm gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
