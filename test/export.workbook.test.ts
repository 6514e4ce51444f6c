import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { ROOT, tempDir } from './helpers';

const io = { isTTY: false, env: {} };

/** `moatscore export --format xlsx` in process; returns the file's bytes. */
function exportBook(args: string[] = []): Buffer {
  const out = join(tempDir(), 'card.xlsx');
  const r = run(['export', '--format', 'xlsx', '--output', out, ...args], io);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(out);
}

interface Line { readonly id: string; readonly rank: number; readonly score: number; readonly gated: boolean; readonly tier: string; readonly conditions: Record<string, number> }

/** `moatscore rank --format json` in process, as lines keyed by market id. */
function rankJson(args: string[]): Map<string, Line> {
  const r = run(['rank', '--format', 'json', ...args], io);
  expect(r.code, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout) as { ranking: Omit<Line, 'gated'>[]; gated: string[] };
  return new Map(j.ranking.map((a) => [a.id, { ...a, gated: j.gated.includes(a.id) }]));
}

async function readBook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const definedNames = (wb: ExcelJS.Workbook) => (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;

/**
 * The workbook loaded into HyperFormula, a spreadsheet engine, as a person's spreadsheet would hold it: every cell
 * value as typed, every formula as written, every defined name. Text goes in behind an apostrophe, the spreadsheet
 * convention for "this is text", so a name starting with = stays text here too.
 */
async function spreadsheet(bytes: Buffer, opts: { reverseRanking?: boolean } = {}) {
  const wb = await readBook(bytes);
  const sheets: Record<string, (string | number | boolean | null)[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: (string | number | boolean | null)[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 1; c <= ws.columnCount; c++) {
        const v = ws.getCell(r, c).value;
        if (v === null || v === undefined) row.push(null);
        else if (typeof v === 'number' || typeof v === 'boolean') row.push(v);
        else if (typeof v === 'string') row.push(`'${v}`);
        else if (typeof v === 'object' && 'formula' in v) row.push(`=${v.formula}`);
        else throw new Error(`unexpected cell ${ws.name}!${ws.getCell(r, c).address}: ${JSON.stringify(v)}`);
      }
      rows.push(row);
    }
    sheets[ws.name] = rows;
  }
  if (opts.reverseRanking) sheets.Ranking = reverseTable(sheets.Ranking);
  const names = definedNames(wb);
  const hf = HyperFormula.buildFromSheets(sheets, {
    licenseKey: 'gpl-v3',
    // Full doubles, as Excel and LibreOffice compute: HyperFormula's defaults round results to 10 decimals and
    // compare within 1e-13.
    precisionRounding: 15,
    precisionEpsilon: 0,
  }, names.map((n) => ({ name: n.name, expression: `=${n.ranges[0]}` })));
  const sheetId = (name: string) => hf.getSheetId(name)!;
  const at = (name: string) => {
    const ref = names.find((n) => n.name === name)!.ranges[0];
    const m = /^(\w+)!\$([A-Z]+)\$(\d+)$/.exec(ref)!;
    return { sheet: sheetId(m[1]), col: m[2].charCodeAt(0) - 65, row: Number(m[3]) - 1 };
  };
  return {
    hf,
    /** Types a number into the input cell a defined name points at. */
    set(name: string, value: number) {
      hf.setCellContents(at(name), [[value]]);
    },
    /** The Ranking sheet as the spreadsheet now computes it. */
    ranking(): Map<string, Line> {
      const values = hf.getSheetValues(sheetId('Ranking'));
      const head = values[0] as string[];
      const condCols = head.map((h, c) => [h, c] as const).slice(6).filter(([h]) => !h.startsWith('rank key') && h !== 'scorecard row');
      const lines = new Map<string, Line>();
      for (const row of values.slice(1)) {
        if (typeof row[0] !== 'number') break; // the notes below the table
        lines.set(row[1] as string, { id: row[1] as string, rank: row[0], score: row[3] as number, gated: row[4] as boolean, tier: row[5] as string, conditions: Object.fromEntries(condCols.map(([h, c]) => [h, row[c] as number])) });
      }
      return lines;
    },
    value(sheet: string, a1: string) {
      return hf.getCellValue(hf.simpleCellAddressFromString(a1, sheetId(sheet))!);
    },
  };
}

/**
 * Sorts a sheet's table rows into reverse order the way a spreadsheet's sort moves cells: each formula's
 * row-relative references (a column letter followed directly by digits, as in K2 or $L2) shift with its row;
 * absolute rows ($K$2) stay.
 */
