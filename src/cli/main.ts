import { writeFileAtomic } from '../io/atomic-write';
import { InputError, InternalError, UsageError, formatProblem } from '../errors/problem';
import { resolvePlugins } from '../ioc';
import type { Command, Io } from './command';
import { MAIN_HELP } from './help';
import { displayPath } from './paths';
import { version } from './version';
import { rank } from './commands/rank';
import { validate } from './commands/validate';
import { schema } from './commands/schema';
import { scenarios } from './commands/scenarios';
import { weights } from './commands/weights';
import { sensitivity } from './commands/sensitivity';
import { compare } from './commands/compare';
import { explain } from './commands/explain';
import { exportCommand } from './commands/export';
import { diff } from './commands/diff';
import { report } from './commands/report';
import { backtestCommand } from './commands/backtest';

export type { Io } from './command';
export { rankResult } from './commands/rank';


export const COMMANDS: Readonly<Record<string, Command>> = { rank, validate, scenarios, weights, sensitivity, compare, explain, export: exportCommand, diff, report, backtest: backtestCommand, schema };

/** Runs one command line and returns its output and exit code; never calls process.exit (see cli.ts). */
export function run(argv: string[], io: Io): { code: number; stdout: string; stderr: string; outputFile?: string } {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') return { code: 0, stdout: `${version()}\n`, stderr: '' };
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { code: 0, stdout: MAIN_HELP, stderr: '' };
    const named = argv.length > 0 && !argv[0].startsWith('-');
    const command = named ? argv[0] : 'rank';
    const fn = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!fn) throw new UsageError('usage.unknown-command', `unknown command '${command}'`, `commands: ${Object.keys(COMMANDS).join(', ')}`);
    const args = named ? argv.slice(1) : argv;
    const out = fn(args, io, resolvePlugins());
    let stdout = out.stdout ?? '';
    let stderr = out.stderr ?? '';
    let outputFile: string | undefined;
    if (out.output !== undefined) {
      const target = outputTarget(args);
      if (target !== undefined) {
        writeFileAtomic(target, out.output);
        outputFile = target;
        stderr += `wrote ${displayPath(target)}\n`;
      } else if (typeof out.output === 'string') stdout += out.output;
      else throw new InternalError('binary output reached standard output; the command must require --output'); // a workbook never goes to a terminal
    }
    return { code: 0, stdout, stderr, outputFile };
  } catch (e) {
    return { code: exitCode(e), stdout: '', stderr: describeError(e) };
  }
}

function outputTarget(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--output') return args[i + 1];
    if (args[i].startsWith('--output=')) return args[i].slice('--output='.length);
  }
  return undefined;
}

export function exitCode(e: unknown): number {
  if (e instanceof InputError) return 1;
  if (e instanceof UsageError) return 2;
  return 70;
}

export function describeError(e: unknown): string {
  if (e instanceof InputError) {
    const n = e.problems.length;
    return e.problems.map((p) => `error: ${formatProblem(p)}`).join('\n') + `\n${n} problem${n === 1 ? '' : 's'} found; nothing was written.\n`;
  }
  if (e instanceof UsageError) return `error: ${e.message}${e.hint ? ` (${e.hint})` : ''} [${e.code}]\n`;
  const what = e instanceof InternalError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `internal error: ${what.split('\n')[0]} — this is a bug in moatscore; please report it with the command you ran [internal]\n`;
}
