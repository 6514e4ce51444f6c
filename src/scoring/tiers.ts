import type { Frame } from '../expression/compile';
import type { ProblemList } from '../errors/problem';
import type { Cap, Rubric } from '../model/rubric';
import { evaluateWhen } from '../rubric/compiled-rules';

/** Each alternative's weakest and strongest condition in the model, and the index of the weakest (first on ties). */
export interface ConditionExtremes {
  readonly weakest: Float64Array;
  readonly strongest: Float64Array;
  readonly binding: Uint16Array;
}

/**
 * Weakest and strongest condition per alternative under the zero-weight rule (see src/methods/gate.ts): a condition
 * of weight 0 is out of the model, so it is never the binding condition and never the weakest or strongest a tier
 * reads. (A rubric whose every condition weighs 0 cannot be ranked; it then falls back to all conditions.)
 */
export function conditionExtremes(conditions: readonly Float64Array[], weights: ArrayLike<number>, n: number, out?: ConditionExtremes): ConditionExtremes {
  let anyInModel = false;
  for (let c = 0; c < conditions.length; c++) if (weights[c] > 0) anyInModel = true;
  // `out`: buffers to reuse (SMAA's tier sampling calls this once per sample).
  const weakest = out ? out.weakest.fill(Infinity) : new Float64Array(n).fill(Infinity);
  const strongest = out ? out.strongest.fill(-Infinity) : new Float64Array(n).fill(-Infinity);
  const binding = out ? out.binding.fill(0) : new Uint16Array(n);
  conditions.forEach((col, c) => {
    if (anyInModel && !(weights[c] > 0)) return;
    for (let i = 0; i < n; i++) {
      if (col[i] < weakest[i]) {
        weakest[i] = col[i];
        binding[i] = c;
      }
      if (col[i] > strongest[i]) strongest[i] = col[i];
    }
  });
  return { weakest, strongest, binding };
}

/** The first tier whose `when` holds for each alternative; an alternative no tier matches is a problem. */
export function assignTiers(rubric: Rubric, ids: readonly string[], overall: Float64Array, conditions: readonly Float64Array[], x: ConditionExtremes, problems: ProblemList, out: string[] = new Array<string>(ids.length)): string[] {
  const tierFrame: Frame = [overall, x.weakest, x.strongest, ...conditions];
  const tiers = rubric.tiers;
  // A plain loop into `out`: SMAA's tier sampling calls this once per sample with the same buffer.
  for (let i = 0; i < ids.length; i++) {
    let found = '';
    for (let k = 0; k < tiers.length; k++) {
      if (evaluateWhen(tiers[k].when, tierFrame, i, tiers[k].location, ids[i], problems)) {
        found = tiers[k].id;
        break;
      }
    }
    if (found === '') problems.add({ code: 'tier.none', path: `tiers (market ${ids[i]})`, message: `no tier matches overall = ${overall[i].toFixed(3)}, weakest = ${x.weakest[i].toFixed(3)}`, hint: 'end the tier list with `when: "true"`' });
    out[i] = found;
  }
  return out;
}

/**
 * The displayed tier: the worse of the market's own, the gate's when the method gated it, and every biting risk
 * cap's (scoring/caps.ts). Tiers are listed best first, so worse is a larger index.
 */
export function finalTier(rubric: Rubric, tier: string, gated: boolean, caps: readonly Cap[]): string {
  const order = tierOrder(rubric);
  let worst = tier;
  let at = order.get(tier) ?? -1;
  const consider = (t: string | undefined) => {
    const k = t === undefined ? undefined : order.get(t);
    if (k !== undefined && k > at) {
      worst = t!;
      at = k;
    }
  };
  if (gated) consider(rubric.gate?.tier);
  for (const c of caps) consider(c.tier);
  return worst;
}

/** Tier id → position, best first; made once per rubric (SMAA's tier sampling asks per market per sample). */
const ORDERS = new WeakMap<Rubric, ReadonlyMap<string, number>>();
function tierOrder(rubric: Rubric): ReadonlyMap<string, number> {
  let order = ORDERS.get(rubric);
  if (!order) ORDERS.set(rubric, (order = new Map(rubric.tiers.map((t, k) => [t.id, k]))));
  return order;
}
