/** Why a data cell holds its value: the facts behind it, the analyst's reasoning, and how sure the value is. */
export interface CellEvidence {
  readonly market: string;
  readonly indicator: string;
  /** Plausible range where the source is unsure; equal to the value when it is not. */
  readonly low: number | undefined;
  readonly high: number | undefined;
  readonly evidence: readonly string[];
  readonly rationale: string;
  readonly line: number;
}

/**
 * Alternatives × indicators, column-major: numeric columns as Float64Array (what the kernels read), categorical
 * columns as string arrays. `low`/`high` hold each numeric column's range (equal to the value where no range is
 * given).
 */
export interface Dataset {
  readonly file: string;
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly lines: Int32Array;
  readonly numeric: ReadonlyMap<string, Float64Array>;
  readonly categorical: ReadonlyMap<string, readonly string[]>;
  readonly low: ReadonlyMap<string, Float64Array>;
  readonly high: ReadonlyMap<string, Float64Array>;
  /** Evidence per cell, keyed `market\u0000indicator`; empty when the data set carries no companion file. */
  readonly cells: ReadonlyMap<string, CellEvidence>;
  readonly cellsFile?: string;
}

export const cellKey = (market: string, indicator: string): string => `${market}\u0000${indicator}`;
