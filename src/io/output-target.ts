import { lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors/problem';

/**
 * Where an --output path really leads, decided before anything is written:
 * - `file`: a regular file, or nothing yet. Replaced atomically (temporary file, then rename). `path` is the file
 *   itself after following symbolic links, so a link stays a link and its target gets the content.
 * - `stream`: a character device (/dev/null, a terminal), a FIFO or a socket. Opened and written in place; never
 *   replaced, never unlinked, never created.
 * - `fd`: /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N: written to this process's descriptor N.
 */
export type OutputTarget =
  | { readonly kind: 'file'; readonly path: string; readonly stats?: Stats }
  | { readonly kind: 'stream'; readonly path: string; readonly stats: Stats }
  | { readonly kind: 'fd'; readonly fd: number };

/** Symbolic links followed before giving up, as the kernel's own limit (MAXSYMLINKS) on Linux. */
const MAX_LINKS = 40;

/** `/proc/<our pid>/fd/N` or `/proc/<our pid>/task/<tid>/fd/N`, as realpath spells /dev/fd and /proc/self/fd. */
function ownDescriptor(p: string): number | undefined {
  const m = /^\/proc\/(\d+)(?:\/task\/\d+)?\/fd\/(\d+)$/.exec(p);
  return m && Number(m[1]) === process.pid ? Number(m[2]) : undefined;
}

export function resolveOutputTarget(target: string): OutputTarget {
  if (target === '') throw new UsageError('usage.missing-argument', '--output needs a path', 'write --output FILE, or leave it out to write to standard output');
  let p = resolve(target);
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    let dir: string;
    try {
      dir = realpathSync(dirname(p));
    } catch {
      throw new UsageError('output.missing-folder', `--output ${target}: folder ${dirname(p)} does not exist`, 'create the folder first or choose another path');
    }
    p = join(dir, basename(p));
    const fd = ownDescriptor(p);
    if (fd !== undefined) return { kind: 'fd', fd };
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'file', path: p };
      throw new UsageError('output.write-failed', `--output ${target}: cannot be inspected (${(e as NodeJS.ErrnoException).code ?? 'error'})`, 'check the path and its permissions');
    }
    if (st.isSymbolicLink()) {
      const link = readlinkSync(p);
      // A /proc descriptor of another process reads as `pipe:[123]` or `socket:[456]`: not a path to follow; what
      // it leads to is only known by opening it.
      if (!isAbsolute(link) && p.startsWith('/proc/') && /^[a-z_]+:/.test(link)) return classify(p, statSync(p), target);
      p = resolve(dir, link);
      continue;
    }
    return classify(p, st, target);
  }
  throw new UsageError('output.link-loop', `--output ${target}: more than ${MAX_LINKS} symbolic links`, 'point --output at a file');
}

function classify(p: string, st: Stats, target: string): OutputTarget {
  if (st.isFile()) return { kind: 'file', path: p, stats: st };
  if (st.isCharacterDevice() || st.isFIFO() || st.isSocket()) return { kind: 'stream', path: p, stats: st };
  if (st.isDirectory()) throw new UsageError('output.is-folder', `--output ${target} is a folder`, 'name a file inside it');
  // A block device is a disk: a CSV written over it destroys a file system, so it is refused, not written.
  throw new UsageError('output.not-a-file', `--output ${target} is a block device`, 'name a regular file');
}

/** The same file: one device and inode, whatever names and links lead there. */
export function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/** Stats of what a path leads to (links followed), or undefined when nothing is there. */
export function statIfExists(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}
