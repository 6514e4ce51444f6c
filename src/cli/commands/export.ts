import { UsageError } from '../../errors/problem';
import { LONG_HEAD, longRows, provenanceLines, scorecardCsv, sha256, wideTable, type Provenance, type ProvenanceMode, type Shape } from '../../render/scorecard';
import type { Command } from '../command';
import { EXPORT_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { tracedRun } from '../setup';
import { checkWorkbookOptions, workbookBytes } from './export-workbook';

export const exportCommand: Command = (args, io, services) => {
  const { values } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION, shape: { type: 'string' }, provenance: { type: 'string' }, bom: { type: 'boolean' } }, 'export');
  if (values.help) return { stdout: EXPORT_HELP };
  if (values.format !== undefined && values.format !== 'csv' && values.format !== 'xlsx') throw new UsageError('usage.unknown-format', `export writes csv or xlsx, not '${values.format}'`, 'use rank or compare for other formats');
  if (values.format === 'xlsx') checkWorkbookOptions({ ...values, output: io.output });
  const shape = (values.shape ?? 'long') as Shape;
  if (shape !== 'long' && shape !== 'wide') throw new UsageError('usage.bad-option', `--shape ${values.shape} is not known`, 'choose long or wide');
  // Default: beside the scorecard (OUT.provenance.txt), so row 1 of a spreadsheet is the header; on standard output
  // there is no "beside", and standard error is not the place for data a pipe would lose: none, unless asked for.
  const mode = (values.provenance ?? (io.output === undefined ? 'none' : 'file')) as ProvenanceMode;
  if (!['header', 'file', 'none'].includes(mode)) throw new UsageError('usage.bad-option', `--provenance ${values.provenance} is not known`, 'choose header, file or none');
  if (mode === 'file' && io.output === undefined) throw new UsageError('usage.missing-argument', '--provenance file needs --output', 'the provenance is written next to the output as OUTPUT.provenance.txt');
  const traced = tracedRun(values, services);
  if (traced.mode === 'table' && values.format === 'xlsx') throw new UsageError('usage.rubric-only-option', 'the xlsx workbook needs a rubric (its live formulas recompute condition scores, tiers and the gate)', 'export a plain CSV as --format csv, or pass --rubric');
  const prov: Provenance = traced.mode === 'rubric'
    ? {
      engine: `moatscore ${services.version}`,
      rubric: traced.run.project.files.rubric, rubricSha256: sha256(traced.run.project.files.rubric), rubricId: traced.run.rubric.id,
      data: traced.run.project.files.data, dataSha256: sha256(traced.run.project.files.data),
      method: traced.run.method.id, shape,
      overrides: traced.run.overrides.join('; ') || 'none', scenario: traced.run.scenario ?? 'none', seed: 'none (no sampling)',
    }
    : {
      engine: `moatscore ${services.version}`,
      rubric: 'none (rubric-free: each criterion acts as a condition)', rubricSha256: 'none', rubricId: 'none',
      data: traced.run.data.file, dataSha256: sha256(traced.run.data.file),
      method: traced.result.method, shape, overrides: 'none', scenario: 'none', seed: 'none (no sampling)',
      weights: traced.result.criteria.map((c) => `${c.id}=${Number(c.globalWeight.toPrecision(12))}`).join(','),
      cost: [...traced.run.cost].join(',') || 'none',
    };
  if (traced.mode === 'rubric' && values.format === 'xlsx') return { output: workbookBytes(traced.ctx, prov) };
  const { head, rows } = shape === 'long'
    ? { head: [...LONG_HEAD], rows: longRows(traced.mode === 'rubric' ? traced.ctx : traced) }
    : wideTable(traced.mode === 'rubric' ? traced.ctx : { rubric: null, result: traced.result, trace: traced.trace });
  const csv = scorecardCsv(head, rows, { bom: Boolean(values.bom), provenance: mode === 'header' ? prov : undefined });
  // Scorecard and provenance are written by the CLI as one unit: both files or neither (io/atomic-write.ts).
  return { output: csv, alsoWrite: mode === 'file' ? [{ path: `${io.output}.provenance.txt`, content: provenanceLines(prov) }] : undefined };
};
