import { describe, expect, it } from 'vitest';
import { competitionRank } from '../src/ranking/competition-rank';

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
