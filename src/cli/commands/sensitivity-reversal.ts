import { rankReversal, type ReversalReport } from '../../analysis/rank-reversal';
import { UsageError } from '../../errors/problem';
import type { Plugins } from '../../ioc';
import { withParams } from '../../methods/configured';
import { gridFormat, renderGrid, type Grid } from '../../render/grid';
import { rubricMatrix, tableMatrix } from '../../scoring/method-matrix';
import { scoreRubric } from '../../scoring/score-rubric';
import type { CommandOutput } from '../command';
import type { InputValues } from '../inputs';
import { namedParams, type MethodOptionValues } from '../method-options';
import { listOption } from '../options';
import { setupRubricRun } from '../setup';

const SMAA_ONLY = ['samples', 'seed', 'sampler', 'level', 'fixed-values'] as const;

/** `moatscore sensitivity reversal`: rank-reversal checks under every method (src/analysis/rank-reversal.ts). */
export function sensitivityReversal(values: InputValues & MethodOptionValues & { format?: string } & Partial<Record<(typeof SMAA_ONLY)[number], unknown>>, plugins: Plugins): CommandOutput {
  for (const o of SMAA_ONLY) if (values[o] !== undefined) throw new UsageError('usage.bad-option', `--${o} applies to smaa, not to reversal`, 'drop it, or run moatscore sensitivity smaa');
  const format = gridFormat(values.format);
  const methods = (listOption(values.method) ?? plugins.methods.ids).map((id) => withParams(plugins.methods.get(id), namedParams(values)));
  const run = setupRubricRun({ ...values, method: undefined }, plugins);
  const m = run.mode === 'table' ? tableMatrix(run.data, run.criteria, run.weights, run.cost) : rubricMatrix(run.rubric, run.data, scoreRubric(run.rubric, run.data));
  const r = rankReversal(methods, m);
  if (format === 'json') return { output: JSON.stringify(r, null, 2) + '\n' };
  return { output: renderGrid(reversalGrid(r), format) };
}

export function reversalGrid(r: ReversalReport): Grid {
  return {
    title: 'Rank reversals (Wang & Triantaphyllou 2008, test criteria 1–3): pairs whose order flips',
    head: ['method', 'change', 'above before', 'above after', 'scores before', 'scores after'],
    rows: r.reversals.map((x) => [x.method, x.change, x.a, x.b, `${x.before[0].toFixed(3)} > ${x.before[1].toFixed(3)}`, `${x.after[0].toFixed(3)} < ${x.after[1].toFixed(3)}`]),
    notes: [
      `Methods checked: ${r.methods.join(', ')}.`,
      `Removed in turn: ${r.changes.filter((c) => c.startsWith('remove ')).map((c) => c.slice(7)).join(', ')}.`,
      `Added, per method, a copy of its worst alternative (${r.changes.filter((c) => c.startsWith('add ')).map((c) => c.slice(18)).join(', ')})`,
      'with each criterion 1% of its range worse. Scores before risk caps.',
      ...(r.reversals.length ? [] : ['No pair changed order under any method.']),
      ...r.skipped.map((s) => `not checked under ${s.method}: ${s.why}`),
    ],
  };
}
