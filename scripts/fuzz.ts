/**
 * npm run fuzz [-- --runs N --seed S --target NAME]: the fuzz harness of test/fuzz-targets.ts for longer than the
 * suite runs it. Prints the seed so a failure can be replayed; writes each failing input under test/fuzz-failures/
 * (ignored by git) to be turned into a named regression test in test/fuzz.regressions.test.ts.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, ensureDir, input, TARGETS } from '../test/fuzz-targets';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('runs') ?? 2000);
const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
const only = arg('target');
const outDir = ensureDir(join(__dirname, '..', 'test', 'fuzz-failures'));
let failures = 0;
console.log(`fuzz: ${runs} cases per target, seed ${seed}`);
for (const target of TARGETS.filter((t) => !only || t.name === only)) {
  const t0 = Date.now();
  const res = fc.check(fc.property(input(target.seed), (content) => check(target, content) === null), { numRuns: runs, seed, endOnFailure: true });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (res.failed && res.counterexample) {
    failures++;
    const [content] = res.counterexample as [Buffer];
    const file = join(outDir, `${target.file}.${seed}.bin`);
    writeFileSync(file, content);
    console.log(`FAIL ${target.name} (${secs} s): ${check(target, content)}\n     input saved to ${file}`);
  } else console.log(`ok   ${target.name}: ${res.numRuns} cases in ${secs} s`);
}
console.log(failures ? `${failures} target(s) failed` : 'no failures');
process.exitCode = failures ? 1 : 0;
