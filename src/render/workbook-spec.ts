import type * as ExcelJSModule from 'exceljs';

/**
 * A workbook as plain data: what `buildWorkbookSpec` decides (sheets, cells, formulas, names) apart from how exceljs
 * writes it. Plain data crosses to the worker thread that writes the bytes (src/io/xlsx-bytes.ts) by structured
 * clone, and tests can read it without unzipping anything.
 *
 * A string cell is always text: it is written as a string value and never parsed, even when it starts with `=`
 * (no formula from user text). Only `{ formula }` cells are formulas, and only moatscore writes those.
 */
export type CellSpec =
  | null
  | string
  | number
  | boolean
  | { readonly formula: string; readonly result: number | string | boolean }
  /** An editable input: filled, unlocked, and usually the target of a defined name. */
  | { readonly input: number };

export interface ColumnSpec {
  readonly header: string;
  /** Width in characters. */
  readonly width: number;
  /** Excel number format for the column's numbers, e.g. `0.000`. */
  readonly numFmt?: string;
}

export interface SheetSpec {
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly (readonly CellSpec[])[];
  /** Lines of text below the table, after one blank row: what the sheet does and does not recompute. */
  readonly notes?: readonly string[];
}

export interface DefinedNameSpec {
  readonly name: string;
  readonly sheet: string;
  /** An A1 address, e.g. `E2`. */
  readonly cell: string;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  readonly names: readonly DefinedNameSpec[];
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A column width that fits the header and the longest text or number, within reason. */
function fit(header: string, rows: readonly (readonly CellSpec[])[], c: number, numFmt?: string): ColumnSpec {
  let w = Math.min(header.length, 24);
  for (const r of rows) {
    const v = r[c];
    const text = typeof v === 'string' ? v : typeof v === 'number' || (v !== null && typeof v === 'object') ? '0.0000' : String(v ?? '');
    w = Math.max(w, text.length);
  }
  return { header, width: Math.min(Math.max(w + 2, 8), 60), numFmt };
}

export function sheetTable(name: string, heads: readonly (readonly [string, string?])[], rows: CellSpec[][], notes?: string[]): SheetSpec {
  return { name, columns: heads.map(([h, fmt], c) => fit(h, rows, c, fmt)), rows, notes };
}

/** Fixed file dates: the same inputs give byte-identical workbooks (docProps/core.xml and the zip headers). */
export const FIXED_DATE = '2000-01-01T00:00:00.000Z';

/**
 * Turns a spec into an exceljs workbook. This function runs inside a worker thread from its source text
 * (`toExcelWorkbook.toString()`), so it must stay self-contained: no imports, no module-level helpers, only its
 * arguments and globals.
 */
export function toExcelWorkbook(ExcelJS: typeof ExcelJSModule, spec: WorkbookSpec): ExcelJSModule.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'moatscore';
  wb.lastModifiedBy = 'moatscore';
  wb.created = new Date(Date.UTC(2000, 0, 1)); // FIXED_DATE, written out: this function cannot read the module
  wb.modified = new Date(Date.UTC(2000, 0, 1));
  // Formulas carry moatscore's results as cached values; a spreadsheet still recomputes them on opening.
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'A2' }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'top', wrapText: true };
    sheet.rows.forEach((cells, r) => {
      cells.forEach((v, c) => {
        if (v === null) return;
        const cell = ws.getCell(r + 2, c + 1);
        if (typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula, result: v.result } as ExcelJSModule.CellFormulaValue;
        else if (typeof v === 'object') {
          cell.value = v.input;
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
          cell.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
          cell.protection = { locked: false };
        } else {
          // A string is a text value: exceljs writes it as a shared string whatever its first character.
          cell.value = v;
        }
      });
    });
    if (sheet.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: sheet.rows.length + 1, column: sheet.columns.length } };
    (sheet.notes ?? []).forEach((line, k) => {
      ws.getCell(sheet.rows.length + 3 + k, 1).value = line;
    });
  }
  for (const n of spec.names) wb.definedNames.add(`${n.sheet}!$${n.cell.replace(/^([A-Z]+)(\d+)$/, '$1$$$2')}`, n.name);
  return wb;
}
