import { describe, expect, it } from 'vitest';
import { centralRankRange, rangeText, tierLabel, uncertaintyGrade } from '../src/analysis/rank-uncertainty';

// Hand-worked: the range is [a, b] with a the smallest rank whose cumulative share exceeds 5% and b the smallest
// whose cumulative share reaches 95%.
describe('rank range: the central 90% of a rank distribution', () => {
  it.each([
    { b: [1, 0, 0], range: [1, 1] },
    { b: [0.5, 0.45, 0.05], range: [1, 2] }, // cum 0.5 > 0.05 at rank 1; 0.95 reached at rank 2
    { b: [0.04, 0.96], range: [2, 2] }, // 4% at rank 1 is inside the lower 5% tail
    { b: [0.05, 0.9, 0.05], range: [2, 2] }, // exactly 5% in each tail may be left out
    { b: [0.06, 0.88, 0.06], range: [1, 3] }, // 6% cannot
    { b: [0.25, 0.25, 0.25, 0.25], range: [1, 4] },
    { b: [0, 0.3, 0.3, 0.3, 0.1], range: [2, 5] }, // cum at rank 4 is 0.9 < 0.95
    { b: [0, 0, 0.97, 0.03], range: [3, 3] },
  ])('$b → $range', ({ b, range }) => {
    expect(centralRankRange(b)).toEqual(range);
  });

  it('tolerates shares that are counts / N and miss 1 by rounding', () => {
    const n = 3;
    const b = [1 / n, 1 / n, 1 / n]; // sums to 0.9999999999999999
    expect(centralRankRange(b)).toEqual([1, 3]);
  });
});

describe('uncertainty grade: the width of the range', () => {
  it.each([
    [[3, 3], 'low'], [[2, 3], 'medium'], [[1, 3], 'high'], [[1, 4], 'very-high'], [[2, 9], 'very-high'],
  ] as const)('%j → %s', (range, grade) => {
    expect(uncertaintyGrade(range)).toBe(grade);
  });
});

describe('tier label', () => {
  const u = (c: number | null) => ({ rankRange: [1, 2] as const, uncertainty: 'medium' as const, tierConfidence: c });
  it('shows the share when below 90%, floored so 89.96% never reads 90%', () => {
    expect(tierLabel('entrenched', u(0.62))).toBe('entrenched 62%');
    expect(tierLabel('entrenched', u(0.8996))).toBe('entrenched 89%');
  });
  it('shows the bare tier at 90% and above, and without uncertainty', () => {
    expect(tierLabel('entrenched', u(0.9))).toBe('entrenched');
    expect(tierLabel('exposed', u(1))).toBe('exposed');
    expect(tierLabel('exposed', undefined)).toBe('exposed');
    expect(tierLabel('exposed', u(null))).toBe('exposed');
    expect(tierLabel(null, u(0.5))).toBe('');
  });
  it('writes a range as a–b, or one rank', () => {
    expect(rangeText([1, 3])).toBe('1–3');
    expect(rangeText([4, 4])).toBe('4');
  });
});
