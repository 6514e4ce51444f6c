import { applyScenario } from '../analysis/scenarios';
import { findScenario, loadScenario } from '../scenario/load-scenario';
import { applyWeightOverrides, parseWeightOverrides } from '../analysis/weight-overrides';
import type { Plugins } from '../ioc';
import type { AggregationMethod } from '../methods/method';
import { selectMethod, type MethodOptionValues } from './method-options';
import type { Dataset } from '../model/dataset';
import type { Rubric } from '../model/rubric';
import type { Project } from '../load-project';
import { loadInputs, selectProject, type InputValues, type Inputs } from './inputs';
import { displayPath } from './paths';
import type { InputReader } from '../io/read-input';
import { UsageError } from '../errors/problem';
import { rankWithRubric } from '../scoring/score-rubric';
import { traceMarket, type MarketTrace, type TraceContext } from '../analysis/trace';
import { traceTableMarket, type TableTraceContext } from '../analysis/table-trace';
import type { RankResult } from '../model/result';
import { rankTable } from '../scoring/score-rubric';
import { tableMatrix } from '../scoring/method-matrix';
import { sensitivityModel, tableSensitivityModel, type SensitivityModel } from '../analysis/sensitivity-model';

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

/**
 * The scenario folder of a run. Scenarios are only ever the project's own: --scenarios DIR, else the folder the
 * project's manifest names. A rubric, data or dictionary given without --project is not the bundled model, so the
 * bundled scenarios (written for it) are not tried; `why` says so.
 */
export function scenarioFolder(v: InputValues): { readonly dir?: string; readonly why?: string; readonly hint?: string } {
  if (v.scenarios !== undefined) return { dir: v.scenarios };
  if (v.project === undefined) {
    const own = (['rubric', 'data', 'dictionary'] as const).filter((o) => v[o] !== undefined);
    if (own.length) return { why: `no scenarios: ${own.map((o) => `--${o}`).join(', ')} without --project is not the bundled model, whose scenarios are written for its own rubric and data`, hint: 'pass --scenarios DIR, or --project DIR for a project with scenarios of its own' };
  }
  return { dir: displayPath(selectProject(v).scenarios) };
}

/** The scenario folder, or a usage error saying why there is none. */
export function scenarioDir(v: InputValues): string {
  const f = scenarioFolder(v);
  if (f.dir === undefined) throw new UsageError('usage.no-scenarios', f.why!, f.hint);
  return f.dir;
}

/** Loads inputs and applies --scenario and --weight. Rubric-free mode has neither. */
export function setupRubricRun(v: InputValues & MethodOptionValues, plugins: Plugins & { readonly input?: InputReader }): RubricRun | Extract<Inputs, { mode: 'table' }> {
  if (v.method !== undefined) plugins.methods.get(v.method); // an unknown method is a usage error before any file is read
  const overrides = parseWeightOverrides(v.weight ?? []);
  const inputs = loadInputs(v, plugins.input);
  if (inputs.mode === 'table') return inputs;
  const { project } = inputs;
  let rubric = project.rubric;
  let data = project.data;
  let scenario: string | undefined;
  if (v.scenario !== undefined) {
    const s = loadScenario(displayPath(findScenario(scenarioDir(v), v.scenario)), plugins.input);
    ({ rubric, data } = applyScenario(s, rubric, data, project.dictionary));
    scenario = s.spec.id;
  }
  const o = applyWeightOverrides(rubric, overrides);
  return {
    mode: 'rubric', project, base: { rubric: project.rubric, data: project.data }, rubric: o.rubric, data,
    method: selectMethod(v, plugins, project.rubric.method), scenario, overrides: o.applied,
  };
}

/** A rubric run ranked, with what traces and exports need; rubric-free inputs are refused with `why`. */
export function rankedRubricRun(v: InputValues & { method?: string }, plugins: Plugins & { readonly input?: InputReader }, command: string): { run: RubricRun; ctx: TraceContext } {
  const run = setupRubricRun(v, plugins);
  if (run.mode === 'table') throw new UsageError('usage.rubric-only-option', `${command} needs a rubric`, 'pass --rubric, or leave --data out to use the bundled one');
  return { run, ctx: rubricContext(run) };
}

/** The ranking of a rubric run with the files its traces read. */
function rubricContext(run: RubricRun): TraceContext {
  const result = { ...rankWithRubric(run.rubric, run.data, run.method), scenario: run.scenario };
  return { rubric: run.rubric, data: run.data, dictionary: run.project.dictionary, evidence: run.project.evidence, result };
}

/**
 * The model the weight analyses read (sweep, thresholds, SMAA): a rubric run's, or in rubric-free mode the plain
 * table's, whose criteria act as the conditions (analysis/sensitivity-model.ts), over the matrix `rank` builds.
 */
export function analysisSetup(v: InputValues & MethodOptionValues, plugins: Plugins & { readonly input?: InputReader }): { readonly model: SensitivityModel; readonly title: string; readonly run: RubricRun | Extract<Inputs, { mode: 'table' }> } {
  const run = setupRubricRun(v, plugins);
  if (run.mode === 'table') {
    const method = selectMethod(v, plugins, 'wsm');
    return { run, title: run.data.file, model: tableSensitivityModel(run.data, run.criteria, run.weights, run.cost, method) };
  }
  return { run, title: run.rubric.title, model: sensitivityModel(run.rubric, run.data, run.method, run.project.dictionary) };
}

/**
 * A ranked run that can trace any market: a rubric run (rule, values, evidence), or a plain table whose criteria act
 * as the conditions (analysis/table-trace.ts). compare, explain and export read either through `trace`.
 */
export type TracedRun =
  | { readonly mode: 'rubric'; readonly result: RankResult; readonly run: RubricRun; readonly ctx: TraceContext; trace(id: string): MarketTrace }
  | { readonly mode: 'table'; readonly result: RankResult; readonly run: Extract<Inputs, { mode: 'table' }>; readonly ctx: TableTraceContext; trace(id: string): MarketTrace };

export function tracedRun(v: InputValues & MethodOptionValues, plugins: Plugins & { readonly input?: InputReader }): TracedRun {
  const run = setupRubricRun(v, plugins);
  if (run.mode === 'table') {
    const method = selectMethod(v, plugins, 'wsm');
    const result = rankTable(run.data, run.criteria, run.weights, run.cost, method, run.notes, run.weightsDeclared);
    const ctx: TableTraceContext = { result, data: run.data, matrix: tableMatrix(run.data, run.criteria, run.weights, run.cost), method };
    return { mode: 'table', result, run, ctx, trace: (id) => traceTableMarket(ctx, id) };
  }
  const ctx = rubricContext(run);
  return { mode: 'rubric', result: ctx.result, run, ctx, trace: (id) => traceMarket(ctx, id) };
}
