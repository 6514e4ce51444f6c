import { rankMove, type RankResult } from '../model/result';
import { footnotes, type Renderer, type RenderOptions } from './renderer';
import { rangeText, tierLabel } from '../analysis/rank-uncertainty';

const TIER_COLOURS: Readonly<Record<number, string>> = { 0: '\x1b[32m', 1: '\x1b[33m', 2: '\x1b[31m' };

/** Control characters in names would reach the terminal as escape sequences: show them as U+FFFD. */
export const printable = (s: string): string => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '\ufffd');

/** The columns of a positioning table, as text cells; shared by the aligned and Markdown renderers. */
export function tableCells(r: RankResult): { head: string[]; rows: string[][]; numeric: boolean[] } {
  const u = r.uncertainty;
  const head = ['rank', 'id', 'name', 'score', ...(u ? ['range', 'uncertainty'] : []), ...r.conditionIds];
  if (r.rubric) head.push('tier', 'binding');
  if (r.baseRanks) head.push('base', 'move');
  const rows = r.ranking.map((a) => {
    const au = u?.byId[a.id];
    const row = [String(a.rank), printable(a.id), printable(a.name), a.score.toFixed(3) + (a.gated ? '*' : '')];
    if (u) row.push(au ? rangeText(au.rankRange) : '', au?.uncertainty ?? '');
    row.push(...r.conditionIds.map((c) => a.conditions[c].toFixed(2)));
    if (r.rubric) row.push(tierLabel(a.tier, au), a.binding ?? '');
    const move = rankMove(r, a.id, a.rank);
    if (move !== undefined) row.push(String(r.baseRanks![a.id]), move > 0 ? `+${move}` : move < 0 ? String(move) : '=');
    return row;
  });
  const right = new Set(['rank', 'score', 'range', 'base', 'move', ...r.conditionIds]);
  const numeric = head.map((h) => right.has(h));
  return { head, rows, numeric };
}

export class TableRenderer implements Renderer {
  readonly id = 'table' as const;
  readonly description = 'aligned text for the terminal';
  render(r: RankResult, opts: RenderOptions): string {
    const { head, rows, numeric } = tableCells(r);
    const width = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k].length)));
    const line = (cells: string[]) => cells.map((c, k) => (numeric[k] ? c.padStart(width[k]) : c.padEnd(width[k]))).join('  ').trimEnd();
    const tierCol = head.indexOf('tier');
    const tierIds = [...new Set(r.ranking.map((a) => a.tier))];
    const tierOf = new Map(rows.map((row, k) => [row, r.ranking[k].tier]));
    const out = [r.rubric ? `${r.rubric.title}` : `Ranking of ${r.dataFile}`, '', line(head), line(width.map((w) => '-'.repeat(w)))];
    for (const row of rows) {
      let text = line(row);
      if (opts.color && tierCol >= 0) {
        const colour = TIER_COLOURS[Math.min(2, tierIds.indexOf(tierOf.get(row) ?? null))] ?? '';
        text = text.replace(new RegExp(`(\\s)${row[tierCol]}(\\s|$)`), `$1${colour}${row[tierCol]}\x1b[0m$2`);
      }
      out.push(text);
    }
    out.push('', ...footnotes(r));
    return out.join('\n') + '\n';
  }
}

export class MarkdownRenderer implements Renderer {
  readonly id = 'md' as const;
  readonly description = 'a Markdown table';
  render(r: RankResult): string {
    const { head, rows, numeric } = tableCells(r);
    const esc = (s: string) => s.replace(/\|/g, '\\|');
    const out = [
      `### ${esc(r.rubric ? r.rubric.title : `Ranking of ${r.dataFile}`)}`, '',
      `| ${head.map(esc).join(' | ')} |`,
      `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
      ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
      '', ...footnotes(r).map((l) => `${esc(l)}  `),
    ];
    return out.join('\n') + '\n';
  }
}
