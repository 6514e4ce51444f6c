import { parse as parseCsv } from 'csv-parse/sync';
import { InputError, UsageError, type Problem } from '../../errors/problem';
import { decodeUtf8, readInputFile } from '../../io/read-input';
import { loadTable } from '../../data/load-table';
import { gridFormat, renderGrid } from '../../render/grid';
import { parseRatio } from '../../rubric/elicit';
import { ahpWeights, checkComparisonMatrix, RANDOM_INDEX_NAME } from '../../weights/ahp';
import { objectiveWeights } from '../../weights/objective';
import { parseCostOption } from '../inputs';
import { rocWeights } from '../../weights/roc';
import type { Command } from '../command';
import { WEIGHTS_HELP } from '../help';
import { HELP_OPTION, listOption, OUTPUT_OPTIONS, parseOptions } from '../options';
import { displayPath } from '../paths';

/** Reads a comparison matrix CSV: first row and first column name the criteria, in the same order. */
export function readAhpMatrix(file: string): { ids: string[]; matrix: number[][] } {
  const text = decodeUtf8(readInputFile(file), file);
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (e) {
    throw InputError.one({ code: 'csv.malformed', file, message: (e as Error).message, hint: 'check the CSV syntax' });
  }
  const problems: Problem[] = [];
  if (records.length < 2) throw InputError.one({ code: 'ahp.empty', file, message: 'needs a header row and one row per criterion', hint: 'first row: ,a,b,c — then one row per criterion: a,1,3,5' });
  const ids = records[0].slice(1);
  const n = ids.length;
  if (records.length - 1 !== n) problems.push({ code: 'ahp.not-square', file, message: `has ${records.length - 1} rows of comparisons for ${n} criteria in the header`, hint: 'the matrix must be square: one row per criterion' });
  const matrix = records.slice(1).map((row, i) => {
    const line = i + 2;
    if (row.length - 1 !== n) problems.push({ code: 'ahp.not-square', file, line, message: `row ${row[0]} has ${row.length - 1} comparisons, the header names ${n} criteria`, hint: 'the matrix must be square' });
    if (i < n && row[0] !== ids[i]) problems.push({ code: 'ahp.order', file, line, column: 1, message: `row ${i + 1} is '${row[0]}' but column ${i + 1} is '${ids[i]}'`, hint: 'list the rows in the same order as the columns' });
    return row.slice(1).map((cell, j) => {
      const v = /^\d+(\.\d+)?(\s*\/\s*\d+(\.\d+)?)?$/.test(cell) ? parseRatio(cell.includes('/') ? cell : Number(cell)) : NaN;
      if (!Number.isFinite(v)) problems.push({ code: 'ahp.not-a-number', file, line, column: j + 2, path: `row ${row[0]}, column ${ids[j]}`, message: `'${cell}' is not a positive number or fraction`, hint: 'write 3, 0.5 or 1/3' });
      return v;
    });
  });
  if (problems.length) throw new InputError(problems);
  const bad = checkComparisonMatrix(matrix);
  if (bad.length) throw new InputError(bad.map((b) => ({ code: b.code, file, line: b.row !== undefined ? b.row + 1 : undefined, column: b.column !== undefined ? b.column + 1 : undefined, message: b.message, hint: b.hint })));
  return { ids, matrix };
}

export const weights: Command = (args) => {
  const { values, positionals } = parseOptions(args, { ...OUTPUT_OPTIONS, ...HELP_OPTION, cost: { type: 'string' }, criteria: { type: 'string' }, 'max-cr': { type: 'string' } }, 'weights');
  if (values.help || positionals.length === 0) return { stdout: WEIGHTS_HELP };
  const format = gridFormat(values.format);
  const [kind, arg] = positionals;
  if (arg === undefined) throw new UsageError('usage.missing-argument', `weights ${kind} needs an argument`, 'see moatscore weights --help');
  if (kind === 'ahp') {
    const file = displayPath(arg);
    const { ids, matrix } = readAhpMatrix(file);
    const r = ahpWeights(matrix);
    const limit = values['max-cr'] !== undefined ? Number(values['max-cr']) : undefined;
    if (limit !== undefined && !(limit > 0)) throw new UsageError('usage.bad-option', `--max-cr ${values['max-cr']} is not a positive number`, 'write --max-cr 0.2');
    if (limit !== undefined && r.cr > limit) throw InputError.one({ code: 'ahp.inconsistent', file, message: `consistency ratio ${r.cr.toFixed(4)} is above the limit ${limit}`, hint: 'revise the comparisons that contradict each other, or raise --max-cr' });
    if (format === 'json') {
      const w = Object.fromEntries(ids.map((id, k) => [id, Number(r.weights[k].toPrecision(12))]));
      return { output: JSON.stringify({ weights: w, lambdaMax: Number(r.lambdaMax.toPrecision(12)), ci: Number(r.ci.toPrecision(12)), cr: Number(r.cr.toPrecision(12)), randomIndex: r.randomIndex }, null, 2) + '\n' };
    }
    const notes = [
      `λmax ${r.lambdaMax.toFixed(4)}, CI ${r.ci.toFixed(4)}, CR ${r.cr.toFixed(4)} (random index ${r.randomIndex} for n = ${ids.length}, ${RANDOM_INDEX_NAME})`,
      ...(r.cr > 0.1 ? [`warning: CR ${r.cr.toFixed(4)} is above 0.10; the judgements are not acceptably consistent (Saaty 1980)`] : []),
    ];
    return { output: renderGrid({ title: `AHP weights from ${file}`, head: ['id', 'weight'], rows: ids.map((id, k) => [id, r.weights[k]]), notes }, format, 4), stderr: r.cr > 0.1 ? `warning: ${file}: AHP consistency ratio ${r.cr.toFixed(4)} is above 0.10\n` : '' };
  }
  if (kind === 'roc') {
    const ids = listOption(arg) ?? [];
    if (ids.length === 0 || new Set(ids).size !== ids.length) throw new UsageError('usage.bad-argument', 'weights roc needs distinct ids, most important first', 'write moatscore weights roc a,b,c');
    const w = rocWeights(ids.length);
    return { output: renderGrid({ title: 'Rank-order centroid weights (Barron & Barrett 1996)', head: ['id', 'rank', 'weight'], rows: ids.map((id, k) => [id, k + 1, w[k]]) }, format, 4) };
  }
  if (kind === 'entropy' || kind === 'critic') {
    const { dataset, criteria } = loadTable(displayPath(arg), listOption(values.criteria));
    const w = objectiveWeights(kind, dataset, criteria, parseCostOption(values.cost, criteria));
    const title = kind === 'entropy' ? 'Entropy weights (Hwang & Yoon 1981 §2.2.3)' : 'CRITIC weights (Diakoulaki et al. 1995)';
    return { output: renderGrid({ title, head: ['id', 'weight'], rows: criteria.map((c, k) => [c, w[k]]) }, format, 4) };
  }
  throw new UsageError('usage.unknown-command', `unknown weights method '${kind}'`, 'choose one of: ahp, roc, entropy, critic');
};
