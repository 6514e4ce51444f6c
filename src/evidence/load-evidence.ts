import { z } from 'zod';
import { kebabId as kebab } from '../io/kebab-id';
import { ProblemList } from '../errors/problem';
import { readInputFile, decodeUtf8, fileSystemReader, type InputReader } from '../io/read-input';
import { parseYaml, validateYaml } from '../io/yaml-source';
import type { EvidenceLedger, Fact } from '../model/evidence';
import { checkSourceHeadings } from './source-headings';


export const EvidenceSchema = z.strictObject({
  conditions: z.array(kebab).min(1).describe('Condition ids the facts may bear on'),
  sources: z.array(z.strictObject({
    file: z.string().min(1).describe('Source document file name'),
    title: z.string().min(1),
    sections: z.array(z.string().min(1)).min(1).describe('Section headings of the document, as written there'),
  })).min(1),
  facts: z.array(z.strictObject({
    id: kebab,
    markets: z.array(kebab).min(1),
    conditions: z.array(kebab).default([]),
    text: z.string().min(20, 'a fact needs a sentence of paraphrase').max(600, 'keep a fact to one or two sentences'),
    figure: z.strictObject({ value: z.number().refine(Number.isFinite, 'must be finite'), unit: z.string().min(1), period: z.string().min(1) }).optional(),
    source: z.strictObject({ file: z.string().min(1), section: z.string().min(1) }),
    kind: z.enum(['fact', 'caveat']).default('fact'),
  })).min(1),
});

/**
 * Loads and checks the evidence ledger: schema, unique ids, known conditions, sources and section headings, the
 * headings proven against the source text wherever it can be found (see source-headings.ts).
 */
export interface EvidenceOptions {
  /** The project's folder of source documents, searched after the ledger's own folder. */
  readonly sourcesDir?: string;
  /** Where the ledger and its sources are read from (the file system unless a test says otherwise). */
  readonly reader?: InputReader;
}

export function loadEvidence(file: string, opts: EvidenceOptions = {}): EvidenceLedger {
  const src = parseYaml(decodeUtf8(readInputFile(file, undefined, opts.reader ?? fileSystemReader), file), file);
  const raw = validateYaml(src, EvidenceSchema, 'evidence');
  const problems = new ProblemList(file);
  const byId = new Map<string, Fact>();
  const sections = new Map(raw.sources.map((s) => [s.file, new Set(s.sections)]));
  raw.facts.forEach((f, i) => {
    const at = (...p: (string | number)[]) => ({ line: src.lineOf(['facts', i, ...p]), path: `facts[${i}]${p.length ? '.' + p.join('.') : ''}` });
    if (byId.has(f.id)) problems.add({ code: 'evidence.duplicate-id', ...at('id'), message: `fact id '${f.id}' is used twice`, hint: 'give each fact its own id' });
    byId.set(f.id, f);
    f.conditions.forEach((c, k) => {
      if (!raw.conditions.includes(c)) problems.add({ code: 'evidence.unknown-condition', ...at('conditions', k), message: `'${c}' is not a declared condition`, hint: `declared: ${raw.conditions.join(', ')}` });
    });
    const secs = sections.get(f.source.file);
    if (!secs) problems.add({ code: 'evidence.unknown-source', ...at('source', 'file'), message: `source file '${f.source.file}' is not listed under sources`, hint: `listed: ${[...sections.keys()].join(', ')}` });
    else if (!secs.has(f.source.section)) problems.add({ code: 'evidence.unknown-section', ...at('source', 'section'), message: `'${f.source.section}' is not a section heading of ${f.source.file}`, hint: `headings: ${[...secs].join(' | ')}` });
  });
  const warnings = checkSourceHeadings(raw, src, opts.sourcesDir, problems, opts.reader ?? fileSystemReader);
  problems.throwIfErrors();
  return Object.freeze({ file, conditions: raw.conditions, sources: raw.sources, facts: raw.facts, byId, warnings });
}
