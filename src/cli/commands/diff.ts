import { InputError, listSome, UsageError } from '../../errors/problem';
import { cellKey } from '../../model/dataset';
import { formatMove, MOVE_LEGEND } from '../../model/result';
import { readScorecard, type Scorecard } from '../../data/read-scorecard';
import { gridFormat, NONE, renderGrid, type Grid } from '../../render/grid';
import type { Command } from '../command';
import { DIFF_HELP } from '../help';
import { HELP_OPTION, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath } from '../paths';

export interface ScorecardDiff {
  readonly markets: Grid;
  readonly criteria: Grid;
}

const criteriaOf = (s: Scorecard): string[] => (s.shape === 'long' ? [...new Set(s.rows.map((r) => `${r.condition}.${r.criterion}`))] : s.head.filter((h) => h.includes('.')));

/** Each market's rank and score; the reader has already refused duplicates, so a long scorecard's rows agree. */
function marketsOf(s: Scorecard): Map<string, { rank: number; score: number; gated: string }> {
  const m = new Map<string, { rank: number; score: number; gated: string }>();
  // Scorecards written before the gated column have none: shown as — (NONE), not guessed.
  for (const r of s.rows) if (!m.has(r.market as string)) m.set(r.market as string, { rank: r.rank as number, score: r.score as number, gated: r.gated === undefined ? NONE : String(r.gated) });
  return m;
}

/** market × criterion → contribution (long) or criterion score (wide). */
function valuesOf(s: Scorecard, criteria: readonly string[]): Map<string, number> {
  const v = new Map<string, number>();
  for (const r of s.rows) {
    if (s.shape === 'long') v.set(cellKey(r.market as string, `${r.condition}.${r.criterion}`), r.contribution as number);
    else for (const c of criteria) v.set(cellKey(r.market as string, c), r[c] as number);
  }
  return v;
}

/** Rank moves and score changes per market, and the criteria whose contribution (long) or score (wide) moved most. */
export function diffScorecards(a: Scorecard, b: Scorecard, top = 10): ScorecardDiff {
  if (a.shape !== b.shape) throw InputError.one({ code: 'scorecard.shape-mismatch', file: b.file, message: `is a ${b.shape} scorecard but ${a.file} is ${a.shape}`, hint: 'export both with the same --shape' });
  if (a.provenance.rubricId && b.provenance.rubricId && a.provenance.rubricId !== b.provenance.rubricId) {
    throw InputError.one({ code: 'scorecard.rubric-mismatch', file: b.file, message: `was scored with rubric '${b.provenance.rubricId}', ${a.file} with '${a.provenance.rubricId}'`, hint: 'diff compares two scorecards of one rubric' });
  }
  const ca = criteriaOf(a);
  const cb = criteriaOf(b);
  const inA = new Set(ca);
  const inB = new Set(cb);
  const onlyA = ca.filter((c) => !inB.has(c));
  const onlyB = cb.filter((c) => !inA.has(c));
  if (onlyA.length || onlyB.length) throw InputError.one({ code: 'scorecard.rubric-mismatch', file: b.file, message: `has other criteria than ${a.file}${onlyA.length ? `; missing ${listSome(onlyA)}` : ''}${onlyB.length ? `; extra ${listSome(onlyB)}` : ''}`, hint: 'diff compares two scorecards of one rubric' });
  const ma = marketsOf(a);
  const mb = marketsOf(b);
  const ids = [...new Set([...mb.keys(), ...ma.keys()])];
  const missing = ids.filter((id) => !ma.has(id) || !mb.has(id));
  if (missing.length) throw InputError.one({ code: 'scorecard.market-mismatch', file: b.file, message: `the two scorecards rank different markets (${listSome(missing)} in one only)`, hint: 'diff compares the same markets' });
  ids.sort((x, y) => mb.get(x)!.rank - mb.get(y)!.rank || x.localeCompare(y));
  const markets: Grid = {
    title: `Scorecard diff: ${displayPath(a.file)} → ${displayPath(b.file)}`,
    head: ['market', 'old_rank', 'new_rank', 'move', 'old_score', 'new_score', 'score_change', 'old_gated', 'new_gated'],
    rows: ids.map((id) => {
      const o = ma.get(id)!;
      const n = mb.get(id)!;
      return [id, o.rank, n.rank, o.rank - n.rank, o.score, n.score, n.score - o.score, o.gated, n.gated];
    }),
    notes: [`${MOVE_LEGEND}; score_change: new − old; gated: true where the gate capped the market (the table's *), — for a scorecard written before that column.`],
  };
  const field = a.shape === 'long' ? 'contribution' : undefined;
  // Values indexed once per scorecard: a find() per market × criterion made 5,000 markets take 30 s.
  const va = valuesOf(a, ca);
  const vb = valuesOf(b, ca);
  const changes: { id: string; c: string; o: number; n: number; d: number }[] = [];
  for (const id of ids) {
    for (const c of ca) {
      const o = va.get(cellKey(id, c)) ?? NaN;
      const n = vb.get(cellKey(id, c)) ?? NaN;
      if (n - o !== 0) changes.push({ id, c, o, n, d: n - o });
    }
  }
  changes.sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || x.id.localeCompare(y.id) || x.c.localeCompare(y.c));
  changes.length = Math.min(changes.length, top);
  const what = field ? 'contribution (global weight × score)' : 'criterion score';
  const criteria: Grid = {
    title: `Criteria whose ${what} changed most`,
    head: ['market', 'criterion', 'old', 'new', 'change'],
    rows: changes.map((x) => [x.id, x.c, x.o, x.n, x.d]),
  };
  return { markets, criteria };
}

export const diff: Command = (args, _io, services) => {
  const { values, positionals } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'diff');
  if (values.help) return { stdout: DIFF_HELP };
  if (positionals.length !== 2) throw new UsageError('usage.missing-argument', `diff takes two scorecards, got ${positionals.length}`, 'write moatscore diff old.csv new.csv');
  const format = gridFormat(values.format);
  const d = diffScorecards(readScorecard(displayPath(positionals[0]), services.input), readScorecard(displayPath(positionals[1]), services.input));
  if (format === 'csv') return { output: renderGrid(d.markets, 'csv') };
  // For people the move reads as rank --show-changes writes it (+2, -1, =); CSV and JSON keep the number.
  const MOVE = d.markets.head.indexOf('move');
  const shown = { ...d.markets, rows: d.markets.rows.map((r) => r.map((c, k) => (k === MOVE ? formatMove(c as number) : c))) };
  if (format === 'json') return { output: JSON.stringify({ markets: JSON.parse(renderGrid(d.markets, 'json')), criteria: JSON.parse(renderGrid(d.criteria, 'json')) }, null, 2) + '\n' };
  return { output: [renderGrid(shown, format), renderGrid(d.criteria, format)].join('\n') };
};
