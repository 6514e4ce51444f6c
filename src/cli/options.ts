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
  criteria: { type: 'string' },
  weights: { type: 'string' },
  cost: { type: 'string' },
  weight: { type: 'string', multiple: true },
  scenario: { type: 'string' },
  scenarios: { type: 'string' },
} as const satisfies OptionSpec;

export const OUTPUT_OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string' },
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
