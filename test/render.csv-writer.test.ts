import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { neutralise, unneutralise, writeCsv, type CsvCell } from '../src/render/csv-writer';

/** Characters that matter to CSV and to spreadsheets, so generated strings hit every rule often. */
const NASTY = ['a', 'b', ' ', ',', '"', '\n', '\r', '\t', '=', '+', '-', '@', "'", '＝', '＋', '－', '＠', '0', '.', 'é', '\u001b', '\u0000', '#'];
const textArb = fc.oneof(fc.string({ unit: fc.constantFrom(...NASTY) }), fc.string({ unit: 'binary' }), fc.string());
const numberArb = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());
const cellArb: fc.Arbitrary<CsvCell> = fc.oneof(textArb, numberArb);
/** A header and rows of the same width, as every table the tool writes. */
const tableArb = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.array(textArb, { minLength: n, maxLength: n }), fc.array(fc.array(cellArb, { minLength: n, maxLength: n }), { maxLength: 6 })));

const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

describe('csv writer: one writer for every CSV the tool writes', () => {
  it('round-trips arbitrary cells through csv-parse: same width as the header, text back after one quote is stripped, numbers as written', () => {
    fc.assert(fc.property(tableArb, ([head, rows]) => {
      const records = parse(writeCsv([head, ...rows])) as string[][];
      const expected = [head, ...rows];
      expect(records).toHaveLength(expected.length);
      records.forEach((rec, r) => {
        expect(rec).toHaveLength(head.length);
        rec.forEach((got, c) => {
          const want = expected[r][c];
          if (typeof want === 'number') expect(Number(got)).toBe(want === 0 ? 0 : want);
          else {
            // Neutralised exactly when the original starts with a trigger or a quote; the reader strips one quote.
            expect(got.startsWith("'")).toBe(/^['=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/.test(want));
            expect(unneutralise(got)).toBe(want);
            expect(FORMULA_START.test(got)).toBe(false);
          }
        });
      });
    }), { numRuns: 1500, seed: 10 });
  });

  it('a parsed cell starts a formula only when it was a number (negative numbers stay numbers)', () => {
    fc.assert(fc.property(tableArb, ([head, rows]) => {
      const records = parse(writeCsv([head, ...rows])) as string[][];
      records.slice(1).forEach((rec, r) => rec.forEach((got, c) => {
        if (FORMULA_START.test(got)) expect(typeof rows[r][c]).toBe('number');
      }));
    }), { numRuns: 1000, seed: 12 });
    expect(writeCsv([['x', -5, -0.25]])).toBe("x,-5,-0.25\n");
  });

  it('quotes exactly like csv-stringify, plus a lone CR, after neutralising', () => {
    fc.assert(fc.property(fc.array(fc.array(cellArb, { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (rows) => {
      const neutral = rows.map((r) => r.map((c) => (typeof c === 'string' ? neutralise(c) : c)));
      expect(writeCsv(rows)).toBe(stringify(neutral, { record_delimiter: 'unix', quoted_match: /\r/ }));
    }), { numRuns: 2000, seed: 11 });
  });

  it('a name with a lone carriage return is quoted, so a reader cannot start a row with the formula after it (issue #10)', () => {
    const text = writeCsv([['id', 'name'], ['cloud', 'Cloud\r=1+1+cmd|\' /C calc\'!A0']]);
    expect(text).toBe('id,name\ncloud,"Cloud\r=1+1+cmd|\' /C calc\'!A0"\n');
    // A reader that treats CR as a line break (as spreadsheets do) still sees one record: the CR is inside quotes.
    expect(parse(text, { record_delimiter: ['\r', '\n'] })).toEqual([['id', 'name'], ['cloud', 'Cloud\r=1+1+cmd|\' /C calc\'!A0']]);
  });

  it('neutralises = + - @ tab CR and the fullwidth forms; doubles a leading quote; leaves numbers (OWASP CSV Injection)', () => {
    expect(['=1+1', '+x', '-x', '@x', '\tx', '\rx', "'x", '＝1', '＋1', '－1', '＠x', 'plain', ''].map(neutralise))
      .toEqual(["'=1+1", "'+x", "'-x", "'@x", "'\tx", "'\rx", "''x", "'＝1", "'＋1", "'－1", "'＠x", 'plain', '']);
    expect(neutralise(-5)).toBe(-5);
    expect(writeCsv([['=HYPERLINK("http://x")', '-3 5']])).toBe(`"'=HYPERLINK(""http://x"")",'-3 5\n`);
  });

  it('writes a number that is not finite as text, neutralised', () => {
    expect(writeCsv([['a', Number.NEGATIVE_INFINITY, Number.NaN]])).toBe("a,'-Infinity,NaN\n");
  });

  it('keeps a row of one empty field as a row', () => {
    expect(writeCsv([['h'], [''], ['x']])).toBe('h\n""\nx\n');
    expect(parse(writeCsv([['h'], [''], ['x']]), { skip_empty_lines: true })).toEqual([['h'], [''], ['x']]);
  });

  it('round-trips a name holding a comma, a quote, a newline and a leading =', () => {
    const name = '=Acme, "Ltd"\nSUM(A1)';
    const text = writeCsv([['id', 'name'], ['x', name]]);
    expect(text).toBe('id,name\nx,"\'=Acme, ""Ltd""\nSUM(A1)"\n');
    expect((parse(text) as string[][])[1].map(unneutralise)).toEqual(['x', name]);
  });
});
