import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { writeCsv } from '../src/render/csv-writer';

const cellArb = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '=', '-', 'é', '0', '.') }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string(),
);

describe('csv writer', () => {
  it('is byte-identical to csv-stringify on generated rows', () => {
    fc.assert(fc.property(fc.array(fc.array(cellArb, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), (rows) => {
      expect(writeCsv(rows)).toBe(stringify(rows, { record_delimiter: 'unix' }));
    }), { numRuns: 2000, seed: 11 });
  });
  it('round-trips a name holding a comma, a quote, a newline and a leading =', () => {
    const name = 'Acme, "Ltd"\n=SUM(A1)';
    const text = writeCsv([['id', 'name'], ['x', name]]);
    expect(text).toBe('id,name\nx,"Acme, ""Ltd""\n=SUM(A1)"\n');
    expect(parse(text)).toEqual([['id', 'name'], ['x', name]]);
  });
});
