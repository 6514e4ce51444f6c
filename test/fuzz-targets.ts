import fc from 'fast-check';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { run } from '../src/cli/main';
import { tempDir } from './helpers';

/**
 * The fuzz harness shared by test/fuzz.test.ts (bounded) and scripts/fuzz.ts (long runs): random and mutated files
 * go through every command that reads a file, in process. A case fails if the command crashes (exit 70), prints a
 * stack trace, takes longer than a few seconds, writes an output file despite failing, or fails without naming the
 * file it was given.
 */
const ROOT = join(__dirname, '..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
export const SEEDS = {
  rubric: read('rubrics/pricing-power.yaml'),
  markets: read('data/markets.csv'),
  dictionary: read('data/indicators.yaml'),
  cells: read('data/cells.csv'),
  evidence: read('seeds/evidence.yaml'),
  scenario: read('data/scenarios/telecom-capex-recovers.yaml'),
  ahp: ',a,b,c\na,1,3,1/2\nb,1/3,1,1/4\nc,2,4,1\n',
  table: 'id,name,x,y,z\na,A,1,2,3\nb,B,4,5,6\nc,C,7,8.5,1e3\n',
  // A real long scorecard of the bundled rubric, so diff's strict reader is fuzzed on what it is meant to read.
  scorecard: run(['export', '--shape', 'long', '--provenance', 'none'], { isTTY: false, env: {} }).stdout,
};
export type SeedKind = keyof typeof SEEDS;

/** Each target: the seed file it mutates, the file name it is written under, and the command line that reads it. */
export const TARGETS: { name: string; seed: SeedKind; file: string; argv: (f: string, dir: string) => string[] }[] = [
  { name: 'validate --rubric', seed: 'rubric', file: 'r.yaml', argv: (f) => ['validate', '--rubric', f] },
  { name: 'rank --rubric --format csv', seed: 'rubric', file: 'r.yaml', argv: (f, d) => ['rank', '--rubric', f, '--format', 'csv', '--output', join(d, 'out.csv')] },
  { name: 'sensitivity --rubric', seed: 'rubric', file: 'r.yaml', argv: (f) => ['sensitivity', '--rubric', f, '--samples', '200'] },
  { name: 'validate --data (markets)', seed: 'markets', file: 'm.csv', argv: (f) => ['validate', '--rubric', join(ROOT, 'rubrics/pricing-power.yaml'), '--data', f] },
  { name: 'validate --dictionary', seed: 'dictionary', file: 'i.yaml', argv: (f) => ['validate', '--dictionary', f] },
  { name: 'validate --cells', seed: 'cells', file: 'c.csv', argv: (f) => ['validate', '--cells', f] },
  { name: 'validate --evidence', seed: 'evidence', file: 'e.yaml', argv: (f) => ['validate', '--evidence', f] },
  { name: 'scenarios --scenarios', seed: 'scenario', file: 's.yaml', argv: (_f, d) => ['scenarios', '--scenarios', d] },
  { name: 'weights ahp', seed: 'ahp', file: 'a.csv', argv: (f) => ['weights', 'ahp', f] },
  { name: 'rank --data (any CSV)', seed: 'table', file: 't.csv', argv: (f, d) => ['rank', '--data', f, '--method', 'topsis', '--output', join(d, 'out.csv')] },
  { name: 'weights entropy', seed: 'table', file: 't.csv', argv: (f) => ['weights', 'entropy', f] },
  { name: 'diff', seed: 'table', file: 't.csv', argv: (f) => ['diff', f, f] },
  { name: 'diff (scorecard)', seed: 'scorecard', file: 'sc.csv', argv: (f) => ['diff', f, f, '--format', 'csv'] },
  { name: 'rank --data (table, table format)', seed: 'table', file: 't.csv', argv: (f) => ['rank', '--data', f] },
  { name: 'explain --rubric', seed: 'rubric', file: 'r.yaml', argv: (f) => ['explain', 'subsea', '--rubric', f] },
  { name: 'compare --rubric', seed: 'rubric', file: 'r.yaml', argv: (f) => ['compare', 'vran', 'cloud', '--rubric', f, '--format', 'json'] },
  { name: 'export --rubric', seed: 'rubric', file: 'r.yaml', argv: (f, d) => ['export', '--rubric', f, '--shape', 'wide', '--output', join(d, 'out.csv')] },
  { name: 'rank --scenario', seed: 'scenario', file: 's.yaml', argv: (_f, d) => ['rank', '--scenario', 's', '--scenarios', d, '--output', join(d, 'out.csv')] },
];

const CHUNKS = ['', ',', '"', '\n', '\r\n', '\ufeff', ' ', '-', 'NaN', '1e309', '1,200', '12%', '&a', '*a', '<<: *a', '[', ']', '{', '}', ': ', '\t', '#', '!!js/function', '\x00', 'é', '\uD800', 'true', '-1', '1/0', 'import(1)', 'x.constructor', '9'.repeat(400),
  // Issue #10: invisible and normalisation-sensitive ids, underflow, hex, deep nesting and alias fan-out.
  '\u200b', '\u2060', '\ufeff', 'e\u0301', '\u00e9', '\x1b[31m', '1e-400', '0x10', '['.repeat(80), '- '.repeat(80), '*a,*a,*a,*a'];

/** Mutations of a valid file: cut a range, insert a hostile chunk, duplicate or drop a line, replace a token. */
export const mutated = (seed: string) => fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.constantFrom(...CHUNKS), fc.nat(40)), { minLength: 1, maxLength: 4 }).map((ops) => {
  let s = seed;
  for (const [at, kind, chunk, len] of ops) {
    const i = s.length ? at % s.length : 0;
    const lines = s.split('\n');
    const li = lines.length ? at % lines.length : 0;
    if (kind === 0) s = s.slice(0, i) + s.slice(i + len);
    else if (kind === 1 || kind === 2) s = s.slice(0, i) + chunk + s.slice(i);
    else if (kind === 3) s = [...lines.slice(0, li + 1), lines[li], ...lines.slice(li + 1)].join('\n');
    else if (kind === 4) s = [...lines.slice(0, li), ...lines.slice(li + 1)].join('\n');
    else s = s.replace(/\d+(\.\d+)?|[a-z]+(-[a-z]+)*/g, (m, ...rest) => ((rest[rest.length - 2] as number) === i - (i % 7) ? chunk : m));
  }
  return s;
});

