import type { Dataset } from '../model/dataset';
import type { IndicatorDictionary } from '../model/indicator';
import type { MethodId, Rubric } from '../model/rubric';
import { scoreRubric } from '../scoring/score-rubric';
import { Evaluator } from './evaluator';

/** What a weight analysis needs of a rubric run: criterion scores (fixed), the hierarchy, and the base weights. */
export interface SensitivityModel {
  readonly rubric: Rubric;
  readonly data: Dataset;
  readonly method: MethodId;
  readonly ids: readonly string[];
  readonly conditionIds: readonly string[];
  readonly criterionIds: readonly string[];
  /** Condition index of each criterion. */
  readonly group: Int32Array;
  /** Criterion weight inside its condition (sums to 1 per condition). */
  readonly local: Float64Array;
  readonly conditionWeights: Float64Array;
  readonly globalWeights: Float64Array;
  /** Base criterion scores, one column per criterion. */
  readonly scores: readonly Float64Array[];
  readonly threshold: number | undefined;
  /** Indicators whose values are whole numbers (counts): sampled as integers inside their ranges. */
  readonly countIndicators: ReadonlySet<string>;
}

export function sensitivityModel(rubric: Rubric, data: Dataset, method: MethodId, dictionary?: IndicatorDictionary): SensitivityModel {
  const s = scoreRubric(rubric, data);
  const conditionIds = rubric.conditions.map((c) => c.id);
  return {
    rubric, data, method, ids: data.ids, conditionIds,
    criterionIds: rubric.criteria.map((k) => `${k.conditionId}.${k.id}`),
    group: Int32Array.from(rubric.criteria, (k) => conditionIds.indexOf(k.conditionId)),
    local: Float64Array.from(rubric.criteria, (k) => k.weight),
    conditionWeights: Float64Array.from(rubric.conditions, (c) => c.weight),
    globalWeights: Float64Array.from(rubric.criteria, (k) => k.globalWeight),
    scores: s.criteria.map((c) => c.scores),
    threshold: method === 'gate' ? rubric.gate?.threshold : undefined,
    countIndicators: new Set(dictionary ? dictionary.indicators.filter((i) => i.kind === 'count').map((i) => i.id) : []),
  };
}

export function evaluatorFor(m: SensitivityModel): Evaluator {
  const e = new Evaluator(m.method, m.ids.length, m.criterionIds.length, m.group, m.conditionIds.length, m.threshold, m.local);
  e.load(m.scores);
  return e;
}

/** Global criterion weights from condition weights, keeping the rubric's weights inside each condition. */
export function globalFromConditions(m: SensitivityModel, cw: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let j = 0; j < out.length; j++) out[j] = cw[m.group[j]] * m.local[j];
  return out;
}
