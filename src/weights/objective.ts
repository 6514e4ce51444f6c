/**
 * Data-driven weights over the criterion columns of a matrix (columns are criteria, rows alternatives).
 *
 * Entropy (Shannon 1948 via Hwang & Yoon 1981 §2.2.3; Zeleny 1982): p_ij = x_ij / Σ_i x_ij,
 *   e_j = −(1 / ln m) Σ_i p_ij ln p_ij (0 ln 0 = 0),  d_j = 1 − e_j,  w_j = d_j / Σ_k d_k.
 *   Needs x_ij >= 0 with a positive column sum; a column whose values are all equal gets weight 0.
 *
 * CRITIC (Diakoulaki, Mavrotas & Papayannakis 1995): r_ij = (x_ij − min_j) / (max_j − min_j) (reversed for cost),
 *   σ_j the population standard deviation of r_·j, ρ_jk Pearson correlation,
 *   C_j = σ_j Σ_k (1 − ρ_jk),  w_j = C_j / Σ_k C_k.
 */
export function entropyWeights(columns: readonly Float64Array[]): Float64Array {
  const m = columns[0]?.length ?? 0;
  const d = new Float64Array(columns.length);
  columns.forEach((c, j) => {
    let total = 0;
    for (let i = 0; i < m; i++) total += c[i];
    let h = 0;
    for (let i = 0; i < m; i++) {
      const p = c[i] / total;
      if (p > 0) h -= p * Math.log(p);
    }
    d[j] = 1 - h / Math.log(m);
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
    const span = hi - lo;
    return Float64Array.from(c, (x) => (span === 0 ? 0 : benefit[j] ? (x - lo) / span : (hi - x) / span));
  });
  const mean = r.map((c) => c.reduce((a, b) => a + b, 0) / m);
  const sd = r.map((c, j) => Math.sqrt(c.reduce((a, x) => a + (x - mean[j]) ** 2, 0) / m));
  const corr = (j: number, k: number) => {
    if (sd[j] === 0 || sd[k] === 0) return j === k ? 1 : 0;
    let s = 0;
    for (let i = 0; i < m; i++) s += (r[j][i] - mean[j]) * (r[k][i] - mean[k]);
    return s / m / (sd[j] * sd[k]);
  };
  const c = Float64Array.from(r, (_, j) => sd[j] * r.reduce((acc, _x, k) => acc + (1 - corr(j, k)), 0));
  return normalised(c);
}

function normalised(v: Float64Array): Float64Array {
  const s = v.reduce((a, b) => a + b, 0);
  return v.map((x) => x / s);
}
