import { z } from 'zod';
import { kebabId as kebab } from '../io/kebab-id';
import { ProblemList } from '../errors/problem';
import { readInputFile, decodeUtf8, fileSystemReader, type InputReader } from '../io/read-input';
import { parseYaml, validateYaml } from '../io/yaml-source';
import type { Indicator, IndicatorDictionary } from '../model/indicator';


export const DictionarySchema = z.strictObject({
  indicators: z.array(z.strictObject({
    id: kebab,
    kind: z.enum(['rating', 'count', 'years', 'percent', 'amount', 'category']),
    name: z.string().min(1),
    meaning: z.string().min(1),
    scale: z.strictObject({ min: z.number(), max: z.number() }).optional(),
    anchors: z.record(z.string(), z.string()).optional(),
    unit: z.string().min(1).optional(),
    categories: z.record(kebab, z.string().min(1)).optional(),
  })).min(1),
});

/** Loads the indicator dictionary; each kind must carry what it needs (a rating its scale, a category its values). */
export function loadDictionary(file: string, reader: InputReader = fileSystemReader): IndicatorDictionary {
  const src = parseYaml(decodeUtf8(readInputFile(file, undefined, reader), file), file);
  const raw = validateYaml(src, DictionarySchema, 'dictionary');
  const problems = new ProblemList(file);
  const byId = new Map<string, Indicator>();
  raw.indicators.forEach((ind, i) => {
    const at = (p: string) => ({ line: src.lineOf(['indicators', i, p]), path: `indicators[${i}].${p}` });
    if (byId.has(ind.id)) problems.add({ code: 'dictionary.duplicate-id', ...at('id'), message: `indicator '${ind.id}' is declared twice`, hint: 'declare each indicator once' });
    if (ind.id === 'id' || ind.id === 'name') problems.add({ code: 'dictionary.reserved-id', ...at('id'), message: `'${ind.id}' is reserved for the row id and name columns`, hint: 'choose another id' });
    if (ind.kind === 'category' && (!ind.categories || Object.keys(ind.categories).length === 0)) problems.add({ code: 'dictionary.missing-categories', ...at('kind'), message: `categorical indicator '${ind.id}' lists no categories`, hint: 'add categories: { value: meaning, … }' });
    if (ind.kind !== 'category' && ind.categories) problems.add({ code: 'dictionary.unexpected-categories', ...at('categories'), message: `${ind.kind} indicator '${ind.id}' cannot have categories`, hint: 'use kind: category or drop categories' });
    if (ind.kind === 'rating' && !ind.scale) problems.add({ code: 'dictionary.missing-scale', ...at('kind'), message: `rating '${ind.id}' declares no scale`, hint: 'add scale: { min: 1, max: 5 }' });
    if (ind.scale && !(ind.scale.min < ind.scale.max)) problems.add({ code: 'dictionary.bad-scale', ...at('scale'), message: `scale min ${ind.scale.min} is not below max ${ind.scale.max}`, hint: 'write min < max' });
    byId.set(ind.id, ind);
  });
  problems.throwIfErrors();
  return Object.freeze({ file, indicators: raw.indicators, byId });
}
