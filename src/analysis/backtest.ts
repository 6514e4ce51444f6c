import { readCsvColumns, type ColumnSpec } from '../data/csv-table';
import { parseStrictNumber } from '../data/strict-number';
import { ProblemList, InputError } from '../errors/problem';
import { fileSystemReader, readInputFile, type InputReader } from '../io/read-input';
import type { EvidenceLedger } from '../model/evidence';
import type { RankResult } from '../model/result';
import { kendallTauB, spearman, spearmanPermutationTest, type PermutationTest } from './rank-correlation';

/** One row of an outcomes file: an observed outcome for a market, the facts that state it, and why it maps. */
export interface OutcomeRow {
  readonly market: string;
  /** null: the row says on purpose that the market has no outcome (its rationale says why); it is left out. */
  readonly outcome: number | null;
  readonly evidence: readonly string[];
  readonly rationale: string;
  readonly line: number;
}

export interface OutcomeFile {
  readonly file: string;
  readonly rows: readonly OutcomeRow[];
}

const COLUMNS = ['market', 'outcome', 'evidence', 'rationale'] as const;

/**
 * Reads an outcomes CSV: header `market,outcome,evidence,rationale`; `evidence` holds fact ids separated by `;`;
 * an empty `outcome` marks a market left out on purpose. Lines starting with `#` before the header are comments
 * (they are blanked, so every later line keeps its number); after the header every line is a row. Markets must be
 * unique and outcomes strict numbers (src/data/strict-number.ts). Markets and fact ids are checked by
 * checkOutcomes, once the ranking and the ledger are known.
 */
export function loadOutcomes(file: string, input: InputReader = fileSystemReader): OutcomeFile {
  const cols = readCsvColumns(blankLeadingComments(readInputFile(file, undefined, input)), file, (header, problems) => {
    const missing = COLUMNS.filter((c) => !header.includes(c));
    if (missing.length) problems.add({ code: 'outcomes.missing-column', line: 1, message: `has no column ${missing.join(', ')} (header: ${header.join(',')})`, hint: `the header is ${COLUMNS.join(',')}` });
    header.forEach((h, c) => {
      if (!(COLUMNS as readonly string[]).includes(h)) problems.add({ code: 'outcomes.unknown-column', line: 1, column: c + 1, path: `column ${h}`, message: `column '${h}' is not part of an outcomes file`, hint: `the header is ${COLUMNS.join(',')}` });
    });
    return header.map((): ColumnSpec => 'text');
  }, { idColumn: 'market' });
  const problems = new ProblemList(file);
  const text = (c: string) => cols.text.get(c)!;
  const rows: OutcomeRow[] = [];
  for (let r = 0; r < cols.rowCount; r++) {
    const market = text('market')[r];
    const line = cols.lines[r];
    const at = (column: string) => ({ line, column: cols.header.indexOf(column) + 1, path: `row ${market}, column ${column}` });
    const raw = text('outcome')[r];
    let outcome: number | null = null;
    if (raw.length > 0) {
      const v = parseStrictNumber(raw);
      if (typeof v === 'number') outcome = v;
      else problems.add({ code: v.code, ...at('outcome'), message: v.message, hint: `${v.hint}; leave the cell empty to leave the market out` });
    }
    const rationale = text('rationale')[r].trim();
    if (rationale.length === 0) problems.add({ code: 'outcomes.no-rationale', ...at('rationale'), message: 'is empty', hint: outcome === null ? 'say why the market has no outcome' : 'say why this outcome measures this market' });
    const evidence = text('evidence')[r].split(';').map((s) => s.trim()).filter((s) => s.length > 0);
    rows.push({ market, outcome, evidence, rationale, line });
  }
  problems.throwIfErrors();
  return { file, rows };
}

