import { constants } from 'node:os';
import type { WriteCalls } from '../io/atomic-write';
import type { Container } from 'inversify';
import { buildContainer, resolveServices, TOKENS } from '../ioc';
import type { Streams } from './command';
import { commit, describeError, prepare } from './main';

/**
 * Process edge: the only place that touches process.exit, stdout, stderr and signals. `calls` lets a test make
 * the file system fail (or raise a signal) at a chosen write.
 */
export function main(calls?: WriteCalls, container: Container = buildContainer()): void {
  const { stdout, stderr } = container.get<Streams>(TOKENS.streams);
  // Anything that escapes run() is a bug: one line, exit 70, never a stack trace.
  process.on('uncaughtException', (e) => {
    stderr.write(describeError(e));
    process.exit(70);
  });
  // A closed reader (`moatscore rank | head -1`) is not an error: stop quietly.
  stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io = { isTTY: Boolean(process.stdout.isTTY), env: process.env };
  // Reading and computing: SIGINT/SIGTERM keep their default action and stop the process at once (the shell
  // reports 130/143); nothing has been written yet.
  const services = resolveServices(container);
  const prepared = prepare(process.argv.slice(2), io, services);
  const res = commit(prepared, { calls, beforeReplace: deferInterrupts }, services);
  if (res.stderr) stderr.write(res.stderr);
  // One turn of the event loop before exiting: a signal that arrived during the write is delivered there, so the
  // process exits 128+signal, never 0 (a synchronous write defers signal handlers until the loop runs).
  const exit = () => setImmediate(() => process.exit(res.code));
  if (res.stdout) stdout.write(res.stdout, exit);
  else exit();
}

/**
 * From the first temporary file to the last rename a signal must not stop the process half-way: the handler runs
 * after the write (which is synchronous), when the targets hold either the old files or all the new ones and no
 * temporary file is left, and exits 128+signal. Writing to a device, FIFO or descriptor installs no handler, so an
 * interrupt stops a write blocked on a FIFO with no reader.
 */
function deferInterrupts(): void {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => process.exit(128 + constants.signals[sig]));
}
