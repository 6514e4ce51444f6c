import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors/problem';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Input options every scoring command takes. */
export const INPUT_OPTIONS = {
  project: { type: 'string' },
  rubric: { type: 'string' },
  data: { type: 'string' },
  dictionary: { type: 'string' },
  cells: { type: 'string' },
  evidence: { type: 'string' },
  method: { type: 'string' },
  // Method parameters (src/cli/method-options.ts): VIKOR's v, PROMETHEE's preference functions, SPOTIS's bounds.
  param: { type: 'string' },
  preference: { type: 'string' },
  bounds: { type: 'string' },
  criteria: { type: 'string' },
  weights: { type: 'string' },
  cost: { type: 'string' },
  weight: { type: 'string', multiple: true },
  scenario: { type: 'string' },
  scenarios: { type: 'string' },
} as const satisfies OptionSpec;

/** --format; --output is not here: the CLI takes it out of the arguments first (takeOutput) and hands it over in Io. */
export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
} as const satisfies OptionSpec;

export const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const satisfies OptionSpec;

/** parseArgs with strict checking; its errors become usage errors (exit 2) that name the option. */
export function parseOptions<T extends OptionSpec>(args: string[], options: T, command: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
    throw new UsageError('usage.bad-option', `${command}: ${msg}`, `see moatscore ${command} --help`);
  }
}

export function listOption(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * The one place --output is read: takes every `--output PATH` / `--output=PATH` out of a command's arguments and
 * returns the path with the arguments left. Given twice is a usage error (parseArgs alone keeps the last, and a
 * writer that read the first once sent two files of one output to two places). Arguments after `--` are
 * positionals and are left alone. Other options need not be known: parseArgs reads an unknown option as a flag and
 * its value as a positional, and the command's own strict parse then reads those exactly as before.
 */
export function takeOutput(args: string[], command: string): { output?: string; rest: string[] } {
  const { tokens } = parseArgs({ args, options: { output: { type: 'string' } }, strict: false, allowPositionals: true, tokens: true });
  const found = tokens.filter((t) => t.kind === 'option' && t.name === 'output');
  if (found.length === 0) return { rest: args };
  if (found.length > 1) throw new UsageError('usage.duplicate-option', `${command}: --output is given ${found.length} times`, 'give --output once');
  const t = found[0] as Extract<(typeof tokens)[number], { kind: 'option' }>;
  if (t.value === undefined || t.value === '') throw new UsageError('usage.missing-argument', `${command}: --output needs a path`, 'write --output FILE, or leave it out to write to standard output');
  if (!t.inlineValue && t.value.startsWith('-')) throw new UsageError('usage.bad-option', `${command}: --output ${t.value} looks like an option, not a path`, t.value === '-' ? 'leave --output out to write to standard output' : `write --output=${t.value} if that is the file's name`);
  const drop = new Set([t.index, ...(t.inlineValue ? [] : [t.index + 1])]);
  return { output: t.value, rest: args.filter((_, k) => !drop.has(k)) };
}
