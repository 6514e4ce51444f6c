import { describe, expect, it } from 'vitest';
import { copelandConsensus, pairwiseAgreement, weightedSpearman, wsCoefficient } from '../src/analysis/method-agreement';

const f = (xs: number[]) => Float64Array.from(xs);

describe('weighted Spearman r_w (Sałabun & Urbaniak 2020, eq. 3)', () => {
  it('is 1 for equal rankings and −1 for reversed ones', () => {
    expect(weightedSpearman(f([1, 2, 3, 4, 5]), f([1, 2, 3, 4, 5]))).toBe(1);
    expect(weightedSpearman(f([1, 2, 3, 4, 5]), f([5, 4, 3, 2, 1]))).toBe(-1);
  });
  it('weighs a swap at the top more than one at the bottom (hand-worked, N = 5)', () => {
    // Top swap: 6·(1·(5 + 4) + 1·(4 + 5)) / (625 + 125 − 25 − 5) = 108/720 = 0.15; bottom swap: 36/720 = 0.05.
    expect(weightedSpearman(f([1, 2, 3, 4, 5]), f([2, 1, 3, 4, 5]))).toBeCloseTo(0.85, 15);
    expect(weightedSpearman(f([1, 2, 3, 4, 5]), f([1, 2, 3, 5, 4]))).toBeCloseTo(0.95, 15);
  });
});

describe('WS similarity coefficient (Sałabun & Urbaniak 2020, eq. 4)', () => {
  it('is 1 for equal rankings', () => {
    expect(wsCoefficient(f([1, 2, 3, 4, 5]), f([1, 2, 3, 4, 5]))).toBe(1);
  });
  it('is asymmetric and punishes top swaps (hand-worked, N = 5)', () => {
    // Top swap: 1 − (2⁻¹·1/4 + 2⁻²·1/3) = 1 − 0.125 − 1/12; bottom: 1 − (2⁻⁴·1/3 + 2⁻⁵·1/4).
    expect(wsCoefficient(f([1, 2, 3, 4, 5]), f([2, 1, 3, 4, 5]))).toBeCloseTo(1 - 0.125 - 1 / 12, 15);
    expect(wsCoefficient(f([1, 2, 3, 4, 5]), f([1, 2, 3, 5, 4]))).toBeCloseTo(1 - 1 / 48 - 1 / 128, 15);
    // Reference 1…5 against the reverse: Σ 2^(−x)|x − y|/max(x − 1, 5 − x) = 1/2 + 1/4·2/3 + 0 + 1/16·2/3 + 1/32.
    expect(wsCoefficient(f([1, 2, 3, 4, 5]), f([5, 4, 3, 2, 1]))).toBeCloseTo(1 - (0.5 + 1 / 6 + 1 / 24 + 1 / 32), 15);
  });
});

describe('pairwise agreement and the Copeland consensus', () => {
  const rankings = new Map([
    ['m1', f([1, 2, 3, 4])],
    ['m2', f([2, 1, 3, 4])],
    ['m3', f([1, 3, 2, 4])],
  ]);
  it('lists each pair once, a before b, with Spearman and Kendall from rank-correlation.ts', () => {
    const a = pairwiseAgreement(rankings);
    expect(a.map((p) => `${p.a}-${p.b}`)).toEqual(['m1-m2', 'm1-m3', 'm2-m3']);
    // m1 vs m2: one adjacent swap of 4: ρ = 1 − 6·2/(4·15) = 0.8, τ = (5 − 1)/6 = 2/3.
    expect(a[0].spearman).toBeCloseTo(0.8, 15);
    expect(a[0].kendall).toBeCloseTo(2 / 3, 15);
  });
  it('orders by majority wins: rows 0, 1, 2, 3 (row 0 beats row 1 in two rankings of three)', () => {
    expect(copelandConsensus([...rankings.values()], 4)).toEqual([0, 1, 2, 3]);
  });
  it('breaks a Condorcet cycle by mean rank, then by row (hand-worked)', () => {
    // Rankings (a,b,c) = (1,2,3), (3,1,2), (2,3,1): every alternative wins once and loses once; mean ranks all 2.
    expect(copelandConsensus([f([1, 2, 3]), f([3, 1, 2]), f([2, 3, 1])], 3)).toEqual([0, 1, 2]);
  });
});
