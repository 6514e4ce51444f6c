import { parseArgs } from 'node:util';
import { statSync } from 'node:fs';
import { listScenarios } from '../scenario/load-scenario';
import { mayBeTableMode, resolveFiles, selectProject, type InputValues } from './inputs';
import { INPUT_OPTIONS } from './options';
import { scenarioFolder } from './setup';

/** Commands that load the rubric-mode inputs (loadInputs), and so read the bundled files for options not given. */
const PROJECT_COMMANDS = new Set(['rank', 'validate', 'scenarios', 'sensitivity', 'compare', 'explain', 'export', 'report']);
/** Commands that read every scenario file of the scenario folder, not only the one --scenario names. */
const ALL_SCENARIOS = new Set(['scenarios', 'validate']);

/**
 * The files a command line may read, found before the command runs, so that an --output naming one of them is
 * refused before anything is read or written (main.ts): the bundled default files the command falls back on, the
 * value of every option and every positional that names an existing file (a scorecard for diff, a matrix for
 * weights ahp), and the scenario files. Listing one file too many only refuses an output that would have
 * overwritten a file the user passed in; listing one too few would let a run destroy its own input.
 */
export function commandInputs(command: string, args: string[]): string[] {
  const { values, tokens } = parseArgs({ args, options: INPUT_OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const v = values as InputValues;
  const files: string[] = [];
  for (const t of tokens) {
    const value = t.kind === 'positional' ? t.value : t.kind === 'option' ? t.value : undefined;
    if (typeof value === 'string' && isFile(value)) files.push(value);
  }
  // Whether the data will be read rubric-free is settled later by its header (inputs.ts); until then the project's
  // files count as inputs whenever they might be read, so an output can never replace one of them.
  if (PROJECT_COMMANDS.has(command) && !(mayBeTableMode(v) && (v.criteria !== undefined || v.weights !== undefined || v.cost !== undefined))) {
    // The project's files as the command will resolve them (inputs.ts): --project or the bundled one, with any
    // file option in place of the project's file; cells and evidence only with the project's own data.
    const f = resolveFiles(v, selectProject(v));
    files.push(f.rubric, f.data, f.dictionary, ...(f.cells !== undefined ? [f.cells] : []), ...(f.evidence !== undefined ? [f.evidence] : []));
    const folder = scenarioFolder(v);
    if (folder.dir !== undefined && (typeof v.scenario === 'string' || ALL_SCENARIOS.has(command))) files.push(...scenarioFiles(folder.dir));
  } else if (typeof v.scenarios === 'string') files.push(...scenarioFiles(v.scenarios));
  return files;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function scenarioFiles(dir: string): string[] {
  try {
    return listScenarios(dir);
  } catch {
    return []; // an unreadable folder is the command's own error to report
  }
}
