import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { compareMethods } from '../../analysis/method-comparison';
import { withParams } from '../../methods/configured';
import { namedParams } from '../method-options';
import { comparisonDoc } from './methods';
import { join } from 'node:path';
import { InternalError, UsageError } from '../../errors/problem';
import { sensitivityModel } from '../../analysis/sensitivity-model';
import { smaa } from '../../analysis/smaa';
import { backtest, backtestCaveat, checkOutcomes, loadOutcomes } from '../../analysis/backtest';
import { rankWithRubric } from '../../scoring/score-rubric';
import { declaredWeights } from '../../rubric/reweight';
import { withTrees } from '../../report/browser-model';
import { datasetPayload } from '../../report/payload';
import { reportHtml } from '../../report/template';
import type { Command } from '../command';
import { REPORT_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath, packageRoot } from '../paths';
import { setupRubricRun } from '../setup';

import { version } from '../version';

/** The page bundle esbuild builds from src/report/page.ts (npm run build). */
function pageScript(): string {
  const file = join(packageRoot(), 'dist', 'report-page.js');
  if (!existsSync(file)) throw new InternalError(`the report page bundle ${file} is missing; run npm run build`);
  return readFileSync(file, 'utf8');
}

/**
 * The outcomes files a report backtests: `--outcomes FILE`, else every CSV of the project's outcomes folder (none
 * when the data is not the project's own).
 */
function outcomeFiles(explicit: string | undefined, folder: string | undefined): string[] {
  if (explicit !== undefined) return [displayPath(explicit)];
  if (folder === undefined || !existsSync(folder)) return [];
  return readdirSync(folder).filter((f) => f.endsWith('.csv')).sort().map((f) => displayPath(join(folder, f)));
}

export const report: Command = (args, _io, plugins) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION, samples: { type: 'string' }, seed: { type: 'string' }, outcomes: { type: 'string' } }, 'report');
  if (values.help) return { stdout: REPORT_HELP };
  if (values.format !== undefined && values.format !== 'html') throw new UsageError('usage.unknown-format', `report writes HTML, not '${values.format}'`, 'use rank --format for other formats');
  const samples = values.samples === undefined ? 10_000 : /^\d+$/.test(values.samples) && Number(values.samples) > 0 ? Number(values.samples) : (() => { throw new UsageError('usage.bad-option', `--samples ${values.samples} is not a positive integer`, 'write --samples 10000'); })();
  const seed = values.seed === undefined ? plugins.seed : /^\d+$/.test(values.seed) ? Number(values.seed) : (() => { throw new UsageError('usage.bad-option', `--seed ${values.seed} is not an integer`, 'write --seed 42'); })();
  const run = setupRubricRun(values, plugins);
  if (run.mode === 'table') throw new UsageError('usage.rubric-only-option', 'report needs a rubric: the page re-ranks with the rubric in the browser', 'pass --rubric; for a plain CSV, rank --format md, compare, sensitivity and export work without one');
  const { project, rubric, data } = run;
  const s = smaa(sensitivityModel(rubric, data, run.method, project.dictionary), { samples, seed, sampler: 'dirichlet', level: 'conditions', values: true });
  const ranked = rankWithRubric(rubric, data, run.method);
  const backtests = outcomeFiles(values.outcomes, project.files.outcomes).map((file) => {
    const outcomes = loadOutcomes(file, plugins.input);
    checkOutcomes(outcomes, ranked.ranking.map((a) => a.id), project.evidence);
    const b = backtest(ranked, outcomes);
    const num = (x: number) => (Number.isNaN(x) ? null : Number(x.toPrecision(12)));
    return { file, n: b.n, spearman: num(b.spearman), kendall: num(b.kendall), pValue: num(b.test.pValue), pairs: b.pairs, leftOut: b.leftOut, caveat: backtestCaveat(b) };
  });
  const cited = new Set([...data.cells.values()].flatMap((c) => c.evidence));
  const cliArgs: string[] = [];
  for (const k of ['rubric', 'data', 'dictionary', 'cells', 'evidence', 'scenarios'] as const) if (values[k] !== undefined) cliArgs.push(`--${k}`, values[k]!);
  if (run.scenario) cliArgs.push('--scenario', values.scenario!);
  const payload = withTrees({
    engine: `moatscore ${version()}`,
    title: rubric.title, rubricFile: project.files.rubric, dataFile: project.files.data, method: run.method.id,
    spec: project.rubricSpec, dictionary: project.dictionary.indicators,
    dataset: datasetPayload(data), sources: project.evidence?.sources ?? [],
    facts: (project.evidence?.facts ?? []).filter((f) => cited.has(f.id)),
    declared: declaredWeights(rubric), cliArgs, scenario: run.scenario, backtests,
    // The method-agreement panel: `moatscore methods` at the page's inputs, every method bound in the container.
    methods: comparisonDoc(compareMethods(plugins.methods.ids.map((id) => withParams(plugins.methods.get(id), namedParams(values))), (m) => rankWithRubric(rubric, data, m))),
    // The heat map lists markets in base-rank order, as the SMAA tables do.
    smaa: { ids: s.order.map((i) => s.ids[i]), acceptability: s.order.map((i) => Array.from(s.acceptability[i], (v) => Number(v.toPrecision(6)))), samples: s.samples, seed: s.seed, errorBound: s.errorBound, method: run.method.id },
  });
  return { output: reportHtml(payload, pageScript()) };
};
