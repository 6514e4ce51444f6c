import { readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { readCsvColumns } from '../data/csv-table';
import { InputError, type Problem } from '../errors/problem';
import { writeFileAtomic } from '../io/atomic-write';
import { fileSystemReader, readInputFile, type InputReader } from '../io/read-input';

/**
 * Stub rows of the cell-evidence file: `validate --stub-cells` appends one per missing cell, and a stub fails
 * validation (cells.stub) until the analyst cites evidence and replaces the rationale. The marker is the rationale's
 * prefix, so a stub stays recognisable however much of the rest of the row has been filled in.
 */
export const STUB_MARK = 'TODO:';
export const STUB_RATIONALE = `${STUB_MARK} cite fact ids in evidence and say why the value follows from them`;

export interface CellRef { readonly market: string; readonly indicator: string }

/** The stub rows of a cells file with their lines; none when the file cannot be read (its loader says why). */
export function stubRows(file: string, input: InputReader = fileSystemReader): (CellRef & { line: number })[] {
  let buf: Buffer;
  try {
    buf = readInputFile(file, undefined, input);
  } catch {
    return [];
  }
  if (!buf.includes(STUB_MARK)) return []; // the common case costs one byte search, not a second CSV parse
  try {
    const cols = readCsvColumns(buf, file, (header) => header.map(() => 'text'), { idColumn: null });
    const [market, indicator, rationale] = ['market', 'indicator', 'rationale'].map((c) => cols.text.get(c));
    if (!market || !indicator || !rationale) return [];
    const out: (CellRef & { line: number })[] = [];
    for (let r = 0; r < cols.rowCount; r++) {
      if (rationale[r].trimStart().startsWith(STUB_MARK)) out.push({ market: market[r], indicator: indicator[r], line: cols.lines[r] });
    }
    return out;
  } catch (e) {
    if (e instanceof InputError) return [];
    throw e;
  }
}

/**
 * Replaces what a stub row is known to lack (no evidence) with one cells.stub problem per stub that says what to
 * fill in; problems on other rows pass through unchanged.
 */
export function relabelStubs(problems: readonly Problem[], file: string, input: InputReader = fileSystemReader): Problem[] {
  const stubs = stubRows(file, input);
  if (stubs.length === 0) return [...problems];
  const lines = new Set(stubs.map((s) => s.line));
  const kept = problems.filter((p) => !(p.file === file && p.code === 'cells.no-evidence' && p.line !== undefined && lines.has(p.line)));
  const stubProblems: Problem[] = stubs.map((s) => ({
    code: 'cells.stub', file, line: s.line, path: `row ${s.market}/${s.indicator}`,
    message: `${s.market}/${s.indicator} is a stub row still to be filled in`,
    hint: 'cite fact ids of the evidence ledger in the evidence column, replace the TODO rationale with why the value follows from them, and give low/high if the evidence is unsure',
  }));
  return [...kept, ...stubProblems];
}

/** Appends a stub row for each cell, in one atomic write of the whole file. Returns the first appended line. */
export function appendStubs(file: string, cells: readonly CellRef[]): number {
  const text = readFileSync(file, 'utf8');
  const body = text.length === 0 || text.endsWith('\n') ? text : `${text}\n`;
  const rows = stringify(cells.map((c) => [c.market, c.indicator, '', '', '', STUB_RATIONALE]));
  writeFileAtomic(file, body + rows);
  return body.split('\n').length;
}
