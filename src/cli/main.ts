import { writeFileAtomic } from '../io/atomic-write';
import { InputError, InternalError, UsageError, formatProblem } from '../errors/problem';
import { resolvePlugins, type Plugins } from '../ioc';
import { rankTable, rankWithRubric } from '../scoring/score-rubric';
import { rubricJsonSchema } from '../rubric/schema';
import type { RankResult } from '../model/result';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from './options';
import { MAIN_HELP, RANK_HELP, SCHEMA_HELP, VALIDATE_HELP } from './help';
import { isTableMode, loadInputs, type InputValues } from './inputs';
import { displayPath } from './paths';

declare const MOATSCORE_VERSION: string | undefined;

/** What a command hands back: text for standard output (or --output), and diagnostics for standard error. */
export interface CommandOutput {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly output?: string;
}

export interface Io {
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

function version(): string {
  if (typeof MOATSCORE_VERSION === 'string') return MOATSCORE_VERSION;
  // Run from source (tests, ts-node): read it from package.json.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../package.json') as { version: string }).version;
}

export function rankResult(values: InputValues & { method?: string }, plugins: Plugins): RankResult {
  const inputs = loadInputs(values);
  if (inputs.mode === 'table') {
    const method = plugins.methods.get(values.method ?? 'wsm');
    return rankTable(inputs.data, inputs.criteria, inputs.weights, inputs.cost, method, inputs.notes);
  }
  const { rubric, data } = inputs.project;
  return rankWithRubric(rubric, data, plugins.methods.get(values.method ?? rubric.method));
}

function rank(args: string[], io: Io, plugins: Plugins): CommandOutput {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'rank');
  if (values.help) return { stdout: RANK_HELP };
  const renderer = plugins.renderers.get(values.format ?? 'table');
  if (values.method !== undefined) plugins.methods.get(values.method); // unknown method is a usage error before any file is read
  const result = rankResult(values, plugins);
  const color = renderer.id === 'table' && values.output === undefined && io.isTTY && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb';
  return { output: renderer.render(result, { color }) };
}

function validate(args: string[]): CommandOutput {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...HELP_OPTION }, 'validate');
  if (values.help) return { stdout: VALIDATE_HELP };
  const inputs = loadInputs(values);
  if (inputs.mode === 'table') return { stdout: `ok: ${inputs.data.file} (${inputs.data.ids.length} rows × ${inputs.criteria.length} criteria)\n` };
  const p = inputs.project;
  const files = [p.files.rubric, p.files.dictionary, p.files.data, p.files.cells, p.files.evidence].filter(Boolean);
  const facts = p.evidence ? `, ${p.evidence.facts.length} facts` : '';
  return {
    stdout: `ok: ${files.length} files valid (${p.rubric.conditions.length} conditions, ${p.rubric.criteria.length} criteria, ${p.data.ids.length} markets${facts})\n`,
    stderr: p.rubric.notes.map((n) => `note: ${p.files.rubric}: ${n}\n`).join(''),
  };
}

function schema(args: string[]): CommandOutput {
  const { values } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'schema');
  if (values.help) return { stdout: SCHEMA_HELP };
  if (values.format !== undefined) throw new UsageError('usage.bad-option', 'schema: --format is not an option here', 'the schema is always JSON');
  return { output: JSON.stringify(rubricJsonSchema(), null, 2) + '\n' };
}

const COMMANDS: Readonly<Record<string, (args: string[], io: Io, plugins: Plugins) => CommandOutput>> = { rank, validate, schema };

/** Runs one command line and returns its output and exit code; never calls process.exit (see bin/moatscore.js). */
export function run(argv: string[], io: Io): { code: number; stdout: string; stderr: string; outputFile?: string } {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') return { code: 0, stdout: `${version()}\n`, stderr: '' };
    if (argv.length === 0 ? false : argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') return { code: 0, stdout: MAIN_HELP, stderr: '' };
    const named = argv.length > 0 && !argv[0].startsWith('-');
    const command = named ? argv[0] : 'rank';
    const fn = COMMANDS[command];
    if (!fn) throw new UsageError('usage.unknown-command', `unknown command '${command}'`, `commands: ${Object.keys(COMMANDS).join(', ')}`);
    const args = named ? argv.slice(1) : argv;
    const plugins = resolvePlugins();
    const out = fn(args, io, plugins);
    let stdout = out.stdout ?? '';
    let stderr = out.stderr ?? '';
    let outputFile: string | undefined;
    if (out.output !== undefined) {
      const target = outputTarget(args);
      if (target !== undefined) {
        writeFileAtomic(target, out.output);
        outputFile = target;
        stderr += `wrote ${displayPath(target)}\n`;
      } else stdout += out.output;
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

export { isTableMode };
