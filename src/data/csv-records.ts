import { parse } from 'csv-parse/sync';

/** csv-parse's reading of a scorecard: `#` lines are comments, empty lines skipped, rows may be ragged. */
const OPTIONS = { comment: '#', comment_no_infix: true, skip_empty_lines: true, relax_column_count: true } as const;

/**
 * Calls `onRecord` with each record of a CSV text and its line number, exactly as csv-parse would with
 * { comment: '#', comment_no_infix: true, skip_empty_lines: true, relax_column_count: true, max_record_size }
 * (a `#` inside a record, "C# Corp", is text; only a `#` opening a line starts a comment).
 *
 * Why not csv-parse alone: on a 5,000-market long scorecard (50,000 records) it took three quarters of `diff`.
 * A record with no double quote in it is its fields split on commas, which is all RFC 4180 says of it, so only
 * records holding a quote go to csv-parse, all of them in one call. Texts the fast split does not cover (any CR,
 * so CRLF files; a record over the size limit) and any text csv-parse rejects go whole to csv-parse, so errors
 * and their line numbers are csv-parse's own. Records reach `onRecord` only after the text is known to parse.
 */
export function eachCsvRecord(text: string, maxRecordChars: number, onRecord: (record: string[], line: number) => void): void {
  const spans = text.includes('\r') ? null : splitRecords(text, maxRecordChars);
  let quoted: string[][] | null = null;
  if (spans) {
    // Well-formed quoted records (RFC 4180: a quoted field is the whole field, "" inside it is one quote) are split
    // here; if any is not, all of them go to csv-parse, whose reading and errors are then the ones that count.
    quoted = splitQuotedRecords(spans.quotedText);
    if (!quoted) {
      try {
        quoted = parse(spans.quotedText.join('\n'), OPTIONS as never) as string[][];
      } catch {
        quoted = null;
      }
    }
  }
  if (!spans || !quoted || quoted.length !== spans.quotedText.length) {
    slowPath(text, maxRecordChars, onRecord);
    return;
  }
  let q = 0;
  for (let k = 0; k < spans.records.length; k++) {
    const r = spans.records[k];
    onRecord(r === null ? quoted[q++] : r, spans.lines[k]);
  }
}

function slowPath(text: string, maxRecordChars: number, onRecord: (record: string[], line: number) => void): void {
  parse(text, {
    ...OPTIONS, max_record_size: maxRecordChars,
    on_record: (record: string[], context: { lines: number }) => {
      onRecord(record, context.lines);
      return undefined;
    },
  } as never);
}

interface Spans {
  /** Each record's fields, or null for a record holding a quote (its text is in quotedText, in order). */
  readonly records: (string[] | null)[];
  /** The line each record ends on, as csv-parse counts (1-based). */
  readonly lines: number[];
  readonly quotedText: string[];
}

/** Splits the text into records; null when a record is longer than the limit (csv-parse then reports it). */
function splitRecords(text: string, maxRecordChars: number): Spans | null {
  const records: (string[] | null)[] = [];
  const lines: number[] = [];
  const quotedText: string[] = [];
  let line = 0;
  let at = 0;
  while (at < text.length) {
    line++;
    let nl = text.indexOf('\n', at);
    if (nl === -1) nl = text.length;
    const first = text.charCodeAt(at);
    if (nl === at || first === 0x23 /* # */) {
      at = nl + 1;
      continue;
    }
    const quote = text.indexOf('"', at);
    if (quote === -1 || quote > nl) {
      if (nl - at > maxRecordChars) return null;
      records.push(text.slice(at, nl).split(','));
      lines.push(line);
      at = nl + 1;
      continue;
    }
    // A record with quotes ends at the first LF outside quotes; it may run over several lines.
    let inQuote = false;
    let end = at;
    for (; end < text.length; end++) {
      const ch = text.charCodeAt(end);
      if (ch === 0x22) inQuote = !inQuote;
      else if (ch === 0x0a) {
        if (!inQuote) break;
        line++;
      }
    }
    if (inQuote || end - at > maxRecordChars) return null;
    records.push(null);
    lines.push(line);
    quotedText.push(text.slice(at, end));
    at = end + 1;
  }
  return { records, lines, quotedText };
}

/** Every record split by splitQuotedRecord, or null as soon as one is not plain RFC 4180 (csv-parse decides then). */
function splitQuotedRecords(texts: readonly string[]): string[][] | null {
  const out: string[][] = new Array(texts.length);
  for (let k = 0; k < texts.length; k++) {
    const r = splitQuotedRecord(texts[k]);
    if (!r) return null;
    out[k] = r;
  }
  return out;
}

/**
 * One record that holds a double quote: unquoted fields end at a comma and may hold no quote; a quoted field runs
 * from its opening quote to the closing quote that is followed by a comma or the end, with "" standing for one
 * quote. Anything else (a quote inside an unquoted field, text after a closing quote) returns null.
 */
function splitQuotedRecord(s: string): string[] | null {
  const fields: string[] = [];
  const n = s.length;
  let i = 0;
  for (;;) {
    if (i < n && s.charCodeAt(i) === 0x22) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = s.indexOf('"', from);
        if (q === -1) return null;
        if (s.charCodeAt(q + 1) === 0x22) {
          value += s.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += s.slice(from, q);
        i = q + 1;
        break;
      }
      fields.push(value);
      if (i === n) return fields;
      if (s.charCodeAt(i) !== 0x2c) return null;
      i++;
      continue;
    }
    const comma = s.indexOf(',', i);
    const end = comma === -1 ? n : comma;
    const field = s.slice(i, end);
    if (field.includes('"')) return null;
    fields.push(field);
    if (comma === -1) return fields;
    i = comma + 1;
  }
}
