import type { Problem } from '../errors/problem';
import { nonFiniteInput, weightedColumnSum, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { checkRatioInputs, ratioColumns } from './normalise';

/**
 * Weighted sum model: S_i = Σ_j w_j r_ij, with r the linear-ratio normalised values (or a rubric's criterion scores)
 * and w the weights as fractions of their sum. Fishburn (1967), "Additive utilities with incomplete product set";
 * Triantaphyllou (2000), *Multi-criteria Decision Making Methods: A Comparative Study*, ch. 2. Compensatory: a high
 * r_ij offsets a low one. A criterion of weight 0 contributes nothing.
 */
export class PreparedWsm implements PreparedMethod {
  private readonly w: Float64Array;
  constructor(private readonly columns: readonly Float64Array[], readonly n: number) {
    this.w = new Float64Array(columns.length);
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    weightedColumnSum(this.columns, weights, this.w, out, this.n, block, blocks);
  }
}

/** WSM over columns already on one scale (benefit), for tests and library users. */
export function weightedSum(columns: readonly Float64Array[], weights: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  new PreparedWsm(columns, n).score(weights, out);
  return out;
}

export class WeightedSumMethod implements AggregationMethod {
  readonly id = 'wsm' as const;
  readonly name = 'weighted sum (WSM)';
  readonly compensatory = true;
  readonly scoreMeaning = 'weighted sum of criterion scores';
  check(m: DecisionMatrix): Problem[] {
    return checkRatioInputs(m, 'wsm');
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedWsm(ratioColumns(m, blocks), m.n / blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  criterionScores(m: DecisionMatrix): readonly Float64Array[] {
    return ratioColumns(m);
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteInput(m, 'wsm', row) ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'wsm gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
