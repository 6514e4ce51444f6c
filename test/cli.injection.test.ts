import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../src/errors/problem';
import { buildContainer, TOKENS, type OutputWriter } from '../src/ioc';
import { writeOutputs } from '../src/io/atomic-write';
import { fileSystemReader, type InputReader } from '../src/io/read-input';
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

/** An input reader serving files from memory, recording what was read (a test double for the file system). */
function memoryReader(files: Record<string, string>): InputReader & { readonly reads: string[] } {
  const reads: string[] = [];
  const missing = (file: string) => Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
  const body = (file: string) => {
    if (!(file in files)) throw missing(file);
    return Buffer.from(files[file], 'utf8');
  };
  return {
    reads,
    stat: (file) => ({ isFile: true, size: body(file).length }),
    readFile: (file) => {
      reads.push(file);
      return body(file);
    },
    exists: (file) => file in files,
    open: (file) => {
      reads.push(file);
      const buf = body(file);
      return { read: (into, offset, length, position) => buf.copy(into, offset, position, Math.min(buf.length, position + length)), close: () => undefined };
    },
  };
}

describe('inputs are read through the bound reader, so a test can serve them from memory or make a read fail', () => {
  it('rank reads a table that exists only in memory: WSM with linear max normalisation gives q 0.75, p 2/3, r 7/12', () => {
    // a/max(a) = 1/3, 1, 2/3 and b/max(b) = 1, 1/2, 1/2 for p, q, r; equal weights: p (1/3 + 1)/2, q (1 + 1/2)/2, r (2/3 + 1/2)/2.
    const mem = memoryReader({ '/in-memory/t.csv': 'id,a,b\np,1,4\nq,3,2\nr,2,2\n' });
    const c = buildContainer();
    c.rebind<InputReader>(TOKENS.input).toConstantValue(mem);
    const r = run(['rank', '--data', '/in-memory/t.csv', '--format', 'csv'], io, {}, c);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(1, 4)).toEqual(['1,q,q,0.75,false', '2,p,p,0.666666666667,false', '3,r,r,0.583333333333,false']);
    // Its header first, to choose the mode (cli/data-mode.ts: not the project's indicators, so rubric-free), then the file.
    expect(mem.reads).toEqual(['/in-memory/t.csv', '/in-memory/t.csv']);
  });

  it('a rubric run reads the rubric, dictionary, data, cells and ledger through it, and nothing else', () => {
    // The bundled project's files, served from memory under their own paths: the output must equal the disk run's.
    const served = new Set<string>();
    const disk: InputReader = { ...fileSystemReader, readFile: (f) => (served.add(f), fileSystemReader.readFile(f)), open: (f) => (served.add(f), fileSystemReader.open(f)) };
    const c = buildContainer();
    c.rebind<InputReader>(TOKENS.input).toConstantValue(disk);
    const viaReader = run(['rank', '--format', 'json'], io, {}, c);
    expect(viaReader.code).toBe(0);
    expect(viaReader.stdout).toBe(run(['rank', '--format', 'json'], io).stdout);
    const names = [...served].map((f) => f.split(/[\\/]/).slice(-2).join('/'));
    const project = ['data/cells.csv', 'data/indicators.yaml', 'data/markets.csv', 'rubrics/pricing-power.yaml', 'seeds/evidence.yaml'];
    expect(names.filter((n) => project.includes(n)).sort()).toEqual(project);
    // The rest are the ledger's source documents, read for the heading check (when they are found).
    expect(names.filter((n) => !project.includes(n)).sort()).toEqual(['seeds/000_545ac16c1f9c17f3.txt', 'seeds/001_c3ae2f7b1fd7767c.txt'].filter(() => existsSync(join(__dirname, '..', '..', 'shared', 'seeds'))));
  });

  it('a read that fails with EACCES is an io.unreadable error naming the file, exit 66-style non-zero, no stack trace', () => {
    const denied: InputReader = { ...fileSystemReader, readFile: (f) => { throw Object.assign(new Error(`EACCES: ${f}`), { code: 'EACCES' }); }, stat: () => ({ isFile: true, size: 10 }) };
    const c = buildContainer();
    c.rebind<InputReader>(TOKENS.input).toConstantValue(denied);
    const r = run(['rank', '--data', '/locked/t.csv'], io, {}, c);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('/locked/t.csv');
    expect(r.stderr).toContain('cannot be read (EACCES)');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('no command reads the clock', () => {
  it('nothing under src/ calls Date.now() or new Date() without a fixed instant, so output never depends on when it ran', () => {
    // Output is byte-identical for the same inputs (and seed); a clock would be a hidden input. The one Date in the
    // source is the workbook's fixed modification stamp, Date.UTC(2000, 0, 1). So there is no clock to inject.
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const f = join(dir, name);
        if (statSync(f).isDirectory()) walk(f);
        else if (f.endsWith('.ts')) {
          readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
            if (/Date\.now\(|new Date\((?!Date\.UTC\(|fixedDate\))|performance\.now\(|process\.hrtime/.test(line)) offenders.push(`${f}:${i + 1}: ${line.trim()}`);
          });
        }
      }
    };
    walk(join(__dirname, '..', 'src'));
    expect(offenders).toEqual([]);
  });
});
