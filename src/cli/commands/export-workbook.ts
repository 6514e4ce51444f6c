import { UsageError } from '../../errors/problem';
import { xlsxBytes } from '../../io/xlsx-bytes';
import type { TraceContext } from '../../analysis/trace';
import type { Provenance } from '../../render/scorecard';
import { buildWorkbookSpec } from '../../render/workbook';

/** `export --format xlsx` options, checked before any file is read: binary output never goes to a terminal. */
export function checkWorkbookOptions(values: { output?: string; shape?: string; bom?: boolean; provenance?: string }): void {
  if (values.output === undefined) throw new UsageError('usage.missing-argument', '--format xlsx needs --output', 'a workbook is binary: write it to a file, e.g. --output card.xlsx');
  const csvOnly = (['shape', 'bom', 'provenance'] as const).filter((k) => values[k] !== undefined);
  if (csvOnly.length) throw new UsageError('usage.bad-option', `--${csvOnly[0]} applies to CSV, not to --format xlsx`, 'the workbook has one sheet per view and a Provenance sheet; leave the option out');
}

/** The workbook bytes; the provenance is the one the CSV export writes, less the CSV-only `shape`. */
export function workbookBytes(ctx: TraceContext, prov: Provenance): Buffer {
  return xlsxBytes(buildWorkbookSpec(ctx, Object.entries(prov).filter(([k]) => k !== 'shape').map(([k, v]) => [k, String(v)] as const)));
}
