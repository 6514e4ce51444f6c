import type { Problem } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix } from './method';
import { checkRatioInputs, ratioColumns } from './normalise';

/**
 * Weighted product model: P_i = Π_j r_ij ^ w_j, with r the linear-ratio normalised values (or a rubric's criterion
 * scores). Bridgman (1922); Miller & Starr (1969); Triantaphyllou (2000) ch. 2, where alternatives are compared by
 * the ratio P(A_K / A_L) = Π_j (a_Kj / a_Lj)^w_j — which equals P_K / P_L here. Partly compensatory: a zero on any
 * criterion with positive weight gives zero.
 */
export function weightedProduct(columns: readonly Float64Array[], weights: Float64Array, n: number): Float64Array {
  // Summing logs is exact enough and avoids underflow across many criteria; log(0) = -Infinity gives exp → 0.
  const s = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const w = weights[j];
    if (w === 0) continue; // 0^0 is 1: a switched-off criterion contributes nothing, even at a zero score
    const c = columns[j];
    for (let i = 0; i < n; i++) s[i] += w * Math.log(c[i]);
  }
  for (let i = 0; i < n; i++) s[i] = Math.exp(s[i]);
  return s;
}

export class WeightedProductMethod implements AggregationMethod {
  readonly id = 'wpm' as const;
  readonly name = 'weighted product (WPM)';
  readonly compensatory = false;
  readonly scoreMeaning = 'weighted product of criterion scores';
  check(m: DecisionMatrix): Problem[] {
    return checkRatioInputs(m, 'wpm');
  }
  score(m: DecisionMatrix): Float64Array {
    return weightedProduct(ratioColumns(m), m.weights, m.n);
  }
}
