import { competitionRank, isTie } from '../ranking/competition-rank';
import { evaluatorFor, type SensitivityModel } from './sensitivity-model';

export interface CriterionThreshold {
  readonly criterion: string;
  readonly weight: number;
  /** Smallest signed change of the criterion's global weight (others unchanged) that reverses a pair; null if none. */
  readonly delta: number | null;
  /** delta / weight × 100; null when weight is 0 or no change reverses a pair. */
  readonly percent: number | null;
  /** The pair that reverses first: [above, below] in the current ranking. */
  readonly pair: readonly [string, string] | null;
}

export interface ThresholdResult {
  readonly method: string;
  readonly exact: boolean;
  readonly criteria: readonly CriterionThreshold[];
  /** Smallest |delta| over all criteria (Triantaphyllou & Sánchez's most critical criterion, absolute). */
  readonly mostCritical: string | null;
  /** Smallest |percent| (most critical, relative). */
  readonly mostCriticalRelative: string | null;
}

/**
 * Rank-reversal thresholds after Triantaphyllou & Sánchez (1997), "A sensitivity analysis approach for some
 * deterministic multi-criteria decision-making methods", Decision Sciences 28(1): for each criterion weight w_j and
 * each pair A_i ranked above A_k, the smallest change δ to w_j alone (others unchanged; the method then sees the
 * renormalised weights) at which A_k catches up with A_i. Under WSM this is closed form:
 *   δ_jik = (P_k − P_i) / (s_ij − s_kj),  feasible when w_j + δ >= 0;
 * the relative change is δ / w_j × 100%. For the other methods δ is found numerically (grid over the reachable
 * range, then bisection to 1e-10). The criterion with the smallest |δ| is the most critical.
 */
export function thresholds(m: SensitivityModel): ThresholdResult {
  const exact = m.method === 'wsm';
  const n = m.ids.length;
  const ev = evaluatorFor(m);
  const base = new Float64Array(n);
  ev.score(m.globalWeights, base);
  const { order } = competitionRank(base);
  // Pairs strictly ordered now: i above k.
  const pairs: [number, number][] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) {
    const i = order[a];
    const k = order[b];
    if (!isTie(base[i], base[k])) pairs.push([i, k]);
  }
  const criteria = m.criterionIds.map((id, j): CriterionThreshold => {
    const wj = m.globalWeights[j];
    let best: { delta: number; pair: [number, number] } | null = null;
    const consider = (delta: number, pair: [number, number]) => {
      if (!Number.isFinite(delta) || wj + delta < -1e-15) return;
      if (!best || Math.abs(delta) < Math.abs(best.delta) - 1e-15) best = { delta, pair };
    };
    for (const [i, k] of pairs) {
      if (exact) {
        const ds = m.scores[j][i] - m.scores[j][k];
        if (ds !== 0) consider((base[k] - base[i]) / ds, [i, k]);
      } else consider(numericDelta(m, ev, j, i, k), [i, k]);
    }
    const b = best as { delta: number; pair: [number, number] } | null;
    return {
      criterion: id, weight: wj, delta: b ? b.delta : null,
      percent: b && wj > 0 ? (b.delta / wj) * 100 : null,
      pair: b ? [m.ids[b.pair[0]], m.ids[b.pair[1]]] : null,
    };
  });
  const withDelta = criteria.filter((c) => c.delta !== null);
  const argmin = (xs: CriterionThreshold[], f: (c: CriterionThreshold) => number) => (xs.length ? xs.reduce((a, b) => (f(b) < f(a) ? b : a)).criterion : null);
  return {
    method: m.method, exact, criteria,
    mostCritical: argmin(withDelta, (c) => Math.abs(c.delta!)),
    mostCriticalRelative: argmin(withDelta.filter((c) => c.percent !== null), (c) => Math.abs(c.percent!)),
  };
}

const STEPS = 400;

/** Smallest |δ| that makes k catch up with i, searching decreases down to −w_j and increases up to a 99.99% share. */
function numericDelta(m: SensitivityModel, ev: ReturnType<typeof evaluatorFor>, j: number, i: number, k: number): number {
  const w = Float64Array.from(m.globalWeights);
  const wj = m.globalWeights[j];
  const total = m.globalWeights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(m.ids.length);
  const leads = (delta: number) => {
    w[j] = wj + delta;
    ev.score(w, out);
    return out[i] > out[k] && !isTie(out[i], out[k]);
  };
  const search = (deltaAt: (u: number) => number): number => {
    let prevU = 0;
    for (let g = 1; g <= STEPS; g++) {
      const u = g / STEPS;
      if (!leads(deltaAt(u))) {
        let lo = prevU;
        let hi = u;
        while (hi - lo > 1e-12) {
          const mid = (lo + hi) / 2;
          if (leads(deltaAt(mid))) lo = mid;
          else hi = mid;
        }
        return deltaAt(hi);
      }
      prevU = u;
    }
    return NaN;
  };
  // Decrease: δ = −u·w_j; increase: the criterion's share of the total rises from w_j/total to 0.9999.
  const share0 = wj / total;
  const down = wj > 0 ? search((u) => -u * wj) : NaN;
  const up = search((u) => {
    const share = share0 + u * (0.9999 - share0);
    return (share * total - wj) / (1 - share);
  });
  if (Number.isNaN(down)) return up;
  if (Number.isNaN(up)) return down;
  return Math.abs(down) <= Math.abs(up) ? down : up;
}
