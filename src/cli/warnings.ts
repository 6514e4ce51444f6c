import { AsyncLocalStorage } from 'node:async_hooks';
import { formatProblem, type Problem } from '../errors/problem';
import type { Command } from './command';

/**
 * The warnings channel: a check that was skipped (a ledger's source document not found) is said on standard error
 * and never changes the exit code. Loaders return warnings as data; the CLI input layer hands them to `warn`, and
 * every registered command is wrapped so that what was warned during its run is appended to its stderr. Scoped per
 * run (AsyncLocalStorage), so nothing leaks between runs in one process (the tests call run() many times).
 */
const sink = new AsyncLocalStorage<Problem[]>();

export function warn(problems: readonly Problem[]): void {
  sink.getStore()?.push(...problems);
}

export function withWarnings(command: Command): Command {
  return (args, io, plugins) => {
    const warnings: Problem[] = [];
    const out = sink.run(warnings, () => command(args, io, plugins));
    if (warnings.length === 0) return out;
    return { ...out, stderr: (out.stderr ?? '') + warnings.map((w) => `${formatProblem({ ...w, severity: 'warning' })}\n`).join('') };
  };
}

export function wrapCommands(commands: Record<string, Command>): Readonly<Record<string, Command>> {
  return Object.fromEntries(Object.entries(commands).map(([k, c]) => [k, withWarnings(c)]));
}
