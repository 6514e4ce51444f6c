import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DICTIONARY } from './rubric-fixture';
import { fixture, problemsOf } from './helpers';
import { readScorecard } from '../src/data/read-scorecard';
import { readAhpMatrix } from '../src/cli/commands/weights';
import { loadMarkets } from '../src/data/load-markets';
import { loadDictionary } from '../src/data/load-dictionary';
import { loadTable } from '../src/data/load-table';
import { loadCells } from '../src/data/load-cells';
import { loadEvidence } from '../src/evidence/load-evidence';
import { checkId } from '../src/data/check-id';
import { parseStrictNumber } from '../src/data/strict-number';
import { run } from '../src/cli/main';

type Want = Partial<{ code: string; line: number; column: number; path: string }>;

const NFC = 'caf\u00e9';
const NFD = 'cafe\u0301';
const ZW = 'sub\u200bsea';

/** A wide scorecard as `moatscore export --shape wide` writes it, one row per market. */
const WIDE = 'market,name,rank,score,tier,binding,c.k,c\n';
const wide = (...rows: string[]) => WIDE + rows.map((r) => `${r}\n`).join('');

/** Issue #10, item 4 ("silent wrong values"): each row is one case found by the hostile corpus. */
const SCORECARD_CASES: [string, string, Want][] = [
  ["a score ' ' is not 0", wide('a,A,1, ,,,1,1', 'b,B,2,1,,,1,1'), { code: 'data.missing-value', line: 2, column: 4, path: 'row a, column score' }],
  ['a score 0x10 is not 16', wide('a,A,1,0x10,,,1,1', 'b,B,2,1,,,1,1'), { code: 'data.not-a-number', line: 2, column: 4, path: 'row a, column score' }],
  ['an empty rank is not a move', wide('a,A,,2,,,1,1', 'b,B,2,1,,,1,1'), { code: 'data.missing-value', line: 2, column: 3, path: 'row a, column rank' }],
  ['a duplicated market is not ignored', wide('a,A,1,2,,,1,1', 'a,A,2,1,,,1,1'), { code: 'scorecard.duplicate-market', line: 3, column: 1, path: 'row a' }],
  ['NFC and NFD spellings of one market collide', wide(`${NFC},A,1,2,,,1,1`, `${NFD},A,2,1,,,1,1`), { code: 'scorecard.duplicate-market', line: 3, column: 1 }],
  ['a zero-width space in a market id is refused', wide(`${ZW},A,1,2,,,1,1`), { code: 'data.invisible-in-id', line: 2, column: 1 }],
  ['a score of 1e-400 does not read as 0', wide('a,A,1,1e-400,,,1,1'), { code: 'data.underflow', line: 2, column: 4 }],
  ['a ragged row is not padded with blanks', wide('a,A,1,2,,,1'), { code: 'csv.ragged-row', line: 2 }],
];

