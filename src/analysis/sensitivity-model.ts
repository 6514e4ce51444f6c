import { InputError } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix, PreparedMethod } from '../methods/method';
import { METHOD_PLUGINS } from '../methods/plugins';
import type { Dataset } from '../model/dataset';
import type { IndicatorDictionary } from '../model/indicator';
import type { MethodId, Rubric } from '../model/rubric';
import { prepareScoring, rubricMatrix } from '../scoring/method-matrix';
import { capCeilings, capsByMarket } from '../scoring/caps';
import { dataFrame } from '../scoring/rubric-scores';
import { scoreRubric } from '../scoring/score-rubric';

/**
 * What a weight analysis needs of a rubric run: criterion scores (fixed), the hierarchy, the base weights, and the
 * method plug-in itself. Every analysis scores through `plugin.prepare(matrix)`, the code `rank` runs: there is no
 * second implementation of any method.
 */
export interface SensitivityModel {
  readonly rubric: Rubric;
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

/** The method prepared on the model's base criterion scores, risk-cap ceilings applied as rank applies them. */
export function prepared(m: SensitivityModel): PreparedMethod {
  return prepareScoring(m.plugin, m.matrix, 1, m.ceilings);
}

/** Global criterion weights from condition weights, keeping the rubric's weights inside each condition. */
export function globalFromConditions(m: SensitivityModel, cw: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let j = 0; j < out.length; j++) out[j] = cw[m.group[j]] * m.local[j];
  return out;
}
