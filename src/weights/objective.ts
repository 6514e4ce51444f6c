import { InputError, type Problem } from '../errors/problem';
import type { Dataset } from '../model/dataset';

/**
 * Data-driven weights over the criterion columns of a matrix (columns are criteria, rows alternatives).
 *
 * Entropy (Shannon 1948 via Hwang & Yoon 1981 §2.2.3; Zeleny 1982): p_ij = x_ij / Σ_i x_ij,
 *   e_j = −(1 / ln m) Σ_i p_ij ln p_ij (0 ln 0 = 0),  d_j = 1 − e_j,  w_j = d_j / Σ_k d_k.
 *   p_ij is a share of the column total, so it needs x_ij >= 0 and Σ_i x_ij > 0. A constant column has p_ij = 1/m,
 *   maximal entropy e_j = 1, diversity d_j = 0 and so weight exactly 0 (set exactly, not left to rounding).
 *
 * CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995): r_ij = (x_ij − min_j) / (max_j − min_j) (reversed for cost),
 *   σ_j the population standard deviation of r_·j, ρ_jk Pearson correlation,
 *   C_j = σ_j Σ_k (1 − ρ_jk),  w_j = C_j / Σ_k C_k.
 *   The min–max step makes CRITIC invariant to shifting a column, so negative values are valid input (a margin of
 *   −3% is data, not an error). A constant column has σ_j = 0, so C_j = 0 and weight exactly 0; its ρ_jk is
 *   undefined (0/0), so it is left out of the other columns' sums: the other weights are those computed without it.
 *
 * When Σ_k d_k or Σ_k C_k is 0 (every column constant; or, for CRITIC, every column perfectly correlated with all
 * the others) the weights are undefined; the shell (objectiveWeights) reports that as an error.
 */
export function entropyWeights(columns: readonly Float64Array[]): Float64Array {
  const m = columns[0]?.length ?? 0;
  const d = new Float64Array(columns.length);
  columns.forEach((c, j) => {
    let hi = 0;
    let constant = true;
    for (let i = 0; i < m; i++) {
      hi = Math.max(hi, c[i]);
      if (c[i] !== c[0]) constant = false;
    }
    if (constant || hi === 0) return;
    // Shares are scale-free: dividing by the largest value first keeps the total finite for values near 1e308.
    let total = 0;
    for (let i = 0; i < m; i++) total += c[i] / hi;
    let h = 0;
    for (let i = 0; i < m; i++) {
      const p = c[i] / hi / total;
      if (p > 0) h -= p * Math.log(p);
    }
    // e_j <= 1 in exact arithmetic; rounding must not turn a near-constant column's diversity negative.
    d[j] = Math.max(0, 1 - h / Math.log(m));
  });
  return normalised(d);
}

export function criticWeights(columns: readonly Float64Array[], benefit: readonly boolean[]): Float64Array {
  const m = columns[0]?.length ?? 0;
  const r = columns.map((c, j) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m; i++) {
      lo = Math.min(lo, c[i]);
      hi = Math.max(hi, c[i]);
    }
    if (hi === lo) return new Float64Array(m);
    // Halving first keeps max − min finite when the column spans more than 1.8e308.
    const k = Number.isFinite(hi - lo) ? 1 : 0.5;
    const span = hi * k - lo * k;
    return Float64Array.from(c, (x) => (benefit[j] ? (x * k - lo * k) / span : (hi * k - x * k) / span));
  });
  const mean = r.map((c) => c.reduce((a, b) => a + b, 0) / m);
  const sd = r.map((c, j) => Math.sqrt(c.reduce((a, x) => a + (x - mean[j]) ** 2, 0) / m));
  const corr = (j: number, k: number) => {
    if (j === k) return 1;
    let s = 0;
    for (let i = 0; i < m; i++) s += (r[j][i] - mean[j]) * (r[k][i] - mean[k]);
    return s / m / (sd[j] * sd[k]);
  };
  const c = Float64Array.from(r, (_, j) => {
    if (sd[j] === 0) return 0;
    let conflict = 0;
    for (let k = 0; k < r.length; k++) if (sd[k] > 0) conflict += 1 - corr(j, k);
    return sd[j] * conflict;
  });
  return normalised(c);
}

function normalised(v: Float64Array): Float64Array {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}

export type ObjectiveMethod = 'entropy' | 'critic';

/**
 * Entropy or CRITIC weights over the selected columns of a table, with its input checked first: entropy refuses
 * negative values and all-zero columns (each named by file, line, row and column); both refuse data on which the
 * weights are undefined (see the kernels' doc comment). `cost` matters to CRITIC only (entropy ignores direction).
 */
export function objectiveWeights(method: ObjectiveMethod, data: Dataset, criteria: readonly string[], cost: ReadonlySet<string>): Float64Array {
  const cols = criteria.map((c) => data.numeric.get(c)!);
  const problems: Problem[] = [];
  if (method === 'entropy') {
    cols.forEach((col, j) => {
      let total = 0;
      col.forEach((x, i) => {
        total += Math.abs(x);
        if (x < 0) problems.push({ code: 'weights.negative-value', file: data.file, line: data.lines[i] || undefined, path: `row ${data.ids[i]}, column ${criteria[j]}`, message: `is ${x}; entropy weights read each value as a share of its column total, which needs values >= 0`, hint: `shift ${criteria[j]} so its minimum is 0, leave it out with --criteria, or use critic, which accepts negative values` });
      });
      if (total === 0 && col.length > 0) problems.push({ code: 'weights.zero-column', file: data.file, path: `column ${criteria[j]}`, message: 'is 0 in every row, so its shares x / Σx are 0/0 and its entropy is undefined', hint: `leave ${criteria[j]} out with --criteria` });
    });
  }
  if (problems.length) throw new InputError(problems);
  const w = method === 'entropy' ? entropyWeights(cols) : criticWeights(cols, criteria.map((c) => !cost.has(c)));
  if (w.some((x) => !Number.isFinite(x))) {
    const why = method === 'entropy' ? 'every column is constant (diversity 0), so no column carries information' : 'every column is constant or perfectly correlated with all the others, so no column carries information of its own';
    throw InputError.one({ code: 'weights.undefined', file: data.file, path: `columns ${criteria.join(', ')}`, message: `${method} weights are undefined: ${why}`, hint: 'add a column whose values differ, or give weights with --weights a=2,b=1' });
  }
  return w;
}