describe('diff reads scorecards strictly', () => {
  it.each(SCORECARD_CASES)('%s', (_what, csv, want) => {
    const dir = fixture({ 's.csv': csv });
    expect(problemsOf(() => readScorecard(join(dir, 's.csv')))).toEqual([expect.objectContaining({ ...want, file: join(dir, 's.csv') })]);
  });

  it('through the CLI: moatscore diff exits 1 naming file, line, column and field, and writes nothing', () => {
    const dir = fixture({ 'old.csv': wide('a,A,1,2,,,1,1', 'b,B,2,1,,,1,1'), 'new.csv': wide('a,A,1, ,,,1,1', 'b,B,2,1,,,1,1') });
    const r = run(['diff', join(dir, 'old.csv'), join(dir, 'new.csv'), '--output', join(dir, 'd.csv')], { isTTY: false, env: {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'new.csv')}:2:4 row a, column score: is empty`);
    expect(r.stderr).toContain('[data.missing-value]');
    expect(r.outputFile).toBeUndefined();
  });

  it('an NFD and an NFC scorecard of the same markets diff as the same markets (no market-mismatch)', () => {
    const dir = fixture({ 'old.csv': wide(`${NFD},A,1,2,,,1,1`), 'new.csv': wide(`${NFC},A,1,3,,,2,1`) });
    const r = run(['diff', join(dir, 'old.csv'), join(dir, 'new.csv'), '--format', 'csv'], { isTTY: false, env: {} });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Hand-checked: rank 1 → 1 (move 0), score 2 → 3 (change +1), under the NFC spelling.
    expect(r.stdout).toBe(`market,old_rank,new_rank,move,old_score,new_score,score_change,old_gated,new_gated\n${NFC},1,1,0,2,3,1,,\n`);
  });

  it('market ids come back in NFC form, so an NFD export diffs against an NFC one', () => {
    const dir = fixture({ 's.csv': wide(`${NFD},A,1,2,,,1,1`) });
    expect(readScorecard(join(dir, 's.csv')).rows[0].market).toBe(NFC);
  });
});

const AHP_CASES: [string, string, Want][] = [
  ['a duplicate id is refused, not dropped (weights once summed to 0.54)', ',a,a,c\na,1,3,1/2\na,1/3,1,1/4\nc,2,4,1\n', { code: 'ahp.duplicate-id', line: 1, column: 3 }],
  ['a blank id is refused', ',a,,c\na,1,3,1/2\n,1/3,1,1/4\nc,2,4,1\n', { code: 'data.blank-id', line: 1, column: 3 }],
  ['NFC and NFD spellings collide', `,${NFC},${NFD}\n${NFC},1,3\n${NFD},1/3,1\n`, { code: 'ahp.duplicate-id', line: 1, column: 3 }],
  ['0x10 is not 16', ',a,b\na,1,0x10\nb,1/16,1\n', { code: 'ahp.not-a-number', line: 2, column: 3, path: 'row a, column b' }],
  ['1e-400 is not 0', ',a,b\na,1,3\nb,1e-400,1\n', { code: 'data.underflow', line: 3, column: 2 }],
];

describe('weights ahp reads its matrix strictly', () => {
  it.each(AHP_CASES)('%s', (_what, csv, want) => {
    const dir = fixture({ 'm.csv': csv });
    expect(problemsOf(() => readAhpMatrix(join(dir, 'm.csv')))).toContainEqual(expect.objectContaining({ ...want, file: join(dir, 'm.csv') }));
  });

  it('fractions with spaces around the slash still read (1 / 3 = 0.333…)', () => {
    const dir = fixture({ 'm.csv': ',a,b\na,1,3\nb,1 / 3,1\n' });
    expect(readAhpMatrix(join(dir, 'm.csv')).matrix[1][0]).toBeCloseTo(1 / 3, 15);
  });
});

const H = 'id,name,rating,suppliers,mode\n';
const MARKET_CASES: [string, string, Want][] = [
  ['NFC and NFD spellings of one id are one market', `${H}${NFC},A,1,2,sovereign\n${NFD},B,2,3,sovereign\n`, { code: 'data.duplicate-id', line: 3, column: 1 }],
  ['a zero-width space in an id', `${H}${ZW},A,1,2,sovereign\n`, { code: 'data.invisible-in-id', line: 2, column: 1 }],
  ['a word joiner (U+2060) in an id', `${H}a\u2060b,A,1,2,sovereign\n`, { code: 'data.invisible-in-id', line: 2, column: 1 }],
  ['an escape character in an id', `${H}a\u001b[31m,A,1,2,sovereign\n`, { code: 'data.invisible-in-id', line: 2, column: 1 }],
  ['1e-400 underflows, like 1e309 overflows', `${H}a,A,1,1e-400,sovereign\n`, { code: 'data.underflow', line: 2, column: 4, path: 'row a, column suppliers' }],
];

describe('market data: ids and numbers', () => {
  it.each(MARKET_CASES)('%s', (_what, csv, want) => {
    const dir = fixture({ 'd.csv': csv, 'i.yaml': DICTIONARY });
    expect(problemsOf(() => loadMarkets(join(dir, 'd.csv'), loadDictionary(join(dir, 'i.yaml'))))).toEqual([expect.objectContaining({ ...want, file: join(dir, 'd.csv') })]);
  });

  it('ids are stored in NFC form', () => {
    const dir = fixture({ 'd.csv': `${H}${NFD},A,1,2,sovereign\n`, 'i.yaml': DICTIONARY });
    expect(loadMarkets(join(dir, 'd.csv'), loadDictionary(join(dir, 'i.yaml'))).ids).toEqual([NFC]);
  });
});

const TABLE_CASES: [string, string, Want][] = [
  ['NFC and NFD column names collide', `id,${NFC},${NFD}\na,1,2\n`, { code: 'csv.duplicate-header', line: 1, column: 3 }],
  ['a zero-width space in a column name', `id,x\u200b\na,1\n`, { code: 'data.invisible-in-id', line: 1, column: 2 }],
  ['1e-400 underflows', 'id,x\na,1e-400\n', { code: 'data.underflow', line: 2, column: 2, path: 'row a, column x' }],
  ['-1e-400 underflows too', 'id,x\na,-1e-400\n', { code: 'data.underflow', line: 2, column: 2 }],
];

describe('rubric-free tables: ids and numbers', () => {
  it.each(TABLE_CASES)('%s', (_what, csv, want) => {
    const dir = fixture({ 't.csv': csv });
    expect(problemsOf(() => loadTable(join(dir, 't.csv')))).toEqual([expect.objectContaining({ ...want, file: join(dir, 't.csv') })]);
  });
});

describe('cells, evidence and dictionary ids', () => {
  const CELLS_HEAD = 'market,indicator,low,high,evidence,rationale\n';
  it('cells: a zero-width space in a market names line, column and field', () => {
    const dir = fixture({ 'd.csv': 'id,rating\na,1\n', 'i.yaml': DICTIONARY, 'c.csv': `${CELLS_HEAD}${ZW},rating,,,f,why\n` });
    const dictionary = loadDictionary(join(dir, 'i.yaml'));
    const data = loadMarkets(join(dir, 'd.csv'), dictionary);
    expect(problemsOf(() => loadCells(join(dir, 'c.csv'), data, dictionary, undefined))).toEqual([
      expect.objectContaining({ code: 'data.invisible-in-id', file: join(dir, 'c.csv'), line: 2, column: 1, path: `row ${ZW}/rating, column market` }),
    ]);
  });

  it('cells: an NFD market id finds its NFC row', () => {
    const dir = fixture({ 'd.csv': `id,rating\n${NFC},1\n`, 'i.yaml': DICTIONARY, 'c.csv': `${CELLS_HEAD}${NFD},rating,,,f,why\n` });
    const dictionary = loadDictionary(join(dir, 'i.yaml'));
    const data = loadMarkets(join(dir, 'd.csv'), dictionary);
    expect([...loadCells(join(dir, 'c.csv'), data, dictionary, undefined).cells.values()].map((c) => c.market)).toEqual([NFC]);
  });

  it('dictionary: a zero-width space in an indicator id is named as such', () => {
    const dir = fixture({ 'i.yaml': DICTIONARY.replace('id: rating', `id: rat\u200bing`) });
    expect(problemsOf(() => loadDictionary(join(dir, 'i.yaml')))).toEqual([expect.objectContaining({ code: 'dictionary.invisible-in-id', line: 2, path: 'indicators[0].id' })]);
  });

  it('evidence: a zero-width space in a fact id is named as such', () => {
    const ev = `conditions: [c]
sources: [{ file: s.txt, title: S, sections: [One] }]
facts:
  - id: "f\u200bact"
    markets: [a]
    text: a sentence of paraphrase long enough
    source: { file: s.txt, section: One }
`;
    const dir = fixture({ 'e.yaml': ev });
    expect(problemsOf(() => loadEvidence(join(dir, 'e.yaml')))).toEqual([expect.objectContaining({ code: 'evidence.invisible-in-id', line: 4, path: 'facts[0].id' })]);
  });
});

describe('the one id check and the one number grammar', () => {
  it.each([
    ['U+200B', 'a\u200bb'], ['U+200C', 'a\u200cb'], ['U+200D', 'a\u200db'], ['U+2060', 'a\u2060b'], ['U+FEFF', 'a\ufeffb'],
    ['U+0000', 'a\u0000b'], ['U+001B', 'a\u001bb'], ['U+007F', 'a\u007fb'], ['U+009B', 'a\u009bb'],
  ])('refuses %s and names it', (name, id) => {
    expect(checkId(id)).toEqual(expect.objectContaining({ code: 'data.invisible-in-id', message: expect.stringContaining(`${name} at position 2`) }));
  });

  it('normalises to NFC', () => expect(checkId(NFD)).toBe(NFC));

  it.each([['1e-400'], ['-1e-400'], ['0.1e-323'], ['5e-325']])('%s underflows', (s) => expect(parseStrictNumber(s)).toEqual(expect.objectContaining({ code: 'data.underflow' })));
  it.each([['0e-400', 0], ['0.000e5', 0], ['5e-324', 5e-324]])('%s reads as %d (zero written as zero; the least subnormal)', (s, v) => expect(parseStrictNumber(s)).toBe(v));

  it('a 300 MB-long cell is quoted shortened in the message', () => {
    const p = parseStrictNumber('x'.repeat(10_000));
    expect(typeof p === 'object' && p.message.length).toBeLessThan(200);
  });
});
