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
export function assignTiers(rubric: Rubric, ids: readonly string[], overall: Float64Array, conditions: readonly Float64Array[], x: ConditionExtremes, problems: ProblemList): string[] {
  const tierFrame: Frame = [overall, x.weakest, x.strongest, ...conditions];
  return ids.map((id, i) => {
    const t = rubric.tiers.find((tier) => evaluateWhen(tier.when, tierFrame, i, tier.location, id, problems));
    if (!t) problems.add({ code: 'tier.none', path: `tiers (market ${id})`, message: `no tier matches overall = ${overall[i].toFixed(3)}, weakest = ${x.weakest[i].toFixed(3)}`, hint: 'end the tier list with `when: "true"`' });
    return t?.id ?? '';
  });
}

/**
 * The displayed tier: the worse of the market's own, the gate's when the method gated it, and every biting risk
 * cap's (scoring/caps.ts). Tiers are listed best first, so worse is a larger index.
 */
export function finalTier(rubric: Rubric, tier: string, gated: boolean, caps: readonly Cap[]): string {
  const order = rubric.tiers.map((t) => t.id);
  let worst = tier;
  const consider = (t: string | undefined) => {
    if (t !== undefined && order.indexOf(t) > order.indexOf(worst)) worst = t;
  };
  if (gated) consider(rubric.gate?.tier);
  for (const c of caps) consider(c.tier);
  return worst;
}
