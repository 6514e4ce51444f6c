import { checkMarkets, type MarketTrace } from '../../analysis/trace';
import { criterionPath, isTableColumn } from '../../analysis/table-trace';
import { UsageError } from '../../errors/problem';
import { gridFormat, NONE, renderGrid, type Grid } from '../../render/grid';
import type { CsvCell } from '../../render/csv-writer';
import type { Command } from '../command';
import { COMPARE_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { tracedRun } from '../setup';
import { compareText } from './compare-text';

/**
 * How the terminal layout shows one grid row: under which heading, with which short label, and for numbers which
 * way is better (rank: lower; scores and contributions: higher; weights: neither, they are the same for every market).
 */
export interface RowMeta {
  readonly heading?: string;
  readonly label: string;
  readonly better: 'higher' | 'lower' | 'none' | 'text';
}

export interface Comparison {
  readonly markets: readonly MarketTrace[];
  readonly grid: Grid;
  /** Parallel to grid.rows. */
  readonly meta: readonly RowMeta[];
  /** Each cap that bit, with why and its facts (also the grid's notes, after the delta note). */
  readonly capNotes: readonly string[];
  /** False when the method's score does not split into per-criterion contributions (a plain table under topsis, …). */
  readonly additive: boolean;
  /** With two markets: criteria ordered by how much of the gap they decide (difference of weighted contributions). */
  readonly decisive?: readonly { criterion: string; a: number; b: number; difference: number }[];
}

const unitText = (unit: string | undefined) => (!unit || unit === 'category' ? '' : /^\d/.test(unit) ? ` (scale ${unit})` : ` ${unit}`);
const valueText = (k: MarketTrace['conditions'][number]['criteria'][number]) => k.values.map((v) => `${v.indicator} = ${v.value}${unitText(v.unit)}`).join('; ');

export function compareMarkets(traces: readonly MarketTrace[]): Comparison {
  const two = traces.length === 2;
  const head = ['item', ...traces.map((t) => t.id), ...(two ? ['delta'] : [])];
  const rows: CsvCell[][] = [];
  const meta: RowMeta[] = [];
  const add = (item: string, cells: CsvCell[], better: RowMeta['better'], label = item, heading?: string) => {
    const numeric = better !== 'text';
    rows.push([item, ...cells, ...(two ? [numeric ? (cells[0] as number) - (cells[1] as number) : NONE] : [])]);
    meta.push({ label, better, ...(heading !== undefined ? { heading } : {}) });
  };
  add('score', traces.map((t) => t.score), 'higher');
  add('rank', traces.map((t) => t.rank), 'lower');
  // A plain table has no tiers or binding condition, and under a method whose score does not split by criterion no
  // contributions (analysis/table-trace.ts): those rows are left out rather than shown empty.
  const rubricFree = traces.every((t) => t.tier === null && t.binding === null);
  const additive = !traces.some((t) => t.conditions.some((c) => c.criteria.some((k) => Number.isNaN(k.contribution))));
  if (!rubricFree) {
    add('tier', traces.map((t) => t.tier ?? NONE), 'text');
    add('binding', traces.map((t) => t.binding ?? NONE), 'text');
  }
  // Risk caps: shown when one bit any of the markets compared, with the values its test read and, below, why.
  const capIds = [...new Set(traces.flatMap((t) => t.caps.map((c) => c.id)))];
  const capNotes: string[] = [];
  for (const id of capIds) {
    add(`cap ${id}`, traces.map((t) => { const c = t.caps.find((x) => x.id === id); return c ? `bit: ${c.when} [${c.values}]` : 'did not bite'; }), 'text');
    const c = traces.flatMap((t) => t.caps).find((x) => x.id === id)!;
    capNotes.push(`cap ${id} (${c.effect}): ${c.rationale}`, ...c.facts.map((f) => `  fact ${f.id}: ${f.text} — ${f.source.file}, "${f.source.section}"`));
  }
  traces[0].conditions.forEach((c, ci) => {
    // A plain table's criterion is its own condition (analysis/table-trace.ts): one heading and one name, not `a.a`.
    const column = isTableColumn(c);
    if (!column) add(c.id, traces.map((t) => t.conditions[ci].score), 'higher', 'condition score', `condition ${c.id}`);
    c.criteria.forEach((k, ki) => {
      const path = criterionPath(c, k);
      const ks = traces.map((t) => t.conditions[ci].criteria[ki]);
      const heading = column ? `criterion ${path}` : `  ${path}`;
      add(`${path} value`, ks.map(valueText), 'text', 'value', heading);
      add(`${path} rule`, ks.map((x) => x.fired), 'text', 'rule', heading);
      add(`${path} score`, ks.map((x) => x.score), 'higher', 'score', heading);
      add(`${path} weight`, ks.map((x) => x.globalWeight), 'none', 'weight', heading);
      if (additive) add(`${path} contribution`, ks.map((x) => x.contribution), 'higher', 'contribution', heading);
    });
  });
  const title = `Comparison: ${traces.map((t) => t.id).join(' vs ')} (method ${traces[0].method})`;
  if (!two) return { markets: traces, grid: { title, head, rows, ...(capNotes.length ? { notes: capNotes } : {}) }, meta, capNotes, additive };
  // Without additive contributions (a plain table under a method whose score does not split by criterion), no list.
  if (!additive) {
    return { markets: traces, grid: { title, head, rows, notes: ['delta = first − second.', `contributions: ${traces[0].method}'s score does not split by criterion (wsm's and moora's do), so none is shown.`, ...capNotes] }, meta, capNotes, additive };
  }
  const decisive = traces[0].conditions
    .flatMap((c, ci) => c.criteria.map((k, ki) => ({ criterion: criterionPath(c, k), a: k.contribution, b: traces[1].conditions[ci].criteria[ki].contribution })))
    .map((d) => ({ ...d, difference: d.a - d.b }))
    .filter((d) => d.difference !== 0)
    .sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference) || x.criterion.localeCompare(y.criterion));
  return { markets: traces, grid: { title, head, rows, notes: ['delta = first − second; contribution = global weight × criterion score.', ...capNotes] }, meta, capNotes, additive, decisive };
}

