import { InputError, listSome, MAX_PROBLEMS_PER_FILE, type Problem, type ProblemList } from '../errors/problem';
import { checkId, UniqueIds } from './check-id';
import { parseStrictNumber } from './strict-number';

/*
 * What both CSV readers share (the csv-parse path in csv-table.ts and the byte-level path in fast-csv.ts): the
 * column model, the header check, the per-cell checks and the limits. Both import it; neither imports the other's
 * internals, so the readers no longer import each other in a circle.
 */

/** How each column of a CSV is read. */
export type ColumnSpec = 'text' | 'number' | 'skip';

/** A CSV read into columns: text columns as string arrays, numeric columns as Float64Array. */
export interface CsvColumns {
  readonly file: string;
  readonly header: readonly string[];
  readonly rowCount: number;
  /** 1-based line on which each data row starts. */
  readonly lines: Int32Array;
  readonly text: ReadonlyMap<string, string[]>;
  readonly numeric: ReadonlyMap<string, Float64Array>;
  /** Which reader produced this: the byte-level fast path or csv-parse. */
  readonly reader: 'fast' | 'csv-parse';
}

export { MAX_PROBLEMS_PER_FILE };

/**
 * Longest field either reader accepts (characters). Names and rationales are sentences; a field of hundreds of MB is
 * a broken file, and past V8's string limit (~512 MB) it would crash with "Invalid string length".
 */
export const MAX_FIELD_CHARS = 1024 * 1024;

/**
 * The memory budget of a run that reads a data file: its columns (8 bytes a number, about 40 a short text cell with
 * its slot, 4 for the line number), what ranking and writing cost per row after it (a ranking object and an output
 * row: measured at about 400 bytes per row on 3,000,000 rows, README "Limits and memory budget"), plus the bytes the
 * reader holds (the whole buffer, or one chunk when streaming). Checked from the header and the row count before any
 * column is allocated, so a file past it is refused at once (`data.over-memory-budget`) instead of running out of
 * memory half-way.
 */
export const MEMORY_BUDGET = 2.75 * 1024 * 1024 * 1024;
const TEXT_CELL_BYTES = 40;
const DOWNSTREAM_BYTES_PER_ROW = 400;

export function checkMemoryBudget(file: string, kinds: readonly ColumnSpec[], rows: number, heldBytes: number): void {
  let perRow = 4 + DOWNSTREAM_BYTES_PER_ROW;
  let read = 0;
  for (const k of kinds) {
    if (k === 'number') perRow += 8;
    else if (k === 'text') perRow += TEXT_CELL_BYTES;
    if (k !== 'skip') read++;
  }
  const need = rows * perRow + heldBytes;
  if (need <= MEMORY_BUDGET) return;
  const mb = (b: number) => Math.round(b / 1048576).toLocaleString('en');
  throw InputError.one({
    code: 'data.over-memory-budget', file,
    message: `would need about ${mb(need)} MiB (${rows.toLocaleString('en')} rows × ${read} columns), over the budget of ${mb(MEMORY_BUDGET)} MiB`,
    hint: 'select fewer columns with --criteria, or split the rows into several files',
  });
}

export function fieldTooLong(line: number | undefined, column?: number): Problem {
  return { code: 'csv.field-too-long', line, column, message: `has a field longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters`, hint: 'a cell holds a value or a sentence; check for an unclosed quote or a missing line end' };
}

export type SpecFn = (header: readonly string[], problems: ProblemList) => readonly ColumnSpec[];

/**
 * Validates the header and asks the caller's spec how to read each column. Shared by both readers. Column names are
 * ids (they name indicators and criteria), so they get the id check and are NFC-normalised in place.
 */
export function checkedSpec(header: string[], line: number, spec: SpecFn, problems: ProblemList, idColumn: string | null = 'id'): readonly ColumnSpec[] {
  const seen = new Map<string, number>();
  for (let c = 0; c < header.length; c++) {
    const h = header[c];
    if (h.trim().length === 0) {
      problems.add({ code: 'csv.blank-header', line, column: c + 1, message: `column ${c + 1} has no name`, hint: 'name every column in the header line' });
      continue;
    }
    const id = checkId(h, 'column name');
    if (typeof id !== 'string') problems.add({ ...id, line, column: c + 1, path: `column ${c + 1}` });
    else if (seen.has(id)) problems.add({ code: 'csv.duplicate-header', line, column: c + 1, path: `column ${id}`, message: `column '${id}' appears twice (columns ${seen.get(id)! + 1} and ${c + 1})${id !== h || header[seen.get(id)!] !== h ? ', spelled alike after Unicode normalisation' : ''}`, hint: 'rename or remove one of them' });
    else {
      seen.set(id, c);
      header[c] = id;
    }
    if (problems.items.length >= MAX_PROBLEMS_PER_FILE) break;
  }
  if (idColumn && !seen.has(idColumn)) problems.add({ code: 'csv.missing-id-column', line, message: `has no '${idColumn}' column (header: ${listSome(header)})`, hint: `add a column named ${idColumn} with a unique value per row` });
  problems.throwIfErrors();
  const kinds = spec(header, problems);
  problems.throwIfErrors();
  return kinds;
}

