import { InputError, InternalError } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix, PreparedMethod } from '../methods/method';
import type { Dataset } from '../model/dataset';
import type { Rubric } from '../model/rubric';
import type { RubricScores } from './rubric-scores';
import { ceilingApplies } from './caps';

/** The flat matrix methods read: criterion scores as prescaled benefit columns with global weights. */
export function rubricMatrix(rubric: Rubric, data: Dataset, s: RubricScores): DecisionMatrix {
  const conditionIds = rubric.conditions.map((c) => c.id);
  return {
    n: data.ids.length,
    columns: s.criteria.map((c) => c.scores),
    weights: Float64Array.from(rubric.criteria.map((c) => c.globalWeight)),
    benefit: rubric.criteria.map(() => true),
    prescaled: true,
    ids: data.ids,
    criteria: s.criteria.map((c) => c.id),
    file: data.file,
    conditions: { ids: conditionIds, group: Int32Array.from(rubric.criteria, (k) => conditionIds.indexOf(k.conditionId)), threshold: rubric.gate?.threshold },
    // Every criterion score lies on the rubric's scale: SPOTIS's bounds.
    params: { bounds: rubric.criteria.map(() => [rubric.scale.min, rubric.scale.max] as const), preference: rubric.criteria.map((k) => k.preference) },
  };
}

/** Rubric-free mode: each selected column a criterion, benefit unless listed as cost. */
export function tableMatrix(data: Dataset, criteria: readonly string[], weights: Float64Array, cost: ReadonlySet<string>): DecisionMatrix {
  const columns = criteria.map((c) => data.numeric.get(c) ?? (() => { throw new InternalError(`column ${c} not loaded`); })());
  return { n: data.ids.length, columns, weights, benefit: criteria.map((c) => !cost.has(c)), prescaled: false, ids: data.ids, criteria, file: data.file };
}

/**
 * Runs a method over a matrix after its own checks; its problems are input errors, and a score that is not a finite
 * number is explained by the method that computed it (which row, which column, why).
 */
export function runMethod(method: AggregationMethod, m: DecisionMatrix, ceilings?: Float64Array): { scores: Float64Array; prepared: PreparedMethod } {
  const problems = method.check(m);
  if (problems.length) throw new InputError(problems);
  const prepared = prepareScoring(method, m, 1, ceilings);
  const scores = new Float64Array(m.n);
  prepared.score(m.weights, scores);
  for (let i = 0; i < m.n; i++) if (!Number.isFinite(scores[i])) throw new InputError([method.diagnose(m, m.weights, i)]);
  return { scores, prepared };
}

/**
 * The method prepared on `m` (`blocks` stacked problems), with the risk caps' score ceilings (scoring/caps.ts,
 * `ceilings[row]`, Infinity where none bites) applied after the method's own score when that score is on the rubric
 * scale. Rank and every analysis score through this, so a cap bites the same way everywhere.
 */
export function prepareScoring(method: AggregationMethod, m: DecisionMatrix, blocks = 1, ceilings?: Float64Array): PreparedMethod {
  const p = method.prepare(m, blocks);
  if (!ceilings || !ceilingApplies(method.id)) return p;
  const n = p.n;
  return {
    n,
    score(w, out, block = 0, count = 1) {
      p.score(w, out, block, count);
      const base = block * n;
      for (let r = 0; r < count * n; r++) if (out[r] > ceilings[base + r]) out[r] = ceilings[base + r];
    },
    ...(p.flags ? { flags: (w: ArrayLike<number>, gated: Uint8Array, block?: number) => p.flags!(w, gated, block) } : {}),
  };
}
