import { compareMethods, type MethodComparison } from '../../analysis/method-comparison';
import type { MethodsDoc } from '../../report/payload';
import { UsageError } from '../../errors/problem';
import { withParams } from '../../methods/configured';
import { renderGrid, gridFormat, type Grid } from '../../render/grid';
import { machineNumber } from '../../render/renderer';
import { rankTable, rankWithRubric } from '../../scoring/score-rubric';
import type { Command } from '../command';
import { METHODS_HELP } from '../help';
import { namedParams } from '../method-options';
import { HELP_OPTION, INPUT_OPTIONS, listOption, OUTPUT_OPTIONS, parseOptions } from '../options';
import { setupRubricRun } from '../setup';

/** Methods as rows, alternatives as columns in consensus order: fits 100 columns for a handful of markets. */
export function rankingsGrid(c: MethodComparison): Grid {
  const col = c.consensus.map((id) => c.ids.indexOf(id));
  return {
    title: 'Rank of each market under each method (columns in consensus order)',
    head: ['method', ...c.consensus],
    rows: [...[...c.rankings].map(([m, r]) => [m, ...col.map((i) => r[i])]), ['consensus', ...c.consensus.map((_, k) => k + 1)]],
    notes: [
      'consensus (Copeland): a market beats another when more methods rank it above than below;',
      'equal wins are ordered by mean rank.',
      ...c.skipped.map((s) => `not ranked by ${s.method}: ${s.why}`),
    ],
  };
}

export function agreementGrid(c: MethodComparison): Grid {
  return {
    title: 'Agreement of each pair of rankings',
    head: ['a', 'b', 'spearman', 'kendall', 'r_w', 'WS'],
    rows: c.agreement.map((p) => [p.a, p.b, p.spearman, p.kendall, p.rw, p.ws]),
    notes: [
      'spearman ρ, kendall τ-b; r_w weighted Spearman and WS similarity (Sałabun & Urbaniak 2020)',
      'weigh the top ranks more; WS takes a as the reference.',
    ],
  };
}

/** The `methods --format json` document; the report's method-agreement panel embeds the same object. */
export function comparisonDoc(c: MethodComparison): MethodsDoc {
  return {
    rankings: Object.fromEntries([...c.rankings].map(([m, r]) => [m, Object.fromEntries(c.ids.map((id, i) => [id, r[i]]))])),
    agreement: c.agreement.map((p) => ({ a: p.a, b: p.b, spearman: machineNumber(p.spearman), kendall: machineNumber(p.kendall), rw: machineNumber(p.rw), ws: machineNumber(p.ws) })),
    consensus: c.consensus,
    skipped: c.skipped,
  };
}

export function comparisonJson(c: MethodComparison): string {
  return JSON.stringify(comparisonDoc(c), null, 2) + '\n';
}

export const methods: Command = (args, _io, plugins) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'methods');
  if (values.help) return { stdout: METHODS_HELP };
  const format = gridFormat(values.format);
  // --method narrows the comparison to a comma-separated list; default every method.
  const ids = listOption(values.method) ?? plugins.methods.ids;
  if (ids.length < 2) throw new UsageError('usage.bad-option', 'methods compares at least two methods', 'name two or more with --method, or leave it out for all');
  const chosen = ids.map((id) => withParams(plugins.methods.get(id), namedParams(values)));
  const run = setupRubricRun({ ...values, method: undefined }, plugins);
  const c = compareMethods(chosen, (m) => (run.mode === 'table' ? rankTable(run.data, run.criteria, run.weights, run.cost, m, run.notes) : rankWithRubric(run.rubric, run.data, m)));
  if (c.rankings.size < 2) throw new UsageError('usage.too-few-methods', `only ${c.rankings.size} method can rank these data`, c.skipped.map((s) => `${s.method}: ${s.why}`).join('; '));
  if (format === 'json') return { output: comparisonJson(c) };
  if (format === 'csv') return { output: renderGrid(rankingsGrid(c), 'csv') };
  return { output: `${renderGrid(rankingsGrid(c), format)}\n${renderGrid(agreementGrid(c), format)}` };
};
