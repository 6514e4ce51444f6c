import { listSome, ProblemList } from '../errors/problem';
import { cellKey, type CellEvidence, type Dataset } from '../model/dataset';
import type { EvidenceLedger } from '../model/evidence';
import type { IndicatorDictionary } from '../model/indicator';
import { MAX_PROBLEMS_PER_FILE } from './csv-table';
import { readCsvFile } from './stream-csv';
import type { InputReader } from '../io/read-input';
import { checkId } from './check-id';
import { parseStrictNumber } from './strict-number';

const CELL_COLUMNS = ['market', 'indicator', 'low', 'high', 'evidence', 'rationale'] as const;

/**
 * Loads the companion file that says why each data cell holds its value: one row per market × indicator with an
 * optional low/high range, the evidence ids (space-separated) and the analyst's rationale. Every cell of the data
 * must have a row, every cited id must exist in the ledger, and low <= value <= high.
 */
export function loadCells(file: string, data: Dataset, dictionary: IndicatorDictionary, ledger: EvidenceLedger | undefined, input?: InputReader): Dataset {
  const cols = readCsvFile(file, (header, problems) => {
    CELL_COLUMNS.forEach((c) => {
      if (!header.includes(c)) problems.add({ code: 'cells.missing-column', line: 1, message: `has no '${c}' column`, hint: `the header is ${CELL_COLUMNS.join(',')}` });
    });
    return header.map(() => 'text');
  }, { idColumn: null, input });
  const problems = new ProblemList(file);
  const get = (c: string) => cols.text.get(c)!;
  const [market, indicator, lowS, highS, evidence, rationale] = CELL_COLUMNS.map(get);
  const rowOf = new Map(data.ids.map((id, r) => [id, r]));
  const low = new Map([...data.numeric].map(([k, v]) => [k, v.slice()]));
  const high = new Map([...data.numeric].map(([k, v]) => [k, v.slice()]));
  const cells = new Map<string, CellEvidence>();
  // Completeness is only meaningful when every row named a known market and indicator; decided once, not per cell.
  let rowsResolved = true;
  for (let r = 0; r < cols.rowCount && problems.items.length < MAX_PROBLEMS_PER_FILE; r++) {
    const line = cols.lines[r];
    const at = (field: string) => ({ line, column: CELL_COLUMNS.indexOf(field as never) + 1, path: `row ${market[r]}/${indicator[r]}, column ${field}` });
    // Both key columns go through the one id check: NFC form, no invisible characters.
    const m = checkId(market[r], 'market');
    const ind = checkId(indicator[r], 'indicator');
    if (typeof m !== 'string' || typeof ind !== 'string') {
      rowsResolved = false;
      if (typeof m !== 'string') problems.add({ ...m, ...at('market') });
      if (typeof ind !== 'string') problems.add({ ...ind, ...at('indicator') });
      continue;
    }
    const row = rowOf.get(m);
    if (row === undefined) {
      rowsResolved = false;
      problems.add({ code: 'cells.unknown-market', ...at('market'), message: `market '${m}' is not a row of ${data.file}`, hint: `markets: ${listSome(data.ids)}` });
      continue;
    }
    const def = dictionary.byId.get(ind);
    if (!def || (!data.numeric.has(ind) && !data.categorical.has(ind))) {
      rowsResolved = false;
      problems.add({ code: 'cells.unknown-indicator', ...at('indicator'), message: `indicator '${ind}' is not a column of ${data.file}`, hint: `columns: ${listSome(columnsOf(data))}` });
      continue;
    }
    const key = cellKey(m, ind);
    if (cells.has(key)) problems.add({ code: 'cells.duplicate', ...at('indicator'), message: `${m}/${ind} already has a row (line ${cells.get(key)!.line})`, hint: 'one row per market and indicator' });
    const ids = evidence[r].split(/\s+/).filter((s) => s.length > 0);
    if (ids.length === 0) problems.add({ code: 'cells.no-evidence', ...at('evidence'), message: 'cites no evidence', hint: 'name at least one fact id from the evidence ledger' });
    if (ledger) {
      for (const id of ids) {
        if (!ledger.byId.has(id)) problems.add({ code: 'cells.unknown-evidence', ...at('evidence'), message: `cites '${id}', which is not a fact in ${ledger.file}`, hint: 'add the fact to the ledger or correct the id' });
      }
    }
    if (rationale[r].trim().length === 0) problems.add({ code: 'cells.no-rationale', ...at('rationale'), message: 'gives no rationale', hint: 'say in a sentence why the value follows from the evidence' });
    let lo: number | undefined;
    let hi: number | undefined;
    const col = data.numeric.get(ind);
    for (const [field, text] of [['low', lowS[r]], ['high', highS[r]]] as const) {
      if (text === '') continue;
      if (!col) {
        problems.add({ code: 'cells.range-on-category', ...at(field), message: `${ind} is categorical and cannot have a ${field} value`, hint: 'leave low and high empty' });
        continue;
      }
      const v = parseStrictNumber(text);
      if (typeof v !== 'number') {
        problems.add({ code: v.code, ...at(field), message: v.message, hint: v.hint });
        continue;
      }
      if (def.scale && (v < def.scale.min || v > def.scale.max)) problems.add({ code: 'cells.out-of-scale', ...at(field), message: `${field} ${v} is outside the scale ${def.scale.min}–${def.scale.max} of ${ind}`, hint: `write a value from ${def.scale.min} to ${def.scale.max}` });
      if (field === 'low') lo = v;
      else hi = v;
    }
    if (col) {
      const value = col[row];
      if (lo !== undefined && lo > value) problems.add({ code: 'cells.bad-range', ...at('low'), message: `low ${lo} is above the value ${value}`, hint: 'low <= value <= high' });
      if (hi !== undefined && hi < value) problems.add({ code: 'cells.bad-range', ...at('high'), message: `high ${hi} is below the value ${value}`, hint: 'low <= value <= high' });
      if (lo !== undefined) low.get(ind)![row] = lo;
      if (hi !== undefined) high.get(ind)![row] = hi;
    }
    cells.set(key, { market: m, indicator: ind, low: lo, high: hi, evidence: ids, rationale: rationale[r], line });
  }
  for (const ind of rowsResolved ? columnsOf(data) : []) {
    for (const m of data.ids) {
      if (problems.items.length >= MAX_PROBLEMS_PER_FILE) break;
      if (!cells.has(cellKey(m, ind))) {
        problems.add({ code: 'cells.missing', message: `${data.file} has a value for ${m}/${ind} but no evidence row`, path: `${m}/${ind}`, hint: 'add a row: market,indicator,low,high,evidence,rationale' });
      }
    }
  }
  problems.throwIfErrors();
  return Object.freeze({ ...data, low, high, cells, cellsFile: file });
}

/** The indicator columns of a data set, numeric then categorical. */
function columnsOf(data: Dataset): string[] {
  return [...data.numeric.keys(), ...data.categorical.keys()];
}
