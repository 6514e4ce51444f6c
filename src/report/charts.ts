import type { RankResult } from '../model/result';
import { placeLabels, textWidth } from './labels';

/**
 * The report's charts as inline SVG strings: no library, nothing fetched. Every chart distinguishes its series by
 * lightness and pattern as well as hue, so it stays readable printed in grey, and comes with a text alternative.
 */
export interface Chart {
  readonly svg: string;
  /** What the chart shows, in words, for screen readers and figure captions. */
  readonly summary: string;
}

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const f = (x: number) => (Math.round(x * 10) / 10).toString();

/** Fills for up to eight series: hue varies, and so does lightness (grey-scale safe). */
export const SERIES = ['#1b4f72', '#5dade2', '#7d6608', '#f4d03f', '#512e5f', '#c39bd3', '#0b5345', '#76d7c4'];
const DASH = ['', '6 3', '2 3', '10 3 2 3', '1 2', '8 2 2 2', '4 4', '12 4'];

function svgOpen(w: number, h: number, label: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="100%" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>`;
}

/** Horizontal stacked bar per market: each segment is condition weight × condition score (sums to the weighted score). */
export function stackedBars(r: RankResult, weights: Readonly<Record<string, number>>, max: number): Chart {
  const rowH = 26;
  const left = 90;
  const width = 560;
  // Legend entries spaced by their own estimated width, wrapping to a new line, so long condition ids never collide.
  let lx = left;
  let row = 0;
  const legend = r.conditionIds.map((c) => {
    const w = 14 + textWidth(c, 10) + 12;
    if (lx > left && lx + w > width) {
      lx = left;
      row++;
    }
    lx += w;
    return { x: lx - w, row };
  });
  const h = r.ranking.length * rowH + 50 + 16 * row;
  const scale = (width - left - 20) / max;
  let svg = svgOpen(width, h, 'Weighted contribution of each condition to each market\'s score');
  r.ranking.forEach((a, i) => {
    let x = left;
    const y = 10 + i * rowH;
    svg += `<text x="${left - 6}" y="${y + 14}" text-anchor="end" font-size="11">${esc(a.id)}</text>`;
    r.conditionIds.forEach((c, k) => {
      const w = weights[c] * a.conditions[c] * scale;
      if (w > 0) svg += `<rect class="seg" x="${f(x)}" y="${y}" width="${f(w)}" height="${rowH - 8}" fill="${SERIES[k % SERIES.length]}" stroke="#000" stroke-width="0.4"><title>${esc(a.id)} · ${esc(c)}: ${(weights[c] * a.conditions[c]).toFixed(3)}</title></rect>`;
      x += w;
    });
    const total = r.conditionIds.reduce((s, c) => s + weights[c] * a.conditions[c], 0);
    svg += `<text x="${f(x + 4)}" y="${y + 14}" font-size="10">${total.toFixed(2)}</text>`;
  });
  r.conditionIds.forEach((c, k) => {
    const { x: gx, row: gr } = legend[k];
    const ly = r.ranking.length * rowH + 22 + 16 * gr;
    svg += `<g class="legend"><rect x="${f(gx)}" y="${ly}" width="10" height="10" fill="${SERIES[k % SERIES.length]}" stroke="#000" stroke-width="0.4"/><text x="${f(gx + 14)}" y="${ly + 9}" font-size="10">${esc(c)}</text></g>`;
  });
  svg += '</svg>';
  const summary = r.ranking.map((a) => `${a.id}: ${r.conditionIds.map((c) => `${c} ${(weights[c] * a.conditions[c]).toFixed(2)}`).join(', ')}`).join('; ');
  return { svg, summary: `Stacked weighted contributions by condition. ${summary}.` };
}

/** Radar of the condition scores of the selected markets, overlaid; each market has its own stroke and dash. */
export function radar(r: RankResult, ids: readonly string[], max: number): Chart {
  const size = 340;
  const wide = size + 180; // room for axis labels left and right (about 15 characters each side)
  const c = size / 2;
  const cx = wide / 2;
  const rad = c - 40;
  const n = r.conditionIds.length;
  const pt = (k: number, v: number) => {
    const ang = -Math.PI / 2 + (2 * Math.PI * k) / n;
    return [cx + Math.cos(ang) * rad * (v / max), c + Math.sin(ang) * rad * (v / max)] as const;
  };
  let svg = svgOpen(wide, size, `Condition scores of ${ids.join(', ')}`);
  for (let ring = 1; ring <= 5; ring++) svg += `<polygon points="${r.conditionIds.map((_, k) => pt(k, (max * ring) / 5).map(f).join(',')).join(' ')}" fill="none" stroke="#bbb" stroke-width="0.6"/>`;
  r.conditionIds.forEach((id, k) => {
    const [x, y] = pt(k, max);
    // Anchored away from the centre, 8 px beyond the outer ring: a label never reaches into the polygons.
    const ang = -Math.PI / 2 + (2 * Math.PI * k) / n;
    const cos = Math.cos(ang);
    const sin = Math.sin(ang);
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    const lx = x + cos * 8;
    const ly = y + sin * 8 + (sin > 0.3 ? 10 : sin < -0.3 ? -2 : 3.5);
    svg += `<line x1="${cx}" y1="${c}" x2="${f(x)}" y2="${f(y)}" stroke="#999" stroke-width="0.6"/><text class="axis-label" x="${f(lx)}" y="${f(ly)}" text-anchor="${anchor}" font-size="10">${esc(id)}</text>`;
  });
  ids.forEach((id, s) => {
    const a = r.ranking.find((x) => x.id === id);
    if (!a) return;
    const pts = r.conditionIds.map((cid, k) => pt(k, a.conditions[cid]).map(f).join(',')).join(' ');
    svg += `<polygon class="series" points="${pts}" fill="${SERIES[s % SERIES.length]}" fill-opacity="0.12" stroke="${SERIES[s % SERIES.length]}" stroke-width="2" stroke-dasharray="${DASH[s % DASH.length]}"><title>${esc(id)}</title></polygon>`;
    svg += `<text class="legend" x="8" y="${16 + s * 14}" font-size="11" fill="${SERIES[s % SERIES.length]}">— ${esc(id)}</text>`;
  });
  svg += '</svg>';
  const summary = ids.map((id) => {
    const a = r.ranking.find((x) => x.id === id);
    return a ? `${id}: ${r.conditionIds.map((cid) => `${cid} ${a.conditions[cid].toFixed(2)}`).join(', ')}` : '';
  }).filter(Boolean).join('; ');
  return { svg, summary: `Radar of condition scores (0–${max}). ${summary}.` };
}

export interface Axis {
  readonly id: string;
  readonly label: string;
  /** Condition ids averaged into this axis. */
  readonly conditions: readonly string[];
}

/**
 * A positioning matrix in the GE–McKinsey style: two axes (a condition or the mean of a group of conditions), a bubble
 * per market sized by its score and shaded by its tier (darkest = first tier), over three diagonal zones
 * (pursue, selective, harvest) shaded by lightness.
 */
export function matrix(r: RankResult, x: Axis, y: Axis, max: number, scoreMax: number, tiers: readonly string[] = []): Chart {
  const size = 380;
  const pad = 46;
  const span = size - pad - 16;
  const labelRoom = 80; // bubbles near the right edge keep their labels
  const val = (axis: Axis, a: RankResult['ranking'][number]) => axis.conditions.reduce((s, c) => s + a.conditions[c], 0) / axis.conditions.length;
  const px = (v: number) => pad + (v / max) * span;
  const py = (v: number) => size - pad - (v / max) * span;
  let svg = svgOpen(size + labelRoom, size + 16, `Positioning matrix: ${x.label} against ${y.label}`);
  const bands = [['#e8e8e8', 'harvest'], ['#c8c8c8', 'selective'], ['#a0a0a0', 'pursue']];
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      const band = i + j <= 1 ? 0 : i + j <= 2 ? 1 : 2;
      svg += `<rect x="${f(px((i * max) / 3))}" y="${f(py(((j + 1) * max) / 3))}" width="${f(span / 3)}" height="${f(span / 3)}" fill="${bands[band][0]}" stroke="#fff"/>`;
    }
  }
  svg += `<text x="${f(px(max) - 4)}" y="${f(py(max) + 12)}" text-anchor="end" font-size="9">pursue</text><text x="${f(px(0) + 4)}" y="${f(py(0) - 4)}" font-size="9">harvest</text>`;
  svg += `<text x="${f(px(max / 2))}" y="${size - 10}" text-anchor="middle" font-size="11">${esc(x.label)} →</text>`;
  svg += `<text x="12" y="${f(py(max / 2))}" text-anchor="middle" font-size="11" transform="rotate(-90 12 ${f(py(max / 2))})">${esc(y.label)} →</text>`;
  for (let t = 0; t <= max; t++) svg += `<text x="${f(px(t))}" y="${size - pad + 14}" text-anchor="middle" font-size="9">${t}</text><text x="${pad - 6}" y="${f(py(t) + 3)}" text-anchor="end" font-size="9">${t}</text>`;
  const tierFill = (t: string | null) => {
    const k = t === null ? -1 : tiers.indexOf(t);
    return k < 0 ? '#888' : `hsl(210, 60%, ${Math.round(25 + (50 * k) / Math.max(1, tiers.length - 1))}%)`;
  };
  // The tier legend sits below the axis title, outside the plot, so it never covers a bubble.
  let lx = pad;
  tiers.forEach((t) => {
    svg += `<g class="legend"><circle cx="${lx + 5}" cy="${size + 6}" r="5" fill="${tierFill(t)}" stroke="#000" stroke-width="0.6"/><text x="${lx + 14}" y="${size + 10}" font-size="9">${esc(t)}</text></g>`;
    lx += 14 + textWidth(t, 9) + 14;
  });
  const points = r.ranking.map((a) => ({ a, x: px(val(x, a)), y: py(val(y, a)), r: 4 + 7 * Math.max(0, a.score / scoreMax), text: a.id }));
  points.forEach(({ a, x: cx, y: cy, r: rr }) => {
    svg += `<circle class="bubble" cx="${f(cx)}" cy="${f(cy)}" r="${f(rr)}" fill="${tierFill(a.tier)}" fill-opacity="0.85" stroke="#000" stroke-width="0.8"><title>${esc(a.id)} (${esc(a.tier ?? '')}): ${x.label} ${val(x, a).toFixed(2)}, ${y.label} ${val(y, a).toFixed(2)}</title></circle>`;
  });
  // Labels go in rank order (the leader's label gets the best spot), inside the plot and the margin to its right,
  // clear of every bubble, every other label and the zone names.
  const zoneNames = [{ x: px(max) - 4 - textWidth('pursue', 9), y: py(max) + 3, w: textWidth('pursue', 9), h: 11 }, { x: px(0) + 4, y: py(0) - 13, w: textWidth('harvest', 9), h: 11 }];
  const placed = placeLabels(points, 10, { x: pad, y: 0, w: size + labelRoom - pad, h: size - pad }, zoneNames);
  points.forEach((p, i) => {
    const l = placed[i];
    if (l.displaced) {
      const tx = Math.min(Math.max(p.x, l.box.x), l.box.x + l.box.w);
      const ty = Math.min(Math.max(p.y, l.box.y), l.box.y + l.box.h);
      svg += `<line x1="${f(p.x)}" y1="${f(p.y)}" x2="${f(tx)}" y2="${f(ty)}" stroke="#333" stroke-width="0.6"/>`;
    }
    svg += `<text class="label" x="${f(l.x)}" y="${f(l.y)}" font-size="10">${esc(p.text)}</text>`;
  });
  svg += '</svg>';
  const summary = r.ranking.map((a) => `${a.id} (${a.tier ?? 'no tier'}) at (${val(x, a).toFixed(2)}, ${val(y, a).toFixed(2)})`).join(', ');
  return { svg, summary: `Positioning matrix, ${x.label} across, ${y.label} up; bubble size is the score and shade the tier: ${summary}.` };
}

/** Rank acceptability b(i, r) as a grid shaded by lightness, each cell labelled with its value. */
export function heatmap(ids: readonly string[], b: readonly (readonly number[])[]): Chart {
  const cell = 44;
  const left = 90;
  const n = ids.length;
  const w = left + n * cell + 10;
  const h = 30 + ids.length * 26;
  let svg = svgOpen(w, h, 'SMAA rank acceptability: share of weightings that put each market at each rank');
  for (let r = 0; r < n; r++) svg += `<text x="${left + r * cell + cell / 2}" y="14" text-anchor="middle" font-size="10">rank ${r + 1}</text>`;
  ids.forEach((id, i) => {
    const y = 22 + i * 26;
    svg += `<text x="${left - 6}" y="${y + 16}" text-anchor="end" font-size="11">${esc(id)}</text>`;
    b[i].forEach((v, r) => {
      const light = Math.round(97 - 65 * v);
      svg += `<rect class="heat" x="${left + r * cell}" y="${y}" width="${cell - 2}" height="24" fill="hsl(210, 45%, ${light}%)"><title>${esc(id)} at rank ${r + 1}: ${(v * 100).toFixed(1)}%</title></rect>`;
      svg += `<text x="${left + r * cell + cell / 2 - 1}" y="${y + 16}" text-anchor="middle" font-size="10" fill="${light < 55 ? '#fff' : '#000'}">${v > 0 ? (v * 100).toFixed(0) : '·'}</text>`;
    });
  });
  svg += '</svg>';
  const summary = ids.map((id, i) => `${id}: ${b[i].map((v, r) => (v > 0.005 ? `rank ${r + 1} ${(v * 100).toFixed(0)}%` : '')).filter(Boolean).join(', ')}`).join('; ');
  return { svg, summary: `Rank acceptability (SMAA-2). ${summary}.` };
}
