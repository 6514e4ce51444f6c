import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, tempDir } from './helpers';

/**
 * Issue #13 item 2, as LibreOffice's default import sees a CSV: row 1 is the header, and each column holds one type
 * (numbers, or text; empty cells allowed) so it sorts, filters and sums without a manual range or a mixed column.
 */
const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

/** Columns holding both a number and a text cell: what must be empty. */
function mixedColumns(csv: string): string[] {
  const rows = parse(csv, { bom: true }) as string[][];
  const [head, ...body] = rows;
  return head.filter((_, k) => {
    const cells = body.map((r) => r[k]).filter((c) => c !== '');
    return cells.some(isNumber) && cells.some((c) => !isNumber(c));
  });
}

const gatedOf = (csv: string, idColumn: string) => (parse(csv, { columns: true, bom: true }) as Record<string, string>[]).filter((r) => r.gated === 'true').map((r) => r[idColumn]).sort();
const PROVENANCE_KEYS = ['engine', 'rubric', 'rubricSha256', 'rubricId', 'data', 'dataSha256', 'method', 'shape', 'overrides', 'scenario', 'seed'];

describe('export --output: a CSV that opens cleanly in a spreadsheet', () => {
  const dir = tempDir();
  const out = join(dir, 'card.csv');
  const run = cli(['export', '--output', out, '--bom']);
  const text = readFileSync(out, 'utf8');
  // NEC data under the rubric's gate: vran and cloud have a condition below the threshold (rank --format json).
  const gatedJson = (JSON.parse(cli(['rank', '--format', 'json']).stdout).gated as string[]).slice().sort();

  it('row 1 is the header, after the BOM only: provenance went to the sidecar', () => {
    expect(run.code).toBe(0);
    expect(text.startsWith('\ufeffmarket,name,condition,criterion,indicators,value,value_text,rule,')).toBe(true);
    expect(text).not.toMatch(/^#/m);
  });
  it('the sidecar card.csv.provenance.txt holds every provenance key', () => {
    const side = join(dir, 'card.csv.provenance.txt');
    expect(existsSync(side)).toBe(true);
    const keys = readFileSync(side, 'utf8').trimEnd().split('\n').map((l) => /^# ([a-zA-Z0-9]+): /.exec(l)![1]);
    expect(keys).toEqual(PROVENANCE_KEYS);
  });
  it('every column of the long shape is all numbers or all text', () => {
    expect(mixedColumns(text)).toEqual([]);
  });
  it('the gated column is true exactly for the markets rank --format json lists as gated', () => {
    expect(gatedJson).toEqual(['cloud', 'vran']);
    expect([...new Set(gatedOf(text, 'market'))]).toEqual(gatedJson);
    expect(gatedOf(cli(['export', '--shape', 'wide']).stdout, 'market')).toEqual(gatedJson);
    expect(gatedOf(cli(['rank', '--format', 'csv']).stdout, 'id')).toEqual(gatedJson);
  });
  it('a criterion reading one number has it in value; several indicators or a category go to value_text', () => {
    const rows = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const at = (c: string) => rows.find((r) => r.market === 'defense' && r.criterion === c)!;
    expect([at('severity').value, at('severity').value_text]).toEqual(['5', '']);
    expect([at('combination').value, at('combination').value_text]).toEqual(['', 'proprietary-tech = 3.5; local-delivery = 4']);
    expect([at('mode').value, at('mode').value_text]).toEqual(['', 'sovereign']);
  });
  it.each([
    ['export wide', ['export', '--shape', 'wide']],
    ['rank csv', ['rank', '--format', 'csv']],
    ['scenarios csv', ['scenarios', '--format', 'csv']],
  ])('%s: every column all numbers or all text', (_, args) => {
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(mixedColumns(r.stdout)).toEqual([]);
  });
  it('diff of two such exports: typed columns, gated beside the ranks', () => {
    const other = join(dir, 'twice.csv');
    expect(cli(['export', '--output', other, '--weight', 'switching-cost=x2']).code).toBe(0);
    const d = cli(['diff', out, other, '--format', 'csv']);
    expect(d.code).toBe(0);
    expect(mixedColumns(d.stdout)).toEqual([]);
    expect(gatedOf(d.stdout.replace(/new_gated/, 'gated'), 'market')).toEqual(gatedJson);
  });
});

describe('where the provenance goes', () => {
  it('standard output, by default: nowhere (no # lines in the CSV)', () => {
    const r = cli(['export']);
    expect(r.stdout.startsWith('market,')).toBe(true);
    expect(r.stderr).toBe('');
  });
  it('--provenance header keeps the # block; with --bom the BOM comes before the first # line', () => {
    const r = cli(['export', '--provenance', 'header', '--bom']);
    expect(r.stdout.startsWith('\ufeff# engine: moatscore ')).toBe(true);
    expect(r.stdout.split('\n')[PROVENANCE_KEYS.length]).toMatch(/^market,/);
  });
  it('--provenance none with --output writes no sidecar', () => {
    const dir = tempDir();
    expect(cli(['export', '--provenance', 'none', '--output', join(dir, 'c.csv')]).code).toBe(0);
    expect(existsSync(join(dir, 'c.csv.provenance.txt'))).toBe(false);
  });
});
