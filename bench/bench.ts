/**
 * npm run bench: speed and memory figures, measured side by side in one run (runs interleaved, medians reported),
 * because these machines are noisy. Prints:
 *  1. 100,000 × 40 TOPSIS ranking, end to end (moatscore rank --data … --method topsis --format csv --output …)
 *     beside the pandas + NumPy reference (../shared/bench/reference.py topsis …), and their ratio (target <= 1.0);
 *     the two rankings are checked to agree.
 *  2. Cold start of the default `moatscore rank` beside `node -e 0` (target < 0.3 s).
 *  3. SMAA with 100,000 samples on the six NEC markets (target < 0.5 s), in process and through the CLI, with the
 *     number of garbage collections during the sampling: a loop that allocated per sample would show hundreds.
 *  4. Reading and writing at scale (bench/io.ts): export, diff, a 200,000-column header, and with --big the peak
 *     RSS of ranking a 3,000,000 × 40 CSV.
 *  5. The report page (bench/report.ts): report wall time, page script size, time to table in headless Chromium.
 * Usage: npm run bench [-- --rows N --cols M --runs K --big]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defaultFiles } from '../src/cli/paths';
import { loadProject } from '../src/load-project';
import { sensitivityModel } from '../src/analysis/sensitivity-model';
import { smaa } from '../src/analysis/smaa';
import { benchIo } from './io';
import { benchEngine } from './engine';
import { benchReport } from './report';
import { benchMethods } from './methods';

const ROOT = resolve(__dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared', 'bench');
const OUT = join(ROOT, 'bench', 'out');
const PY = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const BIN = join(ROOT, 'bin', 'moatscore.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}
const ROWS = arg('rows', 100_000);
const COLS = arg('cols', 40);
const RUNS = arg('runs', 5);
const COLD_RUNS = arg('cold-runs', 21);

/** Wall seconds and peak RSS (KB, via /usr/bin/time when present) of one command. */
function timed(cmd: string, args: string[]): { s: number; kb: number | undefined } {
  const t0 = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-f', '%M', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const kb = TIME ? Number(r.stderr.trim().split('\n').pop()) : undefined;
  return { s, kb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number, d = 3) => x.toFixed(d);

function checkAgreement(ours: string, ref: string): string {
  const a = readFileSync(ours, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  const b = readFileSync(ref, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
  if (a.length !== b.length) return `DISAGREE: ${a.length} rows vs ${b.length}`;
  let maxDiff = 0;
  const refScore = new Map(b.map((r) => [r[1], Number(r[2])]));
  for (const r of a) maxDiff = Math.max(maxDiff, Math.abs(Number(r[3]) - refScore.get(r[1])!));
  const sameTop = a.slice(0, 1000).every((r, i) => r[1] === b[i][1]);
  return `${sameTop ? 'same top-1000 order' : 'DIFFERENT top-1000 order'}, max |score difference| ${maxDiff.toExponential(1)}`;
}

function main(): void {
  mkdirSync(OUT, { recursive: true });
  console.log(`moatscore bench — node ${process.version}, ${RUNS} interleaved runs per side (medians)\n`);

  const universe = join(OUT, `universe-${ROWS}x${COLS}.csv`);
  if (!existsSync(universe)) {
    const g = spawnSync(PY, [join(SHARED, 'make_universe.py'), String(ROWS), String(COLS), universe], { encoding: 'utf8' });
    if (g.status !== 0) throw new Error(`make_universe.py failed: ${g.stderr}`);
  }
  const mb = statSync(universe).size / 1e6;
  const hasPandas = spawnSync(PY, ['-c', 'import numpy, pandas'], { encoding: 'utf8' }).status === 0;
  const ours: number[] = [];
  const oursKb: number[] = [];
  const ref: number[] = [];
  const refKb: number[] = [];
  const oursOut = join(OUT, 'ours.csv');
  const refOut = join(OUT, 'reference.csv');
  for (let k = 0; k < RUNS; k++) {
    const o = timed(process.execPath, [BIN, 'rank', '--data', universe, '--method', 'topsis', '--format', 'csv', '--output', oursOut]);
    ours.push(o.s);
    if (o.kb) oursKb.push(o.kb);
    if (hasPandas) {
      const r = timed(PY, [join(SHARED, 'reference.py'), 'topsis', universe, refOut]);
      ref.push(r.s);
      if (r.kb) refKb.push(r.kb);
    }
  }
  console.log(`1. TOPSIS ranking of ${ROWS.toLocaleString('en')} × ${COLS} (${fmt(mb, 1)} MB CSV), end to end`);
  console.log(`   moatscore rank --method topsis --format csv --output   ${fmt(median(ours))} s   peak RSS ${oursKb.length ? `${Math.round(median(oursKb) / 1024)} MB` : 'n/a'}`);
  if (hasPandas) {
    console.log(`   pandas + NumPy reference.py topsis                     ${fmt(median(ref))} s   peak RSS ${refKb.length ? `${Math.round(median(refKb) / 1024)} MB` : 'n/a'}`);
    console.log(`   ratio moatscore / reference                            ${fmt(median(ours) / median(ref), 2)}   (target <= 1.00)`);
    console.log(`   agreement: ${checkAgreement(oursOut, refOut)}`);
  } else {
    console.log('   pandas + NumPy reference: not installed (apt-get install python3-numpy python3-pandas)');
  }

  const node0: number[] = [];
  const cold: number[] = [];
  for (let k = 0; k < COLD_RUNS; k++) {
    node0.push(timed(process.execPath, ['-e', '0']).s);
    cold.push(timed(process.execPath, [BIN, 'rank']).s);
  }
  console.log(`\n2. Cold start, ${COLD_RUNS} interleaved runs`);
  console.log(`   node -e 0                                              ${fmt(median(node0))} s`);
  console.log(`   moatscore rank (default NEC ranking)                   ${fmt(median(cold))} s   (target < 0.300 s)`);
  console.log(`   moatscore rank minus node -e 0                         ${fmt(median(cold) - median(node0))} s`);

  const project = loadProject(defaultFiles());
  const model = sensitivityModel(project.rubric, project.data, 'gate', project.dictionary);
  const timeSmaa = (values: boolean) => {
    const t: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const t0 = process.hrtime.bigint();
      smaa(model, { samples: 100_000, seed: 20261121 + k, sampler: 'dirichlet', level: 'conditions', values });
      t.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    return median(t);
  };
  smaa(model, { samples: 20_000, seed: 1, sampler: 'dirichlet', level: 'conditions', values: true }); // warm-up
  const withValues = timeSmaa(true);
  const weightsOnly = timeSmaa(false);
  // Garbage collections counted by V8 itself (--trace-gc) in a child running the bundled library: a loop that
  // allocated per sample would collect about ten times as often at 100,000 samples as at 10,000.
  const gcCount = (samples: number, values: boolean) => {
    const script = `const m=require(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});const p=m.loadProject(m.defaultFiles());` +
      `const s=m.sensitivityModel(p.rubric,p.data,'gate',p.dictionary);m.smaa(s,{samples:${samples},seed:1,sampler:'dirichlet',level:'conditions',values:${values}});`;
    const base = spawnSync(process.execPath, ['--trace-gc', '-e', script.replace(/m\.smaa\(.*$/, '')], { encoding: 'utf8' }).stdout.split('\n').filter((l) => /Scavenge|Mark-Compact/.test(l)).length;
    const run = spawnSync(process.execPath, ['--trace-gc', '-e', script], { encoding: 'utf8' }).stdout.split('\n').filter((l) => /Scavenge|Mark-Compact/.test(l)).length;
    return run - base;
  };
  const cliSmaa: number[] = [];
  for (let k = 0; k < RUNS; k++) cliSmaa.push(timed(process.execPath, [BIN, 'sensitivity', 'smaa', '--samples', '100000', '--format', 'csv', '--output', join(OUT, 'smaa.csv')]).s);
  console.log(`\n3. SMAA-2, 100,000 samples, six NEC markets, gate (target < 0.500 s)`);
  console.log(`   weights and indicator values sampled, in process       ${fmt(withValues)} s`);
  console.log(`   weights only, in process                               ${fmt(weightsOnly)} s`);
  console.log(`   garbage collections during SMAA, weights only          ${gcCount(10_000, false)} at 10,000 samples, ${gcCount(100_000, false)} at 100,000`);
  console.log(`   garbage collections during SMAA, values sampled        ${gcCount(10_000, true)} at 10,000 samples, ${gcCount(100_000, true)} at 100,000 (rules score batches of 1,000)`);
  console.log(`   moatscore sensitivity smaa --samples 100000 (CLI)      ${fmt(median(cliSmaa))} s   (includes start-up and loading)`);

  benchEngine();
  benchMethods();
  benchIo({ runs: RUNS, big: process.argv.includes('--big') });
}

main();
benchReport({ runs: RUNS }).catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
