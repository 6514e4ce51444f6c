import { rankMove, type RankResult } from '../model/result';
import { machineNumber, type Renderer } from './renderer';
import { writeCsv, type CsvCell } from './csv-writer';

/**
 * `rank,id,name,score,[rank_best,rank_worst,uncertainty,]<condition ids…>,tier,binding,caps,[tier_confidence,]gated`
 * (rubric mode; caps: ids of the caps that bit, joined by `;`) or `rank,id,name,score,[rank_best,rank_worst,
 * uncertainty,]gated`, then `compromise` (true/false) under vikor, then `base_rank,rank_change` with --show-changes; RFC 4180 (csv-writer.ts). `gated` is
 * `true`/`false` (the table's `*`): a CSV has no marker beside a number, and a number column stays numeric.
 */
export class CsvRenderer implements Renderer {
  readonly id = 'csv' as const;
  readonly description = 'CSV: rank,id,name,score,<conditions…>,tier,binding,caps,gated';
  render(r: RankResult): string {
    const u = r.uncertainty;
    const head = ['rank', 'id', 'name', 'score', ...(u ? ['rank_best', 'rank_worst', 'uncertainty'] : []), ...r.conditionIds];
    if (r.rubric) head.push('tier', 'binding', 'caps');
    if (r.rubric && u) head.push('tier_confidence');
    head.push('gated');
    // A method's set (vikor: `compromise`) is one more true/false column, so the CSV carries what the footer says.
    const set = r.verdict ? new Set(r.verdict.members) : null;
    if (r.verdict) head.push(r.verdict.id);
    if (r.baseRanks) head.push('base_rank', 'rank_change');
    const rows: CsvCell[][] = new Array(r.ranking.length);
    r.ranking.forEach((a, k) => {
      const row: CsvCell[] = [a.rank, a.id, a.name, machineNumber(a.score)];
      const au = u?.byId[a.id];
      if (u) row.push(au?.rankRange[0] ?? '', au?.rankRange[1] ?? '', au?.uncertainty ?? '');
      for (const c of r.conditionIds) row.push(machineNumber(a.conditions[c]));
      if (r.rubric) row.push(a.tier ?? '', a.binding ?? '', a.caps.join(';'));
      if (r.rubric && u) row.push(au?.tierConfidence === null || au === undefined ? '' : machineNumber(au.tierConfidence));
      row.push(String(a.gated));
      if (set) row.push(String(set.has(a.id)));
      if (r.baseRanks) row.push(r.baseRanks[a.id], rankMove(r, a.id, a.rank)!);
      rows[k] = row;
    });
    rows.unshift(head);
    return writeCsv(rows);
  }
}
