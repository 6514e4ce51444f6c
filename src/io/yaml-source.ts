import { LineCounter, parseDocument, isCollection, isNode, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, ProblemList, formatPath, type Problem } from '../errors/problem';

/** A parsed YAML file that can say on which line any path of its content sits. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Alias expansions allowed per document: a billion-laughs file is refused long before it costs memory. */
export const MAX_YAML_ALIASES = 100;

/** The yaml library recurses per nesting level; a hostile file can exhaust the stack. That is the file's fault. */
function tooDeep(file: string): InputError {
  return InputError.one({ code: 'yaml.too-deep', file, message: 'nests too deeply to read', hint: 'flatten the structure; rubrics need a few levels of nesting' });
}

export function parseYaml(text: string, file: string): YamlSource {
  try {
    return parseYamlUnguarded(text, file);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(file);
    throw e;
  }
}

function parseYamlUnguarded(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  // logLevel 'error': the library would otherwise print process warnings (for example on collection keys) to stderr;
  // anything it would warn about that matters is reported below as a problem instead.
  const doc: Document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
  const problems = new ProblemList(file);
  for (const err of doc.errors) {
    if (/call stack/i.test(err.message)) throw tooDeep(file);
    const pos = err.pos?.[0];
    problems.add({
      code: err.code === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax',
      line: pos !== undefined ? lineCounter.linePos(pos).line : undefined,
      message: err.message.split('\n')[0],
      hint: err.code === 'DUPLICATE_KEY' ? 'each key may appear once per mapping' : 'fix the YAML syntax at this line',
    });
  }
  problems.throwIfErrors();
  // A mapping key that is itself a list or mapping would be stringified silently; no input format here uses one.
  visit(doc, {
    Pair(_, pair) {
      if (isCollection(pair.key)) {
        const at = (pair.key as { range?: [number, number, number] }).range?.[0];
        problems.add({ code: 'yaml.complex-key', line: at !== undefined ? lineCounter.linePos(at).line : undefined, message: 'a mapping key is itself a list or mapping', hint: 'keys are plain names; check the indentation and the "-" markers around this line' });
      }
    },
  });
  problems.throwIfErrors();
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw InputError.one({
      code: 'yaml.alias-limit', file,
      message: `aliases expand past the limit of ${MAX_YAML_ALIASES} (${(e as Error).message.split('\n')[0]})`,
      hint: 'write the repeated content out, or use fewer aliases',
    });
  }
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { file, data, lineOf };
}

/** Runs a zod schema over a YAML source; every issue becomes a problem with its file, line and path. */
export function validateYaml<T>(src: YamlSource, schema: z.ZodType<T>, codePrefix: string): T {
  let res: ReturnType<typeof schema.safeParse>;
  try {
    res = schema.safeParse(src.data);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep(src.file);
    throw e;
  }
  if (res.success) return res.data;
  const problems: Problem[] = res.error.issues.map((issue) => {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    // A custom check may name its own code (kebab-id.ts: `invisible-in-id`).
    const own = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
    return {
      code: `${codePrefix}.${own ?? zodCode(issue.code)}`,
      file: src.file,
      line: src.lineOf(path),
      path: formatPath(path) || undefined,
      message: issue.message,
    };
  });
  throw new InputError(problems);
}

function zodCode(code: string): string {
  switch (code) {
    case 'invalid_type': return 'invalid-type';
    case 'unrecognized_keys': return 'unknown-key';
    case 'too_small': return 'too-small';
    case 'too_big': return 'too-big';
    case 'invalid_value': return 'invalid-value';
    case 'invalid_union': return 'invalid-shape';
    default: return code.replace(/_/g, '-');
  }
}
