import { ProblemList } from '../errors/problem';
import { decodeUtf8, fileSystemReader, readInputFile, type InputReader } from '../io/read-input';
import { parseYaml, validateYaml, type YamlSource } from '../io/yaml-source';
import { RubricSchema, type RubricSpec } from './schema';
import { STRUCTURE_RULES } from './structure-rules';

/** A rubric file that passed its schema and structural rules, not yet bound to an indicator dictionary. */
export interface RubricSource {
  readonly file: string;
  readonly spec: RubricSpec;
  readonly yaml: YamlSource;
}

/** Parse → zod schema → structural rules (ids, weights, bands, tiers); all problems of the file are reported together. */
export function loadRubric(file: string, reader: InputReader = fileSystemReader): RubricSource {
  const yaml = parseYaml(decodeUtf8(readInputFile(file, undefined, reader), file), file);
  const spec = validateYaml(yaml, RubricSchema, 'rubric');
  const problems = new ProblemList(file);
  for (const rule of STRUCTURE_RULES) rule({ spec, yaml, problems });
  problems.throwIfErrors();
  return { file, spec, yaml };
}
