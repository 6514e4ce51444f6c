import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DICTIONARY } from './rubric-fixture';
import { fixture, problemsOf } from './helpers';
import { run } from '../src/cli/main';
import { listSome } from '../src/errors/problem';
import { checkMemoryBudget, MAX_FIELD_CHARS, MEMORY_BUDGET, type ColumnSpec } from '../src/data/csv-table';
import { loadMarkets } from '../src/data/load-markets';
import { loadDictionary } from '../src/data/load-dictionary';
import { loadTable } from '../src/data/load-table';
import { loadCells } from '../src/data/load-cells';
import { parseYaml, MAX_YAML_DEPTH } from '../src/io/yaml-source';
import { readAhpMatrix } from '../src/cli/commands/weights';

/** Issue #10 item 3: inputs the limits admit once crashed or ran out of memory; each now ends in a coded answer. */
const io = { isTTY: false, env: {} };
const table = (rows: number, cols = 2) => `id,name,${Array.from({ length: cols }, (_, k) => `c${k + 1}`).join(',')}\n` +
  Array.from({ length: rows }, (_, r) => `m${r},M ${r},${Array.from({ length: cols }, (_, k) => ((r * 7 + k) % 97) + 1).join(',')}`).join('\n') + '\n';

describe('no crash on sizes the limits admit', () => {
  it('rank of 130,000 rows in table format (was: Maximum call stack size exceeded, from Math.max(...rows))', () => {
    const dir = fixture({ 't.csv': table(130_000) });
    const r = run(['rank', '--data', join(dir, 't.csv')], io);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(130_000);
  });

  it('200,000 undeclared columns: 50 data.unknown-column problems, not a stack overflow from problems.push(...)', () => {
    const cols = Array.from({ length: 200_000 }, (_, k) => `x${k}`);
    const dir = fixture({ 'd.csv': `id,${cols.join(',')}\na,${cols.map(() => 1).join(',')}\n`, 'i.yaml': DICTIONARY });
    const got = problemsOf(() => loadMarkets(join(dir, 'd.csv'), loadDictionary(join(dir, 'i.yaml'))));
    expect(got).toHaveLength(50);
    expect(got[0]).toEqual(expect.objectContaining({ code: 'data.unknown-column', line: 1, column: 2, path: 'column x0' }));
  });

  it('a 200,000-column header ranks in rubric-free mode (was quadratic: 65 s)', () => {
    const dir = fixture({ 't.csv': table(3, 200_000) });
    const { criteria } = loadTable(join(dir, 't.csv'));
    expect(criteria).toHaveLength(200_000);
    expect(criteria[199_999]).toBe('c200000');
  });

  it('a field over 1 MiB is csv.field-too-long naming line and column (was: Invalid string length at 300 MB)', () => {
    const dir = fixture({ 'f.csv': `id,name,c1\na,${'x'.repeat(MAX_FIELD_CHARS + 1)},1\n`, 'q.csv': `id,name,c1\na,"${'x'.repeat(MAX_FIELD_CHARS + 1)}",1\n` });
    expect(problemsOf(() => loadTable(join(dir, 'f.csv')))).toEqual([expect.objectContaining({ code: 'csv.field-too-long', line: 2, column: 2 })]);
    expect(problemsOf(() => loadTable(join(dir, 'q.csv')))).toEqual([expect.objectContaining({ code: 'csv.field-too-long' })]);
  });
});

describe('hints that list ids are truncated', () => {
  it.each([
    [['a', 'b'], 'a, b'],
    [Array.from({ length: 8 }, (_, k) => `m${k}`), 'm0, m1, m2, m3, m4, m5, m6, m7'],
    [Array.from({ length: 40_000 }, (_, k) => `m${k}`), 'm0, m1, m2, m3, m4, m5, m6, m7, … and 39,992 more'],
  ])('listSome(%#)', (items, want) => expect(listSome(items)).toBe(want));

  it('cells.unknown-market lists 8 markets and how many more, not all 150,000 (was: out of memory)', () => {
    const ids = Array.from({ length: 150_000 }, (_, k) => `m${k}`);
    const dir = fixture({
      'd.csv': `id,rating\n${ids.map((id) => `${id},1`).join('\n')}\n`, 'i.yaml': DICTIONARY,
      'c.csv': `market,indicator,low,high,evidence,rationale\n${ids.map((id) => `x${id},rating,,,f,why`).join('\n')}\n`,
    });
    const dictionary = loadDictionary(join(dir, 'i.yaml'));
    const got = problemsOf(() => loadCells(join(dir, 'c.csv'), loadMarkets(join(dir, 'd.csv'), dictionary), dictionary, undefined));
    expect(got).toHaveLength(50);
    expect(got[0]).toEqual(expect.objectContaining({ code: 'cells.unknown-market', line: 2, hint: 'markets: m0, m1, m2, m3, m4, m5, m6, m7, … and 149,992 more' }));
  });

  it('an AHP matrix over the random-index table says so without listing anything unbounded', () => {
    const n = 20;
    const ids = Array.from({ length: n }, (_, k) => `c${k}`);
    const dir = fixture({ 'm.csv': `,${ids.join(',')}\n${ids.map((id) => `${id},${ids.map(() => 1).join(',')}`).join('\n')}\n` });
    expect(problemsOf(() => readAhpMatrix(join(dir, 'm.csv')))).toEqual([expect.objectContaining({ code: 'ahp.too-large' })]);
  });
});

