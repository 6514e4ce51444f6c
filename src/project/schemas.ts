import { z } from 'zod';
import { ScenarioSchema } from '../scenario/load-scenario';
import { DictionarySchema } from '../data/load-dictionary';
import { EvidenceSchema } from '../evidence/load-evidence';
import { rubricJsonSchema } from '../rubric/schema';
import { ProjectManifestSchema } from './manifest';
import { OutcomeRowSchema } from './outcome-row';

/** Every file kind with a JSON Schema; `outcomes` is a CSV, so its schema describes one row object. */
export const SCHEMA_KINDS = ['rubric', 'dictionary', 'evidence', 'scenario', 'outcomes', 'project'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

/** The kinds that are YAML files, whose schema an editor can apply to a whole file. */
export const YAML_SCHEMA_KINDS: readonly SchemaKind[] = ['rubric', 'dictionary', 'evidence', 'scenario', 'project'];

const SCHEMAS: Record<Exclude<SchemaKind, 'rubric'>, z.ZodType> = {
  dictionary: DictionarySchema,
  evidence: EvidenceSchema,
  scenario: ScenarioSchema,
  outcomes: OutcomeRowSchema,
  project: ProjectManifestSchema,
};

/** The JSON Schema (draft 2020-12) of a file kind, generated from the zod schema its loader parses with. */
export function jsonSchemaOf(kind: SchemaKind): unknown {
  // `io: 'input'`: the schema describes what a person writes, so fields with defaults are optional.
  return kind === 'rubric' ? rubricJsonSchema() : z.toJSONSchema(SCHEMAS[kind], { io: 'input', target: 'draft-2020-12' });
}

export function isSchemaKind(s: string): s is SchemaKind {
  return (SCHEMA_KINDS as readonly string[]).includes(s);
}
