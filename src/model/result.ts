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
  /** The scenario applied, if any. */
  readonly scenario?: string;
  /** Rank ranges, uncertainty grades and tier confidence from SMAA-2 (src/analysis/rank-uncertainty.ts). */
  readonly uncertainty?: RankingUncertainty;
}

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
}
