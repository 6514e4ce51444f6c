import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../errors/problem';
import type { ProjectFiles } from '../load-project';
import { BUNDLED_PROJECTS, DEFAULT_PROJECT_ID, bundledManifest } from '../project/bundled';
import { MANIFEST_NAME, isDir, loadManifest, type ProjectManifest } from '../project/manifest';

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
  return { rubric: m.rubric, data: m.data, dictionary: m.dictionary, cells: m.cells, evidence: m.evidence, sources: m.sources };
}

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

/** How a path is shown in messages: relative to the working folder when inside it, else absolute. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
