import { InputError } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix, PreparedMethod } from '../methods/method';
import { METHOD_PLUGINS } from '../methods/plugins';
import type { Dataset } from '../model/dataset';
import type { IndicatorDictionary } from '../model/indicator';
import type { MethodId, Rubric } from '../model/rubric';
import { prepareScoring, rubricMatrix, tableMatrix } from '../scoring/method-matrix';
import { capCeilings, capsByMarket } from '../scoring/caps';
import { dataFrame } from '../scoring/rubric-scores';
import { scoreRubric } from '../scoring/score-rubric';

/**
 * What a weight analysis needs of a rubric run: criterion scores (fixed), the hierarchy, the base weights, and the
 * method plug-in itself. Every analysis scores through `plugin.prepare(matrix)`, the code `rank` runs: there is no
 * second implementation of any method.
 */
export interface SensitivityModel {
  /** Null for a plain table (rubric-free mode): its criteria act as the conditions, with no tiers, caps or ranges. */
  readonly rubric: Rubric | null;
  readonly data: Dataset;
  readonly method: MethodId;
  readonly plugin: AggregationMethod;
  /** The matrix rank builds: criterion scores as columns, the rubric's global weights. */
  readonly matrix: DecisionMatrix;
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
  /** Risk-cap score ceilings per market (Infinity where none bites); undefined when the rubric has none. */
  readonly ceilings: Float64Array | undefined;
  /** Indicators whose values are whole numbers (counts): sampled as integers inside their ranges. */
  readonly countIndicators: ReadonlySet<string>;
}

/** A model built from a rubric (what tier sampling and value sampling need). */
export type RubricModel = SensitivityModel & { readonly rubric: Rubric };

export function hasRubric(m: SensitivityModel): m is RubricModel {
  return m.rubric !== null;
}

/** The plug-in of a method id, from the one list src/ioc.ts binds. */
export function methodPlugin(id: MethodId): AggregationMethod {
  for (const M of METHOD_PLUGINS) {
    const m = new M();
    if (m.id === id) return m;
  }
  throw new InputError([{ code: 'method.unknown', message: `unknown method '${id}'`, hint: `choose one of: ${METHOD_PLUGINS.map((M) => new M().id).join(', ')}` }]);
}

export function sensitivityModel(rubric: Rubric, data: Dataset, method: MethodId | AggregationMethod, dictionary?: IndicatorDictionary): SensitivityModel {
  const plugin = typeof method === 'string' ? methodPlugin(method) : method;
  const s = scoreRubric(rubric, data);
  const matrix = rubricMatrix(rubric, data, s);
  const problems = plugin.check(matrix);
  if (problems.length) throw new InputError(problems);
  const conditionIds = rubric.conditions.map((c) => c.id);
  return {
    rubric, data, method: plugin.id, plugin, matrix, ids: data.ids, conditionIds,
    criterionIds: matrix.criteria,
    group: matrix.conditions!.group,
    local: Float64Array.from(rubric.criteria, (k) => k.weight),
    conditionWeights: Float64Array.from(rubric.conditions, (c) => c.weight),
    globalWeights: matrix.weights,
    scores: matrix.columns,
    ceilings: capCeilings(capsByMarket(rubric, dataFrame(rubric, data), data.ids)),
    countIndicators: new Set(dictionary ? dictionary.indicators.filter((i) => i.kind === 'count').map((i) => i.id) : []),
  };
}

/**
 * A plain table (rubric-free mode) as a model: each criterion is its own condition, weighted as `rank` weights it,
 * over the very matrix `rank` builds (tableMatrix), so every analysis answers about the ranking `rank` prints.
 * There are no tiers, caps or value ranges to sample: those need a rubric.
 */
export function tableSensitivityModel(data: Dataset, criteria: readonly string[], weights: Float64Array, cost: ReadonlySet<string>, plugin: AggregationMethod): SensitivityModel {
  if (plugin.id === 'gate') throw new InputError([{ code: 'method.needs-rubric', message: 'gate reads condition scores, which only a rubric defines', hint: 'pass --rubric, or use another --method' }]);
  const matrix = tableMatrix(data, criteria, weights, cost);
  const problems = plugin.check(matrix);
  if (problems.length) throw new InputError(problems);
  const M = criteria.length;
  return {
    rubric: null, data, method: plugin.id, plugin, matrix, ids: data.ids, conditionIds: criteria, criterionIds: criteria,
    group: Int32Array.from({ length: M }, (_, j) => j),
    local: new Float64Array(M).fill(1),
    conditionWeights: Float64Array.from(weights),
    globalWeights: matrix.weights,
    scores: matrix.columns,
    ceilings: undefined,
    countIndicators: new Set(),
  };
}

/** The method prepared on the model's base criterion scores, risk-cap ceilings applied as rank applies them. */
export function prepared(m: SensitivityModel): PreparedMethod {
  return prepareScoring(m.plugin, m.matrix, 1, m.ceilings);
}

/** Global criterion weights from condition weights, keeping the rubric's weights inside each condition. */
export function globalFromConditions(m: SensitivityModel, cw: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let j = 0; j < out.length; j++) out[j] = cw[m.group[j]] * m.local[j];
  return out;
}
