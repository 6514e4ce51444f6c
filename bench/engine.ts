/**
 * The engine's scale figures (issue #9, "One engine"), printed by `npm run bench`:
 *  a. full `moatscore sensitivity` (sweep, thresholds, SMAA 10,000) on 1,000 markets × the NEC rubric, under every
 *     method (target <= 5 s each);
 *  b. `moatscore report` on 1,000 markets (target <= 5 s);
 *  c. `moatscore sensitivity smaa` with indicator values sampled on 500 markets, 10,000 samples (target <= 5 s);
 *  d. SMAA, 100,000 samples on the six NEC markets with values sampled, in process (target <= 0.3 s).
 * The synthetic markets are drawn with the seeded generator of src/analysis/rng.ts inside the dictionary's declared
 * scales (counts without a scale: 1 to 8) and written to bench/out/ as markets-N.csv and cells-N.csv. The 1,000-market
 * set has point values (no ranges: SMAA samples weights only); the 500-market set (cells-500-ranged.csv) gives half
 * of the numeric cells a low/high range one step either side, so SMAA samples values too. CLI runs are children with a time limit, so a slow
 * engine prints "> limit" instead of stalling the bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Rng } from '../src/analysis/rng';
import { sensitivityModel } from '../src/analysis/sensitivity-model';
import { smaa } from '../src/analysis/smaa';
import { defaultFiles } from '../src/cli/paths';
import { loadDictionary } from '../src/data/load-dictionary';
import { loadProject } from '../src/load-project';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'moatscore.js');
const METHODS = ['wsm', 'wpm', 'topsis', 'gate'] as const;

/** Writes markets-N.csv and cells-N.csv (seeded, so the same files every run) and returns their paths. */
export function syntheticMarkets(n: number, ranged: boolean, seed = 20261122): { data: string; cells: string } {
  mkdirSync(OUT, { recursive: true });
  const data = join(OUT, `markets-${n}.csv`);
  const cells = join(OUT, `cells-${n}${ranged ? '-ranged' : ''}.csv`);
  if (existsSync(data) && existsSync(cells)) return { data, cells };
  const dict = loadDictionary(defaultFiles().dictionary);
  const rng = new Rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const rows = [['id', 'name', ...dict.indicators.map((i) => i.id)].join(',')];
  const cellRows = ['market,indicator,low,high,evidence,rationale'];
  for (let r = 0; r < n; r++) {
    const id = `m${String(r).padStart(5, '0')}`;
    const values = dict.indicators.map((ind) => {
      if (ind.kind === 'category') {
        const cats = Object.keys(ind.categories!);
        const v = cats[int(0, cats.length - 1)];
        cellRows.push(`${id},${ind.id},,,synthetic,drawn by bench/engine.ts`);
        return v;
      }
      const lo = ind.scale?.min ?? 1;
      const hi = ind.scale?.max ?? 8;
      const v = int(lo, hi);
      const range = rng.next() < 0.5 && ranged;
      cellRows.push(`${id},${ind.id},${range ? Math.max(lo, v - 1) : ''},${range ? Math.min(hi, v + 1) : ''},synthetic,drawn by bench/engine.ts`);
      return String(v);
    });
    rows.push([id, `Market ${r}`, ...values].join(','));
  }
  writeFileSync(data, rows.join('\n') + '\n');
  writeFileSync(cells, cellRows.join('\n') + '\n');
  return { data, cells };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Wall seconds of one CLI run and, where /usr/bin/time exists, its CPU seconds (user + system): on a shared machine
 * the wall clock includes waiting for a core, the CPU time does not. Undefined when it exceeded `limit` seconds.
 */
function cliSeconds(args: string[], limit: number): { wall: number; cpu?: number } | undefined {
  const t0 = process.hrtime.bigint();
  const cmd = TIME ? [TIME, ['-f', '%U %S', process.execPath, BIN, ...args]] as const : [process.execPath, [BIN, ...args]] as const;
  const r = spawnSync(cmd[0], cmd[1], { encoding: 'utf8', timeout: limit * 1000, maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.error || r.signal) return undefined;
  if (r.status !== 0) throw new Error(`moatscore ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const cpu = TIME ? r.stderr.trim().split('\n').pop()!.split(' ').reduce((a, x) => a + Number(x), 0) : undefined;
  return { wall, cpu };
}

const show = (s: { wall: number; cpu?: number } | undefined, limit: number, target: number) =>
  (s === undefined ? `> ${limit} s (stopped)` : `${s.wall.toFixed(2)} s${s.cpu === undefined ? '' : ` (CPU ${s.cpu.toFixed(2)} s)`}`).padEnd(28) + `target <= ${target} s`;

/** Runs the four measurements and prints them; `limit` caps each CLI run (seconds). */
export function benchEngine(limit = Number(process.env.ENGINE_BENCH_LIMIT ?? 120)): void {
  const big = syntheticMarkets(1000, false);
  const mid = syntheticMarkets(500, true);
  const rubric = defaultFiles().rubric;
  const input = (f: { data: string; cells: string }) => ['--rubric', rubric, '--data', f.data, '--cells', f.cells];
  console.log('\n4. The engine at 1,000 markets (synthetic, bench/out/markets-N.csv; point values), one run each');
  for (const method of METHODS) {
    const s = cliSeconds(['sensitivity', ...input(big), '--method', method, '--format', 'json', '--output', join(OUT, `sensitivity-${method}.json`)], limit);
    console.log(`   sensitivity (sweep, thresholds, SMAA 10,000), ${method.padEnd(6)}   ${show(s, limit, 5)}`);
  }
  const rep = cliSeconds(['report', ...input(big), '--output', join(OUT, 'report-1000.html')], limit);
  console.log(`   report, 1,000 markets                              ${show(rep, limit, 5)}`);
  const sm = cliSeconds(['sensitivity', 'smaa', ...input(mid), '--method', 'gate', '--format', 'csv', '--output', join(OUT, 'smaa-500.csv')], limit);
  console.log(`   sensitivity smaa, 500 markets, values sampled      ${show(sm, limit, 5)}`);

  const project = loadProject(defaultFiles());
  for (const method of METHODS) {
    const model = sensitivityModel(project.rubric, project.data, method, project.dictionary);
    smaa(model, { samples: 20_000, seed: 1, sampler: 'dirichlet', level: 'conditions', values: true }); // warm-up
    const t: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      smaa(model, { samples: 100_000, seed: 20261121 + k, sampler: 'dirichlet', level: 'conditions', values: true });
      const c = process.cpuUsage(c0);
      t.push(Number(process.hrtime.bigint() - t0) / 1e9);
      cpu.push((c.user + c.system) / 1e6);
    }
    const med = (xs: number[]) => xs.sort((a, b) => a - b)[2];
    console.log(`   SMAA 100,000 samples, six markets, values, ${method.padEnd(6)}  ${med(t).toFixed(3)} s (CPU ${med(cpu).toFixed(3)} s; medians of 5)  target <= 0.3 s`);
  }
}
