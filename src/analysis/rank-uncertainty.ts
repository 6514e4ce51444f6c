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
import type { RankingUncertainty, RankUncertainty, UncertaintyGrade } from '../model/result';

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

/** The tier as displayed: with its confidence when that is below TIER_CONFIDENCE_LEVEL. */
export function tierLabel(tier: string | null, u: RankUncertainty | undefined): string {
  if (tier === null) return '';
  if (!u || u.tierConfidence === null || u.tierConfidence >= TIER_CONFIDENCE_LEVEL) return tier;
  return `${tier} ${Math.floor(u.tierConfidence * 100)}%`;
}

/** `1–3`, or `2` when the range is one rank. */
export function rangeText(range: readonly [number, number]): string {
  return range[0] === range[1] ? String(range[0]) : `${range[0]}–${range[1]}`;
}

/** The footer lines of a ranking that carries uncertainty. */
export function uncertaintyFootnote(u: RankingUncertainty): string[] {
  if (u.skipped) return [`Rank ranges and uncertainty not shown: ${u.skipped}.`];
  return [
    `range: the central ${CENTRAL_MASS * 100}% of each market's ranks over ${u.samples.toLocaleString('en')} SMAA-2 samples (seed ${u.seed}; ${u.level} weights uniform on the simplex${u.valuesSampled ? ', indicator values inside their low/high ranges' : ''}); uncertainty: range width 0 low, 1 medium, 2 high, 3+ very-high.`,
    `A tier held in fewer than ${TIER_CONFIDENCE_LEVEL * 100}% of the samples shows that share (entrenched 62%). moatscore sensitivity smaa gives the full distribution.`,
  ];
}

/**
 * Per-alternative uncertainty from rank acceptabilities (b[i][r]: share of samples with rank r + 1) and, in rubric
 * mode, the share of samples in which each alternative's tier equalled the displayed one.
 */
export function rankingUncertainty(
  ids: readonly string[],
  acceptability: readonly ArrayLike<number>[],
  tierConfidence: ArrayLike<number> | null,
  about: Omit<RankingUncertainty, 'byId'>,
): RankingUncertainty {
  const byId: Record<string, RankUncertainty> = {};
  ids.forEach((id, i) => {
    const rankRange = centralRankRange(acceptability[i]);
    byId[id] = { rankRange, uncertainty: uncertaintyGrade(rankRange), tierConfidence: tierConfidence ? tierConfidence[i] : null };
  });
  return { ...about, byId };
}
