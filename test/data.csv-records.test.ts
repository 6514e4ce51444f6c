import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { eachCsvRecord } from '../src/data/csv-records';

/** The reference: csv-parse with the options eachCsvRecord promises to match. */
function reference(text: string, max: number): [string[], number][] | string {
  const out: [string[], number][] = [];
  try {
    parse(text, {
      comment: '#', comment_no_infix: true, skip_empty_lines: true, relax_column_count: true, max_record_size: max,
      on_record: (r: string[], c: { lines: number }) => {
        out.push([r, c.lines]);
        return undefined;
      },
    } as never);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  return out;
}

function records(text: string, max = 1000): [string[], number][] | string {
  const out: [string[], number][] = [];
  try {
    eachCsvRecord(text, max, (r, line) => out.push([r, line]));
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
  return out;
}

describe('csv records: the fast split reads every text exactly as csv-parse does', () => {
  it('splits plain records, skips comments and empty lines, and gives the line a multi-line quoted record ends on (worked by hand)', () => {
    const text = '# engine: x\nmarket,rule\n\nm1,"a, b"\nm2,"x\ny"\n#c\nm3,C# Corp\n';
    expect(records(text)).toEqual([[['market', 'rule'], 2], [['m1', 'a, b'], 4], [['m2', 'x\ny'], 6], [['m3', 'C# Corp'], 8]]);
    expect(records(text)).toEqual(reference(text, 1000));
  });

  it.each([
    ['CRLF line ends', 'a,b\r\n1,2\r\n'],
    ['no final newline', 'a,b\n1,"2"'],
    ['an unterminated quote', 'a,b\n1,"open\n'],
    ['a quote inside an unquoted field', 'a,b\nx"y,2\n'],
    ['doubled quotes and an empty quoted field', 'a\n"q""x"\n""\n'],
    ['a record over the size limit', `a\n${'x'.repeat(50)}\n`],
  ])('matches csv-parse, records or error, on %s', (_, text) => {
    expect(records(text, 20)).toEqual(reference(text, 20));
  });

  it('matches csv-parse on arbitrary texts of CSV-significant characters (property)', () => {
    const unit = fc.constantFrom('a', 'b', ',', '"', '\n', '\r', '#', ' ');
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (text) => {
      expect(records(text, 1000)).toEqual(reference(text, 1000));
    }), { numRuns: 2000 });
  });
});
