import { closeSync, constants, copyFileSync, fchmodSync, fchownSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { isatty } from 'node:tty';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors/problem';
import { resolveOutputTarget, type OutputTarget } from './output-target';

/** The system calls a write goes through; tests inject failing ones (a full disk, a read-only file system). */
export interface WriteCalls {
  readonly writeSync: typeof writeSync;
  readonly renameSync: typeof renameSync;
}
const REAL: WriteCalls = { writeSync, renameSync };

/** One file of an output: the path the user named and what goes in it. */
export interface OutputFile {
  readonly target: string;
  readonly content: string | Buffer;
  /** The content to write instead when the target turns out to be a terminal (see cli/main.ts). */
  readonly forTerminal?: () => string;
}

export interface WriteOptions {
  readonly calls?: WriteCalls;
  /**
   * Called once, just before the first temporary file is created. The CLI installs its SIGINT/SIGTERM handlers
   * here: from then until the renames are done a signal must wait, so no temporary file is left half-way.
   */
  readonly beforeReplace?: () => void;
}

/** Bytes per write call: a failure part-way (ENOSPC) leaves a partial temporary file, which is then removed. */
const CHUNK = 1 << 20;

/** Writes one output (see writeOutputs). */
export function writeFileAtomic(target: string, content: string | Buffer, calls: WriteCalls = REAL): void {
  writeOutputs([{ target, content }], { calls });
}

/**
 * Writes the files of one output as a unit. Regular files (and links to them) are replaced atomically, all or
 * none: every temporary file is written and synced first, then each is renamed over its target; if any step fails,
 * the targets already replaced get their previous content back, temporary files are removed, and the error names
 * the file. A character device, FIFO, socket or this process's own descriptor (/dev/stdout) is written in place,
 * never replaced or removed; several files cannot be one unit there, so that is refused before writing.
 */
export function writeOutputs(files: readonly OutputFile[], opts: WriteOptions = {}): void {
  const calls = opts.calls ?? REAL;
  const targets = files.map((f) => resolveOutputTarget(f.target));
  const direct = targets.findIndex((t) => t.kind !== 'file');
  if (direct >= 0) {
    if (files.length > 1) throw new UsageError('output.not-a-file', `--output ${files[direct].target} is not a regular file, and ${files.length} files are written together`, 'name a regular file: --provenance file writes a second file next to it');
    writeInPlace(targets[direct] as Exclude<OutputTarget, { kind: 'file' }>, files[direct], calls);
    return;
  }
  opts.beforeReplace?.();
  replaceAtomically(files.map((f, k) => {
    const t = targets[k] as Extract<OutputTarget, { kind: 'file' }>;
    return { shown: f.target, path: t.path, content: f.content, previous: t.stats };
  }), calls);
}

interface Entry {
  readonly shown: string;
  readonly path: string;
  readonly content: string | Buffer;
  /** The file being replaced, if any: the new one gets its permissions (and, when run as root, its owner). */
  readonly previous?: Stats;
}

function replaceAtomically(entries: readonly Entry[], calls: WriteCalls): void {
  const temps: (string | undefined)[] = [];
  const backups: (string | undefined)[] = [];
  let renamed = 0;
  let failing: Entry | undefined;
  try {
    for (const e of entries) {
      failing = e;
      removeStaleTemps(e.path);
      temps.push(writeTemp(e, calls));
    }
    // With several files, a hard link keeps each previous file reachable until every rename has succeeded, so a
    // failure part-way can put it back: all files or none. One file needs none: its rename is atomic by itself.
    if (entries.length > 1) {
      for (const e of entries) {
        failing = e;
        backups.push(keepPrevious(e.path));
      }
    }
    for (let k = 0; k < entries.length; k++) {
      failing = entries[k];
      calls.renameSync(temps[k]!, entries[k].path);
      renamed++;
    }
  } catch (err) {
    for (let k = renamed - 1; k >= 0; k--) restore(entries[k].path, backups[k]);
    for (const t of temps.slice(renamed)) removeQuietly(t);
    for (const b of backups) removeQuietly(b);
    throw writeFailed(failing!.shown, err);
  }
  for (const b of backups) removeQuietly(b);
}

/** Our temporary and backup files: `.NAME.tmp-PID-HEX` and `.NAME.bak-PID-HEX`, next to the target. */
function ownName(target: string, what: 'tmp' | 'bak'): string {
  return join(dirname(target), `.${basename(target)}.${what}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function writeTemp(e: Entry, calls: WriteCalls): string {
  const tmp = ownName(e.path, 'tmp');
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    if (e.previous) {
      fchmodSync(fd, e.previous.mode & 0o7777);
      if (process.getuid?.() === 0) fchownSync(fd, e.previous.uid, e.previous.gid);
    }
    writeAll(fd, typeof e.content === 'string' ? Buffer.from(e.content, 'utf8') : e.content, calls);
    fsyncSync(fd);
  } catch (err) {
    try { closeSync(fd); } catch { /* the write error is the one to report */ }
    removeQuietly(tmp);
    throw err;
  }
  closeSync(fd);
  return tmp;
}

function keepPrevious(target: string): string | undefined {
  const bak = ownName(target, 'bak');
  try {
    linkSync(target, bak);
    return bak;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined; // no previous file to keep
    // A file system without hard links (FAT, some network mounts): a copy keeps the content instead.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK') {
      copyFileSync(target, bak, constants.COPYFILE_EXCL);
      return bak;
    }
    throw e;
  }
}

/** Puts the previous file back, or removes the new one when there was none. */
function restore(target: string, backup: string | undefined): void {
  try {
    if (backup) renameSync(backup, target);
    else unlinkSync(target);
  } catch {
    // nothing more can be done; the error reported names the file
  }
}

/**
 * Removes temporary and backup files of our naming for this target whose process is gone (a SIGKILL or power cut
 * mid-write). Files of a live process, and anything not named by us, are left alone.
 */
export function removeStaleTemps(target: string): void {
  const dir = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(?:tmp|bak)-(\d+)-[0-9a-f]{8}$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    const p = join(dir, name);
    try {
      if (lstatSync(p).isFile()) unlinkSync(p);
    } catch {
      // raced with another writer's cleanup
    }
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

/**
 * Writes to a device, FIFO, socket or descriptor in place. The path is opened write-only without O_CREAT or
 * O_TRUNC: if it vanished since it was inspected, the open fails rather than creating a regular file there.
 */
function writeInPlace(t: Exclude<OutputTarget, { kind: 'file' }>, f: OutputFile, calls: WriteCalls): void {
  let fd: number;
  try {
    fd = t.kind === 'fd' ? t.fd : openSync(t.path, constants.O_WRONLY | constants.O_NOCTTY);
  } catch (e) {
    throw writeFailed(f.target, e);
  }
  try {
    const content = f.forTerminal && isatty(fd) ? f.forTerminal() : f.content;
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, calls);
  } catch (e) {
    throw writeFailed(f.target, e);
  } finally {
    if (t.kind !== 'fd') closeSync(fd);
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, buf: Buffer, calls: WriteCalls): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += calls.writeSync(fd, buf, off, Math.min(CHUNK, buf.length - off));
    } catch (e) {
      // A descriptor shared with a non-blocking stream (a pipe on stdout) is full: wait for the reader.
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
    }
  }
}

function removeQuietly(p: string | undefined): void {
  if (p === undefined) return;
  try {
    unlinkSync(p);
  } catch {
    // never created, or already gone
  }
}

function writeFailed(target: string, e: unknown): UsageError {
  if (e instanceof UsageError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? 'error';
  const hint = code === 'EACCES' || code === 'EROFS' || code === 'EPERM' ? 'choose a writable folder' : code === 'ENOSPC' ? 'free disk space' : code === 'EPIPE' ? 'the reader closed the pipe before the end' : code === 'ENXIO' ? 'a socket or FIFO needs a reader listening' : 'check the path';
  return new UsageError('output.write-failed', `--output ${target}: cannot write (${code})`, hint);
}
