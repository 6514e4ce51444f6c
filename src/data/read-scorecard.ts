import { InputError, ProblemList } from '../errors/problem';
import { decodeUtf8, fileSystemReader, readInputFile, type InputReader } from '../io/read-input';
import { LONG_KEY, LONG_NUMERIC, MAY_BE_EMPTY, unneutralise, WIDE_TEXT, type Shape } from '../model/scorecard-format';
import { checkId, UniqueIds } from './check-id';
import { eachCsvRecord } from './csv-records';
import { MAX_FIELD_CHARS, MAX_PROBLEMS_PER_FILE } from './csv-table';
import { parseStrictNumber } from './strict-number';

export interface Scorecard {
  readonly file: string;
  readonly shape: Shape;
  readonly provenance: Readonly<Record<string, string>>;
  readonly head: readonly string[];
  /** Records keyed by column, text un-neutralised, numbers as numbers, market ids in NFC form. */
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

/**
 * Scorecards are read whole (csv-parse holds every record as strings, about ten times the file in memory), so they
 * have their own, smaller limit than data files: a 20,000-market long export is about 60 MB.
 */
export const MAX_SCORECARD_BYTES = 128 * 1024 * 1024;

const HINT = 'diff reads scorecards written by moatscore export';

/**
 * Reads an exported scorecard back: optional BOM, optional `# key: value` provenance lines, the CSV. Shape is told
 * by the header (long has a `criterion` column). Formula neutralisation is undone and numeric columns become numbers
 * through the data loader's strict number grammar, so ` `, `0x10` or an empty rank are errors, not 0, 16 or a move.
 * Market ids get the one id check; a market twice (wide) or a market × criterion twice (long) is an error.
 */
export function readScorecard(file: string, input: InputReader = fileSystemReader): Scorecard {
  const text = decodeUtf8(readInputFile(file, MAX_SCORECARD_BYTES, input), file).replace(/^\ufeff/, '');
  const provenance = provenanceBlock(text);
  // export's default puts the block beside the scorecard (FILE.provenance.txt); read it there when the file has none.
  const sidecar = `${file}.provenance.txt`;
  if (Object.keys(provenance).length === 0 && input.exists(sidecar)) Object.assign(provenance, provenanceBlock(decodeUtf8(readInputFile(sidecar, MAX_SCORECARD_BYTES, input), sidecar)));
  const problems = new ProblemList(file);
  const markets = new UniqueIds(problems, 'market', 'scorecard.duplicate-market');
  const longKeys = new UniqueIds(problems, 'market × criterion', 'scorecard.duplicate-market');
  const rows: Record<string, string | number>[] = [];
  let head: string[] | undefined;
  let shape: Shape | undefined;
  let numeric: boolean[] = [];
  // Records are consumed as they are read (csv-records.ts: a fast split, csv-parse for records with quotes).
  const onRecord = (record: string[], line: number): void => {
    if (!head) {
      head = record.map(unneutralise);
      const h = head;
      shape = LONG_KEY.every((x) => h.includes(x)) ? 'long' : h[0] === 'market' && h.includes('rank') && h.includes('score') ? 'wide' : undefined;
      if (!shape) throw InputError.one({ code: 'scorecard.unknown-shape', file, line, message: `is not a moatscore scorecard (header: ${h.slice(0, 6).join(',')}…)`, hint: 'export one with moatscore export --shape long|wide' });
      numeric = h.map((x) => (shape === 'long' ? LONG_NUMERIC.has(x) : !WIDE_TEXT.has(x)));
      return;
    }
    if (problems.items.length >= MAX_PROBLEMS_PER_FILE) return;
    if (record.length !== head.length) {
      problems.add({ code: 'csv.ragged-row', line, message: `has ${record.length} fields, the header has ${head.length}`, hint: HINT });
      return;
    }
    const rec: Record<string, string | number> = {};
    for (let k = 0; k < head.length; k++) {
      const h = head[k];
      const cell = record[k];
      if (!numeric[k]) {
        rec[h] = unneutralise(cell);
        continue;
      }
      if (cell === '' && MAY_BE_EMPTY.has(h)) continue;
      const v = parseStrictNumber(cell);
      if (typeof v === 'number') rec[h] = v;
      else problems.add({ code: v.code, line, column: k + 1, path: `row ${record[0]}, column ${h}`, message: v.message, hint: v.hint });
    }
    const raw = String(rec.market);
    const id = shape === 'wide' ? markets.add(raw, { line, column: 1, path: `row ${raw}` }) : checkedMarket(raw, line, problems);
    if (id === undefined) return;
    rec.market = id;
    if (shape === 'long') longKeys.add(`${id}/${rec.condition}.${rec.criterion}`, { line, column: 1, path: `row ${raw}, criterion ${rec.condition}.${rec.criterion}` });
    rows.push(rec);
  };
  try {
    eachCsvRecord(text, MAX_FIELD_CHARS, onRecord);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as Error & { lines?: number };
    throw InputError.one({ code: 'csv.malformed', file, line: err.lines, message: err.message.replace(/^[^:]*: /, ''), hint: HINT });
  }
  if (!head || !shape) throw InputError.one({ code: 'csv.no-header', file, message: 'has no header line', hint: HINT });
  problems.throwIfErrors();
  return { file, shape, provenance, head, rows };
}

/** The leading `# key: value` lines of a text, as written by render/scorecard.ts provenanceLines. */
function provenanceBlock(text: string): Record<string, string> {
  const provenance: Record<string, string> = {};
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const m = /^# ([a-zA-Z0-9]+): (.*)$/.exec(text.slice(at, nl === -1 ? text.length : nl));
    if (!m) break;
    provenance[m[1]] = m[2];
    at = nl === -1 ? text.length : nl + 1;
  }
  return provenance;
}

/** In a long scorecard a market has one row per criterion: its id is checked, not required to be unique. */
function checkedMarket(raw: string, line: number, problems: ProblemList): string | undefined {
  const id = checkId(raw, 'market');
  if (typeof id === 'string') return id;
  problems.add({ ...id, line, column: 1, path: `row ${raw}` });
  return undefined;
}
