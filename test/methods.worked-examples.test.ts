import { describe, expect, it } from 'vitest';
import { weightedSum } from '../src/methods/wsm';
import { weightedProduct } from '../src/methods/wpm';
import { topsisDetail } from '../src/methods/topsis';
import { gateScores } from '../src/methods/gate';
import { linearRatio } from '../src/methods/normalise';

const cols = (rows: number[][]) => rows[0].map((_, j) => Float64Array.from(rows, (r) => r[j]));

// Triantaphyllou (2000), Multi-criteria Decision Making Methods: A Comparative Study, §2.1–2.2: three alternatives,
// four criteria in one unit, weights 0.20/0.15/0.40/0.25.
const T_ROWS = [[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]];
const T_W = Float64Array.of(0.2, 0.15, 0.4, 0.25);

describe('wsm', () => {
  it('Triantaphyllou (2000) §2.1 example on raw values: A1 = 21.5, A2 = 22, A3 = 22 (by hand: Σ w_j a_ij)', () => {
    const s = weightedSum(cols(T_ROWS), T_W, 3);
    expect(s[0]).toBeCloseTo(21.5, 12);
    expect(s[1]).toBeCloseTo(22, 12);
    expect(s[2]).toBeCloseTo(22, 12);
  });

  it('linear ratio normalisation (Hwang & Yoon 1981 §2.2): benefit x/max, cost min/x', () => {
    expect([...linearRatio(Float64Array.of(2, 4, 8), true)]).toEqual([0.25, 0.5, 1]);
    expect([...linearRatio(Float64Array.of(2, 4, 8), false)]).toEqual([1, 0.5, 0.25]);
  });
});

describe('wpm', () => {
  it('Triantaphyllou (2000) §2.2 example: P(A1/A2) = 1.007, P(A1/A3) = 1.067, P(A2/A3) = 1.059', () => {
    const p = weightedProduct(cols(T_ROWS), T_W, 3);
    expect(p[0] / p[1]).toBeCloseTo(1.007, 3);
    expect(p[0] / p[2]).toBeCloseTo(1.067, 3);
    expect(p[1] / p[2]).toBeCloseTo(1.059, 3);
  });

  it('a zero score with positive weight zeroes the product; a zero weight switches the criterion off (0^0 = 1)', () => {
    expect([...weightedProduct([Float64Array.of(0, 4)], Float64Array.of(1), 2)]).toEqual([0, 4]);
    const p = weightedProduct([Float64Array.of(0, 4), Float64Array.of(2, 2)], Float64Array.of(0, 1), 2);
    expect([...p]).toEqual([2, 2]);
  });
});

describe('topsis', () => {
  // MCDA R package (Bigaret et al.), TOPSIS example: Corsa, Clio, Fiesta; price is a cost criterion. Its manual
  // publishes the ideal and anti-ideal points used below; the closeness values follow from them by C = d−/(d+ + d−).
  const rows = [[5490, 51.4, 8.5, 285], [6500, 70.6, 7, 288], [6489, 54.3, 7.5, 290]];
  const w = Float64Array.of(0.35, 0.25, 0.25, 0.15);
  const d = topsisDetail(cols(rows), w, [false, true, true, true], 3);

  it('ideal point matches the MCDA R package manual to 1e-9', () => {
    [0.179573776, 0.171636015, 0.159499658, 0.087302767].forEach((v, j) => expect(d.ideal[j]).toBeCloseTo(v, 9));
  });
  it('anti-ideal point matches the MCDA R package manual to 1e-9', () => {
    [0.212610118, 0.124958799, 0.131352659, 0.085797547].forEach((v, j) => expect(d.antiIdeal[j]).toBeCloseTo(v, 9));
  });
  it('closeness coefficients: Clio 0.518208 > Corsa 0.481685 > Fiesta 0.177955', () => {
    expect(d.closeness[0]).toBeCloseTo(0.481685290, 8);
    expect(d.closeness[1]).toBeCloseTo(0.518207666, 8);
    expect(d.closeness[2]).toBeCloseTo(0.177955362, 8);
  });
  it('is invariant to scaling a column (vector normalisation)', () => {
    const scaled = cols(rows.map((r) => [r[0] * 1000, r[1], r[2], r[3]]));
    const e = topsisDetail(scaled, w, [false, true, true, true], 3);
    for (let i = 0; i < 3; i++) expect(e.closeness[i]).toBeCloseTo(d.closeness[i], 12);
  });
});

describe('gate', () => {
  // By hand: weights 0.5/0.5, threshold 2.5.
  // A: (4, 3) passes → 3.5;  B: (5, 2) fails → min(3.5, 2.5) = 2.5;  C: (1, 1) fails → min(1, 2.5) = 1.
  it('caps a market whose weakest condition is below the threshold, whatever its average', () => {
    const g = gateScores([Float64Array.of(4, 5, 1), Float64Array.of(3, 2, 1)], Float64Array.of(0.5, 0.5), 2.5, 3);
    expect([...g.score]).toEqual([3.5, 2.5, 1]);
    expect([...g.gated]).toEqual([0, 1, 1]);
  });
  it('a market equal on average but missing a condition ranks below one that clears every condition', () => {
    const g = gateScores([Float64Array.of(3, 5), Float64Array.of(3, 1)], Float64Array.of(0.5, 0.5), 2.5, 2);
    expect(g.score[0]).toBeGreaterThan(g.score[1]);
  });
});
