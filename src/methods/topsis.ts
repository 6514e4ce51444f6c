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
    for (let i = 0; i < n; i++) {
      const v = c[i] * k;
      dp[i] += (v - best) * (v - best);
      dm[i] += (v - worst) * (v - worst);
    }
  }
  const cc = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = Math.sqrt(dp[i]);
    const b = Math.sqrt(dm[i]);
    cc[i] = b / (a + b);
  }
  return cc;
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
