/**
 * Analytic Hierarchy Process weights (Saaty 1977, "A scaling method for priorities in hierarchical structures";
 * Saaty 1980, *The Analytic Hierarchy Process*):
 *   w = principal right eigenvector of the pairwise comparison matrix A, normalised to sum 1, found by power
 *       iteration w ← A w / ‖A w‖₁ until the change is below 1e-12;
 *   λmax = mean_i (A w)_i / w_i;   CI = (λmax − n) / (n − 1);   CR = CI / RI(n).
 * RI is Saaty's random index (Saaty 1980, table 1.7): n = 1…10 → 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49.
 * For n <= 2 every reciprocal matrix is consistent and CR is 0.
 */
export const SAATY_RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];
export const RANDOM_INDEX_NAME = 'Saaty (1980), table 1.7';

/** Saaty's rule (1980): a consistency ratio up to 0.10 is acceptable; above it the weights come with a warning. */
export const AHP_WARN_CR = 0.1;
/** Above this CR the matrix is refused unless the user raises the limit (rubric `maxCr`, `weights ahp --max-cr`). */
export const AHP_DEFAULT_MAX_CR = 0.2;

export interface AhpResult {
  readonly weights: Float64Array;
  readonly lambdaMax: number;
  readonly ci: number;
  readonly cr: number;
  readonly randomIndex: number;
  readonly iterations: number;
}

export function ahpWeights(a: readonly (readonly number[])[]): AhpResult {
  const n = a.length;
  let w = new Float64Array(n).fill(1 / n);
  let iterations = 0;
  for (; iterations < 10_000; iterations++) {
    const next = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) next[i] += a[i][j] * w[j];
      total += next[i];
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      next[i] /= total;
      delta = Math.max(delta, Math.abs(next[i] - w[i]));
    }
    w = next;
    if (delta < 1e-12) break;
  }
  let lambda = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i][j] * w[j];
    lambda += s / w[i];
  }
  const lambdaMax = lambda / n;
  const ci = n > 1 ? (lambdaMax - n) / (n - 1) : 0;
  const randomIndex = n <= SAATY_RANDOM_INDEX.length ? SAATY_RANDOM_INDEX[n - 1] : NaN;
  const cr = n <= 2 ? 0 : ci / randomIndex;
  return { weights: w, lambdaMax, ci: n <= 2 ? 0 : ci, cr, randomIndex, iterations };
}

export interface MatrixProblem { readonly code: string; readonly message: string; readonly row?: number; readonly column?: number; readonly hint: string }

/** Square, positive, unit diagonal, on Saaty's 1/9…9 scale, reciprocal (a_ji · a_ij = 1 within 1%: 1/3 written 0.333 passes). */
export function checkComparisonMatrix(a: readonly (readonly number[])[]): MatrixProblem[] {
  const n = a.length;
  const out: MatrixProblem[] = [];
  if (n === 0) return [{ code: 'ahp.empty', message: 'the matrix has no rows', hint: 'write one row and one column per criterion' }];
  if (n > SAATY_RANDOM_INDEX.length) out.push({ code: 'ahp.too-large', message: `${n} criteria; the random index is tabulated up to ${SAATY_RANDOM_INDEX.length}`, hint: 'group criteria into a hierarchy' });
  a.forEach((row, i) => {
    if (row.length !== n) out.push({ code: 'ahp.not-square', row: i + 1, message: `row ${i + 1} has ${row.length} entries, the matrix has ${n} rows`, hint: 'the matrix must be square' });
  });
  if (out.length) return out;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = a[i][j];
      if (!(v > 0) || !Number.isFinite(v)) out.push({ code: 'ahp.not-positive', row: i + 1, column: j + 1, message: `entry (${i + 1}, ${j + 1}) is ${v}`, hint: 'comparisons are positive: 1/9 … 9' });
      else if (i === j && Math.abs(v - 1) > 1e-9) out.push({ code: 'ahp.bad-diagonal', row: i + 1, column: j + 1, message: `diagonal entry (${i + 1}, ${i + 1}) is ${v}`, hint: 'an element compared with itself is 1' });
      else if (v < 1 / 9 - 1e-3 || v > 9 + 1e-9) out.push({ code: 'ahp.off-scale', row: i + 1, column: j + 1, message: `entry (${i + 1}, ${j + 1}) is ${v}, off Saaty's 1/9 … 9 scale`, hint: 'use 1/9 … 9' });
      else if (j > i && Math.abs(v * a[j][i] - 1) > 0.01) out.push({ code: 'ahp.not-reciprocal', row: j + 1, column: i + 1, message: `entry (${j + 1}, ${i + 1}) is ${a[j][i]}, but the reciprocal of (${i + 1}, ${j + 1}) = ${v} is ${+(1 / v).toFixed(4)}`, hint: 'a_ji must be 1 / a_ij' });
    }
  }
  return out;
}
