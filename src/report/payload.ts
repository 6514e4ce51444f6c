import type { CellEvidence, Dataset } from '../model/dataset';
import type { EvidenceSource, Fact } from '../model/evidence';
import type { Indicator } from '../model/indicator';
import type { MethodId } from '../model/rubric';
import type { RubricSpec } from '../rubric/schema';
import type { ExprTree } from '../expression/tree';

/**
 * Everything the report page needs, as JSON embedded in the HTML: the validated rubric spec (the page compiles it
 * with the engine's own compileRubric), the dictionary, the data after any scenario, the cited facts, the weights in
 * force, and the SMAA acceptabilities (weight-independent, so computed once here).
 */
export interface ReportPayload {
  readonly engine: string;
  readonly title: string;
  readonly rubricFile: string;
  readonly dataFile: string;
  readonly method: MethodId;
  readonly spec: RubricSpec;
  readonly dictionary: readonly Indicator[];
  readonly dataset: {
    readonly ids: readonly string[];
    readonly names: readonly string[];
    readonly numeric: Readonly<Record<string, number[]>>;
    readonly categorical: Readonly<Record<string, string[]>>;
    readonly low: Readonly<Record<string, number[]>>;
    readonly high: Readonly<Record<string, number[]>>;
    readonly cells: readonly CellEvidence[];
  };
  readonly sources: readonly EvidenceSource[];
  readonly facts: readonly Fact[];
  /** Declared weights at load (after the scenario and --weight), which Reset returns to. */
  readonly declared: { readonly conditions: readonly number[]; readonly criteria: readonly (readonly number[])[] };
  /** The options to repeat in the "copy as CLI" line (inputs and scenario; weights are added from the sliders). */
  readonly cliArgs: readonly string[];
  readonly scenario?: string;
  /**
   * Every expression of the rubric with the tree the CLI parsed (src/expression/tree.ts): the page compiles these
   * with the engine's compiler and carries no parser of its own. Filled by withTrees.
   */
  readonly trees: readonly (readonly [string, ExprTree])[];
  /** The project's outcomes files, backtested at the report's weights (src/analysis/backtest.ts). */
  readonly backtests?: readonly {
    readonly file: string; readonly n: number; readonly spearman: number | null; readonly kendall: number | null; readonly pValue: number | null;
    readonly pairs: readonly { readonly rank: number; readonly market: string; readonly score: number; readonly outcome: number }[];
    readonly leftOut: readonly { readonly market: string; readonly reason: string }[];
    readonly caveat: string;
  }[];
  /** Every method's ranking and their agreement: the `moatscore methods --format json` document (a static panel). */
  readonly methods?: MethodsDoc;
  readonly smaa?: { readonly ids: readonly string[]; readonly acceptability: readonly (readonly number[])[]; readonly samples: number; readonly seed: number; readonly errorBound: number; readonly method: string };
}

/** `moatscore methods --format json`: ranks by method, pairwise agreement, the Copeland consensus, skipped methods. */
export interface MethodsDoc {
  readonly rankings: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly agreement: readonly { readonly a: string; readonly b: string; readonly spearman: number; readonly kendall: number; readonly rw: number; readonly ws: number }[];
  readonly consensus: readonly string[];
  readonly skipped: readonly { readonly method: string; readonly why: string }[];
}

export function datasetPayload(d: Dataset): ReportPayload['dataset'] {
  const rec = (m: ReadonlyMap<string, ArrayLike<number>>) => Object.fromEntries([...m].map(([k, v]) => [k, Array.from(v)]));
  return {
    ids: d.ids, names: d.names,
    numeric: rec(d.numeric), categorical: Object.fromEntries([...d.categorical].map(([k, v]) => [k, [...v]])),
    low: rec(d.low), high: rec(d.high), cells: [...d.cells.values()],
  };
}
