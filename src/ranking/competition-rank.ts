/** Scores closer than this (relative) are a tie: float noise must not decide a rank. */
export const TIE_TOLERANCE = 1e-9;

export function isTie(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Standard competition ranking ("1224"): sorted by score, highest first; tied alternatives share the best rank of
 * their group and the next rank skips. Within a tie, input order decides the listing order, so the output is
 * deterministic and permuting the input permutes nothing but the tie listing. NaN scores are an internal error
 * upstream and never reach here.
 */
export function competitionRank(scores: ArrayLike<number>): { order: Uint32Array; rank: Uint32Array } {
  const n = scores.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => scores[b] - scores[a] || a - b);
  const rank = new Uint32Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    while (end < n && isTie(scores[order[start]], scores[order[end]])) end++;
    // A tie group lists in input order.
    if (end - start > 1) order.subarray(start, end).sort();
    for (let k = start; k < end; k++) rank[order[k]] = start + 1;
    start = end;
  }
  return { order, rank };
}
