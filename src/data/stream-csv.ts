import { isUtf8 } from 'node:buffer';
import { InputError, ProblemList } from '../errors/problem';
import { checkedInputSize, fileSystemReader, MAX_DATA_INPUT_BYTES, notUtf8InSegment, readInputFile, type InputHandle, type InputReader } from '../io/read-input';
import { checkedSpec, checkMemoryBudget, Columns, type CsvColumns, type SpecFn } from './csv-columns';
import { readCsvColumns, type ReadOptions } from './csv-table';
import { fastHeader, FastRows } from './fast-csv';

/** Files below this are read whole, as they always were; larger ones are streamed in chunks. */
export const WHOLE_FILE_BELOW = 64 * 1024 * 1024;
/** Bytes read per chunk when streaming; also the longest line a streamed file may have. */
export const CHUNK_BYTES = 32 * 1024 * 1024;

export interface FileReadOptions extends ReadOptions {
  /** Size from which a file is streamed (tests stream small files to compare the two ways of reading). */
  readonly wholeBelow?: number;
  readonly chunkBytes?: number;
  /** Where the file is read from (the file system unless a test says otherwise). */
  readonly input?: InputReader;
}

/**
 * Reads a data CSV from disk into columns. A large file without quotes or carriage returns is streamed: a first pass
 * counts its lines (so the columns are allocated once, at their final size, after the memory budget is checked), a
 * second reads the rows chunk by chunk through the same row reader as in-memory files. So a 1 GB file costs its
 * columns plus one chunk, not its columns plus the whole buffer. A file that needs quoting rules is read whole
 * through csv-parse, within the same budget (the buffer counts against it).
 */
export function readCsvFile(file: string, spec: SpecFn, opts: FileReadOptions = {}): CsvColumns {
  const input = opts.input ?? fileSystemReader;
  const size = checkedInputSize(file, MAX_DATA_INPUT_BYTES, input);
  if (size < (opts.wholeBelow ?? WHOLE_FILE_BELOW) || opts.fast === false) return readCsvColumns(readInputFile(file, MAX_DATA_INPUT_BYTES, input), file, spec, opts);
  const chunk = opts.chunkBytes ?? CHUNK_BYTES;
  const fd = input.open(file);
  try {
    const scan = scanFile(fd, chunk);
    if (scan.quoted) return readCsvColumns(readInputFile(file, MAX_DATA_INPUT_BYTES, input), file, spec, opts);
    return streamRows(fd, file, spec, opts.idColumn === undefined ? 'id' : opts.idColumn, chunk, scan.rows);
  } finally {
    fd.close();
  }
}

/** First pass: an upper bound on the rows, and whether any byte calls for csv-parse (a quote or a carriage return). */
function scanFile(fd: InputHandle, chunk: number): { rows: number; quoted: boolean } {
  const buf = Buffer.allocUnsafe(chunk);
  let rows = 0;
  let last = 0x0a;
  for (let pos = 0; ;) {
    const n = fd.read(buf, 0, chunk, pos);
    if (n === 0) break;
    const seg = buf.subarray(0, n);
    if (seg.indexOf(0x22) !== -1 || seg.indexOf(0x0d) !== -1) return { rows: 0, quoted: true };
    for (let p = seg.indexOf(0x0a); p !== -1; p = seg.indexOf(0x0a, p + 1)) rows++;
    last = seg[n - 1];
    pos += n;
  }
  return { rows: rows + (last === 0x0a ? 0 : 1), quoted: false };
}

function streamRows(fd: InputHandle, file: string, spec: SpecFn, idColumn: string | null, chunk: number, lineCount: number): CsvColumns {
  const buf = Buffer.allocUnsafe(chunk);
  let len = 0;
  let offset = 0; // file offset of buf[0]
  let eof = false;
  const fill = () => {
    while (!eof && len < chunk) {
      const n = fd.read(buf, len, chunk - len, offset + len);
      if (n === 0) eof = true;
      len += n;
    }
  };
  fill();
  const problems = new ProblemList(file);
  const head = fastHeader(buf, 0, len, file);
  if (head.next > len && !eof) throw lineTooLong(file, head.line, chunk);
  const headSeg = buf.subarray(0, Math.min(head.next, len));
  if (!isUtf8(headSeg)) throw notUtf8InSegment(headSeg, file, 0, 1);
  const kinds = checkedSpec(head.header, head.line, spec, problems, idColumn);
  const capacity = Math.max(0, lineCount - 1);
  checkMemoryBudget(file, kinds, capacity, chunk);
  const cols = new Columns(head.header, kinds, capacity, idColumn);
  const rows = new FastRows(cols, problems, head.line + 1);
  let start = Math.min(head.next, len);
  for (;;) {
    // Whole lines only: up to the last line feed in the buffer, or everything at the end of the file.
    const lastLf = buf.lastIndexOf(0x0a, len - 1);
    const end = eof ? len : lastLf + 1;
    if (end <= start && !eof) throw lineTooLong(file, rows.line, chunk);
    const seg = buf.subarray(start, end);
    if (!isUtf8(seg)) throw notUtf8InSegment(seg, file, offset + start, rows.line);
    rows.feed(buf, start, end);
    if (eof || rows.stopped) break;
    buf.copy(buf, 0, end, len);
    offset += end;
    len -= end;
    start = 0;
    fill();
  }
  return cols.finish(file, problems, 'fast', rows.r);
}

function lineTooLong(file: string, line: number, chunk: number): InputError {
  return InputError.one({ code: 'csv.line-too-long', file, line, message: `has a line longer than ${chunk.toLocaleString('en')} bytes`, hint: 'check for a missing line end; a data row is an id and its values' });
}
