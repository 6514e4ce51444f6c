import { headlineUncertainty } from '../../analysis/headline-uncertainty';
import { UsageError } from '../../errors/problem';
import type { Plugins } from '../../ioc';
import type { RankResult } from '../../model/result';
import { rankTable, rankWithRubric } from '../../scoring/score-rubric';
import type { Command } from '../command';
import { RANK_HELP } from '../help';
import type { InputValues } from '../inputs';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { setupRubricRun } from '../setup';
import { selectMethod, type MethodOptionValues } from '../method-options';

/** Ranks with every adjustment applied; with `showChanges`, also records each rank under the base rubric and data. */
export function rankResult(values: InputValues & MethodOptionValues & { 'show-changes'?: boolean }, plugins: Plugins): RankResult {
  const run = setupRubricRun(values, plugins);
  if (run.mode === 'table') {
    if (values['show-changes']) throw new UsageError('usage.rubric-only-option', '--show-changes needs --rubric', 'it compares against the rubric\'s own weights');
    const method = selectMethod(values, plugins, 'wsm');
    return rankTable(run.data, run.criteria, run.weights, run.cost, method, run.notes, run.weightsDeclared);
  }
  const ranked = { ...rankWithRubric(run.rubric, run.data, run.method), scenario: run.scenario };
  const result = { ...ranked, uncertainty: headlineUncertainty(ranked, run.rubric, run.data, run.method, run.project.dictionary) };
  if (!values['show-changes']) return result;
  const base = rankWithRubric(run.base.rubric, run.base.data, run.method);
  return { ...result, baseRanks: Object.fromEntries(base.ranking.map((a) => [a.id, a.rank])) };
}

export const rank: Command = (args, io, plugins) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION, 'show-changes': { type: 'boolean' } }, 'rank');
  if (values.help) return { stdout: RANK_HELP };
  const renderer = plugins.renderers.get(values.format ?? 'table');
  const result = rankResult(values, plugins);
  const color = renderer.id === 'table' && io.output === undefined && io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  return { output: renderer.render(result, { color }), colour: color };
};
