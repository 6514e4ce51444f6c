import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileAtomic } from '../src/io/atomic-write';
import { UsageError } from '../src/errors/problem';
import { ROOT, tempDir } from './helpers';

const errno = (code: string) => Object.assign(new Error(code), { code });

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

  it('writing over a folder is an error, not a crash', () => {
    const dir = tempDir();
    expect(() => writeFileAtomic(dir, 'x')).toThrow(UsageError);
  });

  it('SIGTERM during a write: the target is the old file or the complete new one, and no temporary file is left', () => {
    const dir = tempDir();
    const target = join(dir, 'out.txt');
    writeFileSync(target, 'previous\n');
    // A child writes 8 MB in 1 MB chunks and sends itself SIGTERM after the first chunk.
    const script = `
      require('ts-node').register({ transpileOnly: true });
      const fs = require('node:fs');
      const { writeFileAtomic } = require(${JSON.stringify(join(ROOT, 'src/io/atomic-write.ts'))});
      let n = 0;
      const calls = { renameSync: fs.renameSync, writeSync: (...a) => { const w = fs.writeSync(...a); if (++n === 1) process.kill(process.pid, 'SIGTERM'); return w; } };
      writeFileAtomic(${JSON.stringify(target)}, Buffer.alloc(8 << 20, 0x62), calls);
      setTimeout(() => {}, 1000);
    `;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(143);
    const after = readFileSync(target);
    expect(after.equals(Buffer.from('previous\n')) || after.equals(Buffer.alloc(8 << 20, 0x62))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.txt']);
  });
});
