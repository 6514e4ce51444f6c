import { UsageError } from '../errors/problem';
import { printable } from '../io/printable';
import { writeCsv, type CsvCell } from './csv-writer';
import type { FormatId } from './renderer';

/**
 * A plain table of cells for the analysis commands (scenarios, weights, sensitivity): one shape, four formats, so
 * every command prints table, md, csv and json the same way. `numeric` columns are right-aligned.
 */
export interface Grid {
  readonly title?: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
  readonly notes?: readonly string[];
}

/** The cell that means "no value": shown as — in tables, written empty in CSV and null in JSON. */
export const NONE = '—';

const text = (c: CsvCell, digits: number) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(digits)) : printable(c));

export function renderGrid(g: Grid, format: FormatId, digits = 3): string {
  switch (format) {
    case 'csv':
      return writeCsv([g.head, ...g.rows.map((r) => r.map((c) => (typeof c === 'number' ? Number(c.toPrecision(12)) : c === NONE ? '' : c)))]);
    case 'json':
      return JSON.stringify(g.rows.map((r) => Object.fromEntries(g.head.map((h, k) => [h, typeof r[k] === 'number' ? Number((r[k] as number).toPrecision(12)) : r[k] === NONE ? null : r[k]]))), null, 2) + '\n';
    case 'md': {
      const esc = (s: string) => printable(s).replace(/\|/g, '\\|');
      const numeric = g.head.map((_, k) => g.rows.length > 0 && g.rows.every((r) => typeof r[k] === 'number'));
      return [
        ...(g.title ? [`### ${esc(g.title)}`, ''] : []),
        `| ${g.head.map(esc).join(' | ')} |`,
        `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
        ...g.rows.map((r) => `| ${r.map((c) => esc(text(c, digits))).join(' | ')} |`),
        ...(g.notes?.length ? ['', ...g.notes.map((n) => `${esc(n)}  `)] : []),
      ].join('\n') + '\n';
    }
    case 'table': {
      const cells = g.rows.map((r) => r.map((c) => text(c, digits)));
      const numeric = g.head.map((_, k) => g.rows.length > 0 && g.rows.every((r) => typeof r[k] === 'number'));
      const head = g.head.map(printable);
      const width = head.map((h, k) => cells.reduce((w, r) => Math.max(w, r[k].length), h.length));
      const line = (r: readonly string[]) => r.map((c, k) => (numeric[k] ? c.padStart(width[k]) : c.padEnd(width[k]))).join('  ').trimEnd();
      return [...(g.title ? [printable(g.title), ''] : []), line(head), line(width.map((w) => '-'.repeat(w))), ...cells.map(line), ...(g.notes?.length ? ['', ...g.notes.map(printable)] : [])].join('\n') + '\n';
    }
    default:
      throw new UsageError('usage.unknown-format', `unknown format '${String(format)}'`, 'choose one of: table, md, json, csv');
  }
}

export const GRID_FORMATS: readonly FormatId[] = ['table', 'md', 'json', 'csv'];

export function gridFormat(f: string | undefined): FormatId {
  const id = (f ?? 'table') as FormatId;
  if (!GRID_FORMATS.includes(id)) throw new UsageError('usage.unknown-format', `unknown format '${f}'`, `choose one of: ${GRID_FORMATS.join(', ')}`);
  return id;
}
