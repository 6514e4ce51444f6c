import { isTie, Ranker } from '../ranking/competition-rank';
import type { PreparedMethod } from '../methods/method';
import { prepared, type SensitivityModel } from './sensitivity-model';

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
 * renormalised weights) at which A_k catches up with A_i. Under WSM this is closed form, with T = Σ w and P the
 * normalised scores:
 *   δ_jik = T (P_k − P_i) / (s_ij − s_kj),  feasible when w_j + δ >= 0;
 * the relative change is δ / w_j × 100%. For the other methods δ is found numerically through the method's plug-in:
 * a grid over the reachable range on each side (down to w_j = 0, up to a 99.99% share), at each point the whole
 * ranking checked against the base one in O(n) (every strictly ordered pair still strictly ordered), then bisection
 * to 1e-12. The criterion with the smallest |δ| is the most critical.
 */
export function thresholds(m: SensitivityModel): ThresholdResult {
  // Closed form only where scores are linear in the model's own columns: WSM on prescaled scores (a rubric's; a plain
  // table is normalised inside the plug-in first) with no risk-cap ceiling (a min breaks linearity).
  const exact = m.method === 'wsm' && m.ceilings === undefined && m.matrix.prescaled;
  const n = m.ids.length;
  const p = prepared(m);
  const base = new Float64Array(n);
  p.score(m.globalWeights, base);
  const ranker = new Ranker(n).run(base);
  const order = Uint32Array.from(ranker.order);
  const rank = Uint32Array.from(ranker.rank);
  const total = m.globalWeights.reduce((a, b) => a + b, 0);
  const check = new OrderCheck(order, rank);
  const criteria = m.criterionIds.map((id, j): CriterionThreshold => {
    const wj = m.globalWeights[j];
    let best: { delta: number; pair: [number, number] } | null = null;
    const consider = (delta: number, pair: [number, number]) => {
      if (!Number.isFinite(delta) || wj + delta < -1e-15) return;
      if (!best || Math.abs(delta) < Math.abs(best.delta) - 1e-15) best = { delta, pair };
    };
    if (exact) {
      const s = m.scores[j];
      // Pairs strictly ordered now: i above k (a later tie group of the base order).
      for (let a = 0; a < n; a++) {
        const i = order[a];
        for (let b = a + 1; b < n; b++) {
          const k = order[b];
          if (rank[k] === rank[i]) continue;
          const ds = s[i] - s[k];
          if (ds !== 0) consider((total * (base[k] - base[i])) / ds, [i, k]);
        }
      }
    } else {
      const r = numericDelta(m, p, check, j);
      if (r) consider(r.delta, r.pair);
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

/**
 * Whether scores keep every strictly ordered pair of the base ranking strictly ordered, in O(n): along the base
 * order, at each boundary between tie groups, the lowest score above must beat the highest below by more than the
 * tie tolerance. On failure `pair` holds that boundary's two alternatives (the pair that reversed).
 */
export class OrderCheck {
  private readonly sufMax: Float64Array;
  private readonly sufArg: Uint32Array;
  readonly pair: [number, number] = [0, 0];
  constructor(private readonly order: Uint32Array, private readonly rank: Uint32Array) {
    this.sufMax = new Float64Array(order.length);
    this.sufArg = new Uint32Array(order.length);
  }
  holds(s: Float64Array): boolean {
    const { order, rank, sufMax, sufArg } = this;
    const n = order.length;
    for (let p = n - 1; p >= 0; p--) {
      const i = order[p];
      if (p === n - 1 || s[i] > sufMax[p + 1]) {
        sufMax[p] = s[i];
        sufArg[p] = i;
      } else {
        sufMax[p] = sufMax[p + 1];
        sufArg[p] = sufArg[p + 1];
      }
    }
    let min = Infinity;
    let arg = 0;
    for (let p = 0; p + 1 < n; p++) {
      const i = order[p];
      if (s[i] < min) {
        min = s[i];
        arg = i;
      }
      if (rank[order[p + 1]] === rank[i]) continue;
      const hi = sufMax[p + 1];
      if (!(min > hi) || isTie(min, hi)) {
        this.pair[0] = arg;
        this.pair[1] = sufArg[p + 1];
        return false;
      }
    }
    return true;
  }
}

const STEPS = 400;

/** Scores with criterion j's weight changed by delta, the others as in the rubric, through the method's plug-in. */
export function scoresWithDelta(m: SensitivityModel, p: PreparedMethod, j: number, delta: number, w: Float64Array, out: Float64Array): Float64Array {
  w.set(m.globalWeights);
  w[j] = m.globalWeights[j] + delta;
  p.score(w, out);
  return out;
}

/** Smallest |δ| that reverses a strictly ordered pair, searching decreases down to −w_j and increases up to a 99.99% share. */
function numericDelta(m: SensitivityModel, p: PreparedMethod, check: OrderCheck, j: number): { delta: number; pair: [number, number] } | null {
  const wj = m.globalWeights[j];
  const total = m.globalWeights.reduce((a, b) => a + b, 0);
  const w = new Float64Array(m.globalWeights.length);
  const out = new Float64Array(m.ids.length);
  const holds = (delta: number) => check.holds(scoresWithDelta(m, p, j, delta, w, out));
  const search = (deltaAt: (u: number) => number): { delta: number; pair: [number, number] } | null => {
    let prevU = 0;
    for (let g = 1; g <= STEPS; g++) {
      const u = g / STEPS;
      if (!holds(deltaAt(u))) {
        let lo = prevU;
        let hi = u;
        while (hi - lo > 1e-12) {
          const mid = (lo + hi) / 2;
          if (holds(deltaAt(mid))) lo = mid;
          else hi = mid;
        }
        holds(deltaAt(hi));
        return { delta: deltaAt(hi), pair: [check.pair[0], check.pair[1]] };
      }
      prevU = u;
    }
    return null;
  };
  // Decrease: δ = −u·w_j; increase: the criterion's share of the total rises from w_j/total to 0.9999.
  const share0 = wj / total;
  const down = wj > 0 ? search((u) => -u * wj) : null;
  const up = search((u) => {
    const share = share0 + u * (0.9999 - share0);
    return (share * total - wj) / (1 - share);
  });
  if (!down) return up;
  if (!up) return down;
  return Math.abs(down.delta) <= Math.abs(up.delta) ? down : up;
}
