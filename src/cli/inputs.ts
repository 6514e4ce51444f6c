import { resolve } from 'node:path';
import { InputError, UsageError } from '../errors/problem';
import { dataIsProjects, inTableMode } from './data-mode';
import { warn } from './warnings';
import { loadProject, type Project, type ProjectFiles } from '../load-project';
import type { ProjectManifest } from '../project/manifest';
import { loadTable } from '../data/load-table';
import type { Dataset } from '../model/dataset';
import { defaultManifest, displayPath, resolveProject } from './paths';
import { listOption } from './options';
import { objectiveWeights } from '../weights/objective';
import { normaliseWeights, parseWeightText, sumNote } from '../weights/normalise-weights';
import type { InputReader } from '../io/read-input';

export interface InputValues {
  project?: string;
  rubric?: string;
  data?: string;
  dictionary?: string;
  cells?: string;
  evidence?: string;
  criteria?: string;
  weights?: string;
  cost?: string;
  weight?: string[];
  scenario?: string;
  scenarios?: string;
}

export type Inputs =
  | { readonly mode: 'rubric'; readonly project: Project }
  | { readonly mode: 'table'; readonly data: Dataset; readonly criteria: string[]; readonly weights: Float64Array; readonly cost: Set<string>; readonly notes: string[]; readonly weightsDeclared: boolean };

/**
 * `--data` without `--rubric` or `--project` is rubric-free mode, unless the file's columns are the project's
 * indicators and no rubric-free option (--criteria, --weights, --cost) is given: then it is scored with the project's
 * rubric (data-mode.ts). Otherwise every file comes from the project.
 */
export function isTableMode(v: InputValues, input?: InputReader): boolean {
  if (!mayBeTableMode(v)) return false;
  if (v.criteria !== undefined || v.weights !== undefined || v.cost !== undefined) return true;
  return !dataIsProjects(displayPath(v.data!), selectProject(v), input);
}

/** `--data` without `--rubric` or `--project`: rubric-free unless the file turns out to be the project's kind. */
export function mayBeTableMode(v: InputValues): boolean {
  return v.data !== undefined && v.rubric === undefined && v.project === undefined;
}

/** The project of a run: `--project DIR|NAME`, else the bundled default (the NEC model). */
export function selectProject(v: InputValues): ProjectManifest {
  return v.project !== undefined ? resolveProject(v.project) : defaultManifest();
}

/** A file option overrides one file of the project; the other files stay the project's. */
export function resolveFiles(v: InputValues, m: ProjectManifest): ProjectFiles {
  // The project's own data file named explicitly is still the project's data, with its cells and evidence.
  const customData = v.data !== undefined && resolve(v.data) !== resolve(m.data);
  return {
    rubric: displayPath(v.rubric ?? m.rubric),
    data: displayPath(v.data ?? m.data),
    dictionary: displayPath(v.dictionary ?? m.dictionary),
    // The project's evidence describes the project's markets; other data carries its own or none.
    cells: v.cells !== undefined ? displayPath(v.cells) : customData ? undefined : displayPath(m.cells),
    evidence: v.evidence !== undefined ? displayPath(v.evidence) : customData ? undefined : displayPath(m.evidence),
    sources: m.sources,
    // The project's outcomes are about the project's markets; other data has none unless named (report --outcomes).
    outcomes: customData ? undefined : m.outcomes,
  };
}

/** Loads a run's inputs through `input` (the container's reader; the file system when none is given). */
export function loadInputs(v: InputValues, input?: InputReader): Inputs {
  if (isTableMode(v, input)) return loadTableInputs(v, input);
  for (const opt of ['criteria', 'weights', 'cost'] as const) {
    if (v[opt] !== undefined) throw new UsageError('usage.table-only-option', `--${opt} applies to rubric-free ranking (--data without --rubric)`, 'with a rubric, use --weight path=value to change a weight');
  }
  // Checks that were skipped (a ledger's source document not found, as in an installed package) are validate's to
  // report (commands/validate.ts): said on every rank, they would be noise the user cannot act on there.
  const files = resolveFiles(v, selectProject(v));
  const project = loadProject(files, input);
  if (v.data !== undefined && files.cells === undefined) {
    // Other data than the project's: the project's cells describe its own rows, not these; say the check is skipped.
    warn([{ code: 'cells.not-checked', file: files.data, message: 'cell evidence not checked: this data file is not the project\'s own, so the project\'s cells and evidence do not describe it', hint: 'pass --cells FILE and --evidence FILE to check the evidence behind each value' }]);
  }
  return { mode: 'rubric', project };
}

