import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors/problem';

const pending = new Set<string>();
let cleanupInstalled = false;

function removePending(): void {
  for (const tmp of pending) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  // An interrupt mid-write must not leave a temporary file behind; the target is untouched because it is only
  // ever replaced by rename.
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      removePending();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  process.once('exit', removePending);
}

/** The system calls a write goes through; tests inject failing ones (a full disk, a read-only file system). */
export interface WriteCalls {
  readonly writeSync: typeof writeSync;
  readonly renameSync: typeof renameSync;
}
const REAL: WriteCalls = { writeSync, renameSync };

/** Bytes per write call: a failure part-way (ENOSPC) leaves a partial temporary file, which is then removed. */
const CHUNK = 1 << 20;

/**
 * Writes `content` to `target` atomically: a temporary file in the same folder, fsync, then rename over the
 * target. An error at any step leaves any previous file untouched and removes the temporary file. The write is
 * synchronous, so SIGINT or SIGTERM arriving during it is handled after it (the handler is installed first): the
 * target is then either the previous file or the complete new one, and no temporary file is left.
 */
export function writeFileAtomic(target: string, content: string | Buffer, calls: WriteCalls = REAL): void {
  const abs = resolve(target);
  const dir = dirname(abs);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError('output.missing-folder', `--output ${target}: folder ${dirname(target)} does not exist`, 'create the folder first or choose another path');
  }
  installCleanup();
  const tmp = join(dir, `.${basename(abs)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  pending.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx', 0o644);
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let off = 0;
    while (off < buf.length) off += calls.writeSync(fd, buf, off, Math.min(CHUNK, buf.length - off));
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    calls.renameSync(tmp, abs);
    pending.delete(tmp);
  } catch (e) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* closing after a failed write */ }
    }
    try { unlinkSync(tmp); } catch { /* never created */ }
    pending.delete(tmp);
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError('output.write-failed', `--output ${target}: cannot write (${code})`, code === 'EACCES' || code === 'EROFS' ? 'choose a writable folder' : code === 'ENOSPC' ? 'free disk space' : 'check the path');
  }
}
