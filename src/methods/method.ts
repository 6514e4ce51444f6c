import type { Problem } from '../errors/problem';
import type { MethodId } from '../model/rubric';
import type { MethodParams } from './params';

/**
 * A decision problem in the shape the kernels read: m criterion columns over n alternatives, column-major.
 * `prescaled` means the columns are already commensurate benefit scores (a rubric's criterion scores), so ratio
 * normalisation is skipped; otherwise they are raw values with per-column directions.
 */
export interface DecisionMatrix {
  readonly n: number;
  readonly columns: readonly Float64Array[];
  /** Criterion weights, >= 0 and not all 0; each method normalises them itself (see normaliseWeights). */
  readonly weights: Float64Array;
  readonly benefit: readonly boolean[];
  readonly prescaled: boolean;
  /** For messages: alternative ids and criterion names. */
  readonly ids: readonly string[];
  readonly criteria: readonly string[];
  readonly file?: string;
  /** The condition layer, for methods that read it (gate): which condition each criterion belongs to. */
  readonly conditions?: {
    readonly ids: readonly string[];
    /** Condition index of each criterion column. */
    readonly group: Int32Array;
    readonly threshold?: number;
  };
  /** Method parameters (VIKOR's v, PROMETHEE's preference functions, SPOTIS's bounds): see params.ts. */
  readonly params?: MethodParams;
}

/**
 * A method bound to one matrix, with everything that does not depend on the weights computed once (normalised
 * columns, logarithms, distances to the ideal points). What rank calls once and the analyses call thousands of times.
 */
export interface PreparedMethod {
  /** Alternatives per block. */
  readonly n: number;
  /**
   * Writes the scores of block `block` (rows block·n … block·n + n − 1 of the matrix, an independent problem of n
   * alternatives: one value sample in SMAA) under criterion weights `w` into out[0 … n − 1]; with `blocks` > 1, of
   * that many consecutive blocks under the same weights into out[0 … blocks·n − 1] (each block still normalised on
   * its own: the weight-independent work was done per block in prepare). `w` need not sum to 1. Allocates nothing
   * (scratch for several blocks is made on first use).
   */
  score(w: ArrayLike<number>, out: Float64Array, block?: number, blocks?: number): void;
  /** Methods that cap scores (gate): marks the capped alternatives of the block with 1. */
  flags?(w: ArrayLike<number>, gated: Uint8Array, block?: number): void;
}

export type Compensation = boolean | 'partly';

/** How a method's compensation is written everywhere: compensatory, partly compensatory or non-compensatory. */
export function compensationLabel(c: Compensation): string {
  return c === 'partly' ? 'partly compensatory' : c ? 'compensatory' : 'non-compensatory';
}

