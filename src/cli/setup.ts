import { join } from 'node:path';
import { applyScenario, findScenario, loadScenario } from '../analysis/scenarios';
import { applyWeightOverrides, parseWeightOverrides } from '../analysis/weight-overrides';
import type { Plugins } from '../ioc';
import type { AggregationMethod } from '../methods/method';
import type { Dataset } from '../model/dataset';
import type { Rubric } from '../model/rubric';
import type { Project } from '../load-project';
import { loadInputs, type InputValues, type Inputs } from './inputs';
import { displayPath, packageRoot } from './paths';
import { UsageError } from '../errors/problem';
import { rankWithRubric } from '../scoring/score-rubric';
import type { TraceContext } from '../analysis/trace';

/** A rubric run with its adjustments applied: the scenario first, then --weight overrides on top. */
export interface RubricRun {
  readonly mode: 'rubric';
  readonly project: Project;
  /** Rubric and data as the files say. */
  readonly base: { readonly rubric: Rubric; readonly data: Dataset };
  /** Rubric and data after the scenario and overrides. */
  readonly rubric: Rubric;
  readonly data: Dataset;
  readonly method: AggregationMethod;
  readonly scenario?: string;
  readonly overrides: readonly string[];
}

export function scenarioDir(v: InputValues): string {
  return v.scenarios ?? join(packageRoot(), 'data', 'scenarios');
}

/** Loads inputs and applies --scenario and --weight. Rubric-free mode has neither. */
export function setupRubricRun(v: InputValues & { method?: string }, plugins: Plugins): RubricRun | Extract<Inputs, { mode: 'table' }> {
  if (v.method !== undefined) plugins.methods.get(v.method); // an unknown method is a usage error before any file is read
  const overrides = parseWeightOverrides(v.weight ?? []);
  const inputs = loadInputs(v);
  if (inputs.mode === 'table') return inputs;
  const { project } = inputs;
  let rubric = project.rubric;
  let data = project.data;
  let scenario: string | undefined;
  if (v.scenario !== undefined) {
    const s = loadScenario(displayPath(findScenario(scenarioDir(v), v.scenario)));
    ({ rubric, data } = applyScenario(s, rubric, data, project.dictionary));
    scenario = s.spec.id;
  }
  const o = applyWeightOverrides(rubric, overrides);
  return {
    mode: 'rubric', project, base: { rubric: project.rubric, data: project.data }, rubric: o.rubric, data,
    method: plugins.methods.get(v.method ?? project.rubric.method), scenario, overrides: o.applied,
  };
}

/** A rubric run ranked, with what traces and exports need; rubric-free inputs are refused with `why`. */
export function rankedRubricRun(v: InputValues & { method?: string }, plugins: Plugins, command: string): { run: RubricRun; ctx: TraceContext } {
  const run = setupRubricRun(v, plugins);
  if (run.mode === 'table') throw new UsageError('usage.rubric-only-option', `${command} needs a rubric`, 'pass --rubric, or leave --data out to use the bundled one');
  const result = { ...rankWithRubric(run.rubric, run.data, run.method), scenario: run.scenario };
  return { run, ctx: { rubric: run.rubric, data: run.data, dictionary: run.project.dictionary, evidence: run.project.evidence, result } };
}
