import type { Problem } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix } from './method';

/**
 * The conjunctive reading of "all conditions at once" (a conjunctive screen, Dawes 1964; Hwang & Yoon 1981 §2.1.2)
 * layered on the weighted sum of condition scores:
 *   overall_i = Σ_c w_c s_ic,   weakest_i = min_c s_ic
 *   G_i = overall_i                 if weakest_i >= t
 *   G_i = min(overall_i, t)         otherwise (capped, and flagged)
 * A market that passes has every s_ic >= t, so overall_i >= t >= G_k for every capped market k: no average, however
 * high, buys back a missing condition.
 */
export function gateScores(conditionScores: readonly Float64Array[], weights: Float64Array, threshold: number, n: number): { score: Float64Array; gated: Uint8Array } {
  const score = new Float64Array(n);
  const gated = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let overall = 0;
    let weakest = Infinity;
    for (let c = 0; c < conditionScores.length; c++) {
      const s = conditionScores[c][i];
      overall += weights[c] * s;
      if (s < weakest) weakest = s;
    }
    if (weakest < threshold) {
      gated[i] = 1;
      score[i] = Math.min(overall, threshold);
    } else score[i] = overall;
  }
  return { score, gated };
}

export class GateMethod implements AggregationMethod {
  readonly id = 'gate' as const;
  readonly name = 'conjunctive gate: every condition must clear the threshold';
  readonly compensatory = false;
  readonly scoreMeaning = 'weighted sum of condition scores, capped at the threshold when any condition is below it';
  check(m: DecisionMatrix): Problem[] {
    if (!m.conditions) return [{ code: 'method.needs-rubric', message: 'gate reads condition scores, which only a rubric defines', hint: 'pass --rubric, or use --method wsm|wpm|topsis' }];
    if (m.conditions.threshold === undefined) return [{ code: 'method.needs-gate', message: 'gate needs the rubric to declare gate: { threshold, tier }', hint: 'add a gate section to the rubric or choose another method' }];
    return [];
  }
  score(m: DecisionMatrix): Float64Array {
    return gateScores(m.conditions!.scores, m.conditions!.weights, m.conditions!.threshold!, m.n).score;
  }
}
