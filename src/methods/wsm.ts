import type { Problem } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix } from './method';
import { checkRatioInputs, ratioColumns } from './normalise';

/**
 * Weighted sum model: S_i = Σ_j w_j r_ij, with r the linear-ratio normalised values (or a rubric's criterion scores).
 * Fishburn (1967), "Additive utilities with incomplete product set"; Triantaphyllou (2000), *Multi-criteria Decision
 * Making Methods: A Comparative Study*, ch. 2. Compensatory: a high r_ij offsets a low one.
 */
export function weightedSum(columns: readonly Float64Array[], weights: Float64Array, n: number): Float64Array {
  const s = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const w = weights[j];
    const c = columns[j];
    for (let i = 0; i < n; i++) s[i] += w * c[i];
  }
  return s;
}

export class WeightedSumMethod implements AggregationMethod {
  readonly id = 'wsm' as const;
  readonly name = 'weighted sum (WSM)';
  readonly compensatory = true;
  readonly scoreMeaning = 'weighted sum of criterion scores';
  check(m: DecisionMatrix): Problem[] {
    return checkRatioInputs(m, 'wsm');
  }
  score(m: DecisionMatrix): Float64Array {
    return weightedSum(ratioColumns(m), m.weights, m.n);
  }
}
