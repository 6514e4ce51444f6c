/**
 * The scorecard CSV format shared by its writer (render/scorecard.ts) and its reader (data/read-scorecard.ts), so the
 * reader needs nothing from the render layer.
 */
export type Shape = 'long' | 'wide';

export const LONG_HEAD = ['market', 'name', 'condition', 'criterion', 'indicators', 'values', 'rule', 'criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank', 'tier', 'evidence'] as const;

/** Columns that hold numbers in a long scorecard; in a wide one every column but these four text ones does. */
export const LONG_NUMERIC: ReadonlySet<string> = new Set(['criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank']);
export const WIDE_TEXT: ReadonlySet<string> = new Set(['market', 'name', 'tier', 'binding']);

/**
 * The inverse of the writer's formula neutralisation: the writer prefixes one single quote to a text cell a
 * spreadsheet would run (and to one that already starts with a quote), so reading strips exactly one.
 */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
