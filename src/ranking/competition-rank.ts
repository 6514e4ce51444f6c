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
 * The one ranking of moatscore: rank calls it once, the analyses once per sample, with buffers made once (a stable
 * merge sort, O(n log n), that allocates nothing per call).
 */
export class Ranker {
  readonly order: Uint32Array;
  readonly rank: Uint32Array;
  private readonly tmp: Uint32Array;
  private readonly sorted: Float64Array;
  private readonly rankAt: Uint32Array;
  private s: ArrayLike<number> = [];

  constructor(readonly n: number) {
    this.order = new Uint32Array(n);
    this.rank = new Uint32Array(n);
    this.tmp = new Uint32Array(n);
    this.sorted = new Float64Array(n);
    this.rankAt = new Uint32Array(n);
  }

  /**
   * The same ranks as run(), into `rank`, without the order: the scores are sorted as plain numbers (the engine's
   * native sort), tie groups formed along them by the same rule, and each alternative's rank found by binary search
   * for its score. Equal scores are adjacent, so they always share a group. What SMAA calls once per sample.
   */
  ranks(scores: ArrayLike<number>): Uint32Array {
    const { n, sorted, rankAt, rank } = this;
    if (n <= 32) {
      // Short lists: an insertion sort in place beats the call into the engine's sort.
      for (let i = 0; i < n; i++) {
        const x = scores[i];
        let k = i;
        while (k > 0 && sorted[k - 1] > x) {
          sorted[k] = sorted[k - 1];
          k--;
        }
        sorted[k] = x;
      }
    } else {
      for (let i = 0; i < n; i++) sorted[i] = scores[i];
      sorted.sort(); // ascending; position q from the top is n − 1 − q
    }
    let startValue = 0;
    let start = 0;
    for (let q = 0; q < n; q++) {
      const v = sorted[n - 1 - q];
      if (q === 0 || !isTie(startValue, v)) {
        startValue = v;
        start = q;
      }
      rankAt[q] = start + 1;
    }
    for (let i = 0; i < n; i++) {
      // Highest ascending index holding exactly scores[i]: its first position from the top.
      const x = scores[i];
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (sorted[mid] <= x) lo = mid;
        else hi = mid - 1;
      }
      rank[i] = rankAt[n - 1 - lo];
    }
    return rank;
  }

  /** Ranks `scores` (length n) into `order` (best first) and `rank` (1-based, by alternative). */
  run(scores: ArrayLike<number>): this {
    const { n, order, rank } = this;
    this.s = scores;
    for (let i = 0; i < n; i++) order[i] = i;
    this.sort(0, n);
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && isTie(scores[order[start]], scores[order[end]])) end++;
      // A tie group lists in input order.
      if (end - start > 1) this.byIndex(start, end);
      for (let k = start; k < end; k++) rank[order[k]] = start + 1;
      start = end;
    }
    return this;
  }

  /**
   * Whether alternative i ranks first among the n scores starting at `from` (one block of a batch): no score is above
   * it by more than the tie tolerance, i.e. its competition rank is 1 (O(n), no sort).
   */
  static isFirst(scores: ArrayLike<number>, i: number, from = 0, n = scores.length - from): boolean {
    const si = scores[from + i];
    for (let k = from; k < from + n; k++) if (scores[k] > si && !isTie(scores[k], si)) return false;
    return true;
  }

  /** Insertion sort of a tie group by input index (tie groups are short). */
  private byIndex(from: number, to: number): void {
    const order = this.order;
    for (let a = from + 1; a < to; a++) {
      const x = order[a];
      let b = a;
      while (b > from && order[b - 1] > x) {
        order[b] = order[b - 1];
        b--;
      }
      order[b] = x;
    }
  }

  /** Stable merge sort of order[from, to) by score, highest first (insertion sort below 16 elements). */
  private sort(from: number, to: number): void {
    const { order, tmp, s } = this;
    if (to - from <= 16) {
      for (let a = from + 1; a < to; a++) {
        const x = order[a];
        const sx = s[x];
        let b = a;
        while (b > from && s[order[b - 1]] < sx) {
          order[b] = order[b - 1];
          b--;
        }
        order[b] = x;
      }
      return;
    }
    const mid = (from + to) >>> 1;
    this.sort(from, mid);
    this.sort(mid, to);
    if (s[order[mid - 1]] >= s[order[mid]]) return;
    let i = from;
    let j = mid;
    let k = from;
    while (i < mid && j < to) tmp[k++] = s[order[j]] > s[order[i]] ? order[j++] : order[i++];
    while (i < mid) tmp[k++] = order[i++];
    while (j < to) tmp[k++] = order[j++];
    for (k = from; k < to; k++) order[k] = tmp[k];
  }
}

export function competitionRank(scores: ArrayLike<number>): { order: Uint32Array; rank: Uint32Array } {
  const r = new Ranker(scores.length).run(scores);
  return { order: r.order, rank: r.rank };
}