/** `#` lines before the header become empty lines, which both CSV readers skip, so line numbers stay true. */
function blankLeadingComments(buf: Buffer): Buffer {
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const newlines: number[] = [];
  while (i < buf.length && buf[i] === 0x23 /* # */) {
    while (i < buf.length && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
    while (i < buf.length && (buf[i] === 0x0a || buf[i] === 0x0d)) newlines.push(buf[i++]);
  }
  return newlines.length === 0 ? buf : Buffer.concat([Buffer.from(newlines), buf.subarray(i)]);
}

/** Every market must be one the ranking has; every cited fact must exist when a ledger is loaded. */
export function checkOutcomes(o: OutcomeFile, markets: readonly string[], ledger: EvidenceLedger | undefined): void {
  const problems = new ProblemList(o.file);
  for (const row of o.rows) {
    if (!markets.includes(row.market)) problems.add({ code: 'outcomes.unknown-market', line: row.line, column: 1, path: `row ${row.market}`, message: `'${row.market}' is not a ranked market`, hint: `markets: ${markets.join(', ')}` });
    if (!ledger) continue;
    for (const id of row.evidence) {
      if (!ledger.byId.has(id)) problems.add({ code: 'outcomes.unknown-fact', line: row.line, column: 3, path: `row ${row.market}, column evidence`, message: `cites '${id}', which is not a fact of ${ledger.file}`, hint: 'cite fact ids of the ledger, separated by ;' });
    }
  }
  problems.throwIfErrors();
}

export interface BacktestPair {
  readonly market: string;
  readonly rank: number;
  readonly score: number;
  readonly outcome: number;
}

export interface BacktestResult {
  readonly n: number;
  /** NaN when the scores or the outcomes are all equal. */
  readonly spearman: number;
  readonly kendall: number;
  readonly test: PermutationTest;
  /** In ranking order. */
  readonly pairs: readonly BacktestPair[];
  /** Ranked markets without an outcome, in ranking order, with the reason. */
  readonly leftOut: readonly { readonly market: string; readonly reason: string }[];
}

/** Pairs each ranked market's score with its outcome (markets without one are left out) and correlates them. */
export function backtest(result: RankResult, outcomes: OutcomeFile): BacktestResult {
  const byMarket = new Map(outcomes.rows.map((r) => [r.market, r]));
  const pairs: BacktestPair[] = [];
  const leftOut: { market: string; reason: string }[] = [];
  for (const a of result.ranking) {
    const row = byMarket.get(a.id);
    if (!row) leftOut.push({ market: a.id, reason: `no row in ${outcomes.file}` });
    else if (row.outcome === null) leftOut.push({ market: a.id, reason: row.rationale });
    else pairs.push({ market: a.id, rank: a.rank, score: a.score, outcome: row.outcome });
  }
  if (pairs.length < 2) {
    throw InputError.one({ code: 'outcomes.too-few', file: outcomes.file, message: `gives outcomes for ${pairs.length} ranked market${pairs.length === 1 ? '' : 's'}; a rank correlation needs at least 2`, hint: 'add outcomes for more markets' });
  }
  const x = Float64Array.from(pairs, (p) => p.score);
  const y = Float64Array.from(pairs, (p) => p.outcome);
  return { n: pairs.length, spearman: spearman(x, y), kendall: kendallTauB(x, y), test: spearmanPermutationTest(x, y), pairs, leftOut };
}

/** The small-n caveat: what the test can and cannot show with this many pairs. */
export function backtestCaveat(r: BacktestResult): string {
  const t = r.test;
  if (!t.exact) return `p is a Monte Carlo estimate from ${t.permutations.toLocaleString('en')} random pairings (seed ${t.seed}); its 95% error is about ±${(1.96 * Math.sqrt(Math.max(t.pValue * (1 - t.pValue), 1e-12) / t.permutations)).toFixed(4)}.`;
  if (t.smallestP === null) return 'p is undefined: the scores or the outcomes are all equal.';
  const pct = (t.smallestP * 100).toFixed(1);
  return `With n = ${r.n}, the smallest one-sided p any ordering of these outcomes can reach is ${fraction(t.smallestP, t.permutations)} ≈ ${t.smallestP.toFixed(3)} (${pct}%)${t.smallestP > 0.05 ? ', so no result can be significant at 5%' : ''}; a rank correlation over ${r.n} markets is a consistency check, not evidence of a law.`;
}

function fraction(p: number, total: number): string {
  const k = Math.round(p * total);
  const g = gcd(k, total);
  return `${k / g}/${total / g}`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
