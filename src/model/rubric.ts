import type { CompiledExpression, Frame, Scope } from '../expression/compile';
import type { PreferenceFunction } from '../methods/params';
import type { WeightConstraint } from '../weights/weight-constraints';
import type { ProblemList } from '../errors/problem';

/** Where a rubric element sits, so that an error found while scoring can still point at the rubric line. */
export interface Location {
  readonly file: string;
  readonly line?: number;
  readonly path: string;
}

export type RuleKind = 'raw' | 'map' | 'bands' | 'table' | 'expression';

/** A scoring rule compiled once per run; it scores a whole column of alternatives in one call. */
export interface CompiledRule {
  readonly kind: RuleKind;
  /** Indicators the rule reads. */
  readonly indicators: readonly string[];
  /**
   * Writes each row's score into `out` and what fired into `fired` (band, table row or category index; -1 for
   * raw and expression rules). A value the rule cannot score (no row matches, two rows match under `unique`, a
   * score off the scale) becomes a problem naming the rubric line and the market.
   */
  score(frame: Frame, ids: readonly string[], out: Float64Array, fired: Int32Array, problems: ProblemList): void;
  /** What fired for one row, with the values substituted: `band 2 (2 <= 3 < 4) → 3`. */
  describe(frame: Frame, row: number, fired: number): string;
}

export interface Criterion {
  readonly id: string;
  readonly name: string;
  readonly conditionId: string;
  /** Weight inside its condition, normalised so the condition's criteria sum to 1. */
  readonly weight: number;
  /** Weight as written in the rubric. */
  readonly declaredWeight: number;
  /** Condition weight × criterion weight: the weight methods on a flat matrix use. */
  readonly globalWeight: number;
  readonly rule: CompiledRule;
  readonly rationale?: string;
  readonly location: Location;
  /** PROMETHEE II's preference function on this criterion (the rubric's `preference:`); usual when absent. */
  readonly preference?: PreferenceFunction;
}

export interface Condition {
  readonly id: string;
  readonly name: string;
  readonly weight: number;
  readonly declaredWeight: number;
  readonly criteria: readonly Criterion[];
  readonly rationale?: string;
}

export interface Tier {
  readonly id: string;
  readonly when: CompiledExpression;
  readonly meaning?: string;
  /** The tier's `when`, for errors found while evaluating it. */
  readonly location: Location;
}

/**
 * A risk cap: where `when` holds, the market's tier is at most `tier` and its score at most `ceiling`, however well
 * it does elsewhere — the veto of outranking methods (ELECTRE's veto threshold, Roy 1968/1991). Evaluated in
 * scoring/caps.ts.
 */
export interface Cap {
  readonly id: string;
  /** Boolean expression over indicators (the rubric's indicator scope). */
  readonly when: CompiledExpression;
  readonly tier?: string;
  readonly ceiling?: number;
  readonly rationale: string;
  readonly facts: readonly string[];
  /** The cap's `when`, for errors found while evaluating it. */
  readonly location: Location;
  /** The cap's `facts`, for fact ids the evidence ledger does not hold. */
  readonly factsLocation: Location;
}

/**
 * An aggregation method's id: one of METHOD_IDS (src/methods/plugins.ts), which the rubric schema checks. A string,
 * not a literal union, so that the plug-in list is the only place a method is named.
 */
export type MethodId = string;

/** A rubric checked and compiled against an indicator dictionary: what scoring reads, and never re-validates. */
export interface Rubric {
  readonly file: string;
  readonly id: string;
  readonly title: string;
  readonly method: MethodId;
  readonly scale: { readonly min: number; readonly max: number };
  readonly conditions: readonly Condition[];
  /** All criteria in rubric order (condition by condition). */
  readonly criteria: readonly Criterion[];
  readonly tiers: readonly Tier[];
  readonly gate?: { readonly threshold: number; readonly tier: string };
  /** Risk caps in rubric order; empty when the rubric declares none. */
  readonly caps: readonly Cap[];
  /** Known constraints on the condition weights (analysis/weight-constraints.ts), checked at load; SMAA honours them. */
  readonly weightConstraints: readonly WeightConstraint[];
  /** True when declared weights did not sum to 1 and were normalised; `notes` says which. */
  readonly weightsNormalised: boolean;
  /** How the weights came about: elicitation (AHP, rank order), overrides, normalisation, consistency warnings. */
  readonly notes: readonly string[];
  /**
   * Condition weights in force as the rubric file declares them (normalised), kept by reweight when weights are
   * changed later (--weight, --scenario), so a footer can say what changed; absent until a change is made.
   */
  readonly fileConditionWeights?: readonly number[];
  /** The part of `notes` that describes elicited weights; kept when weights are changed later. */
  readonly elicitation: readonly string[];
  /** Expression names of the indicators, each bound to a frame slot. */
  readonly scope: Scope;
  /** Indicator id of each frame slot. */
  readonly slots: readonly string[];
}
