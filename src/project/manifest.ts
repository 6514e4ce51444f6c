import { statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { ProblemList } from '../errors/problem';
import { decodeUtf8, readInputFile } from '../io/read-input';
import { kebabId } from '../io/kebab-id';
import { parseYaml, validateYaml } from '../io/yaml-source';

/** The manifest's file name: a folder holding one is a project. */
export const MANIFEST_NAME = 'moatscore.yaml';

const relPath = z.string().min(1);

/** `moatscore.yaml`: the files of one model, every path relative to the manifest's own folder. */
export const ProjectManifestSchema = z.strictObject({
  id: kebabId.describe('Project id, kebab-case'),
  title: z.string().min(1).describe('One line naming the model'),
  rubric: relPath.describe('Rubric YAML'),
  dictionary: relPath.describe('Indicator dictionary YAML'),
  data: relPath.describe('Market data CSV: id, name, one column per indicator'),
  cells: relPath.describe('Cell evidence CSV: market,indicator,low,high,evidence,rationale'),
  evidence: relPath.describe('Evidence ledger YAML'),
  scenarios: relPath.describe('Folder of scenario YAML files (may be empty)'),
  outcomes: relPath.optional().describe('Folder of outcomes CSVs (market,outcome,evidence,rationale) for moatscore backtest'),
  sources: relPath.optional().describe('Folder holding the source documents the ledger cites'),
});

export type ProjectManifestSpec = z.infer<typeof ProjectManifestSchema>;

/** A validated manifest with every path resolved against its folder. Folders are checked to exist; files are not
 * (their loaders say precisely what is wrong with each, and --rubric/--data may replace one). */
export interface ProjectManifest {
  readonly file: string;
  readonly dir: string;
  readonly id: string;
  readonly title: string;
  readonly rubric: string;
  readonly dictionary: string;
  readonly data: string;
  readonly cells: string;
  readonly evidence: string;
  readonly scenarios: string;
  readonly outcomes?: string;
  readonly sources?: string;
}

/** Loads `moatscore.yaml`: YAML → zod → path rules → a frozen manifest with absolute paths. */
export function loadManifest(file: string): ProjectManifest {
  const src = parseYaml(decodeUtf8(readInputFile(file), file), file);
  const raw = validateYaml(src, ProjectManifestSchema, 'project');
  const dir = dirname(resolve(file));
  const problems = new ProblemList(file);
  const at = (key: string) => ({ line: src.lineOf([key]), path: key });
  const abs = (p: string) => (isAbsolute(p) ? p : join(dir, p));
  // The scenarios folder must exist: a missing one would silently rank with no scenarios.
  if (!isDir(abs(raw.scenarios))) problems.add({ code: 'project.missing-folder', ...at('scenarios'), message: `scenario folder '${raw.scenarios}' does not exist (looked in ${abs(raw.scenarios)})`, hint: 'create the folder (it may be empty) or correct the path, relative to the manifest' });
  problems.throwIfErrors();
  return Object.freeze({
    file, dir, id: raw.id, title: raw.title,
    rubric: abs(raw.rubric), dictionary: abs(raw.dictionary), data: abs(raw.data), cells: abs(raw.cells), evidence: abs(raw.evidence),
    scenarios: abs(raw.scenarios),
    outcomes: raw.outcomes === undefined ? undefined : abs(raw.outcomes),
    // A sources folder that is absent (an installed package without the shared seeds) is not an error: the heading
    // check against the source text is then skipped with a warning, as for any ledger whose source cannot be found.
    sources: raw.sources === undefined ? undefined : abs(raw.sources),
  });
}

export function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
