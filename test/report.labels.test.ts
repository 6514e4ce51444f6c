import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, textWidth, type Box } from '../src/report/labels';

/**
 * The matrix's label pass. Points are the six NEC markets where the default positioning matrix draws them (plot
 * 46…364 px for 0…5, bubble radius 4 + 7 × score / best score): the top-right cluster of four is where the first
 * report's labels of biometrics and defense collided.
 */
const px = (v: number) => 46 + (v / 5) * 318;
const py = (v: number) => 380 - 46 - (v / 5) * 318;
const MARKETS: [string, number, number, number][] = [
  ['defense', 5.0, 4.26, 4.631], ['biometrics', 4.4, 4.26, 4.331], ['subsea', 4.46, 4.07, 4.266],
  ['public-dx', 4.11, 3.9, 4.005], ['vran', 2.27, 1.96, 2.119], ['cloud', 1.19, 1.56, 1.371],
];
const points = MARKETS.map(([text, x, y, s]) => ({ text, x: px(x), y: py(y), r: 4 + (7 * s) / 4.631 }));
const bounds: Box = { x: 46, y: 0, w: 380 + 80 - 46, h: 380 - 46 };

describe('placeLabels', () => {
  it('gives a lone point its label just right of its marker (the first candidate), not displaced', () => {
    const [l] = placeLabels([{ text: 'vran', x: 100, y: 100, r: 5 }], 10, bounds);
    expect(l.box).toEqual({ x: 100 + 5 + 3, y: 100 - 6, w: textWidth('vran', 10), h: 12 });
    expect(l.displaced).toBe(false);
  });

  it('places the crowded NEC cluster with no two labels overlapping, none over a marker, all inside the chart', () => {
    const placed = placeLabels(points, 10, bounds);
    const boxes = placed.map((p) => p.box);
    const pairs = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => overlaps(a, b)));
    expect(pairs).toEqual([]);
    const markers = points.map((p) => ({ x: p.x - p.r, y: p.y - p.r, w: 2 * p.r, h: 2 * p.r }));
    expect(boxes.filter((b) => markers.some((m) => overlaps(b, m)))).toEqual([]);
    expect(boxes.every((b) => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h)).toBe(true);
  });

  it('keeps labels off reserved boxes (a legend, a zone name)', () => {
    const reserved = { x: 108, y: 80, w: 60, h: 40 }; // covers the spot right of the point
    const [l] = placeLabels([{ text: 'cloud', x: 100, y: 100, r: 5 }], 10, bounds, [reserved]);
    expect(overlaps(l.box, reserved)).toBe(false);
    // The next candidate in order is to the left of the marker.
    expect(l.box.x + l.box.w).toBe(100 - 5 - 3);
  });
});
