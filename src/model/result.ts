import type { Compensation } from '../methods/method';
import type { MethodVerdict } from '../methods/method';
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
  readonly compensatory: Compensation;
  readonly scoreMeaning: string;
  /** The rubric, with its tier ids best first. */
  readonly rubric: { readonly id: string; readonly title: string; readonly file: string; readonly tiers: readonly string[] } | null;
  readonly dataFile: string;
  readonly scale: { readonly min: number; readonly max: number } | null;
  readonly conditionIds: readonly string[];
  /** Sorted by rank. */
  readonly ranking: readonly RankedAlternative[];
  readonly criteria: readonly CriterionResult[];
  readonly weightsNormalised: boolean;
  /** False when no weight was given (rubric-free mode without --weights): every criterion weighs the same by default. */
  readonly weightsDeclared?: boolean;
  readonly notes: readonly string[];
  /** Rubric mode: each condition's weight in force, and the weight the rubric file gives it (both summing to 1). */
  readonly conditionWeights?: readonly { readonly id: string; readonly weight: number; readonly file: number }[];
  /** With --show-changes: each alternative's rank under the rubric's own weights and data, by id. */
  readonly baseRanks?: Readonly<Record<string, number>>;
  /** Risk caps that bit at least one market (rubric mode; empty otherwise). */
  readonly caps: readonly CapSummary[];
  /** The scenario applied, if any. */
  readonly scenario?: string;
  /** Rank ranges, uncertainty grades and tier confidence from SMAA-2 (src/analysis/rank-uncertainty.ts). */
  readonly uncertainty?: RankingUncertainty;
  /** A set the method singles out beyond the order (VIKOR's compromise set), when the method defines one. */
  readonly verdict?: MethodVerdict;
}

/**
 * A move as people read it, the one format of every table and Markdown output (rank --show-changes, diff): +2 is two
 * places up, -1 one down, = unchanged. Machine formats (CSV, JSON) keep the signed number.
 */
export function formatMove(places: number): string {
  return places > 0 ? `+${places}` : places < 0 ? `-${-places}` : '=';
}

/** The legend printed under a table with a move column. */
export const MOVE_LEGEND = 'move: places up (+2) or down (-1) since the base, = unchanged';

/** Places moved since the base ranking: +2 is two places up. */
export function rankMove(r: RankResult, id: string, rank: number): number | undefined {
  return r.baseRanks ? r.baseRanks[id] - rank : undefined;
}

export type UncertaintyGrade = 'low' | 'medium' | 'high' | 'very-high';

/** How sure one alternative's place is (rules: src/analysis/rank-uncertainty.ts). */
export interface RankUncertainty {
  /** The central 90% of the alternative's rank distribution: [best, worst]. */
  readonly rankRange: readonly [number, number];
  readonly uncertainty: UncertaintyGrade;
  /** Share of samples giving the displayed tier; null in rubric-free mode (no tiers). */
  readonly tierConfidence: number | null;
}

/** The headline uncertainty of a ranking and what it was computed from, for footers and provenance. */
export interface RankingUncertainty {
  readonly samples: number;
  readonly seed: number;
  /** What was sampled: condition weights or criterion weights, and whether values inside their ranges. */
  readonly level: string;
  readonly valuesSampled: boolean;
  readonly byId: Readonly<Record<string, RankUncertainty>>;
  /** Why no uncertainty was computed (too many markets), when it was not. */
  readonly skipped?: string;
}
