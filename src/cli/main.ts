import { parseArgs } from 'node:util';
import type { Container } from 'inversify';
import type { OutputFile, WriteOptions } from '../io/atomic-write';
import { sameFile, statIfExists } from '../io/output-target';
import { printable, terminalJson, terminalText } from '../io/printable';
import { commandInputs } from './command-inputs';
import { takeOutput } from './options';
import { InputError, InternalError, UsageError, formatProblem } from '../errors/problem';
import { resolveServices } from '../ioc';
import type { Command, Io, Services } from './command';
import { MAIN_HELP } from './help';
import { displayPath } from './paths';
import { rank } from './commands/rank';
import { validate } from './commands/validate';
import { schema } from './commands/schema';
import { methods } from './commands/methods';
import { scenarios } from './commands/scenarios';
import { weights } from './commands/weights';
import { sensitivity } from './commands/sensitivity';
import { compare } from './commands/compare';
import { explain } from './commands/explain';
import { exportCommand } from './commands/export';
import { diff } from './commands/diff';
import { report } from './commands/report';
import { projects } from './commands/projects';
import { init } from './commands/init';
import { wrapCommands } from './warnings';
import { backtestCommand } from './commands/backtest';

export type { Io } from './command';
export { rankResult } from './commands/rank';


export const COMMANDS: Readonly<Record<string, Command>> = wrapCommands({ rank, validate, scenarios, weights, sensitivity, compare, explain, export: exportCommand, diff, report, backtest: backtestCommand, methods, schema, projects, init });

/** Commands that write no data, so --output is not one of their options. */
const NO_OUTPUT = new Set(['validate']);

/** What prepare() computed: the text for the two streams and the files to write, nothing written yet. */
export interface Prepared {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly files?: readonly OutputFile[];
  /** The command's inputs, which no output file may be (output.is-input). */
  readonly inputs?: readonly string[];
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputFile?: string;
}

/**
 * Runs one command line and returns its output and exit code; never calls process.exit (see cli.ts). The
 * command's collaborators come from `container` (src/ioc.ts builds the default one); a test passes its own with a
 * token rebound to swap one of them.
 */
export function run(argv: string[], io: Io, opts: WriteOptions = {}, container?: Container): RunResult {
  const services = resolveServices(container);
  return commit(prepare(argv, io, services), opts, services);
}

/**
 * Parses the command line, refuses an --output that is one of the command's inputs, and runs the command: every
 * input is read and every result computed, but nothing is written.
 */
export function prepare(argv: string[], io: Io, services: Services = resolveServices()): Prepared {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') return { code: 0, stdout: `${services.version}\n`, stderr: '' };
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { code: 0, stdout: MAIN_HELP, stderr: '' };
    const named = argv.length > 0 && !argv[0].startsWith('-');
    const command = named ? argv[0] : 'rank';
    const fn = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!fn) throw new UsageError('usage.unknown-command', `unknown command '${command}'`, `commands: ${Object.keys(COMMANDS).join(', ')}`);
    const { output, rest: args } = takeOutput(named ? argv.slice(1) : argv, command);
    if (output !== undefined && NO_OUTPUT.has(command)) throw new UsageError('usage.bad-option', `${command}: Unknown option '--output'`, `see moatscore ${command} --help`);
    const inputs = output !== undefined ? commandInputs(command, args) : [];
    if (output !== undefined) refuseInput(output, inputs);
    const out = fn(args, { ...io, output }, services);
    const kind = outputKind(command, args);
    let stdout = terminalText(out.stdout ?? '');
    let files: OutputFile[] | undefined;
    if (out.output !== undefined) {
      const data = out.output;
      if (typeof data !== 'string') {
        // Binary data (export --format xlsx) is written byte for byte; the command itself requires --output for it.
        if (output === undefined) throw new InternalError('binary output needs --output');
        files = [{ target: output, content: data }];
      } else if (output === undefined) stdout += forTerminal(data, kind, out.colour, io.isTTY);
      else {
        files = [
          { target: output, content: kind === 'text' ? terminalText(data) : kind === 'json' ? terminalJson(data) : data, forTerminal: () => forTerminal(data, kind, false, true) },
          ...(out.alsoWrite ?? []).map((f) => ({ target: f.path, content: f.content })),
        ];
      }
    }
    return { code: 0, stdout, stderr: out.stderr ?? '', files, inputs };
  } catch (e) {
    return { code: exitCode(e), stdout: '', stderr: describeError(e) };
  }
}

/**
 * Writes the files prepare() computed, all or none, and returns what goes to the two streams. Standard error is
 * scrubbed here, the one place it leaves for a terminal; standard output was made safe in prepare(), by kind.
 */
export function commit(p: Prepared, opts: WriteOptions = {}, services: Pick<Services, 'writer'> = resolveServices()): RunResult {
  let { code, stdout, stderr } = p;
  let outputFile: string | undefined;
  if (p.files) {
    try {
      // Companion files (export --provenance file) are known only now; they are checked the same way.
      for (const f of p.files.slice(1)) refuseInput(f.target, p.inputs ?? []);
      services.writer(p.files, opts);
      outputFile = p.files[0].target;
      stderr += p.files.map((f) => `wrote ${displayPath(f.target)}\n`).join('');
    } catch (e) {
      code = exitCode(e);
      stdout = '';
      stderr = describeError(e);
    }
  }
  return { code, stdout, stderr: terminalText(stderr), outputFile };
}

/** An output that is one of the inputs (same device and inode, whatever links lead there) would destroy it. */
function refuseInput(output: string, inputs: readonly string[]): void {
  const out = statIfExists(output);
  if (!out) return;
  const hit = inputs.find((f) => {
    const s = statIfExists(f);
    return s !== undefined && sameFile(s, out);
  });
  if (hit !== undefined) {
    const same = displayPath(hit) === displayPath(output) ? '' : ` (${displayPath(hit)})`;
    throw new UsageError('output.is-input', `--output ${output} is an input of this command${same}; writing would destroy it`, 'write the output to another file');
  }
}

type OutputKind = 'text' | 'json' | 'data';

/** The kind of the command's data: text for a person (table, md), JSON, or a data file (CSV, the HTML report). */
function outputKind(command: string, args: string[]): OutputKind {
  const { values } = parseArgs({ args, options: { format: { type: 'string' } }, strict: false, allowPositionals: true });
  const format = typeof values.format === 'string' ? values.format : command === 'export' ? 'csv' : command === 'report' ? 'html' : command === 'schema' ? 'json' : 'table';
  return format === 'json' ? 'json' : format === 'csv' || format === 'html' ? 'data' : 'text';
}

/**
 * The output as it may reach a terminal. Text for a person is always scrubbed, so a table looks the same on the
 * screen and in a file; JSON keeps every value (control characters escaped); a data file (CSV, HTML) is written
 * byte for byte, and scrubbed only when it goes straight to a terminal, where a person reads it.
 */
function forTerminal(data: string, kind: OutputKind, colour: boolean | undefined, isTerminal: boolean): string {
  if (kind === 'text') return terminalText(data, colour);
  if (kind === 'json') return terminalJson(data);
  return isTerminal ? terminalText(data) : data;
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
  if (e instanceof UsageError) return `error: ${printable(e.message)}${e.hint ? ` (${printable(e.hint)})` : ''} [${e.code}]\n`;
  const what = e instanceof InternalError ? e.message : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return `internal error: ${printable(what.split('\n')[0])} — this is a bug in moatscore; please report it with the command you ran [internal]\n`;
}
