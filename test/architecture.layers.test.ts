import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers';

const SRC = join(ROOT, 'src');

/** Every .ts file under src and the src files it imports at run time (type-only imports leave no edge). */
function importGraph(): Map<string, string[]> {
  const files: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : f.endsWith('.ts') && files.push(join(d, f))));
  walk(SRC);
  return new Map(files.map((f) => {
    const text = readFileSync(f, 'utf8');
    const targets = [...text.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+'(\.[^']+)'/gm)].map((m) => {
      const t = join(dirname(f), m[1]);
      return existsSync(`${t}.ts`) ? `${t}.ts` : join(t, 'index.ts');
    });
    return [relative(SRC, f), targets.map((t) => relative(SRC, t))];
  }));
}

describe('layers read as the data flows', () => {
  const graph = importGraph();

  it('no module imports another in a circle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (u: string) => {
      state.set(u, 'open');
      stack.push(u);
      for (const v of graph.get(u) ?? []) {
        if (state.get(v) === 'open') cycles.push([...stack.slice(stack.indexOf(v)), v].join(' → '));
        else if (!state.has(v)) visit(v);
      }
      stack.pop();
      state.set(u, 'done');
    };
    for (const f of graph.keys()) if (!state.has(f)) visit(f);
    expect(cycles).toEqual([]);
  });

  it('loading (load-project, rubric, data, evidence, scenario, project) imports nothing of scoring, analysis, rendering or the CLI', () => {
    const loading = [...graph.keys()].filter((f) => f === 'load-project.ts' || /^(rubric|data|evidence|scenario|project)\//.test(f));
    const later = /^(scoring|analysis|render|report|cli)\//;
    const bad = loading.flatMap((f) => graph.get(f)!.filter((t) => later.test(t)).map((t) => `${f} → ${t}`));
    expect(bad).toEqual([]);
  });

  it('domain code imports no inversify: only src/ioc.ts and the CLI edge (cli/cli.ts, cli/main.ts) do', () => {
    const users = [...graph.keys()].filter((f) => /from 'inversify'/.test(readFileSync(join(SRC, f), 'utf8')));
    expect(users.sort()).toEqual(['cli/cli.ts', 'cli/main.ts', 'ioc.ts']);
    expect(readFileSync(join(SRC, 'cli/main.ts'), 'utf8')).not.toMatch(/new Container/);
    expect(readFileSync(join(SRC, 'cli/cli.ts'), 'utf8')).not.toMatch(/new Container/);
  });
});
