import { LineCounter, parseDocument, isAlias, isCollection, isNode, isPair, isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, MAX_PROBLEMS_PER_FILE, ProblemList, formatPath, type Problem } from '../errors/problem';

/** A parsed YAML file that can say on which line any path of its content sits. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Alias expansions allowed per document: a billion-laughs file is refused long before it costs memory. */
export const MAX_YAML_ALIASES = 100;

/**
 * Size of the document once aliases are expanded, in characters of scalar text plus one per node. The count limit
 * alone let 99 aliases of one 8 KB node turn an 825 KB file into an 89 MB report; this bounds what the aliases add.
 */
export const MAX_YAML_EXPANDED = 4 * 1024 * 1024;

/**
 * YAML inputs (rubrics, dictionaries, evidence, scenarios) are small by nature: the bundled evidence ledger is 31 KB.
 * The yaml package parses about 1 MB/s on this class of machine, so 2 MiB bounds a parse to seconds.
 */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

/** Nesting deeper than this is refused from a scan of the raw text, before the parser builds anything. */
export const MAX_YAML_DEPTH = 64;

/** The yaml library recurses per nesting level; a hostile file can exhaust the stack. That is the file's fault. */
function tooDeep(file: string): InputError {
  return InputError.one({ code: 'yaml.too-deep', file, message: 'nests too deeply to read', hint: 'flatten the structure; rubrics need a few levels of nesting' });
}

export function parseYaml(text: string, file: string): YamlSource {
  if (text.length > MAX_YAML_BYTES) {
    throw InputError.one({ code: 'io.too-large', file, message: `is ${text.length} characters, over the limit of ${MAX_YAML_BYTES} for a YAML input`, hint: 'rubrics, dictionaries and evidence ledgers are small; split the file' });
  }
  const depth = nestingDepth(text);
  if (depth.depth > MAX_YAML_DEPTH) {
    throw InputError.one({ code: 'yaml.too-deep', file, line: depth.line, message: `nests more than ${MAX_YAML_DEPTH} levels deep`, hint: 'flatten the structure; rubrics need a few levels of nesting' });
  }
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
  const expanded = expandedSize(doc);
  if (expanded > MAX_YAML_EXPANDED) {
    throw InputError.one({
      code: 'yaml.alias-limit', file,
      message: `aliases expand the document to more than ${MAX_YAML_EXPANDED.toLocaleString('en')} characters`,
      hint: 'write the repeated content out, or use fewer aliases',
    });
  }
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
  // Capped like every file's problems: a 2 MB ledger with every fact wrong once printed 4,736 lines.
  const problems: Problem[] = res.error.issues.slice(0, MAX_PROBLEMS_PER_FILE).map((issue) => {
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

/**
 * A cheap upper estimate of nesting depth from the raw text, so that 2,000,000 nested brackets are refused in
 * milliseconds instead of after the parser has built 2 GB: flow brackets open outside quotes and comments, plus
 * block levels (a stack of indentations, and each `- ` that opens a sequence entry on the line). Returns the first
 * line where the depth passes the limit.
 */
export function nestingDepth(text: string): { depth: number; line: number } {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let maxLine = 1;
  let line = 1;
  let quote = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // At a line start outside flow and quotes: measure the block level.
    let lineDepth = 0;
    if (flow === 0 && quote === 0) {
      let indent = 0;
      while (i + indent < n && text.charCodeAt(i + indent) === 0x20) indent++;
      const c = text.charCodeAt(i + indent);
      if (c !== 0x0a && c !== 0x23 && i + indent < n) {
        while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
        indents.push(indent);
        let j = i + indent;
        let dashes = 0;
        while (text.charCodeAt(j) === 0x2d && text.charCodeAt(j + 1) === 0x20) {
          dashes++;
          j += 2;
          while (text.charCodeAt(j) === 0x20) j++;
        }
        lineDepth = indents.length + dashes;
      }
      i += indent;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        line++;
        i++;
        break;
      }
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === 0x5c && quote === 0x22) i++;
        continue;
      }
      const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
      const tokenStart = prev === 0x20 || prev === 0x0a || prev === 0x5b || prev === 0x7b || prev === 0x2c || prev === 0x3a;
      if (c === 0x23 && (prev === 0x20 || prev === 0x0a)) {
        const nl = text.indexOf('\n', i);
        i = (nl === -1 ? n : nl) - 1;
      } else if ((c === 0x22 || c === 0x27) && tokenStart) quote = c;
      else if (c === 0x5b || c === 0x7b) {
        flow++;
        if (lineDepth + flow > max) {
          max = lineDepth + flow;
          maxLine = line;
        }
        if (max > MAX_YAML_DEPTH) return { depth: max, line: maxLine };
      } else if ((c === 0x5d || c === 0x7d) && flow > 0) flow--;
    }
    if (lineDepth + flow > max) {
      max = lineDepth + flow;
      maxLine = line - 1;
    }
    if (max > MAX_YAML_DEPTH) return { depth: max, line: maxLine };
  }
  return { depth: max, line: maxLine };
}

/**
 * Characters of scalar text plus one per node, with every alias counted as the size of what it expands to. Memoised
 * per node, so the work is linear in the parsed document however often a node is aliased; recursion is bounded by
 * the nesting depth, which nestingDepth has already limited.
 */
function expandedSize(doc: Document): number {
  const memo = new Map<unknown, number>();
  const size = (node: unknown, guard: number): number => {
    if (node === null || node === undefined) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    let total = 1;
    if (guard > 4 * MAX_YAML_DEPTH) return Infinity; // alias chains deeper than any nesting: refuse
    if (isAlias(node)) total = size(node.resolve(doc), guard + 1);
    else if (isScalar(node)) total += String(node.source ?? node.value ?? '').length;
    else if (isPair(node)) total += size(node.key, guard + 1) + size(node.value, guard + 1);
    else if (isCollection(node)) for (const item of node.items) total += size(item, guard + 1);
    memo.set(node, total);
    return total;
  };
  return size(doc.contents, 0);
}
