/** What a data column measures, as the indicator dictionary declares it. */
export type IndicatorKind = 'rating' | 'count' | 'years' | 'percent' | 'amount' | 'category';

export interface Indicator {
  readonly id: string;
  readonly kind: IndicatorKind;
  readonly name: string;
  readonly meaning: string;
  /** Closed range of valid values for ratings (and any numeric indicator that declares one). */
  readonly scale?: { readonly min: number; readonly max: number };
  /** Anchor descriptions of rating levels, e.g. `{1: 'outage is an inconvenience', 5: 'outage is a national incident'}`. */
  readonly anchors?: Readonly<Record<string, string>>;
  readonly unit?: string;
  /** For categorical indicators: the allowed values and what each means. */
  readonly categories?: Readonly<Record<string, string>>;
}

export interface IndicatorDictionary {
  readonly file: string;
  readonly indicators: readonly Indicator[];
  readonly byId: ReadonlyMap<string, Indicator>;
}

export function isNumericKind(kind: IndicatorKind): boolean {
  return kind !== 'category';
}
