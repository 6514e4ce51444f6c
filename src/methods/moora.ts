import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, weightedColumnSum, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { checkVectorColumns, vectorNormalise } from './normalise';

/**
 * MOORA, ratio system (Brauers & Zavadskas 2006, "The MOORA method and its application to privatization in a
 * transition economy", Control and Cybernetics 35(2)):
 *   r_ij = x_ij / sqrt(Σ_k x_kj²)                    vector normalisation
 *   y_i  = Σ_{j benefit} w_j r_ij − Σ_{j cost} w_j r_ij
 * Higher y is better. Compensatory; the normalisation couples the rows, so not rank-reversal free. A column is
 * first divided by its largest magnitude so that Σ x² cannot overflow.
 */
export class PreparedMoora implements PreparedMethod {
  /** Vector-normalised columns, negated for cost criteria: what the ratio system sums. */
  readonly r: Float64Array[];
  private readonly w: Float64Array;
  constructor(m: DecisionMatrix, readonly n: number, blocks = 1) {
    this.w = new Float64Array(m.columns.length);
    this.r = m.columns.map((c, j) => {
      const r = new Float64Array(c.length);
      const sign = m.benefit[j] ? 1 : -1;
      for (let b = 0; b < blocks; b++) vectorNormalise(c, r, b * n, b * n + n);
      if (sign < 0) for (let i = 0; i < r.length; i++) r[i] = -r[i];
      return r;
    });
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    weightedColumnSum(this.r, weights, this.w, out, this.n, block, blocks);
  }
}

export class MooraMethod implements AggregationMethod {
  readonly id = 'moora' as const;
  readonly name = 'MOORA ratio system';
  readonly compensatory = true;
  readonly scoreMeaning = 'weighted benefit ratios minus weighted cost ratios';
  check(m: DecisionMatrix): Problem[] {
    return checkVectorColumns(m);
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedMoora(m, m.n / blocks, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  criterionScores(m: DecisionMatrix): readonly Float64Array[] {
    return new PreparedMoora(m, m.n).r;
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteAnywhere(m, 'moora') ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'moora gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
