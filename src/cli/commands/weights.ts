import { parse as parseCsv } from 'csv-parse/sync';
import { textValueWhy } from '../data-mode';
import { InputError, InternalError, ProblemList, UsageError } from '../../errors/problem';
import { checkId, UniqueIds } from '../../data/check-id';
import { parseStrictNumber, shown, type NumberProblem } from '../../data/strict-number';
import { decodeUtf8, fileSystemReader, readInputFile, type InputReader } from '../../io/read-input';
import { loadTable } from '../../data/load-table';
import { gridFormat, renderGrid } from '../../render/grid';
import { AHP_DEFAULT_MAX_CR, AHP_WARN_CR, ahpWeights, checkComparisonMatrix, RANDOM_INDEX_NAME } from '../../weights/ahp';
import { objectiveWeights } from '../../weights/objective';
import { parseCostOption } from '../inputs';
import { rocWeights } from '../../weights/roc';
import type { Command } from '../command';
import { WEIGHTS_HELP } from '../help';
import { HELP_OPTION, listOption, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath } from '../paths';

/** Reads a comparison matrix CSV: first row and first column name the criteria, in the same order. */
export function readAhpMatrix(file: string, input: InputReader = fileSystemReader): { ids: string[]; matrix: number[][] } {
  const text = decodeUtf8(readInputFile(file, undefined, input), file);
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw InputError.one({ code: 'csv.malformed', file, message: (e as Error).message, hint: 'check the CSV syntax' });
  }
  const problems = new ProblemList(file);
  if (records.length < 2) throw InputError.one({ code: 'ahp.empty', file, message: 'needs a header row and one row per criterion', hint: 'first row: ,a,b,c — then one row per criterion: a,1,3,5' });
  // Criterion ids through the one id check: blank, invisible characters, and duplicates after NFC normalisation
  // (a repeated id once dropped a row silently, leaving weights that summed to 0.54).
  const unique = new UniqueIds(problems, 'criterion', 'ahp.duplicate-id');
  const ids = records[0].slice(1).map((raw, j) => unique.add(raw, { line: 1, column: j + 2, path: `column ${j + 2}` }) ?? raw);
  const n = ids.length;
  if (records.length - 1 !== n) problems.add({ code: 'ahp.not-square', message: `has ${records.length - 1} rows of comparisons for ${n} criteria in the header`, hint: 'the matrix must be square: one row per criterion' });
  const matrix = records.slice(1).map((row, i) => {
    const line = i + 2;
    const label = checkId(row[0], 'criterion');
    if (typeof label !== 'string') problems.add({ ...label, line, column: 1, path: `row ${i + 1}` });
    if (row.length - 1 !== n) problems.add({ code: 'ahp.not-square', line, message: `row ${row[0]} has ${row.length - 1} comparisons, the header names ${n} criteria`, hint: 'the matrix must be square' });
    if (typeof label === 'string' && i < n && label !== ids[i]) problems.add({ code: 'ahp.order', line, column: 1, message: `row ${i + 1} is '${row[0]}' but column ${i + 1} is '${ids[i]}'`, hint: 'list the rows in the same order as the columns' });
    return row.slice(1).map((cell, j) => {
      const v = readComparison(cell);
      if (typeof v !== 'number') problems.add({ code: v.code === 'data.not-a-number' ? 'ahp.not-a-number' : v.code, line, column: j + 2, path: `row ${row[0]}, column ${ids[j]}`, message: v.message, hint: v.hint });
      return typeof v === 'number' ? v : NaN;
    });
  });
  problems.throwIfErrors();
  const bad = checkComparisonMatrix(matrix);
  if (bad.length) throw new InputError(bad.map((b) => ({ code: b.code, file, line: b.row !== undefined ? b.row + 1 : undefined, column: b.column !== undefined ? b.column + 1 : undefined, message: b.message, hint: b.hint })));
  return { ids, matrix };
}

/**
 * One comparison: a number or a fraction `a/b`, each part read by the data loader's strict number grammar (so ` `,
 * `0x10` or `1e-400` are errors, not 0, 16 or 0).
 */
function readComparison(cell: string): number | NumberProblem {
  const parts = cell.split('/');
  if (parts.length > 2) return { code: 'ahp.not-a-number', message: `'${shown(cell)}' is not a positive number or fraction`, hint: 'write 3, 0.5 or 1/3' };
  const [a, b] = parts.map((p) => parseStrictNumber(parts.length === 2 ? p.trim() : p));
  if (typeof a !== 'number') return a;
  if (b === undefined) return a;
  if (typeof b !== 'number') return b;
  return a / b;
}

