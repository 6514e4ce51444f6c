import type { MarketTrace, TraceContext } from '../analysis/trace';
import { sheetTable, type CellSpec, type SheetSpec } from './workbook-spec';

/**
 * The Evidence sheet: one row per market × criterion × indicator × cited fact (one row with empty fact columns
 * when a value cites none), from the same traces `explain` prints. Every text is a string value, never a formula.
 */
export function evidenceSheet(ctx: TraceContext, traces: readonly MarketTrace[]): SheetSpec {
  const sources = new Map((ctx.evidence?.sources ?? []).map((s) => [s.file, s.title]));
  const rows: CellSpec[][] = [];
  for (const t of traces) {
    for (const c of t.conditions) {
      for (const k of c.criteria) {
        for (const v of k.values) {
          const base: CellSpec[] = [t.id, c.id, k.criterionId, k.score, v.indicator, v.value, v.unit ?? '', v.rationale ?? ''];
          if (v.evidence.length === 0) rows.push([...base, '', '', '', null, '', '', '', '', '']);
          for (const f of v.evidence) {
            rows.push([...base, f.id, f.kind, f.text, f.figure?.value ?? null, f.figure?.unit ?? '', f.figure?.period ?? '', f.source.file, sources.get(f.source.file) ?? '', f.source.section]);
          }
        }
      }
    }
  }
  return sheetTable('Evidence', [
    ['market'], ['condition'], ['criterion'], ['criterion score', '0.000'], ['indicator'], ['value'], ['unit'], ['rationale'],
    ['fact'], ['kind'], ['text'], ['figure'], ['figure unit'], ['period'], ['source file'], ['source title'], ['section'],
  ], rows);
}
