import { checkMarkets } from '../../analysis/trace';
import { cheapest, whatItTakes, type WhatItTakes } from '../../analysis/what-it-takes';
import { UsageError } from '../../errors/problem';
import type { Plugins } from '../../ioc';
import { gridFormat, renderGrid, type Grid } from '../../render/grid';
import type { CommandOutput } from '../command';
import type { InputValues } from '../inputs';
import { rankedRubricRun, type RubricRun } from '../setup';

/** Options of `sensitivity` that belong to SMAA and mean nothing to `values`. */
const SMAA_ONLY = ['samples', 'seed', 'sampler', 'level', 'fixed-values'] as const;

/** `moatscore sensitivity values [MARKET…]`: the smallest one-indicator change with an effect, per market. */
export function sensitivityValues(markets: string[], values: InputValues & { method?: string; format?: string } & Partial<Record<(typeof SMAA_ONLY)[number], unknown>>, plugins: Plugins): CommandOutput {
  for (const o of SMAA_ONLY) if (values[o] !== undefined) throw new UsageError('usage.bad-option', `--${o} applies to smaa, not to values`, 'drop it, or run moatscore sensitivity smaa');
  const format = gridFormat(values.format);
  const { run, ctx } = rankedRubricRun(values, plugins, 'sensitivity values');
  checkMarkets(ctx.result, markets);
  const r = whatItTakes(run.rubric, run.data, run.method, run.project.dictionary, markets.length ? markets : undefined);
  if (format === 'json') return { output: JSON.stringify({ changes: r.changes, skipped: r.skipped }, null, 2) + '\n' };
  const head = `What would it take — ${run.rubric.title}, method ${run.method.id}${run.scenario ? `, scenario ${run.scenario}` : ''}${run.overrides.length ? `, weights overridden: ${run.overrides.join(', ')}` : ''}\n\n`;
  return { output: (format === 'table' ? head : '') + renderGrid(valuesGrid(r), format) };
}

export function valuesGrid(r: WhatItTakes): Grid {
  return {
    title: 'Smallest change of one indicator that changes a market\'s tier, gate status or rank (Triantaphyllou & Sánchez 1997, performance measures)',
    head: ['market', 'indicator', 'from', 'to', 'steps', 'effect', 'detail'],
    rows: r.changes.map((c) => [c.market, c.indicator, String(c.from), String(c.to), c.steps, c.effect, c.detail]),
    notes: [
      'Steps: whole units on the indicator\'s declared scale (from a midpoint such as 2.5, both 2 and 3 are one step); every other category is one step, tried in the dictionary\'s order. Either direction; at equal distance the lower value is shown.',
      'An indicator with no row for an effect: no value on its scale has that effect. Try one: a scenario file with the indicator override, or moatscore explain MARKET.',
      ...r.skipped.map((s) => `skipped ${s.market} ${s.indicator} = ${s.value}: ${s.reason}`),
    ],
  };
}

type Run = Pick<RubricRun, 'rubric' | 'data' | 'method' | 'project'>;

/** The two cheapest one-indicator changes of one market, from the same analysis: what `explain` ends with. */
export function cheapestChanges(run: Run, market: string): ReturnType<typeof cheapest> {
  return cheapest(whatItTakes(run.rubric, run.data, run.method, run.project.dictionary, [market]), market, 2);
}

export function cheapestChangesText(c: ReturnType<typeof cheapest>, market: string): string {
  const head = `What would it take — the cheapest one-indicator changes (all of them: moatscore sensitivity values ${market}):`;
  if (c.length === 0) return `${head}\n  none: no single value on any indicator's scale moves its tier, gate status or rank.\n`;
  return [head, ...c.map((x) => `  ${x.indicator} ${x.from} → ${x.to} (${x.steps} step${x.steps === 1 ? '' : 's'}): ${x.details.join('; ')}`)].join('\n') + '\n';
}