function reverseTable(rows: (string | number | boolean | null)[][]): (string | number | boolean | null)[][] {
  const n = rows.slice(1).findIndex((r) => r.every((v) => v === null));
  const table = rows.slice(1, n + 1);
  const moved = table.map((_, k) => {
    const from = n + 1 - k; // 1-based sheet row the moved row came from
    const shift = k + 2 - from;
    return table[n - 1 - k].map((v) => (typeof v === 'string' && v.startsWith('=') ? v.replace(/(\$?[A-Z]+)(\d+)/g, (_m, col: string, row: string) => `${col}${Number(row) + shift}`) : v));
  });
  return [rows[0], ...moved, ...rows.slice(n + 1)];
}

function expectSameRanking(sheet: Map<string, Line>, cli: Map<string, Line>): void {
  expect([...sheet.keys()].sort()).toEqual([...cli.keys()].sort());
  for (const [id, want] of cli) {
    const got = sheet.get(id)!;
    expect({ id, rank: got.rank, gated: got.gated, tier: got.tier }).toEqual({ id, rank: want.rank, gated: want.gated, tier: want.tier });
    expect(Math.abs(got.score - want.score), `${id} score ${got.score} vs ${want.score}`).toBeLessThanOrEqual(1e-9);
    for (const [c, s] of Object.entries(want.conditions)) expect(Math.abs(got.conditions[c] - s), `${id} ${c}`).toBeLessThanOrEqual(1e-9);
  }
}

describe('export --format xlsx: structure read back with exceljs', () => {
  it('has the six sheets, a frozen header and a filter on each, and a defined name per weight', async () => {
    const wb = await readBook(exportBook());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Scorecard', 'Weights', 'Tiers', 'Evidence', 'Provenance']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
    }
    // pricing-power.yaml: 4 conditions with 2 + 2 + 3 + 3 criteria, and a gate threshold.
    const names = definedNames(wb);
    expect(names.map((n) => n.name)).toEqual([
      'w_outage_penalty', 'w_outage_penalty__severity', 'w_outage_penalty__state_stake',
      'w_integrated_stack', 'w_integrated_stack__combination', 'w_integrated_stack__lifecycle',
      'w_trust_procurement', 'w_trust_procurement__mode', 'w_trust_procurement__supplier_field', 'w_trust_procurement__verification',
      'w_switching_cost', 'w_switching_cost__installed_base', 'w_switching_cost__lock_in_signals', 'w_switching_cost__ai_resilience',
      'gate_threshold',
    ]);
    const weights = wb.getWorksheet('Weights')!;
    const input = (name: string) => weights.getCell(names.find((n) => n.name === name)!.ranges[0].split('!')[1].replace(/\$/g, ''));
    // Declared weights as written in rubrics/pricing-power.yaml.
    expect([input('w_switching_cost').value, input('w_outage_penalty__severity').value, input('gate_threshold').value]).toEqual([0.25, 0.6, 2.5]);
    for (const n of names) {
      const cell = input(n.name);
      expect(cell.type, n.name).toBe(ExcelJS.ValueType.Number);
      expect(cell.protection?.locked, n.name).toBe(false);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, n.name).toBe('FFFFF2CC');
    }
  });

  it('types numbers as numbers and formulas as formulas', async () => {
    const wb = await readBook(exportBook());
    const card = wb.getWorksheet('Scorecard')!;
    // Row 2 is defense, ranked first; its outage-penalty.severity criterion scores 5 (outage-severity 5, top band).
    expect(card.getCell('A2').value).toBe('defense');
    expect(card.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(card.getCell('C2').value).toBe(5);
    expect(card.getCell('M2').type).toBe(ExcelJS.ValueType.Formula);
    expect(card.getCell('M2').value).toEqual({ formula: 'Weights!$F$3*C2+Weights!$F$4*D2', result: 5 });
    const ranking = wb.getWorksheet('Ranking')!;
    expect(ranking.getCell('A2').value).toEqual({ formula: 'COUNTIF($K$2:$K$7,">"&K2)+1', result: 1 });
    const evidence = wb.getWorksheet('Evidence')!;
    const figures = evidence.getColumn(12).values.filter((v) => v !== null && v !== undefined).slice(1);
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.every((v) => typeof v === 'number')).toBe(true);
  });

  it('writes text that starts with = as a string, never as a formula', async () => {
    const dir = tempDir();
    const evil = '=HYPERLINK("http://example.invalid","click")';
    writeFileSync(join(dir, 'markets.csv'), readFileSync(join(ROOT, 'data', 'markets.csv'), 'utf8').replace('vran,Virtualised RAN and telecom radio,', `vran,"${evil.replace(/"/g, '""')}",`));
    const cells = parse(readFileSync(join(ROOT, 'data', 'cells.csv'), 'utf8')) as string[][];
    const why = cells[0].indexOf('rationale');
    cells.find((r) => r[0] === 'vran' && r[1] === 'outage-severity')![why] = '=1+1';
    writeFileSync(join(dir, 'cells.csv'), stringify(cells));
    const bytes = exportBook(['--rubric', 'rubrics/pricing-power.yaml', '--data', join(dir, 'markets.csv'), '--cells', join(dir, 'cells.csv'), '--evidence', 'seeds/evidence.yaml']);
    const wb = await readBook(bytes);
    const ranking = wb.getWorksheet('Ranking')!;
    const row = ranking.getColumn(2).values.indexOf('vran');
    expect(ranking.getCell(row, 3).type).toBe(ExcelJS.ValueType.String);
    expect(ranking.getCell(row, 3).value).toBe(evil);
    const evidence = wb.getWorksheet('Evidence')!;
    const rationale = evidence.getColumn(8).values.filter((v) => v === '=1+1');
    expect(rationale.length).toBeGreaterThan(0);
    // And a spreadsheet engine reads them as text too.
    const s = await spreadsheet(bytes);
    expect(s.value('Ranking', `C${row}`)).toBe(evil);
  });

  it('is byte-identical for the same inputs', () => {
    expect(exportBook().equals(exportBook())).toBe(true);
  });

  it('refuses --format xlsx without --output, and CSV-only options, before writing anything', () => {
    const none = run(['export', '--format', 'xlsx'], io);
    expect({ code: none.code, stdout: none.stdout }).toEqual({ code: 2, stdout: '' });
    expect(none.stderr).toContain('--format xlsx needs --output');
    const out = join(tempDir(), 'card.xlsx');
    const shape = run(['export', '--format', 'xlsx', '--output', out, '--shape', 'wide'], io);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain('--shape applies to CSV');
    expect(existsSync(out)).toBe(false);
  });

  it('under wpm writes scores and ranks as values and says that only wsm and gate recompute', async () => {
    const wb = await readBook(exportBook(['--method', 'wpm']));
    const ranking = wb.getWorksheet('Ranking')!;
    expect(ranking.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(ranking.getCell('D2').type).toBe(ExcelJS.ValueType.Number);
    const notes = ranking.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(notes.some((t) => t.includes('only wsm and gate recompute live'))).toBe(true);
    const cli = rankJson(['--method', 'wpm']);
    expect(ranking.getCell('B2').value).toBe([...cli.values()].find((a) => a.rank === 1)!.id);
  });
});

