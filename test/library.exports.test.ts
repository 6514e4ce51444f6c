import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index';
import { cli, ROOT } from './helpers';

describe('src/index.ts is the library a user imports: hand-picked, no CLI internals, no container', () => {
  it('exports what the review found missing, and nothing of the CLI or the composition root', () => {
    for (const name of ['ExpressionError', 'traceMarket', 'readScorecard', 'loadProject', 'rankWithRubric', 'smaa', 'TableRenderer', 'METHOD_IDS']) expect(lib).toHaveProperty(name);
    for (const name of ['buildContainer', 'resolvePlugins', 'TOKENS', 'Registry', 'run', 'displayPath', 'parseOptions']) expect(lib).not.toHaveProperty(name);
    // index.ts names every export itself: no `export *` that would let internals through
    expect(readFileSync(join(ROOT, 'src', 'index.ts'), 'utf8')).not.toMatch(/export \*/);
  });

  it('works without the container: load, rank with a constructed method, trace one market — as explain does', () => {
    const project = lib.loadProject(lib.defaultFiles());
    const result = lib.rankWithRubric(project.rubric, project.data, new lib.GateMethod());
    const trace = lib.traceMarket({ rubric: project.rubric, data: project.data, dictionary: project.dictionary, evidence: project.evidence, result }, 'vran');
    const explained = JSON.parse(cli(['explain', 'vran', '--format', 'json']).stdout) as { rank: number; score: number; gated: boolean };
    expect({ rank: trace.rank, gated: trace.gated, score: Number(trace.score.toFixed(3)) }).toEqual({ rank: explained.rank, gated: explained.gated, score: Number(explained.score.toFixed(3)) });
    expect(trace.rank).toBe(5);
  });
});
