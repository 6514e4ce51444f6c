import type { RankResult } from '../model/result';
import { machineNumber, type Renderer } from './renderer';
import { CENTRAL_MASS, TIER_CONFIDENCE_LEVEL } from '../analysis/rank-uncertainty';
import type { RankUncertainty } from '../model/result';

const uncertaintyJson = (u: RankUncertainty) => ({ rankRange: [...u.rankRange], uncertainty: u.uncertainty, tierConfidence: u.tierConfidence === null ? null : machineNumber(u.tierConfidence) });

/**
 * The stable JSON schema (README "JSON output"):
 * { method, rubric, ranking: [{ rank, id, name, score, conditions: { <id>: number }, tier, binding, [caps], [detail],
 *   [rankRange: [best, worst], uncertainty, tierConfidence] }], scoreMeaning, weightsNormalised, notes, gated, [caps],
 *   [scenario], [uncertainty: { samples, seed, level, valuesSampled, centralMass, tierConfidenceLevel }],
 *   [changes: { <id>: { baseRank, move } }] }
 * `rubric` is the rubric id, or null in rubric-free mode (where conditions is {} and tier and binding are null).
 * In rubric mode each ranking entry has `caps` (ids of the risk caps that bit it) and the document has `caps`:
 * [{ id, tier, ceiling, ceilingApplied, rationale, facts, markets }] for every cap that bit a market. `detail` holds the
 * method's own quantities where it has them: vikor { S, R, Q }, promethee2 { phiPlus, phiMinus, netFlow }, topsis
 * { dPlus, dMinus }, spotis { distance }, copras { sPlus, sMinus, Q, U }, edas { SP, SN, NSP, NSN, AS }. A method that singles out a set has it at the top level: vikor
 * `compromise: { advantage, stability, dq, set: [ids] }` (Opricovic & Tzeng 2004's conditions C1, C2 and the set).
 */
export class JsonRenderer implements Renderer {
  readonly id = 'json' as const;
  readonly description = 'JSON with a stable schema (see README)';
  render(r: RankResult): string {
    const doc = {
      method: r.method,
      rubric: r.rubric?.id ?? null,
      ranking: r.ranking.map((a) => ({
        rank: a.rank, id: a.id, name: a.name, score: machineNumber(a.score),
        conditions: Object.fromEntries(r.conditionIds.map((c) => [c, machineNumber(a.conditions[c])])),
        tier: a.tier, binding: a.binding,
        ...(r.rubric ? { caps: a.caps } : {}),
        ...(a.detail ? { detail: Object.fromEntries(Object.entries(a.detail).map(([k, x]) => [k, machineNumber(x)])) } : {}),
        ...(r.uncertainty?.byId[a.id] ? uncertaintyJson(r.uncertainty.byId[a.id]) : {}),
      })),
      scoreMeaning: r.scoreMeaning,
      weightsNormalised: r.weightsNormalised,
      notes: r.notes,
      gated: r.ranking.filter((a) => a.gated).map((a) => a.id),
      ...(r.rubric ? { caps: r.caps.map((c) => ({ id: c.id, tier: c.tier ?? null, ceiling: c.ceiling ?? null, ceilingApplied: c.ceilingApplied, rationale: c.rationale, facts: c.facts, markets: c.markets })) } : {}),
      ...(r.scenario ? { scenario: r.scenario } : {}),
      ...(r.verdict ? { [r.verdict.id]: { ...Object.fromEntries(Object.entries(r.verdict.data).map(([k, v]) => [k, typeof v === 'number' ? machineNumber(v) : v])), set: r.verdict.members } } : {}),
      ...(r.uncertainty?.skipped ? { uncertainty: { skipped: r.uncertainty.skipped } } : r.uncertainty ? { uncertainty: { samples: r.uncertainty.samples, seed: r.uncertainty.seed, level: r.uncertainty.level, valuesSampled: r.uncertainty.valuesSampled, centralMass: CENTRAL_MASS, tierConfidenceLevel: TIER_CONFIDENCE_LEVEL } } : {}),
      ...(r.baseRanks ? { changes: Object.fromEntries(r.ranking.map((a) => [a.id, { baseRank: r.baseRanks![a.id], move: r.baseRanks![a.id] - a.rank }])) } : {}),
    };
    return JSON.stringify(doc, null, 2) + '\n';
  }
}
