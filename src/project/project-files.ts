import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { displayPath } from '../io/display-path';
import type { ProjectFiles } from '../load-project';
import { DEFAULT_PROJECT_ID, bundledManifest } from './bundled';
import { loadManifest, type ProjectManifest } from './manifest';

/* Where a project's files are: the bundled NEC project's, or those a manifest names. Library API, not CLI. */

/** The package root (where package.json names moatscore), found from this file whether bundled or run from src. */
export function packageRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'moatscore') return dir;
      } catch {
        // not ours
      }
    }
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The default project's manifest: the bundled NEC model, declared once in moatscore.yaml at the package root. */
export function defaultManifest(root = packageRoot()): ProjectManifest {
  return loadManifest(displayPath(bundledManifest(DEFAULT_PROJECT_ID, root)!));
}

/** The files of a project as loadProject takes them. With no manifest, the bundled NEC project's. */
export function defaultFiles(root = packageRoot()): ProjectFiles & { cells: string; evidence: string } {
  return projectFiles(defaultManifest(root));
}

export function projectFiles(m: ProjectManifest): ProjectFiles & { cells: string; evidence: string } {
  return { rubric: m.rubric, data: m.data, dictionary: m.dictionary, cells: m.cells, evidence: m.evidence, sources: m.sources, outcomes: m.outcomes };
}