describe('export --format xlsx: recomputed by a spreadsheet engine equals rank --weight', () => {
  it('reproduces rank as exported, before any edit (gate)', async () => {
    const s = await spreadsheet(exportBook());
    expectSameRanking(s.ranking(), rankJson([]));
  });

  // "Switching cost matters twice as much" (issue #13): twice the other conditions' 0.25 is 0.5.
  for (const method of ['gate', 'wsm']) {
    it(`switching-cost ×2 under ${method}`, async () => {
      const s = await spreadsheet(exportBook(['--method', method]));
      s.set('w_switching_cost', 0.5);
      expectSameRanking(s.ranking(), rankJson(['--method', method, '--weight', 'switching-cost=0.5']));
    });

    it(`a criterion weight of 0 under ${method}`, async () => {
      const s = await spreadsheet(exportBook(['--method', method]));
      s.set('w_trust_procurement__mode', 0);
      expectSameRanking(s.ranking(), rankJson(['--method', method, '--weight', 'trust-procurement.mode=0']));
    });
  }

  it('condition weights of 0 under wsm, and ties ranked 1, 2, 2, 4', async () => {
    const s = await spreadsheet(exportBook(['--method', 'wsm']));
    for (const c of ['w_outage_penalty', 'w_integrated_stack', 'w_trust_procurement']) s.set(c, 0);
    const sheet = s.ranking();
    // Only switching-cost weighs: subsea 4.5, defense and biometrics 4.125 each (data/markets.csv), public DX 3.875.
    expect(['subsea', 'defense', 'biometrics', 'public-dx'].map((id) => sheet.get(id)!.rank)).toEqual([1, 2, 2, 4]);
    expectSameRanking(sheet, rankJson(['--method', 'wsm', '--weight', 'outage-penalty=0', '--weight', 'integrated-stack=0', '--weight', 'trust-procurement=0']));
  });

  it('still holds after the Ranking rows are sorted (reversed), as a person sorting by a column would', async () => {
    const s = await spreadsheet(exportBook(), { reverseRanking: true });
    expect(s.value('Ranking', 'B2')).toBe('cloud'); // ranked last at export, now on top
    s.set('w_switching_cost', 0.5);
    expectSameRanking(s.ranking(), rankJson(['--weight', 'switching-cost=0.5']));
  });

  it('a condition weight of 0 under gate', async () => {
    // At the rubric's threshold 2.5 no market has integrated-stack as its only condition below it, so this case
    // reads the same under the zero-weight rule (next test) and under any rule that still lets it gate.
    const s = await spreadsheet(exportBook());
    s.set('w_integrated_stack', 0);
    expectSameRanking(s.ranking(), rankJson(['--weight', 'integrated-stack=0']));
  });

  it('the gate cap bites: vran averages above the threshold but its weakest condition is below it', async () => {
    const s = await spreadsheet(exportBook());
    s.set('w_outage_penalty', 20);
    const sheet = s.ranking();
    // vran (data/markets.csv via rank): outage-penalty 2.55 with weight 20/20.75, the others (1.71855865354, 1.45,
    // 2.125) with 0.25/20.75 each: overall = (51 + 0.25 × 5.29355865354) / 20.75 = 2.52161…, weakest 1.45 < 2.5,
    // so the score is 2.5.
    expect(sheet.get('vran')!.gated).toBe(true);
    expect(sheet.get('vran')!.score).toBe(2.5);
    expect(expectNumber(s.value('Scorecard', 'Q6'))).toBeCloseTo((51 + 0.25 * (1.71855865354 + 1.45 + 2.125)) / 20.75, 11);
    expectSameRanking(sheet, rankJson(['--weight', 'outage-penalty=20']));
  });

  it('a condition with weight 0 cannot gate (zero-weight rule of src/methods/gate.ts)', async () => {
    const s = await spreadsheet(exportBook());
    // Threshold 3.6: subsea's only condition below it is trust-procurement (3.525), so subsea is capped at 3.6 …
    s.set('gate_threshold', 3.6);
    expect(s.ranking().get('subsea')).toMatchObject({ gated: true, score: 3.6 });
    // … until trust-procurement's weight is 0: then it is out of the model, and subsea scores the mean of
    // outage-penalty 5, integrated-stack 3.63711730709 and switching-cost 4.5 = 4.37903910236, uncapped.
    s.set('w_trust_procurement', 0);
    const subsea = s.ranking().get('subsea')!;
    expect(subsea.gated).toBe(false);
    expect(subsea.score).toBeCloseTo((5 + 3.63711730709 + 4.5) / 3, 10);
  });
});

