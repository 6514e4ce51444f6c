import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SCHEMA_KINDS, jsonSchemaOf } from '../src/project/schemas';
import { ROOT, cli } from './helpers';

interface ObjectSchema { $schema: string; type: string; properties: Record<string, unknown>; required: string[]; additionalProperties: boolean }

/** A real file of each YAML kind: the bundled NEC files and the manifest at the package root. */
const REAL: Record<string, string> = {
  rubric: 'rubrics/pricing-power.yaml',
  dictionary: 'data/indicators.yaml',
  evidence: 'seeds/evidence.yaml',
  scenario: 'data/scenarios/ai-compresses-integration.yaml',
  project: 'moatscore.yaml',
};

describe('schema --kind: a JSON Schema for every file kind, from the loaders\' zod schemas', () => {
  it('each YAML kind describes its real bundled file: every key known, every required key present, no others allowed', () => {
    for (const [kind, file] of Object.entries(REAL)) {
      const s = jsonSchemaOf(kind as never) as ObjectSchema;
      const doc = parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
      expect(s.$schema, kind).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.additionalProperties, kind).toBe(false);
      expect(Object.keys(doc).filter((k) => !(k in s.properties)), kind).toEqual([]);
      expect(s.required.filter((k) => !(k in doc)), kind).toEqual([]);
    }
  });

  it('the project manifest requires the seven files and leaves outcomes and sources optional', () => {
    const s = jsonSchemaOf('project') as ObjectSchema;
    expect(s.required).toEqual(['id', 'title', 'rubric', 'dictionary', 'data', 'cells', 'evidence', 'scenarios']);
    expect(Object.keys(s.properties).filter((k) => !s.required.includes(k))).toEqual(['outcomes', 'sources']);
  });

  it('outcomes is one row of a CSV, and the command says so on standard error', () => {
    const s = jsonSchemaOf('outcomes') as ObjectSchema;
    expect(s.required).toEqual(['market', 'outcome', 'evidence', 'rationale']);
    const r = cli(['schema', '--kind', 'outcomes']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(s);
    expect(r.stderr).toBe('note: an outcomes file is a CSV (market,outcome,evidence,rationale); this schema describes one row of it, as an object\n');
  });

  it('--kind defaults to rubric, as before; an unknown kind is a usage error listing the kinds', () => {
    expect(JSON.parse(cli(['schema']).stdout)).toEqual(jsonSchemaOf('rubric'));
    const r = cli(['schema', '--kind', 'markets']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`kinds: ${SCHEMA_KINDS.join(', ')}`);
  });
});
