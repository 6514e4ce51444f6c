import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors/problem';
import { displayPath } from '../io/display-path';
import { BUNDLED_PROJECTS, bundledManifest } from '../project/bundled';
import { MANIFEST_NAME, isDir, loadManifest, type ProjectManifest } from '../project/manifest';
import { packageRoot } from '../project/project-files';

// Moved to the library (src/project/project-files.ts, src/io/display-path.ts); re-exported for the CLI's callers.
export { defaultFiles, defaultManifest, packageRoot, projectFiles } from '../project/project-files';
export { displayPath } from '../io/display-path';

/**
 * `--project DIR|NAME`: a folder (or a manifest file) wins over a bundled id of the same name, so a user's folder is
 * never shadowed; a name that is neither is a usage error listing both ways.
 */
export function resolveProject(arg: string, root = packageRoot()): ProjectManifest {
  let file: string | undefined;
  if (isDir(arg)) {
    file = join(arg, MANIFEST_NAME);
    if (!existsSync(file)) throw new UsageError('usage.not-a-project', `--project ${arg}: the folder has no ${MANIFEST_NAME}`, `start a project there with moatscore init ${arg}`);
  } else if (existsSync(arg)) file = arg;
  else file = bundledManifest(arg, root);
  if (file === undefined) {
    throw new UsageError('usage.unknown-project', `--project ${arg} is neither a folder nor a bundled project`, `bundled: ${BUNDLED_PROJECTS.map((b) => b.id).join(', ')} (moatscore projects); start a new one with moatscore init ${arg}`);
  }
  return loadManifest(displayPath(file));
}

