import { printable } from '../../io/printable';
import { NONE } from '../../render/grid';
import type { CsvCell } from '../../render/csv-writer';
import type { Comparison, RowMeta } from './compare';

/**
 * The terminal layout of `compare`: every line within WIDTH columns at up to four markets, whatever the length of
 * market ids, rule texts and indicator values. Numbers stay in columns; a text that does not fit its column (rules,
 * values, cap tests) moves to wrapped lines under its row, one per market. csv and json keep the plain grid.
 */
export const WIDTH = 100;
/** Widest market column; longer ids are replaced by letters A, B, … with a legend above the table. */
const MAX_COLUMN = 14;

const numberText = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));
const cellText = (c: CsvCell) => (typeof c === 'number' ? numberText(c) : c === NONE ? NONE : printable(String(c)));

/** Greedy word wrap; a word longer than the line is cut. `first`/`rest` are the indents of the first and later lines. */
export function wrap(text: string, first: string, rest: string, width = WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let fresh = true;
  const flush = () => { lines.push(line.trimEnd()); line = rest; fresh = true; };
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (!fresh && line.length + 1 + word.length > width) flush();
    while (line.length + (fresh ? 0 : 1) + word.length > width) {
      const room = width - line.length - (fresh ? 0 : 1);
      line += (fresh ? '' : ' ') + word.slice(0, room);
      word = word.slice(room);
      flush();
    }
    if (word) { line += (fresh ? '' : ' ') + word; fresh = false; }
  }
  if (!fresh || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** "+0.260 (subsea)": by how much, and which market is ahead; `=` when level. */
export function aheadText(a: number, b: number, better: RowMeta['better'], names: readonly [string, string]): string {
  if (better !== 'higher' && better !== 'lower') return '';
  const d = a - b;
  if (d === 0) return '=';
  const first = better === 'higher' ? d > 0 : d < 0;
  return `+${numberText(Math.abs(d))} (${first ? names[0] : names[1]})`;
}

interface Columns {
  readonly heads: readonly string[];
  readonly legend: string[];
  readonly width: number;
}

function columns(ids: readonly string[], numbers: readonly string[]): Columns {
  const short = ids.every((id) => printable(id).length <= MAX_COLUMN);
  const heads = short ? ids.map(printable) : ids.map((_, k) => String.fromCharCode(65 + k));
  const legend = short ? [] : wrap(`Markets: ${ids.map((id, k) => `${heads[k]} = ${printable(id)}`).join(', ')}`, '', '  ');
  const width = Math.max(10, ...heads.map((h) => h.length), ...numbers.map((n) => n.length));
  return { heads, legend, width };
}

/** The aligned table for 2–4 markets (more are refused by the command), then notes, all wrapped to WIDTH. */
export function compareText(c: Comparison): string {
  const ids = c.markets.map((m) => m.id);
  const two = ids.length === 2;
  const cells = c.grid.rows.map((r) => r.slice(1, ids.length + 1));
  const numericCells = cells.filter((_, i) => c.meta[i].better !== 'text').flat().map(cellText);
  const col = columns(ids, numericCells);
  const pair = [col.heads[0], col.heads[1]] as const;
  const ahead = cells.map((r, i) => (two && c.meta[i].better !== 'text' ? aheadText(r[0] as number, r[1] as number, c.meta[i].better, pair) : ''));
  const aheadWidth = two ? Math.max('ahead by'.length, ...ahead.map((a) => a.length)) : 0;
  const labelWidth = WIDTH - ids.length * (col.width + 2) - (two ? aheadWidth + 2 : 0);
  const row = (label: string, values: readonly string[], extra?: string) => {
    const tail = values.map((v) => `  ${v.padStart(col.width)}`).join('') + (two ? `  ${(extra ?? '').padEnd(aheadWidth)}` : '');
    if (label.length <= labelWidth) return [(label.padEnd(labelWidth) + tail).trimEnd()];
    return [...wrap(label, '', '  ', WIDTH), (' '.repeat(labelWidth) + tail).trimEnd()];
  };
  const out = [...wrap(printable(c.grid.title ?? ''), '', '  '), ...(col.legend.length ? ['', ...col.legend] : []), '', ...row('', col.heads, two ? 'ahead by' : undefined)];
  let heading: string | undefined;
  c.grid.rows.forEach((_, i) => {
    const m = c.meta[i];
    if (m.heading !== heading && m.heading !== undefined) out.push(...wrap(printable(m.heading.trim()), m.heading.startsWith('  ') ? '  ' : '', m.heading.startsWith('  ') ? '    ' : '  '));
    heading = m.heading;
    const indent = heading === undefined ? '' : heading.startsWith('  ') ? '    ' : '  ';
    const texts = cells[i].map(cellText);
    if (m.better !== 'text' || texts.every((t) => t.length <= col.width)) {
      out.push(...row(indent + m.label, texts, ahead[i]));
      return;
    }
    out.push(`${indent}${m.label}`);
    texts.forEach((t, k) => out.push(...wrap(`${col.heads[k]}: ${t}`, `${indent}  `, `${indent}    `)));
  });
  const aheadNote = c.additive
    ? 'ahead by: how much better, and which market: higher scores and contributions, a lower rank; contribution = global weight × criterion score.'
    : `ahead by: how much better, and which market: higher scores, a lower rank. No contributions: ${c.markets[0].method}'s score does not split by criterion (wsm's and moora's do).`;
  const notes = [...(two ? [aheadNote] : []), ...c.capNotes];
  if (notes.length) out.push('');
  for (const n of notes) out.push(...wrap(printable(n), n.startsWith('  ') ? '  ' : '', '    '));
  if (c.decisive) out.push('', ...decisiveText(c, col, pair));
  return out.join('\n') + '\n';
}

/** Every non-zero difference in weighted contribution, largest first, and their total: the heading's figure. */
function decisiveText(c: Comparison, col: Columns, pair: readonly [string, string]): string[] {
  const d = c.decisive!;
  const gap = d.reduce((s, x) => s + x.difference, 0);
  const ahead = d.map((x) => aheadText(x.a, x.b, 'higher', pair));
  const total = gap === 0 ? '=' : `+${numberText(Math.abs(gap))} (${gap > 0 ? pair[0] : pair[1]})`;
  const aheadWidth = Math.max('ahead by'.length, total.length, ...ahead.map((a) => a.length));
  const labelWidth = WIDTH - 2 * (col.width + 2) - aheadWidth - 2;
  const line = (label: string, v: readonly string[], extra: string) => {
    const tail = v.map((x) => `  ${x.padStart(col.width)}`).join('') + `  ${extra}`;
    return label.length <= labelWidth ? [(label.padEnd(labelWidth) + tail).trimEnd()] : [...wrap(label, '', '  '), (' '.repeat(labelWidth) + tail).trimEnd()];
  };
  const [a, b] = c.markets;
  return [
    ...wrap(`What decides the gap between ${printable(a.id)} and ${printable(b.id)}: all ${d.length} criteria whose weighted contributions differ, largest first; they total ${Math.abs(gap).toFixed(3)} in favour of ${gap >= 0 ? printable(a.id) : printable(b.id)}`, '', '  '),
    '',
    ...line('criterion', col.heads.slice(0, 2), 'ahead by'),
    ...d.flatMap((x, i) => line(printable(x.criterion), [numberText(x.a), numberText(x.b)], ahead[i])),
    ...line('total', [numberText(d.reduce((s, x) => s + x.a, 0)), numberText(d.reduce((s, x) => s + x.b, 0))], total),
  ];
}
