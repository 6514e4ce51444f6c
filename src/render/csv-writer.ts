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
export function writeCsv(rows: readonly (readonly CsvCell[])[]): string {
  const parts: string[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const src = rows[r];
    // One pass decides both questions; a row is copied only when a cell changes (most rows are ids and numbers).
    let plain = true;
    let changes = false;
    for (let c = 0; c < src.length; c++) {
      const v = src[c];
      if (typeof v === 'string') {
        if (v.length > 0 && isTrigger(v.charCodeAt(0))) changes = true;
        if (plain && needsQuotes(v)) plain = false;
      } else if (!Number.isFinite(v)) changes = true;
    }
    const row = changes ? src.map(cell) : src;
    // A record of one empty field would be an empty line, which many readers skip: quote it so it keeps its row.
    if (row.length === 1 && row[0] === '') parts[r] = '""\n';
    // Rows with nothing to quote are joined directly (on 100,000 rows that halves the time and the garbage);
    // any other row goes to csv-stringify, so the quoting itself is never hand-written here. Neutralising adds a
    // leading quote character, which never needs quoting, so `plain` still holds for the changed row.
    else parts[r] = plain ? row.join(',') + '\n' : stringify([row as CsvCell[]], STRINGIFY);
  }
  return parts.join('');
}

const STRINGIFY = { record_delimiter: 'unix', quoted_match: /\r/ } as const;

function cell(v: CsvCell): CsvCell {
  if (typeof v === 'number') return Number.isFinite(v) ? v : neutralise(String(v));
  return neutralise(v);
}

function needsQuotes(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 0x2c || ch === 0x22 || ch === 0x0d || ch === 0x0a) return true;
  }
  return false;
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
