import { join } from 'node:path';

/** The projects shipped in the package, by id, with their manifests relative to the package root. The first is the
 * default: the six NEC markets the CLI ranks when no project is named. */
export const BUNDLED_PROJECTS: readonly { readonly id: string; readonly manifest: string }[] = [
  { id: 'nec', manifest: 'moatscore.yaml' },
  { id: 'nec-segments', manifest: 'data/nec-segments/moatscore.yaml' },
];

export const DEFAULT_PROJECT_ID = BUNDLED_PROJECTS[0].id;

/** The manifest file of a bundled project, or undefined for an unknown id. */
export function bundledManifest(id: string, root: string): string | undefined {
  const p = BUNDLED_PROJECTS.find((b) => b.id === id);
  return p && join(root, p.manifest);
}
