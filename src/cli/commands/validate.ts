import type { Command, CommandOutput } from '../command';
import { warn } from '../warnings';
import type { InputReader } from '../../io/read-input';
import { VALIDATE_HELP } from '../help';
import { loadInputs, resolveFiles, selectProject, type InputValues } from '../inputs';
import { HELP_OPTION, INPUT_OPTIONS, parseOptions } from '../options';
import { applyScenario } from '../../analysis/scenarios';
import { listScenarios, loadScenario } from '../../scenario/load-scenario';
import { scenarioFolder } from '../setup';
import { displayPath } from '../paths';
import { InputError, UsageError, type Problem } from '../../errors/problem';
import { appendStubs, type CellRef } from '../../project/stub-cells';

export const validate: Command = (args, _io, services) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...HELP_OPTION, 'stub-cells': { type: 'boolean' } }, 'validate');
  if (values.help) return { stdout: VALIDATE_HELP };
  if (values['stub-cells']) return stubCells(values, services.input);
  return check(values, services.input);
};

function check(values: InputValues, input: InputReader): CommandOutput {
  const inputs = loadInputs(values, input);
  if (inputs.mode === 'table') return { stdout: `ok: ${inputs.data.file} (${inputs.data.ids.length} rows × ${inputs.criteria.length} criteria)\n` };
  const p = inputs.project;
  warn(p.warnings); // skipped checks (a source document not found) are said here, not on every command
  // Scenario files are inputs too: each must load and apply cleanly to this rubric and data. Only the project's own
  // (or --scenarios DIR) are checked; scenarioFolder says why there are none.
  const problems: Problem[] = [];
  const folder = scenarioFolder(values);
  const scenarios = folder.dir !== undefined ? listScenarios(folder.dir) : [];
  for (const f of scenarios) {
    try {
      applyScenario(loadScenario(displayPath(f), input), p.rubric, p.data, p.dictionary);
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
    stderr: p.rubric.notes.map((n) => `note: ${p.files.rubric}: ${n}\n`).join('') + (folder.why ? `note: ${folder.why} (${folder.hint})\n` : ''),
  };
}

/**
 * --stub-cells: appends a stub row to the cells file for every cell of the data that has no row, in one atomic
 * write. Only when missing cells are all that is wrong (stubs already written may be pending): with any other
 * problem, nothing is written and every problem is reported, so a half-broken project is never edited.
 */
function stubCells(values: InputValues, input: InputReader): CommandOutput {
  const cellsFile = resolveFiles(values, selectProject(values)).cells;
  if (cellsFile === undefined) throw new UsageError('usage.no-cells-file', 'validate --stub-cells: this run has no cells file (--data without --cells)', 'name the file to append to with --cells FILE');
  let problems: readonly Problem[];
  try {
    return withNote(check(values, input), 'no cells are missing; nothing was appended');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    problems = e.problems;
  }
  const missing = problems.filter((p) => p.code === 'cells.missing' && p.file === cellsFile);
  const other = problems.filter((p) => p.code !== 'cells.missing' && p.code !== 'cells.stub');
  if (missing.length === 0 || other.length > 0) {
    const why = missing.length === 0 ? 'no cells are missing' : `fix the ${other.length} other problem${other.length === 1 ? '' : 's'} first`;
    throw new InputError([...problems, { code: 'cells.stubs-not-written', file: cellsFile, message: `--stub-cells appended nothing: ${why}`, hint: 'run validate --stub-cells again once the problems above are fixed' }]);
  }
  // The path of a cells.missing problem is `market/indicator`; ids are kebab-case, so the split is exact.
  const cells: CellRef[] = missing.map((p) => {
    const [market, indicator] = p.path!.split('/');
    return { market, indicator };
  });
  const first = appendStubs(cellsFile, cells);
  const last = first + cells.length - 1;
  return {
    stdout: `appended ${cells.length} stub row${cells.length === 1 ? '' : 's'} to ${cellsFile} (lines ${first}–${last}): ${cells.map((c) => `${c.market}/${c.indicator}`).join(', ')}\n` +
      `fill in each (evidence: fact ids; rationale: why the value follows); until then validate fails with cells.stub\n`,
  };
}

function withNote(out: CommandOutput, note: string): CommandOutput {
  return { ...out, stderr: `${out.stderr ?? ''}note: ${note}\n` };
}
