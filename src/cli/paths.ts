import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

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

/** The bundled inputs: the NEC rubric, market data, indicator dictionary, cell evidence and evidence ledger. */
export function defaultFiles(root = packageRoot()) {
  return {
    rubric: join(root, 'rubrics', 'pricing-power.yaml'),
    data: join(root, 'data', 'markets.csv'),
    dictionary: join(root, 'data', 'indicators.yaml'),
    cells: join(root, 'data', 'cells.csv'),
    evidence: join(root, 'seeds', 'evidence.yaml'),
  };
}

/** How a path is shown in messages: relative to the working folder when inside it, else absolute. */
export function displayPath(p: string): string {
  const abs = resolve(p);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
