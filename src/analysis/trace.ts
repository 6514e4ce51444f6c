import { listSome, UsageError } from '../errors/problem';
import { dataFrame } from '../scoring/score-rubric';
import { capEffect } from '../scoring/caps';
import { cellKey, type Dataset } from '../model/dataset';
import type { EvidenceLedger, Fact } from '../model/evidence';
import type { IndicatorDictionary } from '../model/indicator';
import type { RankResult } from '../model/result';
import type { Rubric } from '../model/rubric';

/** One indicator value behind a criterion score, with its range and the evidence cited for it. */
export interface ValueTrace {
  readonly indicator: string;
  readonly value: number | string;
  readonly low?: number;
  readonly high?: number;
  /** Unit or scale, e.g. `suppliers` or `1–5`. */
  readonly unit?: string;
  readonly rationale?: string;
  readonly evidence: readonly Fact[];
}

export interface CriterionTrace {
  readonly conditionId: string;
  readonly criterionId: string;
  readonly name: string;
  readonly ruleKind: string;
  /** What fired, with the values substituted. */
  readonly fired: string;
  readonly values: readonly ValueTrace[];
  readonly score: number;
  readonly conditionWeight: number;
  /** Weight inside the condition. */
  readonly criterionWeight: number;
  readonly globalWeight: number;
  /** globalWeight × score: under WSM the contributions of a market sum to its score. */
  readonly contribution: number;
  readonly location: string;
}

export interface ConditionTrace {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly score: number;
  readonly criteria: readonly CriterionTrace[];
}

/** A risk cap that bit the market: what it tested, with the values it read, what it did and why. */
export interface CapTrace {
  readonly id: string;
  /** The cap's `when`, as written. */
  readonly when: string;
  /** The indicator values `when` read for this market: `execution-risk = 5`. */
  readonly values: string;
  /** What it does: `tier at most contested, score at most 3.5`. */
  readonly effect: string;
  readonly rationale: string;
  /** The cited facts found in the ledger (all of them when one is loaded: load-project checks the ids). */
  readonly facts: readonly Fact[];
  readonly location: string;
}

/** Everything behind one market's line in the ranking, top down. */
export interface MarketTrace {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly score: number;
  readonly method: string;
  readonly methodName: string;
  readonly tier: string | null;
  readonly binding: string | null;
  readonly gated: boolean;
  /** Risk caps that bit the market, in rubric order. */
  readonly caps: readonly CapTrace[];
  readonly conditions: readonly ConditionTrace[];
}

export interface TraceContext {
  readonly rubric: Rubric;
  readonly data: Dataset;
  readonly dictionary: IndicatorDictionary;
  readonly evidence?: EvidenceLedger;
  readonly result: RankResult;
}

/** Checks market ids against the ranking; an unknown one is a usage error listing the valid ids. */
export function checkMarkets(result: RankResult, ids: readonly string[]): void {
  const byId = rankingIndex(result);
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length) throw new UsageError('usage.unknown-market', `unknown market${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}`, `markets: ${listSome(byId.keys())}`);
}

/**
 * Each result's ranking indexed by id, built once: export traces every market, and a scan of the ranking per
 * market (twice: the check and the lookup) made 20,000 markets take 12.9 s.
 */
const INDEX = new WeakMap<RankResult, Map<string, RankResult['ranking'][number]>>();
function rankingIndex(result: RankResult): Map<string, RankResult['ranking'][number]> {
  let byId = INDEX.get(result);
  if (!byId) {
    byId = new Map(result.ranking.map((a) => [a.id, a]));
    INDEX.set(result, byId);
  }
  return byId;
}

export function unitOf(dictionary: IndicatorDictionary, id: string): string | undefined {
  const ind = dictionary.byId.get(id);
  if (!ind) return undefined;
  if (ind.scale && ind.kind === 'rating') return `${ind.scale.min}–${ind.scale.max}`;
  return ind.unit ?? (ind.kind === 'category' ? 'category' : ind.kind);
}

export function traceMarket(ctx: TraceContext, id: string): MarketTrace {
  checkMarkets(ctx.result, [id]);
  const { rubric, data, dictionary, evidence, result } = ctx;
  const a = rankingIndex(result).get(id)!;
  const row = a.row;
  const frame = dataFrame(rubric, data);
  const conditions = rubric.conditions.map((c): ConditionTrace => ({
    id: c.id, name: c.name, weight: c.weight, score: a.conditions[c.id],
    criteria: c.criteria.map((k): CriterionTrace => {
      const res = result.criteria[rubric.criteria.indexOf(k)];
      const score = res.scores[row];
      const values = k.rule.indicators.map((ind): ValueTrace => {
        const cell = data.cells.get(cellKey(id, ind));
        const num = data.numeric.get(ind);
        const value = num ? num[row] : data.categorical.get(ind)![row];
        return {
          indicator: ind, value,
          low: num ? data.low.get(ind)![row] : undefined, high: num ? data.high.get(ind)![row] : undefined,
          unit: unitOf(dictionary, ind), rationale: cell?.rationale,
          evidence: (cell?.evidence ?? []).map((f) => evidence?.byId.get(f)).filter((f): f is Fact => f !== undefined),
        };
      });
      return {
        conditionId: c.id, criterionId: k.id, name: k.name, ruleKind: k.rule.kind,
        fired: k.rule.describe(frame, row, res.fired[row]), values, score,
        conditionWeight: c.weight, criterionWeight: k.weight, globalWeight: k.globalWeight, contribution: k.globalWeight * score,
        location: `${k.location.file}${k.location.line ? `:${k.location.line}` : ''} ${k.location.path}`,
      };
    }),
  }));
  const caps = rubric.caps.filter((c) => a.caps.includes(c.id)).map((c): CapTrace => ({
    id: c.id, when: c.when.source,
    values: c.when.symbols.map((sym) => {
      const slot = rubric.scope.get(sym)!.slot;
      return `${rubric.slots[slot]} = ${String((frame[slot] as ArrayLike<unknown>)[row])}`;
    }).join(', '),
    effect: capEffect(c, result.method), rationale: c.rationale,
    facts: c.facts.map((f) => evidence?.byId.get(f)).filter((f): f is Fact => f !== undefined),
    location: `${c.location.file}${c.location.line ? `:${c.location.line}` : ''} ${c.location.path}`,
  }));
  return { id, name: a.name, rank: a.rank, score: a.score, method: result.method, methodName: result.methodName, tier: a.tier, binding: a.binding, gated: a.gated, caps, conditions };
}
