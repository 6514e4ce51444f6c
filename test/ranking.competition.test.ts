import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { competitionRank, Ranker } from '../src/ranking/competition-rank';

describe('competition ranking', () => {
  it('ties share a rank and the next rank skips (1, 2, 2, 4)', () => {
    const { order, rank } = competitionRank(Float64Array.of(0.9, 0.5, 0.7, 0.7));
    expect([...order]).toEqual([0, 2, 3, 1]);
    expect([...rank]).toEqual([1, 4, 2, 2]);
  });
  it('scores within float noise are a tie, listed in input order', () => {
    const { order, rank } = competitionRank(Float64Array.of(0.1 + 0.2, 0.3, 0.2));
    expect([...rank]).toEqual([1, 1, 3]);
    expect([...order]).toEqual([0, 1, 2]);
  });
  it('all equal → everyone first', () => {
    expect([...competitionRank(Float64Array.of(2, 2, 2)).rank]).toEqual([1, 1, 1]);
  });
});

describe('Ranker.ranks (the per-sample path of SMAA) gives exactly the ranks of competitionRank', () => {
  it('on random scores with exact ties and near-ties inside the tolerance, short and long lists (fast-check)', () => {
    const score = fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(1, 2, 2, 3, 1 + 1e-12, 3 - 1e-10));
    fc.assert(fc.property(fc.array(score, { minLength: 1, maxLength: 80 }), (xs) => {
      const s = Float64Array.from(xs);
      expect([...new Ranker(s.length).ranks(s)]).toEqual([...competitionRank(s).rank]);
    }), { numRuns: 300, seed: 12 });
  });
  it('a hand case: 0.9, 0.5, 0.7, 0.7, 0.9 + 1e-12 ranks 1, 5, 3, 3, 1', () => {
    expect([...new Ranker(5).ranks(Float64Array.of(0.9, 0.5, 0.7, 0.7, 0.9 + 1e-12))]).toEqual([1, 5, 3, 3, 1]);
  });
});
