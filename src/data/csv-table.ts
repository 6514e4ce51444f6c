import { parse as parseCsv } from 'csv-parse/sync';
import { InputError, ProblemList, UsageError, type Problem } from '../errors/problem';
import { countRows, parseFastCsv } from './fast-csv';
import { isUtf8 } from 'node:buffer';
import { decodeUtf8 } from '../io/read-input';
import { checkedSpec, checkMemoryBudget, Columns, fieldTooLong, MAX_FIELD_CHARS, MAX_PROBLEMS_PER_FILE, type CsvColumns, type SpecFn } from './csv-columns';

// The shared column model moved to csv-columns.ts; re-exported for the callers that import it from here.
export { checkedSpec, checkMemoryBudget, Columns, fieldTooLong, MAX_FIELD_CHARS, MAX_PROBLEMS_PER_FILE, MEMORY_BUDGET, type ColumnSpec, type CsvColumns, type SpecFn } from './csv-columns';

/**
 * Reads a CSV buffer. The header decides (through `spec`) how each column is read. Files with no quote and no
 * carriage return take a byte-level fast path; everything else goes through csv-parse. Both give identical results
 * and identical problems (test/data.csv-equivalence.test.ts proves it on generated files).
 */
export interface ReadOptions {
  /** false forces csv-parse (tests compare the two readers). */
  readonly fast?: boolean;
  /** The column that must exist and hold unique, non-blank ids; null for files keyed otherwise. */
  readonly idColumn?: string | null;
}

export function readCsvColumns(buf: Buffer, file: string, spec: SpecFn, opts: ReadOptions = {}): CsvColumns {
  if (!isUtf8(buf)) decodeUtf8(buf, file); // throws io.not-utf8 naming the line
  if (opts.fast !== false) {
    const fast = parseFastCsv(buf, file, spec, opts.idColumn);
    if (fast) return fast;
  }
  return readWithCsvParse(buf, file, spec, opts.idColumn);
}

function newlinesIn(record: string[]): number {
  let n = 0;
  for (const f of record) {
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10 || (c === 13 && f.charCodeAt(i + 1) !== 10)) n++;
    }
  }
  return n;
}

/**
 * The csv-parse reader, for files with quotes or carriage returns. Records are consumed as they are parsed
 * (on_record returns nothing, so csv-parse keeps none): memory is the buffer plus the columns, not an array of
 * string arrays ten times the size of the file.
 */
export function readWithCsvParse(buf: Buffer, file: string, spec: SpecFn, idColumn: string | null = 'id'): CsvColumns {
  const problems = new ProblemList(file);
  let cols: Columns | undefined;
  let n = 0;
  let width = 0;
  const capacity = countRows(buf, 0, buf.length);
  const onRecord = (record: string[], line: number): void => {
    if (!cols) {
      const kinds = checkedSpec(record, line, spec, problems, idColumn);
      checkMemoryBudget(file, kinds, capacity, buf.length);
      cols = new Columns(record, kinds, capacity, idColumn);
      width = record.length;
      return;
    }
    if (problems.items.length >= MAX_PROBLEMS_PER_FILE) return;
    const r = n++;
    cols.lines[r] = line;
    if (record.length !== width) {
      cols.ragged(problems, line, record.length);
      return;
    }
    for (let c = 0; c < width; c++) cols.setCell(problems, r, c, record[c], line);
  };
  try {
    parseCsv(buf, {
      bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_FIELD_CHARS,
      on_record: (rec: { record: string[]; info: { lines: number } }) => {
        onRecord(rec.record, rec.info.lines - newlinesIn(rec.record));
        return undefined;
      },
    } as never);
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) throw e;
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw InputError.one({ ...fieldTooLong(err.lines), file });
    throw InputError.one({ code: csvErrorCode(err.code), file, line: err.lines, message: err.message.replace(/^[^:]*: /, ''), hint: csvErrorHint(err.code) });
  }
  if (!cols) throw InputError.one({ code: 'csv.no-header', file, message: 'has no header line', hint: 'the first line names the columns: id,name,…' });
  return (cols as Columns).finish(file, problems, 'csv-parse', n);
}

function csvErrorCode(code?: string): string {
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED': return 'csv.unterminated-quote';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'csv.invalid-quote';
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': return 'csv.invalid-quote';
    default: return 'csv.malformed';
  }
}

function csvErrorHint(code?: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'close the quoted value with "';
  if (code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') return 'a quote inside a quoted value is written ""';
  return 'check the CSV syntax at this line';
}

export type { Problem };
