import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readCsvColumns, readWithCsvParse, type ColumnSpec, type CsvColumns } from '../src/data/csv-table';
import { parseNumberBytes } from '../src/data/fast-csv';
import { InputError } from '../src/errors/problem';
import { readCsvFile } from '../src/data/stream-csv';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './helpers';

const spec = (header: readonly string[]): ColumnSpec[] => header.map((h) => (h === 'id' || h === 'name' ? 'text' : h === 'skip' ? 'skip' : 'number'));

type Outcome = { ok: true; header: readonly string[]; lines: number[]; text: [string, string[]][]; numeric: [string, number[]][] } | { ok: false; problems: unknown[] };

function outcome(read: () => CsvColumns): Outcome {
  try {
    const c = read();
    return { ok: true, header: c.header, lines: [...c.lines], text: [...c.text].map(([k, v]) => [k, [...v]]), numeric: [...c.numeric].map(([k, v]) => [k, [...v]]) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, problems: e.problems.map((p) => ({ ...p })) };
    throw e;
  }
}

const both = (buf: Buffer) => ({
  fast: outcome(() => readCsvColumns(buf, 'f.csv', spec)),
  slow: outcome(() => readWithCsvParse(buf, 'f.csv', spec)),
});

// Cells drawn from an alphabet that hits every branch of the number grammar and of the line scanner.
const cell = fc.stringMatching(/^[0-9.eE+\-x ,]{0,8}$/);
const numberish = fc.oneof(
  fc.double({ noNaN: true }).map(String),
  fc.integer().map(String),
  fc.constantFrom('1e308', '1e309', '-0', '.5', '5.', '1.', '.', '-', '1e', '1e+', '0x1F', ' 1', '1,200', '12%', 'NaN', 'Infinity', '', '123456789012345678', '0.000000000000000000001', '9007199254740993'),
  cell,
);
const validNumber = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.integer().map(String), fc.constantFrom('-0', '.5', '5.', '1e308', '123456789012345678'));
const HEADERS = ['id,name,a,b', 'id,a', 'id,a,skip', 'name,a', 'id,a,a', 'id,,a'];
const csvText = fc.tuple(
  fc.constantFrom(...HEADERS),
  fc.array(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,4}$/), fc.boolean(), fc.array(numberish, { minLength: 1, maxLength: 4 }), fc.array(validNumber, { minLength: 4, maxLength: 4 })), { maxLength: 8 }),
  fc.constantFrom('\n', '\n\n'),
  fc.boolean(),
  fc.nat(99),
).map(([header, rows, sep, bom, unique]) => {
  const width = header.split(',').length;
  // Three rows in four are well formed (right width, valid numbers, unique ids); the rest are anything.
  const lines = rows.map(([id, wild, cells, good], r) => (wild && r % 4 === 3 ? [id, ...cells] : [`${id}${r}${unique}`, ...good.slice(0, width - 1)]).join(','));
  return (bom ? '\ufeff' : '') + [header, ...lines].join(sep) + (rows.length % 2 ? '\n' : '');
});

describe('the fast CSV reader gives exactly what csv-parse gives', () => {
  it('on generated files (values, errors, line numbers)', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(fc.property(csvText, (text) => {
      const buf = Buffer.from(text);
      const { fast, slow } = both(buf);
      expect(fast).toEqual(slow);
      if (fast.ok) valid++;
      else invalid++;
    }), { numRuns: 600, seed: 20261121 });
    // The generator must exercise both outcomes, or the property proves little.
    expect(valid).toBeGreaterThan(150);
    expect(invalid).toBeGreaterThan(150);
  });

  it('takes the fast path only when the file has no quote and no carriage return', () => {
    expect(readCsvColumns(Buffer.from('id,a\nx,1\n'), 'f', spec).reader).toBe('fast');
    expect(readCsvColumns(Buffer.from('id,a\r\nx,1\r\n'), 'f', spec).reader).toBe('csv-parse');
    expect(readCsvColumns(Buffer.from('id,a\n"x",1\n'), 'f', spec).reader).toBe('csv-parse');
  });

  it('parses numbers exactly as Number() does (Clinger fast path), bit for bit, including -0', () => {
    fc.assert(fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.stringMatching(/^-?[0-9]{1,17}(\.[0-9]{0,17})?(e-?[0-9]{1,3})?$/)), (s) => {
      const b = Buffer.from(s);
      const v = parseNumberBytes(b, 0, b.length);
      if (!Number.isNaN(v)) expect(Object.is(v, Number(s))).toBe(true);
    }), { numRuns: 5000, seed: 7 });
    expect(Object.is(parseNumberBytes(Buffer.from('-0'), 0, 2), -0)).toBe(true);
  });
});

describe('streaming a file from disk in chunks gives exactly what reading it whole gives', () => {
  it('on generated files, with 256-byte chunks so most files span several (values, errors, line numbers)', () => {
    const dir = tempDir();
    const file = join(dir, 'f.csv');
    let streamed = 0;
    fc.assert(fc.property(csvText, (text) => {
      if (text.length === 0 || text === '\ufeff') return;
      writeFileSync(file, text);
      const whole = outcome(() => readCsvColumns(Buffer.from(text), 'f.csv', spec));
      const chunks = outcome(() => ({ ...readCsvFile(file, spec, { wholeBelow: 0, chunkBytes: 256 }), file: 'f.csv' }));
      expect(fixFile(chunks, file)).toEqual(whole);
      if (text.length > 256) streamed++;
    }), { numRuns: 400, seed: 20261122 });
    expect(streamed).toBeGreaterThan(20);
  });

  it('a line longer than a chunk is refused with its line number, not split', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'l.csv'), `id,name\na,${'x'.repeat(300)}\n`);
    expect(outcome(() => readCsvFile(join(dir, 'l.csv'), spec, { wholeBelow: 0, chunkBytes: 256 }))).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'csv.line-too-long', line: 2 })] });
  });

  it('a non-UTF-8 byte in a later chunk is located in the file, not in the chunk (offset 300 + 5 = 305, line 3)', () => {
    const dir = tempDir();
    const first = `id,name\n${'a,' + 'x'.repeat(289)}\n`; // 8 + 292 = 300 bytes
    writeFileSync(join(dir, 'u.csv'), Buffer.concat([Buffer.from(first + 'b,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(outcome(() => readCsvFile(join(dir, 'u.csv'), spec, { wholeBelow: 0, chunkBytes: 256 + 64 }))).toEqual({ ok: false, problems: [expect.objectContaining({ code: 'io.not-utf8', line: 3, message: 'byte 0xe9 at offset 305 is not valid UTF-8' })] });
  });
});

/** Problems name the file they were read from; compare streamed and whole reads under one name. */
function fixFile(o: Outcome, file: string): Outcome {
  return o.ok ? o : { ok: false, problems: o.problems.map((p) => ({ ...(p as object), file: (p as { file?: string }).file === file ? 'f.csv' : (p as { file?: string }).file })) };
}
