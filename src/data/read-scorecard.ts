import { parse } from 'csv-parse/sync';
import { InputError } from '../errors/problem';
import { decodeUtf8, MAX_DATA_INPUT_BYTES, readInputFile } from '../io/read-input';
import { LONG_HEAD, unneutralise, type Shape } from '../render/scorecard';

export interface Scorecard {
  readonly file: string;
  readonly shape: Shape;
  readonly provenance: Readonly<Record<string, string>>;
  readonly head: readonly string[];
  /** Records keyed by column, text un-neutralised, numbers as numbers. */
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

/** Columns that hold numbers in each shape (everything else is text). */
const LONG_NUMERIC = new Set(['criterion_score', 'condition_weight', 'criterion_weight', 'global_weight', 'contribution', 'condition_score', 'score', 'rank']);

/**
 * Reads an exported scorecard back: optional BOM, optional `# key: value` provenance lines, the CSV. Shape is told
 * by the header (long has a `criterion` column). Formula neutralisation is undone and numeric columns become numbers,
 * so export → read gives the same numbers.
 */
export function readScorecard(file: string): Scorecard {
  const text = decodeUtf8(readInputFile(file, MAX_DATA_INPUT_BYTES), file).replace(/^\ufeff/, '');
  const provenance: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^# ([a-zA-Z0-9]+): (.*)$/.exec(line);
    if (!m) break;
    provenance[m[1]] = m[2];
  }
  let records: string[][];
  try {
    // comment_no_infix: a # inside a record ("C# Corp") is text, only a # opening a line starts a comment.
    records = parse(text, { comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw InputError.one({ code: 'csv.malformed', file, message: (e as Error).message, hint: 'diff reads scorecards written by moatscore export' });
  }
  if (records.length === 0) throw InputError.one({ code: 'csv.no-header', file, message: 'has no header line', hint: 'diff reads scorecards written by moatscore export' });
  const head = records[0].map(unneutralise);
  const shape: Shape | undefined = LONG_HEAD.every((h) => head.includes(h)) ? 'long' : head[0] === 'market' && head.includes('rank') && head.includes('score') ? 'wide' : undefined;
  if (!shape) throw InputError.one({ code: 'scorecard.unknown-shape', file, line: 1, message: `is not a moatscore scorecard (header: ${head.slice(0, 6).join(',')}…)`, hint: 'export one with moatscore export --shape long|wide' });
  const numeric = (col: string) => (shape === 'long' ? LONG_NUMERIC.has(col) : !['market', 'name', 'tier', 'binding'].includes(col));
  const rows = records.slice(1).map((r, i) => {
    const rec: Record<string, string | number> = {};
    head.forEach((h, k) => {
      const cell = r[k] ?? '';
      if (numeric(h) && cell !== '') {
        const v = Number(cell);
        if (!Number.isFinite(v)) throw InputError.one({ code: 'data.not-a-number', file, line: i + 2, column: k + 1, path: `column ${h}`, message: `'${cell}' is not a number`, hint: 'diff reads scorecards written by moatscore export' });
        rec[h] = v;
      } else rec[h] = unneutralise(cell);
    });
    return rec;
  });
  return { file, shape, provenance, head, rows };
}