/** Column storage and the per-cell checks, shared by both readers so their results cannot drift apart. */
export class Columns {
  readonly lines: Int32Array;
  readonly text = new Map<string, string[]>();
  readonly numeric = new Map<string, Float64Array>();
  private readonly textCols: (string[] | null)[];
  private readonly numCols: (Float64Array | null)[];

  constructor(readonly header: readonly string[], readonly kinds: readonly ColumnSpec[], capacity: number, private readonly idColumn: string | null = 'id') {
    this.lines = new Int32Array(capacity);
    this.textCols = header.map((h, c) => {
      if (kinds[c] !== 'text') return null;
      const a: string[] = new Array(capacity);
      this.text.set(h, a);
      return a;
    });
    this.numCols = header.map((h, c) => {
      if (kinds[c] !== 'number') return null;
      const a = new Float64Array(capacity);
      this.numeric.set(h, a);
      return a;
    });
  }

  ragged(problems: ProblemList, line: number, found: number): void {
    problems.add({ code: 'csv.ragged-row', line, message: `has ${found} fields, the header has ${this.header.length}`, hint: 'every row needs one value per column; quote values that contain commas' });
  }

  setCell(problems: ProblemList, r: number, c: number, cell: string, line: number): void {
    const kind = this.kinds[c];
    if (kind === 'text') this.textCols[c]![r] = cell;
    else if (kind === 'number') {
      const v = parseStrictNumber(cell);
      if (typeof v === 'number') this.numCols[c]![r] = v;
      else this.badNumber(problems, r, c, line, v);
    }
  }

  setNumber(r: number, c: number, v: number): void {
    this.numCols[c]![r] = v;
  }

  setText(r: number, c: number, v: string): void {
    this.textCols[c]![r] = v;
  }

  badNumber(problems: ProblemList, r: number, c: number, line: number, v: { code: string; message: string; hint: string }): void {
    const id = this.idColumn ? this.textCols[this.header.indexOf(this.idColumn)]?.[r] : undefined;
    problems.add({ code: v.code, line, column: c + 1, path: `row ${id ?? r + 1}, column ${this.header[c]}`, message: v.message, hint: v.hint });
  }

  finish(file: string, problems: ProblemList, reader: 'fast' | 'csv-parse', rowCount = this.lines.length): CsvColumns {
    if (rowCount === 0 && !problems.hasErrors) problems.add({ code: 'data.no-rows', line: 1, message: 'has a header but no data rows', hint: 'add one row per alternative below the header' });
    const idCol = this.idColumn ? this.text.get(this.idColumn) : undefined;
    if (idCol && !problems.hasErrors) checkIds(idCol, this.lines, this.header.indexOf(this.idColumn!) + 1, problems, rowCount);
    problems.throwIfErrors();
    // The fast reader sizes columns by counting line feeds; empty lines make that an upper bound, so trim.
    let lines = this.lines;
    if (rowCount < lines.length) {
      lines = lines.slice(0, rowCount);
      for (const [k, v] of this.numeric) this.numeric.set(k, v.slice(0, rowCount));
      for (const v of this.text.values()) v.length = rowCount;
    }
    return { file, header: this.header, rowCount, lines, text: this.text, numeric: this.numeric, reader };
  }
}

/** Row ids through the one id check (check-id.ts); each is replaced by its NFC form. */
function checkIds(ids: string[], lines: Int32Array, column: number, problems: ProblemList, n: number): void {
  const unique = new UniqueIds(problems);
  for (let r = 0; r < n; r++) {
    const id = unique.add(ids[r], { line: lines[r], column, path: `row ${ids[r].trim() ? ids[r] : r + 1}` });
    if (id !== undefined) ids[r] = id;
    if (problems.items.length >= MAX_PROBLEMS_PER_FILE) return;
  }
}
