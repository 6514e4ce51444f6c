import { dirname, join } from 'node:path';
import type { Problem, ProblemList } from '../errors/problem';
import { decodeUtf8, fileSystemReader, readInputFile, type InputReader } from '../io/read-input';
import type { YamlSource } from '../io/yaml-source';

/**
 * A heading of a plain-text source is a short line on its own: the seed documents carry no markup, and their section
 * headings are the lines of a few words between paragraphs that run to hundreds of characters (longest heading 90,
 * shortest paragraph 188 characters in ../shared/seeds). Matched exactly after trimming.
 */
export const MAX_HEADING_LENGTH = 120;

export function headingsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n|\r/)) {
    const t = line.trim();
    if (t.length > 0 && t.length <= MAX_HEADING_LENGTH) out.add(t);
  }
  return out;
}

interface LedgerShape {
  readonly sources: readonly { readonly file: string; readonly sections: readonly string[] }[];
  readonly facts: readonly { readonly source: { readonly file: string; readonly section: string } }[];
}

/** Where a source document may be: beside the ledger first, then in the project's declared sources folder. */
export function sourceCandidates(ledgerFile: string, name: string, sourcesDir: string | undefined): string[] {
  return [join(dirname(ledgerFile), name), ...(sourcesDir !== undefined ? [join(sourcesDir, name)] : [])];
}

/**
 * Proves the ledger's section headings against the source text itself: every declared section and every section a
 * fact cites must be a heading of the document. Problems go to `problems`; a source that cannot be found is a
 * warning (returned), since the ledger may legitimately travel without its documents.
 */
export function checkSourceHeadings(ledger: LedgerShape, src: YamlSource, sourcesDir: string | undefined, problems: ProblemList, reader: InputReader = fileSystemReader): Problem[] {
  const warnings: Problem[] = [];
  const headings = new Map<string, Set<string>>();
  ledger.sources.forEach((s, i) => {
    const tried = sourceCandidates(src.file, s.file, sourcesDir);
    const found = tried.find((p) => reader.exists(p));
    if (found === undefined) {
      warnings.push({
        code: 'evidence.source-not-found', severity: 'warning', file: src.file, line: src.lineOf(['sources', i, 'file']), path: `sources[${i}].file`,
        message: `source '${s.file}' was not found (looked in ${tried.join(' and ')}); its section headings were checked only against the ledger's own list`,
        hint: sourcesDir === undefined ? 'put the document beside the ledger, or name its folder as sources: in moatscore.yaml' : 'put the document beside the ledger or in the sources folder',
      });
      return;
    }
    const set = headingsOf(decodeUtf8(readInputFile(found, undefined, reader), found));
    headings.set(s.file, set);
    s.sections.forEach((sec, k) => {
      if (!set.has(sec.trim())) problems.add({ code: 'evidence.not-a-heading', line: src.lineOf(['sources', i, 'sections', k]), path: `sources[${i}].sections[${k}]`, message: `'${sec}' is not a heading of ${found} (a heading is a line of at most ${MAX_HEADING_LENGTH} characters on its own)`, hint: 'copy the heading exactly as the source writes it' });
    });
  });
  ledger.facts.forEach((f, i) => {
    const set = headings.get(f.source.file);
    const declared = ledger.sources.find((s) => s.file === f.source.file)?.sections.includes(f.source.section);
    // A section missing from the ledger's own list is already reported (evidence.unknown-section); say it once.
    if (set && declared && !set.has(f.source.section.trim())) {
      problems.add({ code: 'evidence.not-a-heading', line: src.lineOf(['facts', i, 'source', 'section']), path: `facts[${i}].source.section`, message: `'${f.source.section}' is not a heading of ${f.source.file}`, hint: 'cite a heading exactly as the source writes it' });
    }
  });
  return warnings;
}
