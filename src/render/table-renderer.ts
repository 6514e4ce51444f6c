import { formatMove, rankMove, type RankResult } from '../model/result';
import { printable } from '../io/printable';
import { footnotes, type Renderer, type RenderOptions } from './renderer';

// The only escape sequences the tool writes itself; the CLI edge lets exactly these through (io/printable.ts).
const TIER_COLOURS: Readonly<Record<number, string>> = { 0: '\x1b[32m', 1: '\x1b[33m', 2: '\x1b[31m' };
const RESET = '\x1b[0m';

// Moved to io/printable.ts (one scrub for every path to the terminal); re-exported for callers of the old place.
export { printable };

/** The columns of a positioning table, as text cells; shared by the aligned and Markdown renderers. */
export function tableCells(r: RankResult): { head: string[]; rows: string[][]; numeric: boolean[] } {
  const head = ['rank', 'id', 'name', 'score', ...r.conditionIds];
  if (r.rubric) head.push('tier', 'binding');
  if (r.baseRanks) head.push('base', 'move');
  const rows = r.ranking.map((a) => {
    const row = [String(a.rank), printable(a.id), printable(a.name), a.score.toFixed(3) + (a.gated ? '*' : '') + (a.caps.length ? '†' : ''), ...r.conditionIds.map((c) => a.conditions[c].toFixed(2))];
    if (r.rubric) row.push(printable(a.tier ?? ''), printable(a.binding ?? ''));
    const move = rankMove(r, a.id, a.rank);
    if (move !== undefined) row.push(String(r.baseRanks![a.id]), formatMove(move));
    return row;
  });
  const numeric = head.map((h, k) => k === 0 || k === 3 || (k > 3 && k < 4 + r.conditionIds.length) || h === 'base' || h === 'move');
  return { head, rows, numeric };
}

export class TableRenderer implements Renderer {
  readonly id = 'table' as const;
  readonly description = 'aligned text for the terminal';
  render(r: RankResult, opts: RenderOptions): string {
    const { head, rows, numeric } = tableCells(r);
    // A loop, not Math.max(...cells): an argument spread over 130,000 rows overflows the call stack.
    const width = head.map((h, k) => rows.reduce((w, row) => Math.max(w, row[k].length), h.length));
    const tierCol = head.indexOf('tier');
    const tierIds = [...new Set(rows.map((row) => row[tierCol]))];
    // The tier cell is coloured after padding, so the colour codes never count towards the column width.
    const paint = (c: string, k: number, row: string[]) => (opts.color && k === tierCol && c.trim() !== '' ? `${TIER_COLOURS[Math.min(2, tierIds.indexOf(row[k]))]}${c.trimEnd()}${RESET}${c.slice(c.trimEnd().length)}` : c);
    const line = (cells: string[], colour = false) => cells.map((c, k) => {
      const padded = numeric[k] ? c.padStart(width[k]) : c.padEnd(width[k]);
      return colour ? paint(padded, k, cells) : padded;
    }).join('  ').trimEnd();
    const out = [printable(r.rubric ? r.rubric.title : `Ranking of ${r.dataFile}`), '', line(head), line(width.map((w) => '-'.repeat(w)))];
    for (const row of rows) out.push(line(row, tierCol >= 0));
    out.push('', ...footnotes(r).map(printable));
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
      `### ${esc(printable(r.rubric ? r.rubric.title : `Ranking of ${r.dataFile}`))}`, '',
      `| ${head.map(esc).join(' | ')} |`,
      `|${numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
      ...rows.map((row) => `| ${row.map(esc).join(' | ')} |`),
      '', ...footnotes(r).map((l) => `${esc(printable(l))}  `),
    ];
    return out.join('\n') + '\n';
  }
}