describe('export --format xlsx: tiers recompute from the rubric expressions', () => {
  it('a market the gate newly caps drops to the gate tier (pricing-power.yaml gate.tier: exposed)', async () => {
    const s = await spreadsheet(exportBook());
    expect(s.ranking().get('biometrics')).toMatchObject({ tier: 'entrenched', gated: false });
    // biometrics' weakest condition is outage-penalty 3.65: a threshold of 3.7 gates it.
    s.set('gate_threshold', 3.7);
    expect(s.ranking().get('biometrics')).toMatchObject({ tier: 'exposed', gated: true, score: 3.7 });
    // defense's weakest is 3.854: not gated, and its risk cap still holds it at selective.
    expect(s.ranking().get('defense')).toMatchObject({ tier: 'selective', gated: false });
  });

  it('weakest leaves out conditions with weight 0, so a tier can rise (zero-weight rule of src/methods/gate.ts)', async () => {
    const s = await spreadsheet(exportBook(['--method', 'wsm']));
    // vran: outage-penalty 2.55, integrated-stack 1.719, trust-procurement 1.45, switching-cost 2.125. With only
    // outage-penalty weighted, overall = weakest = 2.55: "weakest >= 2.5" makes it selective, not entrenched
    // (overall < 3.75).
    for (const c of ['w_integrated_stack', 'w_trust_procurement', 'w_switching_cost']) s.set(c, 0);
    expect(s.ranking().get('vran')).toMatchObject({ tier: 'selective' });
    expect(s.value('Scorecard', 'R6')).toBe(2.55);
  });
});

function expectNumber(v: unknown): number {
  expect(typeof v).toBe('number');
  return v as number;
}
