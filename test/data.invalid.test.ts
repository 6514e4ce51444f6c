import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DICTIONARY, oneRuleRubric, projectWith } from './rubric-fixture';
import { fixture, problemsOf } from './helpers';
import { loadMarkets } from '../src/data/load-markets';
import { loadDictionary } from '../src/data/load-dictionary';
import { loadTable } from '../src/data/load-table';

const rubric = oneRuleRubric('{ type: raw, indicator: rating, direction: benefit }');
const H = 'id,name,rating,suppliers,mode\n';

/** [what, data CSV, expected {code, line, column, path}] */
const CASES: [string, string | Buffer, Partial<{ code: string; line: number; column: number; path: string }>[]][] = [
  ['empty file', '', [{ code: 'io.empty' }]],
  ['duplicate id', H + 'a,A,1,2,sovereign\na,B,2,3,sovereign\n', [{ code: 'data.duplicate-id', line: 3, column: 1, path: 'row a' }]],
  ['blank id', H + ',A,1,2,sovereign\n', [{ code: 'data.blank-id', line: 2, column: 1 }]],
  ['missing id column', 'name,rating\nA,1\n', [{ code: 'csv.missing-id-column', line: 1 }]],
  ['non-numeric value', H + 'a,A,high,2,sovereign\n', [{ code: 'data.not-a-number', line: 2, column: 3, path: 'row a, column rating' }]],
  ['thousands separator', H + 'a,A,1,"1,200",sovereign\n', [{ code: 'data.thousands-separator', line: 2, column: 4, path: 'row a, column suppliers' }]],
  ['unit in a number', H + 'a,A,1,12%,sovereign\n', [{ code: 'data.unit-in-number', line: 2, column: 4 }]],
  ['NaN', H + 'a,A,NaN,2,sovereign\n', [{ code: 'data.not-finite', line: 2, column: 3 }]],
  ['beyond ±1e308', H + 'a,A,1,1e309,sovereign\n', [{ code: 'data.not-finite', line: 2, column: 4 }]],
  ['unknown category', H + 'a,A,1,2,monarchy\n', [{ code: 'data.unknown-category', line: 2, column: 5, path: 'row a, column mode' }]],
  ['rating off its scale', H + 'a,A,7,2,sovereign\n', [{ code: 'data.out-of-scale', line: 2, column: 3 }]],
  ['count that is not whole', H + 'a,A,1,2.5,sovereign\n', [{ code: 'data.not-a-count', line: 2, column: 4 }]],
  ['ragged row', H + 'a,A,1,2\n', [{ code: 'csv.ragged-row', line: 2 }]],
  ['unterminated quote', H + 'a,"A,1,2,sovereign\n', [{ code: 'csv.unterminated-quote', line: 2 }]],
  ['duplicate header', 'id,rating,rating\na,1,2\n', [{ code: 'csv.duplicate-header', line: 1, column: 3 }]],
  ['undeclared column', 'id,rating,colour\na,1,red\n', [{ code: 'data.unknown-column', line: 1, column: 3 }]],
  ['Latin-1 bytes', Buffer.concat([Buffer.from(H + 'a,Caf'), Buffer.from([0xe9]), Buffer.from(',1,2,sovereign\n')]), [{ code: 'io.not-utf8', line: 2 }]],
];

describe('invalid market data: every problem names file, line, column and field', () => {
  it.each(CASES)('%s', (_what, csv, want) => {
    const dir = fixture({ 'd.csv': csv, 'i.yaml': DICTIONARY });
    const got = problemsOf(() => loadMarkets(join(dir, 'd.csv'), loadDictionary(join(dir, 'i.yaml'))));
    expect(got).toEqual(want.map((w) => expect.objectContaining({ ...w, file: join(dir, 'd.csv') })));
  });

  it('a UTF-8 BOM and CRLF line ends are read as usual', () => {
    const dir = fixture({ 'd.csv': '\ufeff' + (H + 'a,Alpha,5,2,sovereign\n').replace(/\n/g, '\r\n'), 'i.yaml': DICTIONARY });
    const d = loadMarkets(join(dir, 'd.csv'), loadDictionary(join(dir, 'i.yaml')));
    expect(d.ids).toEqual(['a']);
    expect(d.names).toEqual(['Alpha']);
    expect([...d.numeric.get('rating')!]).toEqual([5]);
  });

  it('the rubric must not read a column the data lacks', () => {
    const { load } = projectWith(rubric, 'id,name,suppliers,mode\na,A,2,sovereign\n');
    expect(problemsOf(load)).toEqual([expect.objectContaining({ code: 'data.missing-column', message: expect.stringContaining("has no column 'rating'") })]);
  });

  it('collects problems from several files in one run', () => {
    const bad = projectWith(oneRuleRubric('{ type: raw, indicator: nope, direction: benefit }'), H + 'a,A,x,2,sovereign\n');
    expect(problemsOf(bad.load).map((p) => p.code).sort()).toEqual(['data.not-a-number', 'rubric.unknown-indicator']);
  });
});

describe('rubric-free tables', () => {
  it('reads only the selected criteria and reports an unknown one with the valid columns', () => {
    const dir = fixture({ 't.csv': 'id,a,b,c\nx,1,2,oops\ny,3,4,5\n' });
    const { dataset, criteria } = loadTable(join(dir, 't.csv'), ['a', 'b']);
    expect(criteria).toEqual(['a', 'b']);
    expect([...dataset.numeric.get('b')!]).toEqual([2, 4]);
    expect(() => loadTable(join(dir, 't.csv'), ['z'])).toThrow(/--criteria names 'z'/);
  });
});