/** `caps`: each cap that bit a compared market, once, with why and its cited facts; absent when none bit. */
function capsJson(traces: readonly MarketTrace[]): { caps?: unknown[] } {
  const seen = new Map<string, { trace: MarketTrace['caps'][number]; markets: string[] }>();
  for (const t of traces) for (const c of t.caps) (seen.get(c.id) ?? seen.set(c.id, { trace: c, markets: [] }).get(c.id)!).markets.push(t.id);
  if (seen.size === 0) return {};
  return { caps: [...seen.values()].map(({ trace: c, markets }) => ({ id: c.id, markets, when: c.when, effect: c.effect, rationale: c.rationale, facts: c.facts.map((f) => ({ id: f.id, text: f.text, source: f.source })) })) };
}

/** Every criterion whose weighted contributions differ, and a total row equal to the figure in the title. */
export function decisiveGrid(c: Comparison): Grid {
  const [a, b] = c.markets;
  const d = c.decisive!;
  const gap = d.reduce((s, x) => s + x.difference, 0);
  return {
    title: `What decides the gap between ${a.id} and ${b.id}: all ${d.length} criteria whose weighted contributions differ (difference = first − second; total ${gap.toFixed(3)})`,
    head: ['criterion', a.id, b.id, 'difference'],
    rows: [...d.map((x) => [x.criterion, x.a, x.b, x.difference]), ['total', d.reduce((s, x) => s + x.a, 0), d.reduce((s, x) => s + x.b, 0), gap]],
  };
}

/** More than four market columns cannot keep every line within 100 columns (compare-text.ts). */
const MAX_SIDE_BY_SIDE = 4;

export const compare: Command = (args, _io, plugins) => {
  const { values, positionals } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'compare');
  if (values.help) return { stdout: COMPARE_HELP };
  const format = gridFormat(values.format);
  if (positionals.length < 2) throw new UsageError('usage.missing-argument', `compare needs at least two markets, got ${positionals.length}`, 'write moatscore compare public-dx subsea');
  if (new Set(positionals).size !== positionals.length) throw new UsageError('usage.bad-argument', 'compare names a market twice', 'name each market once');
  if (format === 'table' && positionals.length > MAX_SIDE_BY_SIDE) {
    throw new UsageError('usage.bad-argument', `compare shows at most ${MAX_SIDE_BY_SIDE} markets side by side in a table, got ${positionals.length}`, 'name four or fewer, or write every column with --format csv, json or md');
  }
  const run = tracedRun(values, plugins);
  checkMarkets(run.result, positionals);
  const c = compareMarkets(positionals.map((id) => run.trace(id)));
  if (format === 'json') {
    const num = (x: CsvCell) => (typeof x === 'number' ? Number(x.toPrecision(12)) : x === NONE ? null : x);
    return { output: JSON.stringify({ method: run.result.method, markets: positionals, rows: c.grid.rows.map((r) => ({ item: r[0], values: Object.fromEntries(positionals.map((id, k) => [id, num(r[k + 1])])), ...(c.decisive ? { delta: num(r[positionals.length + 1]) } : {}) })), ...(c.decisive ? { decisive: c.decisive.map((d) => ({ criterion: d.criterion, [positionals[0]]: num(d.a), [positionals[1]]: num(d.b), difference: num(d.difference) })) } : {}), ...capsJson(c.markets) }, null, 2) + '\n' };
  }
  if (format === 'csv') return { output: renderGrid(c.grid, 'csv') };
  if (format === 'table') return { output: compareText(c) };
  return { output: [renderGrid(c.grid, format), ...(c.decisive ? [renderGrid(decisiveGrid(c), format)] : [])].join('\n') };
};
