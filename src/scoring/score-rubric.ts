import type { Frame } from '../expression/compile';
import { InputError, InternalError, ProblemList } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { RankedAlternative, RankResult, CriterionResult } from '../model/result';
import type { MethodId, Rubric } from '../model/rubric';
import type { AggregationMethod, DecisionMatrix } from '../methods/method';
import { competitionRank } from '../ranking/competition-rank';
import { evaluateWhen } from '../rubric/compiled-rules';
import { capsByMarket, cappedScore, cappedTier, capSummaries } from './caps';

/** Condition and criterion scores of every alternative: the rubric's view, independent of the method. */
export interface RubricScores {
  readonly criteria: readonly CriterionResult[];
  /** One column per condition, rubric order: weighted mean of its criterion scores. */
  readonly conditions: readonly Float64Array[];
  /** Weighted mean of condition scores. */
  readonly overall: Float64Array;
  /** Index of the weakest condition per alternative (first on ties). */
  readonly binding: Uint16Array;
  readonly tiers: readonly string[];
}

/** A frame slot per dictionary indicator, read from the data set's columns. */
export function dataFrame(rubric: Rubric, data: Dataset): Frame {
  return rubric.slots.map((id) => data.numeric.get(id) ?? data.categorical.get(id) ?? []);
}

/** The indicators a rubric reads must be columns of the data: checked before any scoring. */
export function checkRubricAgainstData(rubric: Rubric, data: Dataset): void {
  const problems = new ProblemList(data.file);
  const have = new Set([...data.numeric.keys(), ...data.categorical.keys()]);
  for (const c of rubric.criteria) {
    for (const ind of c.rule.indicators) {
      if (!have.has(ind)) problems.add({ code: 'data.missing-column', line: 1, message: `has no column '${ind}', which ${c.location.file} reads at ${c.location.path}`, hint: `add the column to the data, or change the rule (columns: ${[...have].join(', ')})` });
    }
  }
  problems.throwIfErrors();
}

/** Scores every criterion over whole columns, then conditions, overall score, binding condition and tier. */
export function scoreRubric(rubric: Rubric, data: Dataset, frame: Frame = dataFrame(rubric, data)): RubricScores {
  checkRubricAgainstData(rubric, data);
  const n = data.ids.length;
  const problems = new ProblemList(rubric.file);
  const criteria: CriterionResult[] = rubric.criteria.map((c) => {
    const scores = new Float64Array(n);
    const fired = new Int32Array(n);
    c.rule.score(frame, data.ids, scores, fired, problems);
    return { id: `${c.conditionId}.${c.id}`, conditionId: c.conditionId, globalWeight: c.globalWeight, scores, fired };
  });
  problems.throwIfErrors();
  const conditions = rubric.conditions.map((cond) => {
    const col = new Float64Array(n);
    for (const k of cond.criteria) {
      const s = criteria[rubric.criteria.indexOf(k)].scores;
      for (let i = 0; i < n; i++) col[i] += k.weight * s[i];
    }
    return col;
  });
  const overall = new Float64Array(n);
  const binding = new Uint16Array(n);
  const weakest = new Float64Array(n).fill(Infinity);
  const strongest = new Float64Array(n).fill(-Infinity);
  conditions.forEach((col, c) => {
    const w = rubric.conditions[c].weight;
    for (let i = 0; i < n; i++) {
      overall[i] += w * col[i];
      if (col[i] < weakest[i]) {
        weakest[i] = col[i];
        binding[i] = c;
      }
      if (col[i] > strongest[i]) strongest[i] = col[i];
    }
  });
  const tierFrame: Frame = [overall, weakest, strongest, ...conditions];
  const tiers = data.ids.map((id, i) => {
    const t = rubric.tiers.find((tier) => evaluateWhen(tier.when, tierFrame, i, tier.location, id, problems));
    if (!t) problems.add({ code: 'tier.none', path: `tiers (market ${id})`, message: `no tier matches overall = ${overall[i].toFixed(3)}, weakest = ${weakest[i].toFixed(3)}`, hint: 'end the tier list with `when: "true"`' });
    return t?.id ?? '';
  });
  problems.throwIfErrors();
  return { criteria, conditions, overall, binding, tiers };
}

/** The flat matrix methods read: criterion scores as prescaled benefit columns with global weights. */
export function rubricMatrix(rubric: Rubric, data: Dataset, s: RubricScores): DecisionMatrix {
  return {
    n: data.ids.length,
    columns: s.criteria.map((c) => c.scores),
    weights: Float64Array.from(rubric.criteria.map((c) => c.globalWeight)),
    benefit: rubric.criteria.map(() => true),
    prescaled: true,
    ids: data.ids,
    criteria: s.criteria.map((c) => c.id),
    file: data.file,
    conditions: { scores: s.conditions, weights: Float64Array.from(rubric.conditions.map((c) => c.weight)), threshold: rubric.gate?.threshold },
  };
}

