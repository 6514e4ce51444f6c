import { InputError } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { RankedAlternative, RankResult } from '../model/result';
import type { MethodId, Rubric } from '../model/rubric';
import type { AggregationMethod, DecisionMatrix, MethodVerdict } from '../methods/method';
import { competitionRank } from '../ranking/competition-rank';
import { rubricMatrix, runMethod, tableMatrix } from './method-matrix';
import { scoreRubric } from './rubric-scores';
import { finalTier } from './tiers';
import { capCeilings, capsByMarket, capSummaries } from './caps';
import { dataFrame } from './rubric-scores';

// Criterion and condition scoring lives in rubric-scores.ts; re-exported here, where callers have always found it.
export { scoreRubric, dataFrame, type RubricScores } from './rubric-scores';

/** Rubric mode end to end: score the rubric, aggregate with the method, rank, cap gated tiers. */
export function rankWithRubric(rubric: Rubric, data: Dataset, method: AggregationMethod): RankResult {
  const s = scoreRubric(rubric, data);
  const m = rubricMatrix(rubric, data, s);
  // Risk caps (scoring/caps.ts): a ceiling lowers the score before ranking; a cap's tier caps the tier below.
  const bit = capsByMarket(rubric, dataFrame(rubric, data), data.ids);
  const { scores, prepared } = runMethod(method, m, capCeilings(bit));
  const { order, rank } = competitionRank(scores);
  const detail = method.detail?.(m, m.weights);
  const condIds = rubric.conditions.map((c) => c.id);
  // Which markets the method capped (gate): the kernel's own decision, so the flag and the capped score agree.
  const gatedFlags = new Uint8Array(m.n);
  prepared.flags?.(m.weights, gatedFlags);
  const ranking: RankedAlternative[] = Array.from(order, (i) => {
    const conditions: Record<string, number> = {};
    condIds.forEach((c, k) => (conditions[c] = s.conditions[k][i]));
    // Post-method block: the tier is the worse of the market's own, the gate's and every biting cap's.
    const gated = gatedFlags[i] === 1;
    const tier = finalTier(rubric, s.tiers[i], gated, bit[i]);
    return { rank: rank[i], row: i, id: data.ids[i], name: data.names[i], score: scores[i], conditions, tier, binding: condIds[s.binding[i]], gated, caps: bit[i].map((c) => c.id), ...detailOf(detail, i) };
  });
  return {
    method: method.id as MethodId, methodName: method.name, compensatory: method.compensatory, scoreMeaning: method.scoreMeaning,
    rubric: { id: rubric.id, title: rubric.title, file: rubric.file, tiers: rubric.tiers.map((t) => t.id) }, dataFile: data.file, scale: rubric.scale,
    conditionIds: condIds, ranking, criteria: s.criteria, weightsNormalised: rubric.weightsNormalised, notes: rubric.notes,
    conditionWeights: rubric.conditions.map((c, i) => ({ id: c.id, weight: c.weight, file: rubric.fileConditionWeights?.[i] ?? c.weight })),
    caps: capSummaries(rubric, bit, data.ids, method.id),
    ...verdictOf(method, m),
  };
}

/** Rubric-free mode: any CSV, each selected column a criterion (benefit unless listed as cost). */
export function rankTable(data: Dataset, criteria: readonly string[], weights: Float64Array, cost: ReadonlySet<string>, method: AggregationMethod, notes: readonly string[] = [], weightsDeclared = true): RankResult {
  if (method.id === 'gate') throw InputError.one({ code: 'method.needs-rubric', message: 'gate reads condition scores, which only a rubric defines', hint: 'pass --rubric, or use --method wsm|wpm|topsis' });
  const m = tableMatrix(data, criteria, weights, cost);
  const { scores } = runMethod(method, m);
  const { order, rank } = competitionRank(scores);
  const detail = method.detail?.(m, m.weights);
  const ranking: RankedAlternative[] = Array.from(order, (i) => ({ rank: rank[i], row: i, id: data.ids[i], name: data.names[i], score: scores[i], conditions: {}, tier: null, binding: null, gated: false, caps: [], ...detailOf(detail, i) }));
  return {
    method: method.id, methodName: method.name, compensatory: method.compensatory, scoreMeaning: method.scoreMeaning,
    rubric: null, dataFile: data.file, scale: null, conditionIds: [], ranking,
    criteria: criteria.map((c, j) => ({ id: c, conditionId: null, globalWeight: weights[j], scores: m.columns[j], fired: new Int32Array(0) })),
    weightsNormalised: notes.length > 0, weightsDeclared, notes, caps: [],
    ...verdictOf(method, m),
  };
}

/** The method's verdict at the matrix's own weights, as the `verdict` field of a result (absent when it has none). */
function verdictOf(method: AggregationMethod, m: DecisionMatrix): { verdict?: MethodVerdict } {
  const verdict = method.verdict?.(m, m.weights);
  return verdict ? { verdict } : {};
}

/** Row `i` of a method's detail columns, as the `detail` field of a ranked entry. */
function detailOf(detail: Record<string, Float64Array> | undefined, i: number): { detail?: Record<string, number> } {
  return detail ? { detail: Object.fromEntries(Object.entries(detail).map(([k, col]) => [k, col[i]])) } : {};
}
