import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InternalError, UsageError } from '../../errors/problem';
import { sensitivityModel } from '../../analysis/sensitivity-model';
import { smaa } from '../../analysis/smaa';
import { declaredWeights } from '../../rubric/reweight';
import { withTrees } from '../../report/browser-model';
import { datasetPayload } from '../../report/payload';
import { reportHtml } from '../../report/template';
import type { Command } from '../command';
import { REPORT_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { packageRoot } from '../paths';
import { setupRubricRun } from '../setup';

import { version } from '../version';

/** The page bundle esbuild builds from src/report/page.ts (npm run build). */
function pageScript(): string {
  const file = join(packageRoot(), 'dist', 'report-page.js');
  if (!existsSync(file)) throw new InternalError(`the report page bundle ${file} is missing; run npm run build`);
  return readFileSync(file, 'utf8');
}

export const report: Command = (args, _io, plugins) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION, samples: { type: 'string' }, seed: { type: 'string' } }, 'report');
  if (values.help) return { stdout: REPORT_HELP };
  if (values.format !== undefined && values.format !== 'html') throw new UsageError('usage.unknown-format', `report writes HTML, not '${values.format}'`, 'use rank --format for other formats');
  const samples = values.samples === undefined ? 10_000 : /^\d+$/.test(values.samples) && Number(values.samples) > 0 ? Number(values.samples) : (() => { throw new UsageError('usage.bad-option', `--samples ${values.samples} is not a positive integer`, 'write --samples 10000'); })();
  const seed = values.seed === undefined ? plugins.seed : /^\d+$/.test(values.seed) ? Number(values.seed) : (() => { throw new UsageError('usage.bad-option', `--seed ${values.seed} is not an integer`, 'write --seed 42'); })();
  const run = setupRubricRun(values, plugins);
  if (run.mode === 'table') throw new UsageError('usage.rubric-only-option', 'report needs a rubric', 'pass --rubric, or leave --data out to use the bundled one');
  const { project, rubric, data } = run;
  const s = smaa(sensitivityModel(rubric, data, run.method, project.dictionary), { samples, seed, sampler: 'dirichlet', level: 'conditions', values: true });
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
    declared: declaredWeights(rubric), cliArgs, scenario: run.scenario,
    // The heat map lists markets in base-rank order, as the SMAA tables do.
    smaa: { ids: s.order.map((i) => s.ids[i]), acceptability: s.order.map((i) => Array.from(s.acceptability[i], (v) => Number(v.toPrecision(6)))), samples: s.samples, seed: s.seed, errorBound: s.errorBound, method: run.method.id },
  });
  return { output: reportHtml(payload, pageScript()) };
};
