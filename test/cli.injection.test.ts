import { existsSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/errors/problem';
import { buildContainer, TOKENS, type OutputWriter } from '../src/ioc';
import { writeOutputs } from '../src/io/atomic-write';
import { run } from '../src/cli/main';
import type { AggregationMethod, DecisionMatrix, PreparedMethod } from '../src/methods/method';
import { METHOD_IDS, METHOD_PLUGINS } from '../src/methods/plugins';
import { RubricSchema } from '../src/rubric/schema';
import { fixture, tempDir } from './helpers';

const io = { isTTY: false, env: {} };

/**
 * A toy plug-in, bound only in the test's container: maximin, the score is the alternative's worst value over the
 * criteria with a positive weight (Wald's rule). Undecorated, like every plug-in.
 */
class MaximinMethod implements AggregationMethod {
  readonly id = 'maximin';
  readonly name = 'maximin (worst criterion)';
  readonly compensatory = false;
  readonly scoreMeaning = 'worst value over the weighted criteria';
  check(): Problem[] {
    return [];
  }
  prepare(m: DecisionMatrix): PreparedMethod {
    return {
      n: m.n,
      score: (w, out) => {
        for (let i = 0; i < m.n; i++) out[i] = Math.min(...m.columns.filter((_, j) => w[j] > 0).map((c) => c[i]));
      },
    };
  }
  score(m: DecisionMatrix): Float64Array {
    const out = new Float64Array(m.n);
    this.prepare(m).score(m.weights, out);
    return out;
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return { code: 'method.undefined-score', path: `row ${m.ids[row]}`, message: 'maximin gives no score' };
  }
}

describe('the container supplies every command collaborator, and a test can swap each one', () => {
  it('a method bound in the container is one more --method: maximin ranks q = r ahead of p (min(1,4)=1, min(3,2)=2, min(2,2)=2)', () => {
    const c = buildContainer();
    c.bind<AggregationMethod>(TOKENS.method).toResolvedValue(() => new MaximinMethod());
    const dir = fixture({ 't.csv': 'id,a,b\np,1,4\nq,3,2\nr,2,2\n' });
    const r = run(['rank', '--data', join(dir, 't.csv'), '--method', 'maximin', '--format', 'csv'], io, {}, c);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['1,q,q,2', '1,r,r,2', '3,p,p,1']);
    // The default container does not know it, and says which ids it does know.
    const plain = run(['rank', '--data', join(dir, 't.csv'), '--method', 'maximin'], io);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(`choose one of: ${METHOD_IDS.join(', ')}`);
  });

  it("the rubric schema's method enum is generated from the plug-in list (src/methods/plugins.ts), so it stays in step", () => {
    const method = RubricSchema.shape.method;
    for (const id of METHOD_IDS) expect(method.safeParse(id).success).toBe(true);
    expect(method.safeParse('maximin').success).toBe(false);
    expect(METHOD_IDS).toEqual(METHOD_PLUGINS.map((M) => new M().id));
    expect(METHOD_IDS).toEqual(expect.arrayContaining(['wsm', 'wpm', 'topsis', 'gate']));
  });

  it('export provenance names the bound version (the engine line comes from the container, not a global)', () => {
    const c = buildContainer();
    c.rebind<string>(TOKENS.version).toConstantValue('9.9.9-test');
    const r = run(['export', '--shape', 'wide', '--provenance', 'header'], io, {}, c);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('# engine: moatscore 9.9.9-test');
    expect(run(['--version'], io, {}, c).stdout).toBe('9.9.9-test\n');
  });

  it('the default seed of SMAA is the bound one (sensitivity smaa without --seed)', () => {
    const c = buildContainer();
    c.rebind<number>(TOKENS.seed).toConstantValue(7);
    const r = run(['sensitivity', 'smaa', '--samples', '200', '--format', 'json'], io, {}, c);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).smaa.seed).toBe(7);
    // and it is the seed: the same run with --seed 7 on the default container is byte-identical
    expect(run(['sensitivity', 'smaa', '--samples', '200', '--format', 'json', '--seed', '7'], io).stdout).toBe(r.stdout);
  });

  it('a writer that fails (a full disk on the first write) leaves the old file untouched and exits non-zero', () => {
    const dir = tempDir();
    const target = join(dir, 'card.csv');
    writeFileSync(target, 'old\n');
    const enospc = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const full: OutputWriter = (files, opts) => writeOutputs(files, { ...opts, calls: { renameSync, writeSync: (() => { throw enospc; }) as unknown as typeof writeSync } });
    const c = buildContainer();
    c.rebind<OutputWriter>(TOKENS.writer).toConstantValue(full);
    const r = run(['export', '--output', target], io, {}, c);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/^error: .*card\.csv.*ENOSPC/);
    expect(r.stderr).not.toContain('wrote');
    expect(readFileSync(target, 'utf8')).toBe('old\n');
    expect(existsSync(`${target}.provenance.txt`)).toBe(false);
  });
});
