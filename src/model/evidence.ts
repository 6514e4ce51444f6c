import type { Problem } from '../errors/problem';

/** The evidence ledger: facts drawn from the source documents, each with its place in the source. */
export interface EvidenceSource {
  readonly file: string;
  readonly title: string;
  readonly sections: readonly string[];
}

export interface Figure {
  readonly value: number;
  readonly unit: string;
  /** Fiscal year or date the figure refers to, such as `FY2025` or `2026-03-31`. */
  readonly period: string;
}

export interface Fact {
  readonly id: string;
  readonly markets: readonly string[];
  readonly conditions: readonly string[];
  /** A paraphrase in the ledger's own words. */
  readonly text: string;
  readonly figure?: Figure;
  readonly source: { readonly file: string; readonly section: string };
  /** `fact`: the source states it; `caveat`: the source says the evidence is weak or the question open. */
  readonly kind: 'fact' | 'caveat';
}

export interface EvidenceLedger {
  readonly file: string;
  readonly conditions: readonly string[];
  readonly sources: readonly EvidenceSource[];
  readonly facts: readonly Fact[];
  readonly byId: ReadonlyMap<string, Fact>;
  /** What could not be checked (a source document not found), for the caller to show; never an error. */
  readonly warnings?: readonly Problem[];
}
