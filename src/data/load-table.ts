import { listSome, UsageError } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import type { ColumnSpec } from './csv-table';
import { readCsvFile } from './stream-csv';
import type { InputReader } from '../io/read-input';

/**
 * Loads any CSV of alternatives × criteria for rubric-free ranking: an `id` column, an optional `name` column, and
 * numeric criterion columns (all other columns, or those named in `criteria`; the rest are not read).
 */
export function loadTable(file: string, criteria?: readonly string[], opts: { fast?: boolean; input?: InputReader } = {}): { dataset: Dataset; criteria: string[]; reader: 'fast' | 'csv-parse' } {
  let chosen: string[] = [];
  const cols = readCsvFile(file, (header) => {
    const candidates = header.filter((h) => h !== 'id' && h !== 'name');
    if (criteria) {
      const have = new Set(candidates);
      const missing = criteria.filter((c) => !have.has(c.normalize('NFC')));
      if (missing.length) throw new UsageError('usage.unknown-criterion', `--criteria names ${listSome(missing.map((m) => `'${m}'`))}, not a column of ${file}`, `columns: ${listSome(candidates)}`);
      chosen = criteria.map((c) => c.normalize('NFC'));
    } else chosen = candidates;
    if (chosen.length === 0) throw new UsageError('usage.no-criteria', `${file} has no criterion columns besides id and name`, 'add numeric columns to rank on');
    // A Set, not chosen.includes: a 200,000-column header made this quadratic (65 s).
    const numeric = new Set(chosen);
    return header.map((h): ColumnSpec => (h === 'id' || h === 'name' ? 'text' : numeric.has(h) ? 'number' : 'skip'));
  }, opts);
  const ids = cols.text.get('id')!;
  const numeric = new Map(chosen.map((c) => [c, cols.numeric.get(c)!]));
  const dataset: Dataset = Object.freeze({
    file, ids, names: cols.text.get('name') ?? ids, lines: cols.lines, numeric, categorical: new Map(),
    low: numeric, high: numeric, cells: new Map(),
  });
  return { dataset, criteria: chosen, reader: cols.reader };
}
