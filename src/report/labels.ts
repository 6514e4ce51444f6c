/**
 * Label placement for the report's charts: a greedy collision pass. Each label tries a ring of positions around its
 * point, nearest first, and takes the first whose box overlaps no label placed before it, no point's marker and
 * nothing reserved (a legend, an axis), and stays inside the chart. Text width is estimated, not measured (the SVG is
 * built as a string, before any layout), so the estimate is deliberately wide: 0.62 em per character plus a margin,
 * which covers DejaVu Sans and the usual system-ui faces at 9–11 px.
 */
export interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export interface LabelPoint {
  readonly x: number;
  readonly y: number;
  /** Radius of the marker drawn at the point: labels keep clear of every marker. */
  readonly r: number;
  readonly text: string;
}

export interface PlacedLabel {
  /** Where to write the text: `x`, `y` is the baseline start (text-anchor start). */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
  /** True when the label sits away from its point and needs a leader line to it. */
  readonly displaced: boolean;
}

export const textWidth = (text: string, fontSize: number): number => text.length * fontSize * 0.62 + 2;

export const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const circleBox = (p: LabelPoint): Box => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r });

/** Boxes of `fontSize` text around a marker: right, left, above, below, the diagonals, then the same further out. */
function candidates(p: LabelPoint, w: number, h: number): { box: Box; displaced: boolean }[] {
  const out: { box: Box; displaced: boolean }[] = [];
  for (let ring = 0; ring < 6; ring++) {
    const g = 3 + ring * (h + 2);
    const d = p.r + g;
    const spots: [number, number][] = [
      [p.x + d, p.y - h / 2], [p.x - d - w, p.y - h / 2], [p.x - w / 2, p.y - d - h], [p.x - w / 2, p.y + d],
      [p.x + d * 0.7, p.y - d * 0.7 - h], [p.x - d * 0.7 - w, p.y - d * 0.7 - h], [p.x + d * 0.7, p.y + d * 0.7], [p.x - d * 0.7 - w, p.y + d * 0.7],
    ];
    for (const [x, y] of spots) out.push({ box: { x, y, w, h }, displaced: ring > 0 });
  }
  return out;
}

/**
 * Places one label per point, in the order given (put the most important first). A label for which no candidate is
 * free takes the candidate with the least overlap, so every point keeps its label.
 */
export function placeLabels(points: readonly LabelPoint[], fontSize: number, bounds: Box, reserved: readonly Box[] = []): PlacedLabel[] {
  const h = fontSize + 2;
  const taken: Box[] = [...reserved, ...points.map(circleBox)];
  const inside = (b: Box) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  return points.map((p) => {
    const w = textWidth(p.text, fontSize);
    const cands = candidates(p, w, h).filter((c) => inside(c.box));
    const clash = (b: Box) => taken.filter((t) => overlaps(t, b)).length;
    const best = cands.find((c) => clash(c.box) === 0) ?? cands.reduce((a, c) => (clash(c.box) < clash(a.box) ? c : a), cands[0] ?? { box: { x: p.x + p.r + 3, y: p.y - h / 2, w, h }, displaced: false });
    taken.push(best.box);
    // Baseline: the box's bottom less the descender allowance.
    return { x: best.box.x + 1, y: best.box.y + h - 3, box: best.box, displaced: best.displaced };
  });
}
