import type { Problem } from '../errors/problem';
import type { MethodId } from '../model/rubric';

/**
 * A decision problem in the shape the kernels read: m criterion columns over n alternatives, column-major.
 * `prescaled` means the columns are already commensurate benefit scores (a rubric's criterion scores), so ratio
 * normalisation is skipped; otherwise they are raw values with per-column directions.
 */
export interface DecisionMatrix {
  readonly n: number;
  readonly columns: readonly Float64Array[];
  /** Global weights, summing to 1. */
  readonly weights: Float64Array;
  readonly benefit: readonly boolean[];
  readonly prescaled: boolean;
  /** For messages: alternative ids and criterion names. */
  readonly ids: readonly string[];
  readonly criteria: readonly string[];
  readonly file?: string;
  /** The condition layer, for methods that read it (gate). */
  readonly conditions?: {
    readonly scores: readonly Float64Array[];
    readonly weights: Float64Array;
    readonly threshold?: number;
  };
}

/** An aggregation method: one class per file, bound as a plug-in in the composition root (src/ioc.ts). */
export interface AggregationMethod {
  readonly id: MethodId;
  readonly name: string;
  /** Whether a strong criterion can buy back a weak one. */
  readonly compensatory: boolean;
  /** What the score means, for table footers. */
  readonly scoreMeaning: string;
  /** Problems that make the matrix unfit for this method (zero columns, non-positive ratios…). */
  check(m: DecisionMatrix): Problem[];
  /** Scores, higher is better. Called only on a matrix `check` accepted. */
  score(m: DecisionMatrix): Float64Array;
}
