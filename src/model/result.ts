import type { MethodId } from './rubric';

/** One alternative's line in a ranking. */
export interface RankedAlternative {
  readonly rank: number;
  /** Row index in the data set. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  /** The method's score (higher is better). */
  readonly score: number;
  /** Condition scores on the rubric scale; empty in rubric-free mode. */
  readonly conditions: Readonly<Record<string, number>>;
  readonly tier: string | null;
  /** The weakest condition: the one that binds the market's position. */
  readonly binding: string | null;
  /** Gate method only: the weakest condition is below the threshold, so the score and tier are capped. */
  readonly gated: boolean;
  /** Ids of the rubric's risk caps that bit this market (scoring/caps.ts); empty in rubric-free mode. */
  readonly caps: readonly string[];
  /** The method's own quantities (VIKOR's S, R, Q; PROMETHEE's flows…), before any risk cap; absent for methods without. */
  readonly detail?: Readonly<Record<string, number>>;
}

/** A risk cap that bit at least one market in this result, with what it did. */
export interface CapSummary {
  readonly id: string;
  readonly tier?: string;
  readonly ceiling?: number;
  /** False when the cap has a ceiling but the method's score is not on the rubric scale (TOPSIS). */
  readonly ceilingApplied: boolean;
  readonly rationale: string;
  readonly facts: readonly string[];
  /** Markets it bit, in data order. */
  readonly markets: readonly string[];
  /** What it does, in words: `tier at most contested, score at most 3.5`. */
  readonly effect: string;
  /** `file:line path` of the cap's `when`. */
  readonly location: string;
}

/** A criterion column of the result: what each alternative scored and which rule row fired. */
export interface CriterionResult {
  readonly id: string;
  readonly conditionId: string | null;
  readonly globalWeight: number;
  readonly scores: Float64Array;
  readonly fired: Int32Array;
}

/**
 * What every renderer and exporter reads: the method, the ranking, the condition and criterion scores, and the
 * trace of which rule fired. Renderers only write it out.
 */
export interface RankResult {
  readonly method: MethodId;
  readonly methodName: string;
  readonly compensatory: boolean;
  readonly scoreMeaning: string;
  readonly rubric: { readonly id: string; readonly title: string; readonly file: string } | null;
  readonly dataFile: string;
  readonly scale: { readonly min: number; readonly max: number } | null;
  readonly conditionIds: readonly string[];
  /** Sorted by rank. */
  readonly ranking: readonly RankedAlternative[];
  readonly criteria: readonly CriterionResult[];
  readonly weightsNormalised: boolean;
  readonly notes: readonly string[];
  /** With --show-changes: each alternative's rank under the rubric's own weights and data, by id. */
  readonly baseRanks?: Readonly<Record<string, number>>;
  /** Risk caps that bit at least one market (rubric mode; empty otherwise). */
  readonly caps: readonly CapSummary[];
  /** The scenario applied, if any. */
  readonly scenario?: string;
}

/** Places moved since the base ranking: +2 is two places up. */
export function rankMove(r: RankResult, id: string, rank: number): number | undefined {
  return r.baseRanks ? r.baseRanks[id] - rank : undefined;
}
