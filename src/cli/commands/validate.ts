import type { Command } from '../command';
import { VALIDATE_HELP } from '../help';
import { loadInputs } from '../inputs';
import { HELP_OPTION, INPUT_OPTIONS, parseOptions } from '../options';
import { loadScenario, applyScenario, listScenarios } from '../../analysis/scenarios';
import { scenarioDir } from '../setup';
import { displayPath } from '../paths';
import { InputError, type Problem } from '../../errors/problem';

export const validate: Command = (args) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...HELP_OPTION }, 'validate');
  if (values.help) return { stdout: VALIDATE_HELP };
  const inputs = loadInputs(values);
  if (inputs.mode === 'table') return { stdout: `ok: ${inputs.data.file} (${inputs.data.ids.length} rows × ${inputs.criteria.length} criteria)\n` };
  const p = inputs.project;
  // Scenario files are inputs too: each must load and apply cleanly to this rubric and data. The bundled ones are
  // written for the bundled rubric and data, so they are checked with those, or when --scenarios names a folder.
  const problems: Problem[] = [];
  const bundled = values.rubric === undefined && values.data === undefined && values.dictionary === undefined;
  const scenarios = values.scenarios !== undefined || bundled ? listScenarios(scenarioDir(values)) : [];
  for (const f of scenarios) {
    try {
      applyScenario(loadScenario(displayPath(f)), p.rubric, p.data, p.dictionary);
    } catch (e) {
      if (e instanceof InputError) for (const p of e.problems) problems.push(p);
      else throw e;
    }
  }
  if (problems.length) throw new InputError(problems);
  const files = [p.files.rubric, p.files.dictionary, p.files.data, p.files.cells, p.files.evidence].filter(Boolean).length + scenarios.length;
  const facts = p.evidence ? `, ${p.evidence.facts.length} facts` : '';
  const sc = scenarios.length ? `, ${scenarios.length} scenarios` : '';
  return {
    stdout: `ok: ${files} files valid (${p.rubric.conditions.length} conditions, ${p.rubric.criteria.length} criteria, ${p.data.ids.length} markets${facts}${sc})\n`,
    stderr: p.rubric.notes.map((n) => `note: ${p.files.rubric}: ${n}\n`).join(''),
  };
};
