/**
 * Input/output figures (issue #10 item 3), called from bench/bench.ts main():
 *  a. `export` of 20,000 markets (target <= 2 s), on a rubric data set generated from data/indicators.yaml scales
 *     with a seeded RNG (src/analysis/rng.ts), so every run measures the same file;
 *  b. `diff` of two 5,000-market long scorecards (target <= 2 s);
 *  c. `rank --data` of a CSV with a 200,000-column header (target <= 5 s);
 *  d. peak RSS of ranking a 3,000,000 × 40 CSV (~1 GB, from ../shared/bench/make_universe.py; target <= 1.5 GB),
 *     only with --big, since generating and reading it takes minutes.
 * Wall times are medians of interleaved CLI runs, start-up included, as a user would see them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../src/analysis/rng';
import { loadDictionary } from '../src/data/load-dictionary';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'moatscore.js');
const SHARED = resolve(ROOT, '..', 'shared', 'bench');
// --rubric named explicitly: with --data alone and no rubric, the CLI ranks the file rubric-free.
const RUBRIC = ['--rubric', join(ROOT, 'rubrics', 'pricing-power.yaml')];
const PY = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** A market data CSV of `n` rows whose values respect every declared scale, kind and category. */
export function rubricUniverse(n: number, seed: number): string {
  const dictionary = loadDictionary(join(ROOT, 'data', 'indicators.yaml'));
  const rng = new Rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const lines = [['id', 'name', ...dictionary.indicators.map((i) => i.id)].join(',')];
  for (let r = 1; r <= n; r++) {
    const cells = dictionary.indicators.map((ind) => {
      if (ind.kind === 'category') {
        const cats = Object.keys(ind.categories ?? {});
        return cats[int(0, cats.length - 1)];
      }
      if (ind.scale) return String(int(ind.scale.min, ind.scale.max));
      if (ind.kind === 'count') return String(int(0, 12));
      return (rng.next() * 100).toFixed(2);
    });
    lines.push([`m${r}`, `Market ${r}`, ...cells].join(','));
  }
  return lines.join('\n') + '\n';
}

function run(args: string[]): { s: number; kb?: number } {
  const t0 = process.hrtime.bigint();
  const r = TIME ? spawnSync(TIME, ['-f', '%M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 }) : spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`moatscore ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
  return { s, kb: TIME ? Number(r.stderr.trim().split('\n').pop()) : undefined };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function benchIo(opts: { runs: number; big: boolean }): void {
  mkdirSync(OUT, { recursive: true });
  const markets20k = join(OUT, 'rubric-universe-20000.csv');
  writeFileSync(markets20k, rubricUniverse(20_000, 20261122));
  const markets5k = join(OUT, 'rubric-universe-5000.csv');
  const markets5kB = join(OUT, 'rubric-universe-5000-b.csv');
  writeFileSync(markets5k, rubricUniverse(5_000, 1));
  writeFileSync(markets5kB, rubricUniverse(5_000, 2));
  const cardA = join(OUT, 'scorecard-5000-a.csv');
  const cardB = join(OUT, 'scorecard-5000-b.csv');
  run(['export', ...RUBRIC, '--data', markets5k, '--output', cardA]);
  run(['export', ...RUBRIC, '--data', markets5kB, '--output', cardB]);
  const wide = join(OUT, 'header-200000.csv');
  const cols = Array.from({ length: 200_000 }, (_, k) => `c${k + 1}`);
  writeFileSync(wide, `id,${cols.join(',')}\na,${cols.map((_, k) => (k % 9) + 1).join(',')}\nb,${cols.map((_, k) => ((k + 4) % 9) + 1).join(',')}\n`);

  const exp: number[] = [];
  const dif: number[] = [];
  const hdr: number[] = [];
  for (let k = 0; k < opts.runs; k++) {
    exp.push(run(['export', ...RUBRIC, '--data', markets20k, '--output', join(OUT, 'export-20000.csv')]).s);
    dif.push(run(['diff', cardA, cardB, '--format', 'csv', '--output', join(OUT, 'diff-5000.csv')]).s);
    hdr.push(run(['rank', '--data', wide, '--format', 'csv', '--output', join(OUT, 'header-200000-ranked.csv')]).s);
  }
  console.log(`\n4. Reading and writing at scale, ${opts.runs} interleaved CLI runs (medians, start-up included)`);
  console.log(`   export of 20,000 markets (long scorecard)              ${median(exp).toFixed(3)} s   (target <= 2 s)`);
  console.log(`   diff of two 5,000-market long scorecards               ${median(dif).toFixed(3)} s   (target <= 2 s)`);
  console.log(`   rank of a CSV with a 200,000-column header             ${median(hdr).toFixed(3)} s   (target <= 5 s)`);
  if (!opts.big) {
    console.log('   peak RSS ranking 3,000,000 × 40: skipped (pass --big; it generates a ~1 GB CSV in bench/out/)');
    return;
  }
  const universe = join(OUT, 'universe-3000000x40.csv');
  if (!existsSync(universe)) {
    const g = spawnSync(PY, [join(SHARED, 'make_universe.py'), '3000000', '40', universe], { encoding: 'utf8' });
    if (g.status !== 0) throw new Error(`make_universe.py failed: ${g.stderr}`);
  }
  const big = run(['rank', '--data', universe, '--method', 'topsis', '--format', 'csv', '--output', join(OUT, 'ranked-3000000.csv')]);
  console.log(`   rank of 3,000,000 × 40 (topsis, csv)                   ${big.s.toFixed(1)} s   peak RSS ${big.kb ? `${Math.round(big.kb / 1024)} MB` : 'n/a (no /usr/bin/time)'}   (target <= 1,536 MB)`);
}
