import { InputError, ProblemList } from '../errors/problem';
import { checkedSpec, checkMemoryBudget, Columns, fieldTooLong, MAX_FIELD_CHARS, MAX_PROBLEMS_PER_FILE, type CsvColumns, type SpecFn } from './csv-columns';
import { parseStrictNumber } from './strict-number';

const COMMA = 0x2c;
const LF = 0x0a;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses a decimal number from bytes [s, e) when it can do so exactly, else returns NaN so the caller falls back to
 * the string path. Exact because of Clinger's fast path (Clinger 1990, "How to read floating point numbers
 * accurately"): a mantissa of at most 15 digits is an exact double, 10^k for k <= 22 is an exact double, and one
 * IEEE multiplication or division of two exact doubles is correctly rounded, which is what Number() returns.
 * The grammar is STRICT_NUMBER's; anything else returns NaN and the string path reports it.
 */
export function parseNumberBytes(b: Uint8Array, s: number, e: number): number {
  let i = s;
  let neg = false;
  if (i < e && (b[i] === 0x2b || b[i] === 0x2d)) {
    neg = b[i] === 0x2d;
    i++;
  }
  let mant = 0;
  let digits = 0;
  let frac = 0;
  while (i < e) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) break;
    mant = mant * 10 + d;
    digits++;
    i++;
  }
  if (i < e && b[i] === 0x2e) {
    i++;
    while (i < e) {
      const d = b[i] - 0x30;
      if (d < 0 || d > 9) break;
      mant = mant * 10 + d;
      digits++;
      frac++;
      i++;
    }
  }
  if (digits === 0) return NaN;
  let exp = 0;
  if (i < e && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    let eneg = false;
    if (i < e && (b[i] === 0x2b || b[i] === 0x2d)) {
      eneg = b[i] === 0x2d;
      i++;
    }
    let ed = 0;
    while (i < e) {
      const d = b[i] - 0x30;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      ed++;
      i++;
    }
    if (ed === 0) return NaN;
    if (eneg) exp = -exp;
  }
  if (i !== e || digits > 15) return NaN;
  const k = exp - frac;
  let v: number;
  if (k === 0) v = mant;
  else if (k > 0 && k <= 22) v = mant * POW10[k];
  else if (k < 0 && k >= -22) v = mant / POW10[-k];
  else return NaN;
  return neg ? -v : v;
}

/**
 * The fast reader: for files with no `"` and no carriage return (so no quoting rule can apply), fields are the
 * bytes between commas. Returns null for any other file, which then goes to csv-parse. Mirrors csv-parse's options
 * in csv-table.ts: BOM stripped, empty lines skipped, rows of the wrong width reported rather than thrown.
 */
export function parseFastCsv(buf: Buffer, file: string, spec: SpecFn, idColumn: string | null = 'id'): CsvColumns | null {
  if (buf.indexOf(0x22) !== -1 || buf.indexOf(0x0d) !== -1) return null;
  const head = fastHeader(buf, 0, buf.length, file);
  const problems = new ProblemList(file);
  const kinds = checkedSpec(head.header, head.line, spec, problems, idColumn);
  const capacity = countRows(buf, head.next, buf.length);
  checkMemoryBudget(file, kinds, capacity, buf.length);
  const cols = new Columns(head.header, kinds, capacity, idColumn);
  const rows = new FastRows(cols, problems, head.line + 1);
  rows.feed(buf, head.next, buf.length);
  return cols.finish(file, problems, 'fast', rows.r);
}

/** The header line: leading empty lines and a BOM skipped. `next` is the offset just past its line feed. */
export function fastHeader(buf: Uint8Array, start: number, end: number, file: string): { header: string[]; line: number; next: number } {
  let pos = start + (end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf ? 3 : 0);
  let line = 1;
  while (pos < end && buf[pos] === LF) {
    pos++;
    line++;
  }
  if (pos >= end) throw InputError.one({ code: 'csv.no-header', file, message: 'has no header line', hint: 'the first line names the columns: id,name,…' });
  let eol = buf.indexOf(LF, pos);
  if (eol === -1 || eol > end) eol = end; // a streamed chunk's buffer holds stale bytes past `end`
  return { header: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8', pos, eol).split(','), line, next: eol + 1 };
}

/** Line feeds in [pos, end), plus one for a last line without one: an upper bound on the rows (empty lines count). */
export function countRows(buf: Uint8Array, pos: number, end: number): number {
  let n = 0;
  for (let p = pos; p < end; n++) {
    const q = buf.indexOf(LF, p);
    if (q === -1 || q >= end) {
      n++;
      break;
    }
    p = q + 1;
  }
  return n;
}

/**
 * Reads whole lines into columns, in one call for an in-memory file or one call per chunk when streaming
 * (stream-csv.ts); it keeps the row and line counters between calls.
 */
export class FastRows {
  r = 0;
  private readonly starts: Int32Array;
  private readonly ncol: number;

  constructor(private readonly cols: Columns, private readonly problems: ProblemList, public line: number) {
    this.ncol = cols.header.length;
    this.starts = new Int32Array(this.ncol + 1);
  }

  get stopped(): boolean {
    return this.problems.items.length >= MAX_PROBLEMS_PER_FILE;
  }

  /** Reads the lines in buf[pos, end); `end` is just past a line feed, or the end of the file. */
  feed(buf: Buffer, pos: number, end: number): void {
    const { cols, problems, starts, ncol } = this;
    const kinds = cols.kinds;
    while (pos < end && !this.stopped) {
      let eol = buf.indexOf(LF, pos);
      if (eol === -1 || eol > end) eol = end;
      if (eol === pos) {
        pos++;
        this.line++;
        continue;
      }
      const r = this.r;
      const line = this.line;
      cols.lines[r] = line;
      let nf = 1;
      starts[0] = pos;
      for (let p = pos; p < eol; p++) {
        if (buf[p] === COMMA) {
          if (nf < ncol) starts[nf] = p + 1;
          nf++;
        }
      }
      if (nf !== ncol) {
        cols.ragged(problems, line, nf);
      } else {
        starts[ncol] = eol + 1;
        for (let c = 0; c < ncol; c++) {
          const kind = kinds[c];
          if (kind === 'skip') continue;
          const s = starts[c];
          const e = starts[c + 1] - 1;
          if (e - s > MAX_FIELD_CHARS) {
            problems.add(fieldTooLong(line, c + 1));
            continue;
          }
          if (kind === 'text') cols.setText(r, c, buf.toString('utf8', s, e));
          else {
            const v = parseNumberBytes(buf, s, e);
            if (v === v) cols.setNumber(r, c, v);
            else {
              const slow = parseStrictNumber(buf.toString('utf8', s, e));
              if (typeof slow === 'number') cols.setNumber(r, c, slow);
              else cols.badNumber(problems, r, c, line, slow);
            }
          }
        }
      }
      this.r++;
      pos = eol + 1;
      this.line++;
    }
  }
}