export const weights: Command = (args, _io, services) => {
  const { values, positionals } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION, cost: { type: 'string' }, criteria: { type: 'string' }, 'max-cr': { type: 'string' } }, 'weights');
  if (values.help || positionals.length === 0) return { stdout: WEIGHTS_HELP };
  const format = gridFormat(values.format);
  const [kind, arg] = positionals;
  if (!WEIGHT_KINDS.includes(kind)) throw new UsageError('usage.unknown-kind', `unknown weights kind '${kind}'`, `choose one of: ${WEIGHT_KINDS.join(' | ')}; see moatscore weights --help`);
  if (arg === undefined) throw new UsageError('usage.missing-argument', `weights ${kind} needs ${kind === 'ahp' ? 'a comparison matrix CSV' : kind === 'roc' ? 'the ids, most important first' : 'a data CSV'}`, `see moatscore weights --help`);
  if (values['max-cr'] !== undefined && kind !== 'ahp') throw new UsageError('usage.bad-option', `--max-cr applies to weights ahp, not ${kind}`, 'leave it out');
  if (kind === 'ahp') {
    const file = displayPath(arg);
    const limit = values['max-cr'] !== undefined ? Number(values['max-cr']) : AHP_DEFAULT_MAX_CR;
    if (!(limit > 0)) throw new UsageError('usage.bad-option', `--max-cr ${values['max-cr']} is not a positive number`, 'write --max-cr 0.2');
    const { ids, matrix } = readAhpMatrix(file, services.input);
    const r = ahpWeights(matrix);
    if (r.cr > limit) throw InputError.one({ code: 'ahp.inconsistent', file, message: `consistency ratio ${r.cr.toFixed(4)} is above the limit ${limit}${values['max-cr'] === undefined ? ' (the default --max-cr)' : ''}`, hint: 'revise the comparisons that contradict each other, or raise --max-cr' });
    // Said once, on standard error, whatever the format: the table's note gives the figures, not a second warning.
    const stderr = r.cr > AHP_WARN_CR ? `warning: ${file}: AHP consistency ratio ${r.cr.toFixed(4)} is above ${AHP_WARN_CR.toFixed(2)}; the judgements are not acceptably consistent (Saaty 1980)\n` : '';
    if (format === 'json') {
      const w = Object.fromEntries(ids.map((id, k) => [id, Number(r.weights[k].toPrecision(12))]));
      return { output: JSON.stringify({ weights: w, lambdaMax: Number(r.lambdaMax.toPrecision(12)), ci: Number(r.ci.toPrecision(12)), cr: Number(r.cr.toPrecision(12)), randomIndex: r.randomIndex }, null, 2) + '\n', stderr };
    }
    const notes = [`λmax ${r.lambdaMax.toFixed(4)}, CI ${r.ci.toFixed(4)}, CR ${r.cr.toFixed(4)} (random index ${r.randomIndex} for n = ${ids.length}, ${RANDOM_INDEX_NAME}); acceptable up to ${AHP_WARN_CR.toFixed(2)}, refused above ${limit}`];
    return { output: renderGrid({ title: `AHP weights from ${file}`, head: ['id', 'weight'], rows: ids.map((id, k) => [id, r.weights[k]]), notes }, format, 4), stderr };
  }
  if (kind === 'roc') {
    const ids = listOption(arg) ?? [];
    if (ids.length === 0 || new Set(ids).size !== ids.length) throw new UsageError('usage.bad-argument', 'weights roc needs distinct ids, most important first', 'write moatscore weights roc a,b,c');
    const w = rocWeights(ids.length);
    return { output: renderGrid({ title: 'Rank-order centroid weights (Barron & Barrett 1996)', head: ['id', 'rank', 'weight'], rows: ids.map((id, k) => [id, k + 1, w[k]]) }, format, 4) };
  }
  if (kind === 'entropy' || kind === 'critic') {
    let loaded: ReturnType<typeof loadTable>;
    try {
      loaded = loadTable(displayPath(arg), listOption(values.criteria), { input: services.input });
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      throw new InputError(e.problems.map((p) => textValueWhy(p, `weights ${kind} reads every column other than id and name as a numeric criterion`, 'choose the numeric columns with --criteria a,b')));
    }
    const { dataset, criteria } = loaded;
    const w = objectiveWeights(kind, dataset, criteria, parseCostOption(values.cost, criteria));
    const title = kind === 'entropy' ? 'Entropy weights (Hwang & Yoon 1981 §2.2.3)' : 'CRITIC weights (Diakoulaki et al. 1995)';
    return { output: renderGrid({ title, head: ['id', 'weight'], rows: criteria.map((c, k) => [c, w[k]]) }, format, 4) };
  }
  throw new InternalError(`weights kind '${kind}' is listed but not handled`);
};

const WEIGHT_KINDS: readonly string[] = ['ahp', 'roc', 'entropy', 'critic'];
