import { createHash } from 'node:crypto';
import { memoised } from '../io/memo';
import { readFileSync } from 'node:fs';
import { traceMarket, type MarketTrace, type TraceContext } from '../analysis/trace';
import type { RankResult } from '../model/result';
import { writeCsv, type CsvCell } from './csv-writer';
import type { Shape } from '../model/scorecard-format';
import { escapeControls } from '../io/printable';

// The format's constants live in the model layer so the scorecard reader does not import the renderer.
export { LONG_HEAD, unneutralise, type Shape } from '../model/scorecard-format';
export type ProvenanceMode = 'header' | 'file' | 'none';

// Formula neutralisation lives in the one CSV writer; re-exported for callers of the scorecard renderer.
export { neutralise } from './csv-writer';


/**
 * One row per market × criterion, in ranking order then rubric order. A generator: export writes the rows as they
 * come, so 200,000 rows of cells are never alive at once (that heap made a third of export's time garbage collection).
 */
export function* longRows(ctx: TraceContext | { readonly result: RankResult; trace(id: string): MarketTrace }): Generator<CsvCell[]> {
  // A rubric run traces through its context; a plain table brings its own trace (analysis/table-trace.ts).
  const trace = 'trace' in ctx ? (id: string) => ctx.trace(id) : (id: string) => traceMarket(ctx, id);
  for (const a of ctx.result.ranking) {
    const t = trace(a.id);
    for (const c of t.conditions) {
      for (const k of c.criteria) {
        yield [
          t.id, t.name, c.id, k.criterionId,
          k.values.map((v) => v.indicator).join(' '),
          ...valueCells(k.values),
          k.fired, k.score, k.conditionWeight, k.criterionWeight, k.globalWeight, k.contribution, c.score, t.score, t.rank, t.tier ?? '', String(a.gated),
          [...new Set(k.values.flatMap((v) => v.evidence.map((f) => f.id)))].join(' '),
        ];
      }
    }
  }
}

/** `value` (a number, or empty) and `value_text` (text, or empty): never both, so each column has one type. */
function valueCells(values: readonly { indicator: string; value: number | string }[]): [CsvCell, CsvCell] {
  if (values.length === 1) return typeof values[0].value === 'number' ? [values[0].value, ''] : ['', values[0].value];
  return ['', values.map((v) => `${v.indicator} = ${v.value}`).join('; ')];
}

/**
 * One row per market: rank, score, tier, gated, binding, each criterion score, each condition score. A plain table
 * (rubric: null) has its criteria's values and no condition columns, since each criterion is its own condition.
 */
export function wideTable(ctx: TraceContext | { readonly rubric: null; readonly result: RankResult; trace(id: string): MarketTrace }): { head: string[]; rows: CsvCell[][] } {
  const { rubric, result } = ctx;
  if (!rubric) {
    // The criterion scores as the long shape has them (the value as the method reads it, or the value itself).
    const trace = (ctx as { trace(id: string): MarketTrace }).trace;
    const head = ['market', 'name', 'rank', 'score', 'tier', 'gated', 'binding', ...result.criteria.map((c) => c.id)];
    return { head, rows: result.ranking.map((a) => [a.id, a.name, a.rank, a.score, '', String(a.gated), '', ...trace(a.id).conditions.map((c) => c.score)]) };
  }
  const crit = rubric.criteria.map((k) => `${k.conditionId}.${k.id}`);
  const head = ['market', 'name', 'rank', 'score', 'tier', 'gated', 'binding', ...crit, ...rubric.conditions.map((c) => c.id)];
  const rows = result.ranking.map((a) => [
    a.id, a.name, a.rank, a.score, a.tier ?? '', String(a.gated), a.binding ?? '',
    ...result.criteria.map((c) => c.scores[a.row]),
    ...rubric.conditions.map((c) => a.conditions[c.id]),
  ]);
  return { head, rows };
}

export interface Provenance {
  readonly engine: string;
  readonly rubric: string;
  readonly rubricSha256: string;
  readonly rubricId: string;
  readonly data: string;
  readonly dataSha256: string;
  readonly method: string;
  readonly shape: Shape;
  readonly overrides: string;
  readonly scenario: string;
  readonly seed: string;
  /** Rubric-free: the criterion weights in force and the cost criteria, which the rubric would otherwise record. */
  readonly weights?: string;
  readonly cost?: string;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * `# key: value` lines: csv-parse reads past them with { comment: '#', comment_no_infix: true }; a user can delete
 * them. A value is one line whatever it holds: a path or scenario name with CR, LF or another control character is
 * written with escapes (`\r`, `\n`, `\xNN`, and `\\` for a backslash), so no value can end the comment and start
 * a record of its own.
 */
export function provenanceLines(p: Provenance): string {
  return Object.entries(p).map(([k, v]) => `# ${k}: ${escapeControls(String(v))}\n`).join('');
}

/**
 * Numbers at 12 significant digits, so a scorecard does not carry float noise (0.30000000000000004). Memoised:
 * 20,000 markets × 10 criteria write 200,000 rows of mostly recurring weights and scores, and toPrecision was a
 * third of export's time.
 */
const machine = memoised((n) => String(Number(n.toPrecision(12))));

export function scorecardCsv(head: readonly string[], rows: Iterable<CsvCell[]>, opts: { bom: boolean; provenance?: Provenance }): string {
  const body = writeCsv(withHead(head, rows), { number: machine });
  return (opts.bom ? '\ufeff' : '') + (opts.provenance ? provenanceLines(opts.provenance) : '') + body;
}

function* withHead(head: readonly string[], rows: Iterable<CsvCell[]>): Generator<readonly CsvCell[]> {
  yield head;
  yield* rows;
}
