import { kendallTauB, spearman } from './rank-correlation';

/**
 * How far rankings of the same alternatives under different methods agree, and one ranking they can agree on.
 * Ranks are 1 = best; ties share a rank (competition ranking).
 */

/**
 * Weighted Spearman r_w (Dancelli, Manisera & Vezzoli 2013; as used by Sałabun & Urbaniak 2020, "A new coefficient
 * of rankings similarity in decision-making problems", ICCS 2020, eq. 3):
 *   r_w = 1 − 6 Σ_i (x_i − y_i)² ((N − x_i + 1) + (N − y_i + 1)) / (N⁴ + N³ − N² − N)
 * Disagreement near the top weighs more than near the bottom. Symmetric.
 */
export function weightedSpearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let num = 0;
  for (let i = 0; i < n; i++) num += (x[i] - y[i]) ** 2 * (n - x[i] + 1 + (n - y[i] + 1));
  const den = n ** 4 + n ** 3 - n ** 2 - n;
  return den === 0 ? NaN : 1 - (6 * num) / den;
}

/**
 * WS rank similarity coefficient (Sałabun & Urbaniak 2020, eq. 4), with x the reference ranking:
 *   WS = 1 − Σ_i 2^(−x_i) |x_i − y_i| / max(|x_i − 1|, |x_i − N|)
 * Asymmetric: a swap at the top of the reference costs more than one at the bottom. In [0, 1] for permutations.
 */
export function wsCoefficient(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.max(Math.abs(x[i] - 1), Math.abs(x[i] - n));
    if (d > 0) sum += (2 ** -x[i] * Math.abs(x[i] - y[i])) / d;
  }
  return 1 - sum;
}

export interface Agreement {
  readonly a: string;
  readonly b: string;
  readonly spearman: number;
  readonly kendall: number;
  readonly rw: number;
  /** WS with a as the reference. */
  readonly ws: number;
}

/** Every pair of rankings (in the order given, a before b), with all four coefficients. */
export function pairwiseAgreement(rankings: ReadonlyMap<string, Float64Array>): Agreement[] {
  const ids = [...rankings.keys()];
  const out: Agreement[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let k = i + 1; k < ids.length; k++) {
      const x = rankings.get(ids[i])!;
      const y = rankings.get(ids[k])!;
      out.push({ a: ids[i], b: ids[k], spearman: spearman(x, y), kendall: kendallTauB(x, y), rw: weightedSpearman(x, y), ws: wsCoefficient(x, y) });
    }
  }
  return out;
}

/**
 * Copeland's consensus (Copeland 1951; Saari & Merlin 1996): alternative i beats k when more rankings put i above k
 * than below; its score is wins − losses, and the consensus orders by score. Equal scores are ordered by the mean
 * rank over the rankings, then by row, so the result is deterministic. Returns row indices, best first.
 */
export function copelandConsensus(rankings: readonly Float64Array[], n: number): number[] {
  const score = new Float64Array(n);
  // Rank sums, not means: a sum of small integers is exact, so equal means compare equal.
  const rankSum = new Float64Array(n);
  for (const r of rankings) for (let i = 0; i < n; i++) rankSum[i] += r[i];
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      let above = 0;
      for (const r of rankings) above += Math.sign(r[k] - r[i]);
      const s = Math.sign(above);
      score[i] += s;
      score[k] -= s;
    }
  }
  return Array.from({ length: n }, (_, i) => i).sort((i, k) => score[k] - score[i] || rankSum[i] - rankSum[k] || i - k);
}
