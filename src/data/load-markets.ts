import { listSome, ProblemList } from '../errors/problem';
import type { Dataset } from '../model/dataset';
import { isNumericKind, type IndicatorDictionary } from '../model/indicator';
import { MAX_PROBLEMS_PER_FILE, type ColumnSpec } from './csv-table';
import { readCsvFile } from './stream-csv';
import type { InputReader } from '../io/read-input';

/**
 * Loads a market data CSV whose columns are declared in an indicator dictionary: `id`, optional `name`, then one
 * column per indicator. Checks every value against its declaration (scale, integer counts, categories).
 */
export function loadMarkets(file: string, dictionary: IndicatorDictionary, input?: InputReader): Dataset {
  const cols = readCsvFile(file, (header, problems) => header.map((h, c): ColumnSpec => {
    if (h === 'id' || h === 'name') return 'text';
    const ind = dictionary.byId.get(h);
    if (!ind) {
      // Capped like cell problems: a 200,000-column header is one file to fix, not 200,000 lines to read.
      if (problems.items.length < MAX_PROBLEMS_PER_FILE) problems.add({ code: 'data.unknown-column', line: 1, column: c + 1, path: `column ${h}`, message: `column '${h}' is not declared in ${dictionary.file}`, hint: `declare it there, or rename it to one of: ${listSome(dictionary.byId.keys())}` });
      return 'skip';
    }
    return isNumericKind(ind.kind) ? 'number' : 'text';
  }), { input });
  const problems = new ProblemList(file);
  const ids = cols.text.get('id')!;
  const names = cols.text.get('name') ?? ids;
  const categorical = new Map<string, string[]>();
  const numeric = new Map<string, Float64Array>();
  cols.header.forEach((h, c) => {
    const ind = dictionary.byId.get(h);
    if (!ind) return;
    const where = (r: number) => ({ line: cols.lines[r], column: c + 1, path: `row ${ids[r]}, column ${h}` });
    if (ind.kind === 'category') {
      const values = cols.text.get(h)!;
      const allowed = Object.keys(ind.categories ?? {});
      values.forEach((v, r) => {
        if (problems.items.length < MAX_PROBLEMS_PER_FILE && !allowed.includes(v)) problems.add({ code: 'data.unknown-category', ...where(r), message: `'${v}' is not a category of ${h} in ${dictionary.file}`, hint: `write one of: ${listSome(allowed)}` });
      });
      categorical.set(h, values);
      return;
    }
    const col = cols.numeric.get(h)!;
    col.forEach((v, r) => {
      if (problems.items.length >= MAX_PROBLEMS_PER_FILE) return;
      if (ind.scale && (v < ind.scale.min || v > ind.scale.max)) problems.add({ code: 'data.out-of-scale', ...where(r), message: `${v} is outside the scale ${ind.scale.min}–${ind.scale.max} of ${h} in ${dictionary.file}`, hint: `write a value from ${ind.scale.min} to ${ind.scale.max}` });
      if (ind.kind === 'count' && (!Number.isInteger(v) || v < 0)) problems.add({ code: 'data.not-a-count', ...where(r), message: `${v} is not a whole number of ${ind.unit ?? 'items'}`, hint: 'counts are whole numbers >= 0' });
      if ((ind.kind === 'years' || ind.kind === 'amount') && v < 0) problems.add({ code: 'data.negative', ...where(r), message: `${v} is negative`, hint: `${ind.kind} cannot be negative` });
    });
    numeric.set(h, col);
  });
  problems.throwIfErrors();
  return Object.freeze({
    file, ids, names, lines: cols.lines, numeric, categorical,
    low: new Map([...numeric].map(([k, v]) => [k, v.slice()])),
    high: new Map([...numeric].map(([k, v]) => [k, v.slice()])),
    cells: new Map(),
  });
}
