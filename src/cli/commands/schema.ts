import { UsageError } from '../../errors/problem';
import { SCHEMA_KINDS, isSchemaKind, jsonSchemaOf } from '../../project/schemas';
import type { Command } from '../command';
import { SCHEMA_HELP } from '../help';
import { HELP_OPTION, OUTPUT_OPTIONS, parseOptions } from '../options';

export const schema: Command = (args) => {
  const { values } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION, kind: { type: 'string' } }, 'schema');
  if (values.help) return { stdout: SCHEMA_HELP };
  if (values.format !== undefined) throw new UsageError('usage.bad-option', 'schema: --format is not an option here', 'the schema is always JSON');
  const kind = values.kind ?? 'rubric';
  if (!isSchemaKind(kind)) throw new UsageError('usage.unknown-kind', `schema: unknown --kind '${kind}'`, `kinds: ${SCHEMA_KINDS.join(', ')}`);
  return {
    output: JSON.stringify(jsonSchemaOf(kind), null, 2) + '\n',
    // Said on standard error so the JSON on standard output stays clean for redirection.
    stderr: kind === 'outcomes' ? 'note: an outcomes file is a CSV (market,outcome,evidence,rationale); this schema describes one row of it, as an object\n' : undefined,
  };
};
