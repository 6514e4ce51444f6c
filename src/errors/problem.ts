import { printable } from '../io/printable';

/**
 * Problems are data with a place: every input error the engine reports is one of these, collected per file
 * and printed together, so a user fixes a file in one pass rather than one error per run.
 */
export interface Problem {
  /** Stable, dotted code such as `data.duplicate-id` or `expression.forbidden`; see README "Error codes". */
  readonly code: string;
  /** What is wrong, naming the value found. */
  readonly message: string;
  /** The file the problem is in, as the user named it. */
  readonly file?: string;
  /** 1-based line in the file (YAML node or CSV record). */
  readonly line?: number;
  /** 1-based column (CSV field index) where known. */
  readonly column?: number;
  /** Path inside the document: `conditions[1].criteria[0].weight`, or `row cloud, column credible-suppliers`. */
  readonly path?: string;
  /** What would fix it. */
  readonly hint?: string;
  readonly severity?: 'error' | 'warning';
}

/**
 * `file:line:col path: message (hint)`: the one-line form every command prints. Every part may quote a data file
 * (a path, an id, a cell), so control characters are shown as U+FFFD: a value cannot break the line, and no
 * escape sequence reaches the terminal.
 */
export function formatProblem(problem: Problem): string {
  const p = { ...problem, file: opt(problem.file), path: opt(problem.path), message: printable(problem.message), hint: opt(problem.hint) };
  let place = p.file ?? '';
  if (p.line !== undefined) place += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) place += `:${p.column}`;
  const where = [place, p.path].filter((s) => s && s.length > 0).join(' ');
  const head = where ? `${where}: ` : '';
  const hint = p.hint ? ` (${p.hint})` : '';
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${tag}${head}${p.message}${hint} [${p.code}]`;
}

const opt = (s: string | undefined) => (s === undefined ? undefined : printable(s));

/** Formats a YAML/JSON style path array as `a.b[2].c`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out.length === 0 ? key : `.${key}`;
  }
  return out;
}

/** Collects problems while a loader runs its checks; throws them together at the end. */
export class ProblemList {
  readonly items: Problem[] = [];
  constructor(private readonly file?: string) {}

  add(p: Omit<Problem, 'file'> & { file?: string }): void {
    this.items.push({ ...p, file: p.file ?? this.file });
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity !== 'warning');
  }

  get warnings(): Problem[] {
    return this.items.filter((p) => p.severity === 'warning');
  }

  /** Throws an InputError if any error (not warning) was collected. */
  throwIfErrors(): void {
    if (this.hasErrors) throw new InputError(this.items.filter((p) => p.severity !== 'warning'));
  }
}

/** Bad input: the user can fix it by editing a file or an option. CLI exit code 1. */
export class InputError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }

  static one(p: Problem): InputError {
    return new InputError([p]);
  }
}

/** Bad usage: an unknown option, a missing argument, an unknown method or format. CLI exit code 2. */
export class UsageError extends Error {
  readonly code: string;
  readonly hint?: string;
  constructor(code: string, message: string, hint?: string) {
    super(message);
    this.name = 'UsageError';
    this.code = code;
    this.hint = hint;
  }
}

/** A broken invariant inside the engine: a bug, never the user's fault. CLI exit code 70. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}

/** How many items a hint or message lists before it says how many more there are. */
export const LIST_SOME_MAX = 8;

/**
 * Lists at most `max` items, then "… and 39,990 more". Every hint or message that lists ids, columns or values goes
 * through this, so a problem stays one short line whatever the size of the data (a 150,000-row file once made every
 * `cells.unknown-market` hint list every market, and ran out of memory).
 */
export function listSome(items: Iterable<string>, max = LIST_SOME_MAX, separator = ', '): string {
  const shown: string[] = [];
  let total = 0;
  for (const item of items) {
    if (total < max) shown.push(item);
    total++;
  }
  const rest = total - shown.length;
  return rest > 0 ? `${shown.join(separator)}${separator}… and ${rest.toLocaleString('en')} more` : shown.join(separator);
}

/** After this many problems a file stops being checked: the user has enough to fix, and the report stays readable. */
export const MAX_PROBLEMS_PER_FILE = 50;