function loadTableInputs(v: InputValues, input: InputReader | undefined): Inputs {
  for (const opt of ['dictionary', 'cells', 'evidence', 'weight', 'scenario'] as const) {
    if (v[opt] !== undefined) throw new UsageError('usage.rubric-only-option', `--${opt} needs --rubric`, opt === 'weight' ? 'in rubric-free mode use --weights a=2,b=1' : 'rubric-free ranking reads only the CSV');
  }
  let loaded: ReturnType<typeof loadTable>;
  try {
    loaded = loadTable(displayPath(v.data!), listOption(v.criteria), { input });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.problems.map(inTableMode));
    throw e;
  }
  const { dataset, criteria } = loaded;
  const cost = parseCostOption(v.cost, criteria);
  const { weights, notes } = parseWeights(v.weights, criteria, dataset, cost);
  return { mode: 'table', data: dataset, criteria, weights, cost, notes, weightsDeclared: v.weights !== undefined };
}

/**
 * `--cost a,b`: the criteria where less is better. Every name must be a selected criterion; the one check for every
 * command that takes --cost (rank, sensitivity, … and `weights critic|entropy`).
 */
export function parseCostOption(text: string | undefined, criteria: readonly string[]): Set<string> {
  const cost = new Set(listOption(text) ?? []);
  for (const c of cost) {
    if (!criteria.includes(c)) throw new UsageError('usage.unknown-criterion', `--cost names '${c}', which is not a criterion`, `criteria: ${criteria.join(', ')}`);
  }
  return cost;
}

/**
 * `a=2,b=1` → weights normalised to sum 1 over `criteria` (normaliseWeights: exact at any magnitude); omitted
 * entirely → equal weights; `entropy` or `critic` → data-driven weights over the selected columns.
 */
export function parseWeights(text: string | undefined, criteria: readonly string[], data?: Dataset, cost: ReadonlySet<string> = new Set()): { weights: Float64Array; notes: string[] } {
  const m = criteria.length;
  if (text === undefined) return { weights: new Float64Array(m).fill(1 / m), notes: [] };
  if ((text === 'entropy' || text === 'critic') && data) {
    const weights = objectiveWeights(text, data, criteria, cost);
    return { weights, notes: [`${text} weights from the data: ${criteria.map((c, j) => `${c} ${+weights[j].toFixed(4)}`).join(', ')}`] };
  }
  const raw = new Map<string, number>();
  for (const part of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    if (eq < 0 || !key) throw new UsageError('usage.bad-weight', `--weights: '${part}' is not criterion=weight`, 'write --weights a=2,b=1');
    if (!criteria.includes(key)) throw new UsageError('usage.unknown-criterion', `--weights names '${key}', which is not a criterion`, `criteria: ${criteria.join(', ')}`);
    const parsed = parseWeightText(part.slice(eq + 1));
    if ('error' in parsed) throw new UsageError('usage.bad-weight', `--weights: ${key}=${parsed.error}`, 'weights are numbers in [0, 1.8e308]');
    raw.set(key, parsed.value);
  }
  const missing = criteria.filter((c) => !raw.has(c));
  if (missing.length) throw new UsageError('usage.missing-weight', `--weights gives no weight for ${missing.join(', ')}`, 'give every criterion a weight (0 switches one off), or use --criteria to select columns');
  const given = criteria.map((c) => raw.get(c)!);
  if (given.every((w) => w === 0)) throw new UsageError('usage.bad-weight', '--weights are all 0', 'give at least one criterion a positive weight');
  const note = sumNote(given);
  return { weights: normaliseWeights(given), notes: note ? [`criterion weights ${note}`] : [] };
}