export const input = (kind: SeedKind) => fc.oneof(
  { weight: 6, arbitrary: mutated(SEEDS[kind]).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
);

export interface Outcome { readonly code: number; readonly ms: number; readonly stderr: string }

/** Runs one case; returns a description of what is wrong with it, or null. */
export function check(target: (typeof TARGETS)[number], content: Buffer): string | null {
  const dir = tempDir();
  const file = join(dir, target.file);
  writeFileSync(file, content);
  const t0 = Date.now();
  // Process warnings bypass run()'s stderr but would reach the user's terminal: count them too.
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const r = run(target.argv(file, dir), { isTTY: false, env: {} });
  process.off('warning', onWarning);
  const ms = Date.now() - t0;
  if (warnings.length) return `process warning: ${warnings[0]}`;
  if (![0, 1, 2].includes(r.code)) return `exit ${r.code}: ${r.stderr.split('\n')[0]}`;
  if (/\n\s+at |internal error/.test(r.stderr)) return `stack trace or internal error: ${r.stderr.slice(0, 300)}`;
  if (ms > 10_000) return `took ${ms} ms`;
  if (r.code !== 0) {
    const out = join(dir, 'out.csv');
    if (existsSync(out)) return 'failed but wrote its output file';
    if (readdirSync(dir).some((f) => f.includes('.tmp-'))) return 'left a temporary file';
    // Every input error names a file and a place in it. Usually the fuzzed file; a cross-file problem (a dictionary
    // that no longer declares what the bundled rubric reads) names the other file and, in its message, this one.
    if (r.code === 1) {
      const lines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
      const unplaced = lines.find((l) => !/^error: \S+\.(ya?ml|csv|txt)(:\d+(:\d+)?)?[ :]/.test(l));
      if (unplaced) return `input error without a file: ${unplaced}`;
      if (!r.stderr.includes(basename(file))) return `no error names ${target.file}: ${lines[0]}`;
    }
    if (!/\[[a-z0-9.-]+\]\n/.test(r.stderr)) return `error without a code: ${r.stderr.split('\n')[0]}`;
  }
  return null;
}

export function ensureDir(p: string): string {
  mkdirSync(p, { recursive: true });
  return p;
}
