import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { InputError } from '../errors/problem';

/**
 * Where inputs come from. Every loader reads through one of these (the file system unless told otherwise), and the
 * CLI passes the one bound in the container (src/ioc.ts), so a test can serve files from memory or make a read fail
 * without touching the disk. The checks every input gets (exists, is a file, within the limit, not empty, UTF-8)
 * stay here, in one place, whatever the reader.
 */
export interface InputReader {
  /** Throws a Node errno error (ENOENT, EACCES, …) when the file cannot be stat'ed. */
  stat(file: string): { readonly isFile: boolean; readonly size: number };
  readFile(file: string): Buffer;
  exists(file: string): boolean;
  /** Positional reads, for data files streamed in chunks. */
  open(file: string): InputHandle;
}

export interface InputHandle {
  read(buf: Buffer, offset: number, length: number, position: number): number;
  close(): void;
}

export const fileSystemReader: InputReader = {
  stat: (file) => {
    const st = statSync(file);
    return { isFile: st.isFile(), size: st.size };
  },
  readFile: (file) => readFileSync(file),
  exists: (file) => existsSync(file),
  open: (file) => {
    const fd = openSync(file, 'r');
    return { read: (buf, offset, length, position) => readSync(fd, buf, offset, length, position), close: () => closeSync(fd) };
  },
};

/** Inputs larger than this are refused before reading: rubrics and dictionaries are small by nature. */
export const MAX_TEXT_INPUT_BYTES = 8 * 1024 * 1024;
/** Data CSVs may be large (the benchmark universe is 33 MB); past this they are refused. */
export const MAX_DATA_INPUT_BYTES = 1024 * 1024 * 1024;

/**
 * Reads a whole input file as a Buffer with the checks every loader needs: exists, is a file, within the size
 * limit, not empty. Errors name the file and say what would fix it.
 */
export function readInputFile(file: string, limit = MAX_TEXT_INPUT_BYTES, reader: InputReader = fileSystemReader): Buffer {
  checkedInputSize(file, limit, reader);
  let buf: Buffer;
  try {
    buf = reader.readFile(file);
  } catch (e) {
    throw InputError.one({ code: 'io.unreadable', file, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check the path and its permissions' });
  }
  if (buf.length === 0 || (buf.length === 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)) {
    throw InputError.one({ code: 'io.empty', file, message: 'is empty', hint: 'the file needs at least a header line' });
  }
  return buf;
}

/** The checks readInputFile makes before reading (exists, is a file, within the limit); returns the size in bytes. */
export function checkedInputSize(file: string, limit = MAX_TEXT_INPUT_BYTES, reader: InputReader = fileSystemReader): number {
  let size: number;
  try {
    const st = reader.stat(file);
    if (!st.isFile) {
      throw InputError.one({ code: 'io.not-a-file', file, message: 'is not a regular file', hint: 'name a file, not a folder' });
    }
    size = st.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw InputError.one({ code: 'io.unreadable', file, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, hint: 'check the path and its permissions' });
  }
  if (size > limit) {
    throw InputError.one({ code: 'io.too-large', file, message: `is ${size} bytes, over the limit of ${limit} bytes`, hint: 'split the file or raise the limit' });
  }
  return size;
}

/**
 * The io.not-utf8 problem for a segment of a file read in chunks: `base` is the segment's offset in the file and
 * `baseLine` the line it starts on, so the problem names the same byte and line as reading the whole file would.
 */
export function notUtf8InSegment(seg: Uint8Array, file: string, base: number, baseLine: number): InputError {
  const buf = Buffer.from(seg.buffer, seg.byteOffset, seg.byteLength);
  const at = firstInvalidUtf8(buf);
  return InputError.one({
    code: 'io.not-utf8', file, line: baseLine + countLines(buf, at) - 1,
    message: `byte 0x${buf[at].toString(16).padStart(2, '0')} at offset ${base + at} is not valid UTF-8`,
    hint: 'save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)',
  });
}

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 (say, Latin-1 `é`) is an error naming its line. */
export function decodeUtf8(buf: Buffer, file: string): string {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
    return text;
  } catch {
    const at = firstInvalidUtf8(buf);
    const line = countLines(buf, at);
    throw InputError.one({
      code: 'io.not-utf8', file, line,
      message: `byte 0x${buf[at].toString(16).padStart(2, '0')} at offset ${at} is not valid UTF-8`,
      hint: 'save the file as UTF-8 (for example `iconv -f latin1 -t utf-8`)',
    });
  }
}

/** Offset of the first byte that does not start a valid UTF-8 sequence (scan by sequence, as the decoder does). */
function firstInvalidUtf8(buf: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > buf.length) return i;
    try {
      dec.decode(buf.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return buf.length - 1;
}

function countLines(buf: Buffer, end: number): number {
  let n = 1;
  for (let i = 0; i < end; i++) if (buf[i] === 0x0a) n++;
  return n;
}