/** An aggregation method: one class per file, listed in src/methods/plugins.ts and bound in src/ioc.ts. */
export interface AggregationMethod {
  readonly id: MethodId;
  readonly name: string;
  /**
   * Whether a strong criterion can buy back a weak one: true (wsm, topsis), false (gate) or 'partly' (wpm: ratios
   * trade off, a zero cannot be bought back). The one source of the label footers and the README print.
   */
  readonly compensatory: Compensation;
  /** What the score means, for table footers. */
  readonly scoreMeaning: string;
  /** Problems that make the matrix unfit for this method (zero columns, non-positive ratios…). */
  check(m: DecisionMatrix): Problem[];
  /**
   * The batch entry point: `blocks` independent problems of m.n / blocks alternatives each, stacked in the columns.
   * Called only on a matrix `check` accepted (or, in the analyses, on samples of one).
   */
  prepare(m: DecisionMatrix, blocks?: number): PreparedMethod;
  /** Scores, higher is better: prepare(m).score(m.weights, out). */
  score(m: DecisionMatrix): Float64Array;
  /** Why alternative `row` got a non-finite score under weights `w`: the real cause, named by row and column. */
  diagnose(m: DecisionMatrix, w: ArrayLike<number>, row: number): Problem;
  /**
   * The method's own quantities per alternative under weights `w` (VIKOR's S, R, Q; PROMETHEE's flows; TOPSIS's
   * distances), in row order, for `--format json`. Optional: methods whose score is the whole story omit it.
   */
  detail?(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array>;
  /**
   * A conclusion the method draws beyond the order, for methods that define one (VIKOR's compromise set): printed
   * under the table, a top-level JSON object, a true/false CSV column. Optional.
   */
  verdict?(m: DecisionMatrix, w: ArrayLike<number>): MethodVerdict;
  /**
   * For methods whose score is a weighted sum of per-criterion scores (wsm, moora): those scores, one column per
   * criterion, as the kernel sums them (normalised, cost reversed), so that a trace's contributions w_j · s_ij add up
   * to the score. Absent for every other method: their scores do not split by criterion.
   */
  criterionScores?(m: DecisionMatrix): readonly Float64Array[];
}

/** A set of alternatives a method singles out, with the conditions that decided it. */
export interface MethodVerdict {
  /** The JSON key and CSV column (`compromise`). */
  readonly id: string;
  /** Member ids, best first. */
  readonly members: readonly string[];
  /** The facts that decided the set (JSON), e.g. { advantage: true, stability: false, dq: 0.2 }. */
  readonly data: Readonly<Record<string, number | boolean>>;
  /** One line for the table footer, naming the rule, its source and the members. */
  readonly note: string;
}

/** score(m) for every method: the prepared kernel at the matrix's own weights. */
export function scoreOnce(method: AggregationMethod, m: DecisionMatrix): Float64Array {
  const out = new Float64Array(m.n);
  method.prepare(m).score(m.weights, out);
  return out;
}

/**
 * Weights as fractions of their sum, written into `out`, dividing by the largest weight first so that weights near
 * the top of the double range (4 × 1.7e308 overflows a plain sum) or near the bottom keep their ratios.
 * Returns false when no weight is positive (nothing to normalise).
 */
export function normaliseWeights(w: ArrayLike<number>, out: Float64Array): boolean {
  let max = 0;
  for (let j = 0; j < out.length; j++) if (w[j] > max) max = w[j];
  if (!(max > 0) || !Number.isFinite(max)) return false;
  let total = 0;
  for (let j = 0; j < out.length; j++) total += w[j] / max;
  for (let j = 0; j < out.length; j++) out[j] = w[j] / max / total;
  return true;
}

/** The problem every method reports for input values that are not finite numbers. */
export function nonFiniteInput(m: DecisionMatrix, method: string, row: number): Problem | undefined {
  for (let j = 0; j < m.columns.length; j++) {
    const x = m.columns[j][row];
    if (!Number.isFinite(x)) return { code: 'method.non-finite', file: m.file, path: `row ${m.ids[row % m.ids.length]}, column ${m.criteria[j]}`, message: `${method} cannot score the value ${x}`, hint: 'replace it with a finite number' };
  }
  return undefined;
}

/** The first non-finite input value of the whole matrix: for methods whose normalisation couples every row. */
export function nonFiniteAnywhere(m: DecisionMatrix, method: string): Problem | undefined {
  for (let i = 0; i < m.n; i++) {
    const p = nonFiniteInput(m, method, i);
    if (p) return p;
  }
  return undefined;
}

/**
 * out[i] = Σ_j w_j · columns[j][block·n + i] for the `blocks` consecutive blocks of `n` rows, with `weights`
 * normalised into `w` first (normaliseWeights): the weighted column sum WSM, WPM (over logarithms), MOORA and SPOTIS
 * share. A weight of 0 is skipped, so 0 · log 0 never makes a NaN. Writes NaN everywhere when no weight is positive.
 */
export function weightedColumnSum(columns: readonly Float64Array[], weights: ArrayLike<number>, w: Float64Array, out: Float64Array, n: number, block = 0, blocks = 1): void {
  const at = block * n;
  const len = n * blocks;
  out.fill(0, 0, len);
  if (!normaliseWeights(weights, w)) {
    out.fill(NaN, 0, len);
    return;
  }
  for (let j = 0; j < columns.length; j++) {
    const wj = w[j];
    if (wj === 0) continue;
    const c = columns[j];
    for (let i = 0; i < len; i++) out[i] += wj * c[at + i];
  }
}
