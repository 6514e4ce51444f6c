import type { DecisionMatrix, AggregationMethod } from '../methods/method';
import type { Dataset } from '../model/dataset';
import type { RankResult } from '../model/result';
import { checkMarkets, type ConditionTrace, type CriterionTrace, type MarketTrace } from './trace';
import { normaliseWeights } from '../methods/method';

/**
 * The trace of one row of a plain table (rubric-free mode), in the shape of a rubric trace so compare, explain and
 * export read it unchanged: each criterion (column) acts as its own condition holding one criterion. The criterion
 * score is the value as the method reads it where the method's score is a weighted sum of such scores (wsm: the
 * linear-ratio normalised value; moora: the vector-normalised value, negated for a cost), so contributions add up to
 * the score; under any other method the score does not split by criterion, and the contribution is NaN (shown as —).
 * There are no tiers, caps, ranges or evidence: those need a rubric.
 */
export interface TableTraceContext {
  readonly result: RankResult;
  readonly data: Dataset;
  readonly matrix: DecisionMatrix;
  readonly method: AggregationMethod;
}

/** Built once per context: the method's criterion scores and the weights as fractions of their sum. */
const PREPARED = new WeakMap<TableTraceContext, { scores: readonly Float64Array[] | undefined; w: Float64Array; rowOf: Map<string, RankResult['ranking'][number]> }>();

export function traceTableMarket(ctx: TableTraceContext, id: string): MarketTrace {
  let p = PREPARED.get(ctx);
  if (!p) {
    const w = new Float64Array(ctx.matrix.weights.length);
    normaliseWeights(ctx.matrix.weights, w);
    p = { scores: ctx.method.criterionScores?.(ctx.matrix), w, rowOf: new Map(ctx.result.ranking.map((a) => [a.id, a])) };
    PREPARED.set(ctx, p);
  }
  if (!p.rowOf.has(id)) checkMarkets(ctx.result, [id]);
  const a = p.rowOf.get(id)!;
  const { matrix, data } = ctx;
  const conditions = matrix.criteria.map((c, j): ConditionTrace => {
    const value = matrix.columns[j][a.row];
    const score = p!.scores ? p!.scores[j][a.row] : value;
    const how = p!.scores ? ` → ${score.toPrecision(6)} as ${ctx.method.id} reads it` : '';
    return {
      id: c, name: c, weight: p!.w[j], score,
      criteria: [{
        conditionId: c, criterionId: c, name: c, ruleKind: 'column',
        fired: `${c} = ${value}${matrix.benefit[j] ? '' : ' (cost: less is better)'}${how}`,
        values: [{ indicator: c, value, evidence: [] }],
        score, conditionWeight: p!.w[j], criterionWeight: 1, globalWeight: p!.w[j],
        contribution: p!.scores ? p!.w[j] * score : NaN,
        location: `${data.file} column ${c}`,
      }],
    };
  });
  return { id, name: a.name, rank: a.rank, score: a.score, method: ctx.result.method, methodName: ctx.result.methodName, tier: null, binding: null, gated: false, caps: [], conditions };
}

/** A plain table's column, traced as a condition holding itself: shown once, under the column's name. */
export function isTableColumn(c: ConditionTrace): boolean {
  return c.criteria.length === 1 && c.criteria[0].ruleKind === 'column';
}

/** A criterion's name in compare's rows and gap list: `condition.criterion`, or the column's name for a table. */
export function criterionPath(c: ConditionTrace, k: CriterionTrace): string {
  return isTableColumn(c) ? c.id : `${c.id}.${k.criterionId}`;
}
