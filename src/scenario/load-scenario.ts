import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../errors/problem';
import { decodeUtf8, fileSystemReader, readInputFile, type InputReader } from '../io/read-input';
import { kebabId } from '../io/kebab-id';
import { parseYaml, validateYaml } from '../io/yaml-source';

/*
 * Scenario files: finding them in a folder, reading and validating one against its schema. Checking a scenario
 * against a particular rubric and data set, and applying it, is analysis (src/analysis/scenarios.ts).
 */

export const ScenarioSchema = z.strictObject({
  id: kebabId,
  title: z.string().min(1),
  rationale: z.string().min(1).describe('One line: why this scenario is worth ranking under'),
  weights: z.array(z.strictObject({
    path: z.string().min(1).describe('condition or condition.criterion'),
    weight: z.number().min(0, 'weights are >= 0'),
    rationale: z.string().min(1),
  })).default([]),
  indicators: z.array(z.strictObject({
    market: kebabId,
    indicator: kebabId,
    value: z.union([z.number(), z.string().min(1)]),
    rationale: z.string().min(1),
    evidence: z.array(kebabId).default([]),
  })).default([]),
});

export type ScenarioSpec = z.infer<typeof ScenarioSchema>;

export interface Scenario {
  readonly file: string;
  readonly spec: ScenarioSpec;
  /** 1-based line of each indicator override, for messages. */
  readonly lines: { readonly weights: (number | undefined)[]; readonly indicators: (number | undefined)[] };
}

export function loadScenario(file: string, input: InputReader = fileSystemReader): Scenario {
  const src = parseYaml(decodeUtf8(readInputFile(file, undefined, input), file), file);
  const spec = validateYaml(src, ScenarioSchema, 'scenario');
  return { file, spec, lines: { weights: spec.weights.map((_, i) => src.lineOf(['weights', i])), indicators: spec.indicators.map((_, i) => src.lineOf(['indicators', i])) } };
}

/** Scenario files in a folder, by file name order (deterministic). */
export function listScenarios(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort();
  } catch {
    throw new UsageError('usage.missing-folder', `scenario folder ${dir} cannot be read`, 'pass --scenarios DIR');
  }
  return names.map((f) => join(dir, f));
}

/** Finds a scenario by id (or file name without extension) in a folder; lists the valid ones otherwise. */
export function findScenario(dir: string, name: string): string {
  const files = listScenarios(dir);
  const hit = files.find((f) => basename(f).replace(/\.ya?ml$/, '') === name);
  if (!hit) throw new UsageError('usage.unknown-scenario', `no scenario '${name}' in ${dir}`, `scenarios: ${files.map((f) => basename(f).replace(/\.ya?ml$/, '')).join(', ') || '(none)'}`);
  return hit;
}
