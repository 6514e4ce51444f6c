import { UsageError } from '../../errors/problem';
import { rubricJsonSchema } from '../../rubric/schema';
import type { Command } from '../command';
import { SCHEMA_HELP } from '../help';
import { HELP_OPTION, OUTPUT_OPTIONS, parseOptions } from '../options';

export const schema: Command = (args) => {
  const { values } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'schema');
  if (values.help) return { stdout: SCHEMA_HELP };
  if (values.format !== undefined) throw new UsageError('usage.bad-option', 'schema: --format is not an option here', 'the schema is always JSON');
  return { output: JSON.stringify(rubricJsonSchema(), null, 2) + '\n' };
};