/** Runs a method over a matrix after its own checks; its problems are input errors. */
export function runMethod(method: AggregationMethod, m: DecisionMatrix): Float64Array {
  const problems = method.check(m);
  if (problems.length) throw new InputError(problems);
  const scores = method.score(m);
  for (let i = 0; i < m.n; i++) {
    if (Number.isNaN(scores[i])) {
      throw InputError.one({ code: 'method.undefined-score', file: m.file, path: `row ${m.ids[i]}`, message: `${method.id} gives no score: every alternative is equal on every weighted criterion`, hint: 'rank alternatives that differ, or use --method wsm' });
    }
  }
  return scores;
}

/** Rubric mode end to end: score the rubric, aggregate with the method, rank, cap gated tiers. */
export function rankWithRubric(rubric: Rubric, data: Dataset, method: AggregationMethod): RankResult {
  const s = scoreRubric(rubric, data);
  const m = rubricMatrix(rubric, data, s);
  const raw = runMethod(method, m);
  // Risk caps (scoring/caps.ts): a ceiling lowers the score before ranking; a cap's tier caps the tier below.
  const bit = capsByMarket(rubric, dataFrame(rubric, data), data.ids);
  const scores = rubric.caps.length ? raw.map((x, i) => cappedScore(method.id, x, bit[i])) : raw;
  const { order, rank } = competitionRank(scores);
  const condIds = rubric.conditions.map((c) => c.id);
  const tierOrder = rubric.tiers.map((t) => t.id);
  const threshold = rubric.gate?.threshold;
  const ranking: RankedAlternative[] = Array.from(order, (i) => {
    const conditions: Record<string, number> = {};
    condIds.forEach((c, k) => (conditions[c] = s.conditions[k][i]));
    const gated = method.id === 'gate' && threshold !== undefined && s.conditions[s.binding[i]][i] < threshold;
    let tier = cappedTier(tierOrder, s.tiers[i], bit[i]);
    // A gated market's tier is the worse of its own, every biting cap's and the gate's (tiers are listed best first).
    if (gated && tierOrder.indexOf(tier) < tierOrder.indexOf(rubric.gate!.tier)) tier = rubric.gate!.tier;
    return { rank: rank[i], row: i, id: data.ids[i], name: data.names[i], score: scores[i], conditions, tier, binding: condIds[s.binding[i]], gated, caps: bit[i].map((c) => c.id) };
  });
  return {
    method: method.id as MethodId, methodName: method.name, compensatory: method.compensatory, scoreMeaning: method.scoreMeaning,
    rubric: { id: rubric.id, title: rubric.title, file: rubric.file }, dataFile: data.file, scale: rubric.scale,
    conditionIds: condIds, ranking, criteria: s.criteria, weightsNormalised: rubric.weightsNormalised, notes: rubric.notes,
    caps: capSummaries(rubric, bit, data.ids, method.id),
  };
}

/** Rubric-free mode: any CSV, each selected column a criterion (benefit unless listed as cost). */
export function rankTable(data: Dataset, criteria: readonly string[], weights: Float64Array, cost: ReadonlySet<string>, method: AggregationMethod, notes: readonly string[] = []): RankResult {
  if (method.id === 'gate') throw InputError.one({ code: 'method.needs-rubric', message: 'gate reads condition scores, which only a rubric defines', hint: 'pass --rubric, or use --method wsm|wpm|topsis' });
  const columns = criteria.map((c) => data.numeric.get(c) ?? (() => { throw new InternalError(`column ${c} not loaded`); })());
  const m: DecisionMatrix = { n: data.ids.length, columns, weights, benefit: criteria.map((c) => !cost.has(c)), prescaled: false, ids: data.ids, criteria, file: data.file };
  const scores = runMethod(method, m);
  const { order, rank } = competitionRank(scores);
  const ranking: RankedAlternative[] = Array.from(order, (i) => ({ rank: rank[i], row: i, id: data.ids[i], name: data.names[i], score: scores[i], conditions: {}, tier: null, binding: null, gated: false, caps: [] }));
  return {
    method: method.id, methodName: method.name, compensatory: method.compensatory, scoreMeaning: method.scoreMeaning,
    rubric: null, dataFile: data.file, scale: null, conditionIds: [], ranking,
    criteria: criteria.map((c, j) => ({ id: c, conditionId: null, globalWeight: weights[j], scores: columns[j], fired: new Int32Array(0) })),
    weightsNormalised: notes.length > 0, notes, caps: [],
  };
}
