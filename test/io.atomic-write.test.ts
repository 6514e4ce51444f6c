import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, statSync, readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { removeStaleTemps, writeFileAtomic, writeOutputs } from '../src/io/atomic-write';
import { UsageError } from '../src/errors/problem';
import { ROOT, tempDir } from './helpers';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A pid that belonged to a process which has exited (a child we ran and waited for). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('atomic output', () => {
  it('a full disk part-way through leaves the previous file untouched and no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'previous\n');
    // The disk fills on the second 1 MB chunk.
    let calls = 0;
    const failing = { renameSync, writeSync: ((...args: Parameters<typeof writeSync>) => (++calls === 2 ? (() => { throw errno('ENOSPC'); })() : (writeSync as (...a: unknown[]) => number)(...args))) as typeof writeSync };
    let error: unknown;
    try {
      writeFileAtomic(target, Buffer.alloc(3 << 20, 0x61), failing);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain('cannot write (ENOSPC)');
    expect((error as UsageError).hint).toBe('free disk space');
    expect(calls).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('a read-only file system is a clear error and nothing changes', () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'previous\n');
    const readOnly = { writeSync, renameSync: (() => { throw errno('EROFS'); }) as typeof renameSync };
    expect(() => writeFileAtomic(target, 'new\n', readOnly)).toThrow(/cannot write \(EROFS\)/);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('the replaced file keeps its permissions (a private 0600 file stays private)', () => {
    const dir = tempDir();
    const target = join(dir, 'private.csv');
    writeFileSync(target, 'previous\n', { mode: 0o600 });
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
  });

  it('writing over a folder is an error, not a crash', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(dir, 'x')).toThrow(/is a folder/);
  });
});

describe('scorecard and provenance are one unit: both files or neither', () => {
  const pair = (dir: string) => [{ target: join(dir, 's.csv'), content: 'new scorecard\n' }, { target: join(dir, 's.csv.provenance.txt'), content: 'new provenance\n' }];

  it('the second rename failing puts the first file back and leaves no temporary or backup file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv'), 'old scorecard\n');
    writeFileSync(join(dir, 's.csv.provenance.txt'), 'old provenance\n');
    let n = 0;
    const calls = { writeSync, renameSync: ((a: string, b: string) => (++n === 2 ? (() => { throw errno('EIO'); })() : renameSync(a, b))) as typeof renameSync };
    expect(() => writeOutputs(pair(dir), { calls })).toThrow(/s\.csv\.provenance\.txt: cannot write \(EIO\)/);
    expect(n).toBe(2);
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toBe('old scorecard\n');
    expect(readFileSync(join(dir, 's.csv.provenance.txt'), 'utf8')).toBe('old provenance\n');
    expect(readdirSync(dir).sort()).toEqual(['s.csv', 's.csv.provenance.txt']);
  });

  it('with no previous files, a failure leaves neither file', () => {
    const dir = tempDir();
    let n = 0;
    const calls = { writeSync, renameSync: ((a: string, b: string) => (++n === 2 ? (() => { throw errno('EIO'); })() : renameSync(a, b))) as typeof renameSync };
    expect(() => writeOutputs(pair(dir), { calls })).toThrow(UsageError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a failing write of the scorecard leaves the old provenance too (it is written in the same unit)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.csv.provenance.txt'), 'old provenance\n');
    const calls = { renameSync, writeSync: (() => { throw errno('ENOSPC'); }) as typeof writeSync };
    expect(() => writeOutputs(pair(dir), { calls })).toThrow(/s\.csv: cannot write \(ENOSPC\)/);
    expect(readdirSync(dir)).toEqual(['s.csv.provenance.txt']);
    expect(readFileSync(join(dir, 's.csv.provenance.txt'), 'utf8')).toBe('old provenance\n');
  });

  it('both succeed together', () => {
    const dir = tempDir();
    writeOutputs(pair(dir));
    expect(readFileSync(join(dir, 's.csv'), 'utf8')).toBe('new scorecard\n');
    expect(readFileSync(join(dir, 's.csv.provenance.txt'), 'utf8')).toBe('new provenance\n');
    expect(readdirSync(dir).sort()).toEqual(['s.csv', 's.csv.provenance.txt']);
  });
});

describe('temporary files left by a killed writer', () => {
  it('are removed on the next write to that target when their process is gone; a live writer\'s and other names stay', () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = [`.out.csv.tmp-${dead}-0badc0de`, `.out.csv.bak-${dead}-00c0ffee`];
    const live = `.out.csv.tmp-${process.pid}-deadbeef`;
    const others = [`.other.csv.tmp-${dead}-0badc0de`, `.out.csv.tmp-${dead}-not-ours`, 'notes.txt'];
    for (const f of [...stale, live, ...others]) writeFileSync(join(dir, f), 'x');
    writeFileAtomic(join(dir, 'out.csv'), 'new\n');
    expect(readdirSync(dir).sort()).toEqual([live, ...others, 'out.csv'].sort());
    expect(stale.some((f) => existsSync(join(dir, f)))).toBe(false);
  });

  it('a real SIGKILL mid-write leaves a temporary file (nothing can catch it); the next write removes it', () => {
    const dir = tempDir();
    const target = join(dir, 'out.csv');
    writeFileSync(target, 'previous\n');
    const script = `
      const fs = require('node:fs');
      process.argv = [process.argv[0], 'moatscore', 'rank', '--format', 'csv', '--output', ${JSON.stringify(target)}];
      require(${JSON.stringify(join(ROOT, 'dist', 'cli.js'))}).main({
        renameSync: fs.renameSync,
        writeSync: (...a) => { fs.writeSync(...a); process.kill(process.pid, 'SIGKILL'); },
      });
    `;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.signal).toBe('SIGKILL');
    const left = readdirSync(dir).filter((f) => f !== 'out.csv');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.out\.csv\.tmp-\d+-[0-9a-f]{8}$/);
    expect(readFileSync(target, 'utf8')).toBe('previous\n');
    writeFileAtomic(target, 'new\n');
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(target, 'utf8')).toBe('new\n');
  });

  it('a folder of our naming is never removed', () => {
    const dir = tempDir();
    const dead = deadPid();
    const name = `.out.csv.tmp-${dead}-0badc0de`;
    mkdirSync(join(dir, name));
    removeStaleTemps(join(dir, 'out.csv'));
    expect(readdirSync(dir)).toEqual([name]);
  });
});
