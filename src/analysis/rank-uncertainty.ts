/**
 * How sure a ranking is, per alternative, read off the SMAA-2 rank acceptabilities the `sensitivity smaa` command
 * computes (same sampler, default sample count and seed, so the headline and the analysis agree to the digit).
 *
 *   rank range      the central 90% of the alternative's rank distribution: [a, b] with a the smallest rank r such
 *                   that P(rank <= r) > 5% and b the smallest r such that P(rank <= r) >= 95%, so at most 5% of the
 *                   samples lie on either side of it;
 *   uncertainty     a grade from the width b − a of that range: 0 → low, 1 → medium, 2 → high, 3 or more → very-high
 *                   (the rank is pinned; it may move one place; two places; further);
 *   tier confidence the share of samples whose tier equals the displayed one. A tier held in fewer than
 *                   TIER_CONFIDENCE_LEVEL of the samples is printed with its share (`entrenched 62%`).
 */
// The pure functions of wip/headline's src/analysis/rank-uncertainty.ts, copied verbatim for the report page until
// that branch is merged; on merge, take wip/headline's file whole (same names and signatures).
type UncertaintyGrade = 'low' | 'medium' | 'high' | 'very-high';

/** The central mass of the rank range. */
export const CENTRAL_MASS = 0.9;
/** Below this share of samples, a displayed tier carries its confidence. */
export const TIER_CONFIDENCE_LEVEL = 0.9;
/** Shares are counts over N, so comparisons allow for the rounding of count / N. */
const EPS = 1e-12;

/** [a, b]: the central CENTRAL_MASS of a rank distribution given as acceptabilities b[r] (rank r + 1). */
export function centralRankRange(acceptability: ArrayLike<number>, mass = CENTRAL_MASS): [number, number] {
  const tail = (1 - mass) / 2;
  let cum = 0;
  let lo = 0;
  let hi = 0;
  for (let r = 0; r < acceptability.length; r++) {
    cum += acceptability[r];
    if (lo === 0 && cum > tail + EPS) lo = r + 1;
    if (cum >= 1 - tail - EPS) {
      hi = r + 1;
      break;
    }
  }
  // A distribution that never reaches the upper quantile through rounding ends at its last rank with any mass.
  if (hi === 0) for (let r = acceptability.length - 1; r >= 0; r--) if (acceptability[r] > 0) { hi = r + 1; break; }
  return [lo || hi, hi];
}

export function uncertaintyGrade(range: readonly [number, number]): UncertaintyGrade {
  const w = range[1] - range[0];
  return w <= 0 ? 'low' : w === 1 ? 'medium' : w === 2 ? 'high' : 'very-high';
}

/** `1–3`, or `2` when the range is one rank. */
export function rangeText(range: readonly [number, number]): string {
  return range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;
}