describe('the memory budget is checked before any column is allocated', () => {
  // Per row: 4 (line) + 8 per number + 40 per text cell + 400 for ranking and output; plus the bytes held.
  const kinds = (numbers: number, texts: number): ColumnSpec[] => [...Array(texts).fill('text'), ...Array(numbers).fill('number')];
  it(`3,000,000 rows × (40 numbers + 2 texts) fit: 3e6 × 804 + 32 MiB = 2,332 MiB <= ${MEMORY_BUDGET / 1048576} MiB`, () => {
    expect(() => checkMemoryBudget('u.csv', kinds(40, 2), 3_000_000, 32 * 1048576)).not.toThrow();
  });
  it('3,700,000 rows of the same do not: 3.7e6 × 804 + 32 MiB = 2,869 MiB > 2,816 MiB', () => {
    expect(problemsOf(() => checkMemoryBudget('u.csv', kinds(40, 2), 3_700_000, 32 * 1048576))).toEqual([
      expect.objectContaining({ code: 'data.over-memory-budget', file: 'u.csv', message: 'would need about 2,869 MiB (3,700,000 rows × 42 columns), over the budget of 2,816 MiB' }),
    ]);
  });
  it('a narrow, tall file is bounded too: 15,000,000 rows of id + 1 number = 15e6 × 452 = 6,466 MiB', () => {
    expect(problemsOf(() => checkMemoryBudget('n.csv', kinds(1, 1), 15_000_000, 0))).toEqual([expect.objectContaining({ code: 'data.over-memory-budget', message: expect.stringContaining('about 6,466 MiB') })]);
  });
  it('skipped columns cost nothing', () => {
    expect(() => checkMemoryBudget('u.csv', [...kinds(40, 2), ...Array(1000).fill('skip')], 3_000_000, 0)).not.toThrow();
  });
});

describe('YAML: depth refused from the raw text, alias expansion bounded by size', () => {
  const yamlCase = (text: string) => problemsOf(() => parseYaml(text, 'y.yaml'));
  it.each([
    ['1,000,000 nested flow brackets (was: 15 s and 2.2 GB)', `id: ${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}\n`, { code: 'yaml.too-deep', line: 1 }],
    [`${MAX_YAML_DEPTH + 1} nested block mappings`, Array.from({ length: MAX_YAML_DEPTH + 1 }, (_, k) => `${' '.repeat(k)}k${k}:`).join('\n') + ' 1\n', { code: 'yaml.too-deep', line: MAX_YAML_DEPTH + 1 }],
    ['nested sequences on one line', `${'- '.repeat(MAX_YAML_DEPTH + 1)}x\n`, { code: 'yaml.too-deep', line: 1 }],
    ['99 aliases of a 100 KB node (was: an 89 MB report from an 825 KB file)', `a: &a ["${'x'.repeat(100_000)}"]\n${Array.from({ length: 99 }, (_, k) => `b${k}: *a`).join('\n')}\n`, { code: 'yaml.alias-limit' }],
    ['a 3 MB YAML file (was: 37 s and 3.2 GB at 5.5 MB)', `t: "${'x'.repeat(3_000_000)}"\n`, { code: 'io.too-large' }],
  ])('%s', (_what, text, want) => {
    expect(yamlCase(text)).toEqual([expect.objectContaining({ ...want, file: 'y.yaml' })]);
  });

  it('brackets inside quotes and comments do not count, and a normal rubric is far from the limit', () => {
    expect(parseYaml(`a: "${'['.repeat(200)}" # ${'{'.repeat(200)}\nb: '${'['.repeat(200)}'\n`, 'y.yaml').data).toEqual({ a: '['.repeat(200), b: '['.repeat(200) });
  });

  it('aliases within the size bound still expand', () => {
    expect(parseYaml('a: &a [1, 2]\nb: *a\n', 'y.yaml').data).toEqual({ a: [1, 2], b: [1, 2] });
  });
});
