import { describeError, run } from './main';

/** Process edge: the only place that touches process.exit, stdout and stderr. */
export function main(): void {
  // Anything that escapes run() is a bug: one line, exit 70, never a stack trace.
  process.on('uncaughtException', (e) => {
    process.stderr.write(describeError(e));
    process.exit(70);
  });
  // A closed reader (`moatscore rank | head -1`) is not an error: stop quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const res = run(process.argv.slice(2), { isTTY: Boolean(process.stdout.isTTY), env: process.env });
  if (res.stderr) process.stderr.write(res.stderr);
  if (res.stdout) process.stdout.write(res.stdout, () => process.exit(res.code));
  else process.exitCode = res.code;
}
