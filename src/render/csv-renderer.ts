import { rankMove, type RankResult } from '../model/result';
import { machineNumber, type Renderer } from './renderer';
import { writeCsv, type CsvCell } from './csv-writer';

/**
 * `rank,id,name,score,<condition ids…>,tier,binding,caps,gated` (rubric mode; caps: ids of the caps that bit, joined
 * by `;`) or `rank,id,name,score,gated`, then `base_rank,rank_change` with --show-changes; RFC 4180 (csv-writer.ts).
 * `gated` is `true`/`false` (the table's `*`): a CSV has no marker beside a number, and a number column stays numeric.
 */
export class CsvRenderer implements Renderer {
  readonly id = 'csv' as const;
  readonly description = 'CSV: rank,id,name,score,<conditions…>,tier,binding,caps,gated';
  render(r: RankResult): string {
    const head = ['rank', 'id', 'name', 'score', ...r.conditionIds];
    if (r.rubric) head.push('tier', 'binding', 'caps');
    head.push('gated');
    if (r.baseRanks) head.push('base_rank', 'rank_change');
    const rows: CsvCell[][] = new Array(r.ranking.length);
    r.ranking.forEach((a, k) => {
      const row: CsvCell[] = [a.rank, a.id, a.name, machineNumber(a.score)];
      for (const c of r.conditionIds) row.push(machineNumber(a.conditions[c]));
      if (r.rubric) row.push(a.tier ?? '', a.binding ?? '', a.caps.join(';'));
      row.push(String(a.gated));
      if (r.baseRanks) row.push(r.baseRanks[a.id], rankMove(r, a.id, a.rank)!);
      rows[k] = row;
    });
    rows.unshift(head);
    return writeCsv(rows);
  }
}
