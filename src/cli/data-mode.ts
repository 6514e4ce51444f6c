import { parse } from 'csv-parse/sync';
import { loadDictionary } from '../data/load-dictionary';
import { InputError, type Problem } from '../errors/problem';
import { fileSystemReader, type InputReader } from '../io/read-input';
import type { ProjectManifest } from '../project/manifest';
import { displayPath } from './paths';

/** Enough bytes for any header line of a data file; the rest of the file is read by the loader that runs next. */
const HEADER_BYTES = 64 * 1024;

/**
 * Issue #12: `--data FILE` alone is scored with the project's rubric when every column of FILE (other than id and
 * name) is one of the project's indicators; any other file is rubric-free. A file that cannot be read or whose
 * header does not parse is left to the loader of either mode, which says why with file and line.
 */
export function dataIsProjects(file: string, m: ProjectManifest, input: InputReader = fileSystemReader): boolean {
  const header = headerOf(file, input);
  if (!header) return false;
  const columns = header.filter((h) => h !== 'id' && h !== 'name');
  if (columns.length === 0) return false;
  let ids: ReadonlySet<string>;
  try {
    ids = new Set(loadDictionary(displayPath(m.dictionary), input).indicators.map((i) => i.id));
  } catch (e) {
    if (e instanceof InputError) return false; // the project's own dictionary is broken: rubric mode would say so, table mode does not need it
    throw e;
  }
  return columns.every((c) => ids.has(c));
}

function headerOf(file: string, input: InputReader): string[] | undefined {
  let fd: ReturnType<InputReader['open']>;
  try {
    fd = input.open(file);
  } catch {
    return undefined;
  }
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = fd.read(buf, 0, HEADER_BYTES, 0);
    const text = buf.subarray(0, n).toString('utf8').replace(/^\ufeff/, '');
    const end = text.search(/\r?\n/);
    const rows = parse(end < 0 ? text : text.slice(0, end), { relax_column_count: true }) as string[][];
    return rows[0]?.map((h) => h.trim());
  } catch {
    return undefined;
  } finally {
    fd.close();
  }
}

/**
 * A text value in rubric-free mode: the loader's problem, told with the mode it was read in and the options that
 * change it (the loader alone cannot know the file was meant for a rubric).
 */
export function inTableMode(p: Problem): Problem {
  return textValueWhy(p, 'read in rubric-free mode (--data without --rubric), where every column other than id and name is a numeric criterion', 'pass --rubric FILE (or --project DIR) to score text columns with a rubric, or --criteria a,b to rank only numeric columns');
}

/** A `data.not-a-number` problem with the reason the column was read as a number and what changes that. */
export function textValueWhy(p: Problem, why: string, hint: string): Problem {
  return p.code === 'data.not-a-number' ? { ...p, message: `${p.message} — ${why}`, hint } : p;
}
