import type { Problem } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix } from './method';

/**
 * TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, §3.1.5):
 *   r_ij = x_ij / sqrt(Σ_k x_kj²)            vector normalisation
 *   v_ij = w_j r_ij
 *   A+_j = max_i v_ij (benefit) or min_i v_ij (cost); A−_j the opposite
 *   d+_i = sqrt(Σ_j (v_ij − A+_j)²),  d−_i = sqrt(Σ_j (v_ij − A−_j)²)
 *   C_i  = d−_i / (d+_i + d−_i)              closeness coefficient, in [0, 1]
 * Returns NaN for an alternative with d+ = d− = 0 (every alternative equal on every weighted criterion).
 */
export function topsis(columns: readonly Float64Array[], weights: Float64Array, benefit: readonly boolean[], n: number): Float64Array {
  return topsisDetail(columns, weights, benefit, n).closeness;
}

export interface TopsisDetail {
  /** A+ and A− per criterion, in weighted-normalised units. */
  readonly ideal: Float64Array;
  readonly antiIdeal: Float64Array;
  readonly dPlus: Float64Array;
  readonly dMinus: Float64Array;
  readonly closeness: Float64Array;
}

/** TOPSIS with its intermediate results, for tests and explanations. */
export function topsisDetail(columns: readonly Float64Array[], weights: Float64Array, benefit: readonly boolean[], n: number): TopsisDetail {
  const ideal = new Float64Array(columns.length);
  const antiIdeal = new Float64Array(columns.length);
  const dp = new Float64Array(n);
  const dm = new Float64Array(n);
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j];
    let ss = 0;
    for (let i = 0; i < n; i++) ss += c[i] * c[i];
    const k = weights[j] / Math.sqrt(ss);
    let hi = -Infinity;
    let lo = Infinity;
    for (let i = 0; i < n; i++) {
      const v = c[i] * k;
      if (v > hi) hi = v;
      if (v < lo) lo = v;
    }
    const best = benefit[j] ? hi : lo;
    const worst = benefit[j] ? lo : hi;
    ideal[j] = best;
    antiIdeal[j] = worst;
    for (let i = 0; i < n; i++) {
      const v = c[i] * k;
      dp[i] += (v - best) * (v - best);
      dm[i] += (v - worst) * (v - worst);
    }
  }
  const cc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    dp[i] = Math.sqrt(dp[i]);
    dm[i] = Math.sqrt(dm[i]);
    cc[i] = dm[i] / (dp[i] + dm[i]);
  }
  return { ideal, antiIdeal, dPlus: dp, dMinus: dm, closeness: cc };
}

export class TopsisMethod implements AggregationMethod {
  readonly id = 'topsis' as const;
  readonly name = 'TOPSIS (closeness to the ideal)';
  readonly compensatory = true;
  readonly scoreMeaning = 'closeness coefficient d−/(d+ + d−), 0 to 1';
  check(m: DecisionMatrix): Problem[] {
    const problems: Problem[] = [];
    m.columns.forEach((c, j) => {
      let ss = 0;
      for (let i = 0; i < c.length; i++) ss += c[i] * c[i];
      if (!(ss > 0)) problems.push({ code: 'method.zero-column', file: m.file, path: `column ${m.criteria[j]}`, message: 'every value is 0, so vector normalisation divides by 0', hint: 'drop the column' });
    });
    return problems;
  }
  score(m: DecisionMatrix): Float64Array {
    return topsis(m.columns, m.weights, m.benefit, m.n);
  }
}
