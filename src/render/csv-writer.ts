import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number;

/**
 * The one CSV writer: every CSV the tool writes (rank, sensitivity, weights, compare, diff, export, scenarios) goes
 * through writeCsv, so quoting and formula neutralisation are decided here and nowhere else.
 *
 * Quoting (RFC 4180): a field holding a comma, a double quote, CR or LF is quoted. csv-stringify quotes the first
 * three and LF, but not a lone CR when the record delimiter is `\n`; a reader that splits records on CR would then
 * start a new row inside the field, so `quoted_match: /\r/` quotes those too.
 *
 * Neutralisation (OWASP, "CSV Injection"): a text cell a spreadsheet would run as a formula starts with = + - @,
 * tab or CR, or with their fullwidth forms ＝ ＋ － ＠ (which spreadsheets in CJK locales normalise to ASCII). Such a
 * cell gets a leading single quote. A text cell that already starts with a quote gets one more, so the mapping is
 * reversible: reading back strips exactly one leading quote (unneutralise). Number cells stay numbers, negative
 * ones included; a number that is not finite (NaN, ±Infinity) has no spreadsheet form and is written as text.
 */
export function writeCsv(rows: Iterable<readonly CsvCell[]>, opts: CsvOptions = {}): string {
  const format = opts.number ?? String;
  // Rows may come from a generator (export's long scorecard), so only the current row and the text are alive.
  // Records are joined into flat chunks of 4,096 as they come: the per-record strings then die young instead of
  // reaching the old generation, where on 200,000 records collecting them took longer than writing them.
  // A record is appended to a rope (V8 concatenation is O(1)) and the rope flattened every 4,096 records.
  const chunks: string[] = [];
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    chunk += csvRecord(row, format);
    if (++count === 4096) {
      chunks.push(flat(chunk));
      chunk = '';
      count = 0;
    }
  }
  chunks.push(chunk);
  return chunks.join('');
}

/** Flattens a concatenated string now: V8 flattens a rope on first character access, so the pieces die young. */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

export interface CsvOptions {
  /** How a finite number is written (default String); non-finite numbers are always neutralised text. */
  readonly number?: (n: number) => string;
}

/**
 * One record, built field by field: a field's quoting depends on that field alone (csv-stringify quotes per field,
 * and the property test in render.csv-writer.test.ts holds writeCsv to csv-stringify's output row for row), so a
 * field that needs quoting is quoted by csv-stringify itself and remembered: on 20,000 markets the same rule texts
 * recur, and one csv-stringify call per record cost more than the rest of export together.
 */
function csvRecord(src: readonly CsvCell[], format: (n: number) => string): string {
  // A record of one empty field would be an empty line, which many readers skip: quote it so it keeps its row.
  if (src.length === 1 && src[0] === '') return '""\n';
  let out = '';
  for (let c = 0; c < src.length; c++) {
    const v = src[c];
    let text: string;
    if (typeof v === 'number') text = Number.isFinite(v) ? format(v) : (neutralise(String(v)) as string);
    else {
      text = v.length > 0 && isTrigger(v.charCodeAt(0)) ? `'${v}` : v;
      if (needsQuotes(text)) text = quoted(text);
    }
    out += c === 0 ? text : `,${text}`;
  }
  return out + '\n';
}

const QUOTED = new Map<string, string>();
/** csv-stringify's quoting of one field (without the record delimiter), memoised up to 100,000 distinct texts. */
function quoted(field: string): string {
  let q = QUOTED.get(field);
  if (q === undefined) {
    q = stringify([[field]], STRINGIFY).slice(0, -1);
    if (QUOTED.size >= 100_000) QUOTED.clear();
    QUOTED.set(field, q);
  }
  return q;
}

const STRINGIFY = { record_delimiter: 'unix', quoted_match: /\r/ } as const;

/** A comma, double quote, CR or LF: one regular-expression scan (faster than a charCodeAt loop on long texts). */
const NEEDS_QUOTES = /[",\r\n]/;
function needsQuotes(s: string): boolean {
  return NEEDS_QUOTES.test(s);
}

/** First characters that make a spreadsheet evaluate a text cell (= + - @ tab CR, fullwidth ＝ ＋ － ＠), and `'`. */
function isTrigger(ch: number): boolean {
  switch (ch) {
    case 0x3d: case 0x2b: case 0x2d: case 0x40: case 0x09: case 0x0d: case 0x27:
    case 0xff1d: case 0xff0b: case 0xff0d: case 0xff20:
      return true;
    default:
      return false;
  }
}

/** A text cell that a spreadsheet would run gets a leading `'`; numbers are returned as they are. */
export function neutralise(cell: CsvCell): CsvCell {
  return typeof cell === 'string' && cell.length > 0 && isTrigger(cell.charCodeAt(0)) ? `'${cell}` : cell;
}

// The inverse of neutralise (strips exactly one leading quote) lives with the scorecard format, so the scorecard
// reader needs nothing from the render layer; re-exported here beside the function it inverts.
export { unneutralise } from '../model/scorecard-format';
