/**
 * Rank-order centroid weights (Barron & Barrett 1996, "Decision quality using ranked attribute weights"): for n
 * criteria ranked 1 (most important) … n, w_i = (1/n) Σ_{k=i..n} 1/k — the centroid of the simplex region where
 * w_1 >= w_2 >= … >= w_n.
 */
export function rocWeights(n: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i + 1; k <= n; k++) s += 1 / k;
    w[i] = s / n;
  }
  return w;
}
