import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { InputError, type Problem } from '../src/errors/problem';

export const ROOT = join(__dirname, '..');
export const BIN = join(ROOT, 'bin', 'moatscore.js');

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'moatscore-test-'));
}

/** Writes files (path → content) under a fresh temp folder and returns the folder. */
export function fixture(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const p = join(dir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
  return dir;
}

export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...opts.env }, input: opts.input,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI, expects exit 0 (showing stderr if not) and parses its JSON output. */
export function cliJson(args: string[], opts: Parameters<typeof cli>[1] = {}) {
  const r = cli(args, opts);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** Runs a loader expected to fail and returns its problems. */
export function problemsOf(fn: () => unknown): Problem[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected an InputError, but the call succeeded');
}

export const GOLDEN_DIR = join(__dirname, 'golden');

/**
 * Compares output with a golden file in test/golden. The file is written only under UPDATE_GOLDEN=1 (then review the
 * git diff); a missing golden file fails the test rather than being created from whatever the code now prints.
 */
export function expectGolden(name: string, actual: string, dir = GOLDEN_DIR): void {
  const file = join(dir, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual);
  else if (!existsSync(file)) throw new Error(`golden file test/golden/${name} is missing; run UPDATE_GOLDEN=1 npx vitest run <this test file>, review the output and commit it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
