import { formatMove, rankMove, type RankResult } from '../model/result';
import { printable } from '../io/printable';
import { footnotes, type Renderer, type RenderOptions } from './renderer';
import { rangeText, tierLabel } from '../analysis/rank-uncertainty';

// The only escape sequences the tool writes itself; the CLI edge lets exactly these through (io/printable.ts).
const TIER_COLOURS: Readonly<Record<number, string>> = { 0: '\x1b[32m', 1: '\x1b[33m', 2: '\x1b[31m' };
const RESET = '\x1b[0m';

// Moved to io/printable.ts (one scrub for every path to the terminal); re-exported for callers of the old place.
export { printable };

/** The columns of a positioning table, as text cells; shared by the aligned and Markdown renderers. */
export function tableCells(r: RankResult): { head: string[]; rows: string[][]; numeric: boolean[] } {
  const u = r.uncertainty;
  const head = ['rank', 'id', 'name', 'score', ...(u ? ['range', 'uncertainty'] : []), ...r.conditionIds];
  if (r.rubric) head.push('tier', 'binding');
  if (r.baseRanks) head.push('base', 'move');
  const rows = r.ranking.map((a) => {
    const au = u?.byId[a.id];
    const row = [String(a.rank), printable(a.id), printable(a.name), a.score.toFixed(3) + (a.gated ? '*' : '') + (a.caps.length ? '†' : '')];
    if (u) row.push(au ? rangeText(au.rankRange) : '', au?.uncertainty ?? '');
    for (const c of r.conditionIds) row.push(a.conditions[c].toFixed(2));
    if (r.rubric) row.push(printable(tierLabel(a.tier, au)), printable(a.binding ?? ''));
    const move = rankMove(r, a.id, a.rank);
    if (move !== undefined) row.push(String(r.baseRanks![a.id]), formatMove(move));
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
    // A loop, not Math.max(...cells): an argument spread over 130,000 rows overflows the call stack.
    const width = head.map((h, k) => rows.reduce((w, row) => Math.max(w, row[k].length), h.length));
    const tierCol = head.indexOf('tier');
    // Best tier green, worst red, any between yellow: by the rubric's own order, not by which tier ranks first.
    const tierIds = r.rubric?.tiers ?? [];
    const tierColour = (tier: string | null) => { const k = tier === null ? -1 : tierIds.indexOf(tier); return k <= 0 ? TIER_COLOURS[0] : k === tierIds.length - 1 ? TIER_COLOURS[2] : TIER_COLOURS[1]; };
    // The tier cell is coloured after padding, so the colour codes never count towards the column width.
    const paint = (c: string, tier: string | null) => (c.trim() !== '' ? `${tierColour(tier)}${c.trimEnd()}${RESET}${c.slice(c.trimEnd().length)}` : c);
    /** `tierOf`: the row's tier when its tier cell is to be coloured. */
    const line = (cells: string[], tierOf?: string | null) => cells.map((c, k) => {
      const padded = numeric[k] ? c.padStart(width[k]) : c.padEnd(width[k]);
      return tierOf !== undefined && opts.color && k === tierCol ? paint(padded, tierOf) : padded;
    }).join('  ').trimEnd();
    const out = [printable(r.rubric ? r.rubric.title : `Ranking of ${r.dataFile}`), '', line(head), line(width.map((w) => '-'.repeat(w)))];
    rows.forEach((row, i) => out.push(line(row, tierCol >= 0 ? r.ranking[i].tier : undefined)));
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
