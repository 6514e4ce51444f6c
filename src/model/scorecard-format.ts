/**
 * The scorecard CSV format shared by its writer (render/scorecard.ts) and its reader (data/read-scorecard.ts), so the
 * reader needs nothing from the render layer.
 */
export type Shape = 'long' | 'wide';

/**
 * Numbers and text never share a column, so a spreadsheet types every column one way: `value` is the indicator's
 * number when the criterion reads exactly one numeric indicator (empty otherwise), `value_text` everything else (a
 * category, or `a = 3; b = 5` for several indicators). `gated` is `true`/`false`: the table's `*` marker.
 */
export const LONG_HEAD = ['market', 'name', 'condition', 'criterion', 'indicators', 'value', 'value_text', 'rule', 'criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank', 'tier', 'gated', 'evidence'] as const;

/**
 * The columns that make a long scorecard, in files of this version and earlier ones (which had one `values` column
 * mixing numbers and text, and no `gated`): diff reads both.
 */
export const LONG_KEY = ['market', 'name', 'condition', 'criterion', 'indicators', 'rule', 'criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank', 'tier', 'evidence'] as const;

/** Columns that hold numbers in a long scorecard (`value` may also be empty); in a wide one every column but the text ones does. */
export const LONG_NUMERIC: ReadonlySet<string> = new Set(['value', 'criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank']);
/** Numeric columns whose cell may be empty (no single numeric value); read as absent, never as 0. */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(['value']);
export const WIDE_TEXT: ReadonlySet<string> = new Set(['market', 'name', 'tier', 'binding', 'gated']);

/**
 * The inverse of the writer's formula neutralisation: the writer prefixes one single quote to a text cell a
 * spreadsheet would run (and to one that already starts with a quote), so reading strips exactly one.
 */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
