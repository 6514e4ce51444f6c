import type { Frame } from '../expression/compile';
import { ProblemList } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { CriterionResult } from '../model/result';
import type { Rubric } from '../model/rubric';
import { assignTiers, conditionExtremes } from './tiers';

/** Condition and criterion scores of every alternative: the rubric's view, independent of the method. */
export interface RubricScores {
  readonly criteria: readonly CriterionResult[];
  /** One column per condition, rubric order: weighted mean of its criterion scores. */
  readonly conditions: readonly Float64Array[];
  /** Weighted mean of condition scores. */
  readonly overall: Float64Array;
  /** Index of the weakest condition in the model (weight > 0) per alternative (first on ties). */
  readonly binding: Uint16Array;
  readonly tiers: readonly string[];
}

/** A frame slot per dictionary indicator, read from the data set's columns. */
export function dataFrame(rubric: Rubric, data: Dataset): Frame {
  return rubric.slots.map((id) => data.numeric.get(id) ?? data.categorical.get(id) ?? []);
}

/**
 * Scores every criterion over whole columns, then conditions, overall score, binding condition and tier. Takes the
 * rubric and data as loading checked them (loadProject runs rubricColumnsInData, so every indicator the rubric reads
 * is a column); scoring does not validate again. What it can only find here (a value no rule row matches, a score
 * off the scale) is a problem naming the rubric line.
 */
export function scoreRubric(rubric: Rubric, data: Dataset, frame: Frame = dataFrame(rubric, data)): RubricScores {
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
  const weights = rubric.conditions.map((c) => c.weight);
  const overall = new Float64Array(n);
  conditions.forEach((col, c) => {
    for (let i = 0; i < n; i++) overall[i] += weights[c] * col[i];
  });
  const extremes = conditionExtremes(conditions, weights, n);
  const tiers = assignTiers(rubric, data.ids, overall, conditions, extremes, problems);
  problems.throwIfErrors();
  return { criteria, conditions, overall, binding: extremes.binding, tiers };
}
