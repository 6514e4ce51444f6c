import { backtest, backtestCaveat, checkOutcomes, loadOutcomes, type BacktestResult } from '../../analysis/backtest';
import { UsageError } from '../../errors/problem';
import type { EvidenceLedger } from '../../model/evidence';
import type { RankResult } from '../../model/result';
import { renderGrid } from '../../render/grid';
import type { Command } from '../command';
import { BACKTEST_HELP } from '../help';
import { isTableMode } from '../inputs';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath } from '../paths';
import { rankResult } from './rank';
import { rankedRubricRun } from '../setup';

const num = (x: number) => (Number.isNaN(x) ? null : Number(x.toPrecision(12)));

/** Ranks as `rank` would (every input option applies), then correlates the scores with an outcome per market. */
export const backtestCommand: Command = (args, _io, plugins) => {
  const { values, positionals } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION, outcomes: { type: 'string' } }, 'backtest');
  if (values.help) return { stdout: BACKTEST_HELP };
  if (positionals.length > 0) throw new UsageError('usage.bad-argument', `backtest takes no argument, got ${positionals.join(' ')}`, 'write moatscore backtest --outcomes FILE');
  if (values.outcomes === undefined) throw new UsageError('usage.missing-option', 'backtest needs --outcomes FILE', 'write moatscore backtest --outcomes data/outcomes/margin-ladder.csv');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError('usage.unknown-format', `backtest prints table or json, not '${format}'`, 'use --format json');
  const outcomes = loadOutcomes(displayPath(values.outcomes), plugins.input);
  let result: RankResult;
  let ledger: EvidenceLedger | undefined;
  if (isTableMode(values)) result = rankResult(values, plugins);
  else {
    const { run, ctx } = rankedRubricRun(values, plugins, 'backtest');
    result = ctx.result;
    ledger = run.project.evidence;
  }
  checkOutcomes(outcomes, result.ranking.map((a) => a.id), ledger);
  const r = backtest(result, outcomes);
  const checked = ledger ? `cited facts checked against ${ledger.file}` : 'cited facts not checked: no evidence ledger loaded';
  if (format === 'json') return { output: JSON.stringify(toJson(r, result, outcomes.file, checked), null, 2) + '\n' };
  return { output: table(r, result, outcomes.file, checked) };
};

function toJson(r: BacktestResult, result: RankResult, file: string, checked: string): unknown {
  return {
    n: r.n, spearman: num(r.spearman), kendall: num(r.kendall), pValue: num(r.test.pValue),
    pairs: r.pairs.map((p) => ({ market: p.market, score: num(p.score), outcome: p.outcome })),
    statistic: 'spearman', alternative: 'greater', exact: r.test.exact, permutations: r.test.permutations,
    smallestP: r.test.smallestP === null ? null : num(r.test.smallestP), seed: r.test.seed,
    method: result.method, scenario: result.scenario ?? null, outcomes: file, leftOut: r.leftOut, evidence: checked, caveat: backtestCaveat(r),
  };
}

function table(r: BacktestResult, result: RankResult, file: string, checked: string): string {
  const f3 = (x: number) => (Number.isNaN(x) ? 'undefined' : x.toFixed(3));
  const t = r.test;
  const how = t.exact ? `exact over all ${t.permutations.toLocaleString('en')} pairings` : `Monte Carlo, ${t.permutations.toLocaleString('en')} random pairings, seed ${t.seed}`;
  return renderGrid({
    title: `Backtest: ${result.rubric?.title ?? result.dataFile} (method ${result.method}${result.scenario ? `, scenario ${result.scenario}` : ''}) against ${file}`,
    head: ['rank', 'market', 'score', 'outcome'],
    rows: r.pairs.map((p) => [p.rank, p.market, p.score, p.outcome]),
    notes: [
      `n = ${r.n}   Spearman ρ = ${f3(r.spearman)}   Kendall τ-b = ${f3(r.kendall)}   one-sided p = ${f3(t.pValue)} (share of pairings with ρ ≥ the observed ρ; ${how})`,
      ...r.leftOut.map((l) => `left out: ${l.market} — ${l.reason}`),
      `Caveat: ${backtestCaveat(r)}`,
      `Outcomes file: ${checked}.`,
    ],
  }, 'table');
}
