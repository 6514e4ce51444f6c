import { Rng } from './rng';

/**
 * Rank correlation between two paired samples, and an exact permutation test of it: pure functions over numeric
 * arrays, shared by `backtest` and by any command that compares two orderings.
 *
 * Average ranks (mid-ranks): tied values share the mean of the ranks they span, so [10, 20, 20, 30] → [1, 2.5, 2.5, 4].
 *
 * Spearman's ρ (Spearman 1904): Pearson's correlation of the average ranks,
 *   ρ = Σ (a_i − ā)(b_i − b̄) / sqrt(Σ (a_i − ā)² · Σ (b_i − b̄)²),  ā = b̄ = (n + 1)/2,
 * which equals 1 − 6 Σ d_i² / (n(n² − 1)) only when there are no ties.
 *
 * Kendall's τ-b (Kendall 1945, the tie-corrected form): over the n0 = n(n − 1)/2 pairs,
 *   τ_b = (n_c − n_d) / sqrt((n0 − n1)(n0 − n2)),
 * n_c / n_d the concordant / discordant pairs, n1 = Σ t(t − 1)/2 over groups of t tied x values, n2 likewise in y
 * (a pair tied in x, y or both is neither concordant nor discordant).
 *
 * One-sided permutation test after Pitman (1937): under the null hypothesis that the pairing is arbitrary, every
 * one of the n! pairings of the y values with the fixed x values is equally likely; the p-value is the share of
 * pairings whose Spearman ρ is at least the observed one (alternative: higher x goes with higher y). Enumerated
 * exactly up to n = EXACT_MAX_N (10! = 3,628,800 pairings); above that, a seeded Monte Carlo estimate
 * (b + 1)/(m + 1) over m random pairings, which never gives 0 (Phipson & Smyth 2010).
 */

/** Largest n for which the permutation test enumerates every pairing. */
export const EXACT_MAX_N = 10;

/** Random pairings drawn above EXACT_MAX_N, and their default seed. */
export const MONTE_CARLO_DEFAULTS = { samples: 100_000, seed: 20261121 } as const;

/** 1-based average ranks of `x`: ties share the mean of the ranks they span. */
export function averageRanks(x: ArrayLike<number>): Float64Array {
  const n = x.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const ranks = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && x[order[end]] === x[order[start]]) end++;
    const mid = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]] = mid;
    start = end;
  }
  return ranks;
}

function checkPaired(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`paired samples differ in length (${x.length} and ${y.length})`);
  return x.length;
}

/** Pearson correlation of two equal-length arrays; NaN when either is constant or n < 2. */
function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return n < 2 || saa === 0 || sbb === 0 ? NaN : sab / Math.sqrt(saa * sbb);
}

/** Spearman's ρ with average ranks for ties; NaN when either sample is constant or n < 2. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  checkPaired(x, y);
  return pearson(averageRanks(x), averageRanks(y));
}

/** Kendall's τ-b (tie-corrected); NaN when either sample is constant or n < 2. O(n²), meant for small n. */
export function kendallTauB(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = checkPaired(x, y);
  let concordant = 0;
  let discordant = 0;
  let tiedX = 0;
  let tiedY = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = Math.sign(x[i] - x[j]);
      const dy = Math.sign(y[i] - y[j]);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx * dy > 0) concordant++;
      else if (dx * dy < 0) discordant++;
    }
  }
  const n0 = (n * (n - 1)) / 2;
  const denom = Math.sqrt((n0 - tiedX) * (n0 - tiedY));
  return denom === 0 ? NaN : (concordant - discordant) / denom;
}

export interface PermutationTest {
  /** Share of pairings with ρ ≥ the observed ρ; NaN when ρ is undefined (a constant sample). */
  readonly pValue: number;
  readonly exact: boolean;
  /** Pairings enumerated (exact: n!) or drawn (Monte Carlo). */
  readonly permutations: number;
  /** Exact only: the smallest p-value any pairing of these values can reach (1/n! without ties). */
  readonly smallestP: number | null;
  /** Monte Carlo only: the seed of the draws. */
  readonly seed: number | null;
}

/**
 * One-sided permutation p-value of Spearman's ρ (see the module comment). ρ is compared through the integer
 * S = Σ (2a_i)(2b_π(i)) of doubled average ranks: ρ is an increasing function of S (the means and the sums of
 * squares are the same for every pairing), and S is exact in floating point, so pairings that tie the observed ρ
 * are counted without a tolerance.
 */
export function spearmanPermutationTest(x: ArrayLike<number>, y: ArrayLike<number>, opts: { samples?: number; seed?: number } = {}): PermutationTest {
  const n = checkPaired(x, y);
  const a = averageRanks(x).map((r) => 2 * r);
  const b = averageRanks(y).map((r) => 2 * r);
  const dot = (p: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i] * p[i];
    return s;
  };
  const observed = dot(b);
  if (Number.isNaN(pearson(a, b))) return { pValue: NaN, exact: n <= EXACT_MAX_N, permutations: 0, smallestP: null, seed: null };
  if (n <= EXACT_MAX_N) {
    // Heap's algorithm (Heap 1963): every permutation of b, each reached by one swap from the previous.
    const p = Float64Array.from(b);
    const c = new Int32Array(n);
    let total = 1;
    let atLeast = 1;
    let best = observed;
    let atBest = 1;
    for (let i = 1; i < n; ) {
      if (c[i] < i) {
        const k = i % 2 === 0 ? 0 : c[i];
        const t = p[k];
        p[k] = p[i];
        p[i] = t;
        const s = dot(p);
        total++;
        if (s >= observed) atLeast++;
        if (s > best) {
          best = s;
          atBest = 1;
        } else if (s === best) atBest++;
        c[i]++;
        i = 1;
      } else {
        c[i] = 0;
        i++;
      }
    }
    return { pValue: atLeast / total, exact: true, permutations: total, smallestP: atBest / total, seed: null };
  }
  const samples = opts.samples ?? MONTE_CARLO_DEFAULTS.samples;
  const seed = opts.seed ?? MONTE_CARLO_DEFAULTS.seed;
  const rng = new Rng(seed);
  const p = Float64Array.from(b);
  let atLeast = 0;
  for (let m = 0; m < samples; m++) {
    for (let i = n - 1; i > 0; i--) {
      const k = Math.floor(rng.next() * (i + 1)); // Fisher–Yates
      const t = p[k];
      p[k] = p[i];
      p[i] = t;
    }
    if (dot(p) >= observed) atLeast++;
  }
  return { pValue: (atLeast + 1) / (samples + 1), exact: false, permutations: samples, smallestP: null, seed };
}
