import { applyScenario } from '../../analysis/scenarios';
import { listScenarios, loadScenario } from '../../scenario/load-scenario';
import { applyWeightOverrides, parseWeightOverrides } from '../../analysis/weight-overrides';
import { UsageError } from '../../errors/problem';
import { gridFormat, renderGrid } from '../../render/grid';
import { rankWithRubric } from '../../scoring/score-rubric';
import type { Command } from '../command';
import { SCENARIOS_HELP } from '../help';
import { loadInputs } from '../inputs';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath } from '../paths';
import { scenarioDir } from '../setup';

/** One table: markets as rows, the base rank and one rank column per scenario, so a user sees who holds their place. */
export const scenarios: Command = (args, _io, plugins) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'scenarios');
  if (values.help) return { stdout: SCENARIOS_HELP };
  if (values.scenario !== undefined) throw new UsageError('usage.bad-option', 'scenarios: --scenario is not an option here', 'this command ranks under every scenario; use rank --scenario NAME for one');
  const format = gridFormat(values.format);
  if (values.method !== undefined) plugins.methods.get(values.method);
  const overrides = parseWeightOverrides(values.weight ?? []);
  const inputs = loadInputs(values, plugins.input);
  if (inputs.mode === 'table') throw new UsageError('usage.rubric-only-option', 'scenarios needs a rubric', 'scenarios change rubric weights and indicator values');
  const p = inputs.project;
  const method = plugins.methods.get(values.method ?? p.rubric.method);
  const files = listScenarios(scenarioDir(values)).map((f) => loadScenario(displayPath(f), plugins.input));
  const rankOf = (rubric: typeof p.rubric, data: typeof p.data) => {
    const r = rankWithRubric(applyWeightOverrides(rubric, overrides).rubric, data, method);
    return new Map(r.ranking.map((a) => [a.id, { rank: a.rank, gated: a.gated }]));
  };
  const base = rankOf(p.rubric, p.data);
  const columns = files.map((s) => {
    const { rubric, data } = applyScenario(s, p.rubric, p.data, p.dictionary);
    return rankOf(rubric, data);
  });
  const ids = [...base.keys()];
  const all = [base, ...columns];
  const names = ['base', ...files.map((s) => s.spec.id)];
  // csv and json: one true/false column per ranking (the gate's `*`), after the ranks so the rank columns stay numbers;
  // table and md: the same facts as a note per ranking that gated any market.
  const machine = format === 'csv' || format === 'json';
  const rows = ids.map((id) => [id, ...all.map((c) => c.get(id)!.rank), ...(machine ? all.map((c) => String(c.get(id)!.gated)) : [])]);
  const gatedNotes = machine ? [] : all.flatMap((c, k) => {
    const g = ids.filter((id) => c.get(id)!.gated);
    return g.length ? [`Gated under ${names[k]}: ${g.join(', ')} — a condition is below the gate threshold, so score and tier are capped.`] : [];
  });
  const notes = [
    `Ranks under method ${method.id}; base = the rubric's own weights and data${overrides.length ? ' (with the --weight overrides, as every column)' : ''}.`,
    ...files.map((s) => `${s.spec.id}: ${s.spec.title} — ${s.spec.rationale}`),
    ...gatedNotes,
  ];
  const head = ['id', ...names, ...(machine ? names.map((n) => `${n}_gated`) : [])];
  return { output: renderGrid({ title: `Rank by scenario — ${p.rubric.title}`, head, rows, notes }, format) };
};
