import { describe, expect, it } from 'vitest';
import { centralRankRange, rangeText, tierLabel, uncertaintyFootnote, uncertaintyGrade } from '../src/analysis/rank-uncertainty';
import { headlineUncertainty } from '../src/analysis/headline-uncertainty';
import { WeightedSumMethod } from '../src/methods/wsm';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { projectWith } from './rubric-fixture';

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

describe('tier confidence: the share of SMAA samples giving the displayed tier (hand-worked)', () => {
  // Two conditions, each one raw criterion on `rating` (1–5 onto 0–5): A benefit, B cost. So a (rating 5) scores
  // A = 5, B = 0; b (3) scores 2.5 and 2.5; c (1) scores 0 and 5. With weights (w, 1 − w), w uniform under
  // Dirichlet(1, 1): a's overall is 5w, top (overall >= 2) iff w >= 0.4, probability 0.6; c's is 5(1 − w), also 0.6;
  // b's is 2.5 whatever w, top always. At the declared equal weights all three display top.
  const RUBRIC = `id: t
title: Tier confidence
method: wsm
scale: { min: 0, max: 5 }
conditions:
  - { id: a-side, name: A, weight: 1, criteria: [{ id: k, name: K, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }] }
  - { id: b-side, name: B, weight: 1, criteria: [{ id: k, name: K, weight: 1, rule: { type: raw, indicator: rating, direction: cost } }] }
tiers:
  - { id: top, when: "overall >= 2" }
  - { id: low, when: "true" }
`;
  it('a 0.6, b 1, c 0.6 within the 95% error bound of 10,000 samples', () => {
    const { rubric, data, dictionary } = projectWith(RUBRIC).load();
    const method = new WeightedSumMethod();
    const result = rankWithRubric(rubric, data, method);
    expect(result.ranking.map((x) => x.tier)).toEqual(['top', 'top', 'top']);
    const u = headlineUncertainty(result, rubric, data, method, dictionary);
    const bound = 1.96 * Math.sqrt(0.25 / 10_000);
    expect(Math.abs(u.byId.a.tierConfidence! - 0.6)).toBeLessThan(bound);
    expect(u.byId.b.tierConfidence).toBe(1);
    expect(Math.abs(u.byId.c.tierConfidence! - 0.6)).toBeLessThan(bound);
    expect(tierLabel('top', u.byId.a)).toMatch(/^top (5[89]|6[01])%$/);
  });

  it('above the headline limit no sampling is done, and the footer says where to look', () => {
    const many = ['id,name,rating,suppliers,mode', ...Array.from({ length: 201 }, (_, i) => `m${i},M${i},${1 + (i % 5)},3,sovereign`)].join('\n') + '\n';
    const { rubric, data, dictionary } = projectWith(RUBRIC, many).load();
    const method = new WeightedSumMethod();
    const u = headlineUncertainty(rankWithRubric(rubric, data, method), rubric, data, method, dictionary);
    expect(u.byId).toEqual({});
    expect(uncertaintyFootnote(u)).toEqual(['Rank ranges and uncertainty not shown: 201 markets is more than the 200 the headline samples; moatscore sensitivity smaa computes the same ranges.']);
  });
});
