import { describe, expect, it } from 'vitest';
import type { DecisionMatrix } from '../src/methods/method';
import type { MethodParams } from '../src/methods/params';
import { parsePreferenceFunction, preference, PREFERENCE_CODE } from '../src/methods/params';
import { CoprasMethod } from '../src/methods/copras';
import { EdasMethod } from '../src/methods/edas';
import { MooraMethod } from '../src/methods/moora';
import { Promethee2Method } from '../src/methods/promethee2';
import { SpotisMethod } from '../src/methods/spotis';
import { TopsisMethod } from '../src/methods/topsis';
import { VikorMethod, vikorCompromise } from '../src/methods/vikor';
import { join } from 'node:path';
import { cli, fixture } from './helpers';

/** Rows as printed in the publication; types 1 benefit, −1 cost. */
function matrix(rows: number[][], weights: number[], types: number[], params?: MethodParams): DecisionMatrix {
  const m = rows[0].length;
  return {
    n: rows.length,
    columns: Array.from({ length: m }, (_, j) => Float64Array.from(rows, (r) => r[j])),
    weights: Float64Array.from(weights),
    benefit: types.map((t) => t > 0),
    prescaled: false,
    ids: rows.map((_, i) => `A${i + 1}`),
    criteria: Array.from({ length: m }, (_, j) => `c${j + 1}`),
    params,
  };
}
const round = (xs: ArrayLike<number>, d: number) => Array.from(xs, (x) => Number(x.toFixed(d)) + 0);

describe('VIKOR', () => {
  // Opricovic & Tzeng (2004), EJOR 156(2), §4 numerical example: f1 cost, f2 benefit, w = 0.5 each, v = 0.5.
  const ot = matrix([[1, 3000], [2, 3750], [5, 4500]], [0.5, 0.5], [-1, 1]);
  it('reproduces S, R, Q of Opricovic & Tzeng 2004, §4 (Q = 1, 0, 1)', () => {
    const d = new VikorMethod().detail(ot, ot.weights);
    expect(Array.from(d.S)).toEqual([0.5, 0.375, 0.5]);
    expect(Array.from(d.R)).toEqual([0.5, 0.25, 0.5]);
    expect(Array.from(d.Q)).toEqual([1, 0, 1]);
    expect(Array.from(new VikorMethod().score(ot))).toEqual([0, 1, 0]);
  });
  it('finds A2 the compromise solution with acceptable advantage and stability (Opricovic & Tzeng 2004, §4)', () => {
    const d = new VikorMethod().prepare(ot).detail(ot.weights);
    expect(vikorCompromise(d)).toEqual({ advantage: true, stability: true, set: [1] });
  });
  it('reproduces Q of Yang & Wu (2020), IEEE Access 8, 21261, to 4 decimals', () => {
    const m = matrix([[78, 56, 34, 6], [4, 45, 3, 97], [18, 2, 50, 63], [9, 14, 11, 92], [85, 9, 100, 29]], [0.25, 0.25, 0.25, 0.25], [1, 1, 1, 1]);
    expect(round(new VikorMethod().detail(m, m.weights).Q, 4)).toEqual([0.5679, 0.7667, 1, 0.7493, 0]);
  });
  it('without acceptable advantage, the compromise set holds every alternative within DQ of the best', () => {
    // Hand-worked: Q = 0, 0.2, 0.9 with n = 3, so DQ = 0.5: A1 and A2 are within DQ, A3 is not.
    expect(vikorCompromise({ S: Float64Array.of(0.1, 0.2, 0.9), R: Float64Array.of(0.1, 0.2, 0.5), Q: Float64Array.of(0, 0.2, 0.9) })).toEqual({ advantage: false, stability: true, set: [0, 1] });
  });
  it('with acceptable advantage but not stability, the compromise set is the best two by Q', () => {
    // Hand-made: n = 4, DQ = 1/3; Q(A2) − Q(A1) = 0.6 >= 1/3 (C1 holds), but A1 is best by neither S (A2) nor R (A3).
    expect(vikorCompromise({ S: Float64Array.of(0.3, 0.2, 0.5, 1), R: Float64Array.of(0.3, 0.4, 0.2, 1), Q: Float64Array.of(0, 0.6, 0.8, 1) })).toEqual({ advantage: true, stability: false, set: [0, 1] });
  });
  it('rank --method vikor prints the compromise set and both conditions: footer, JSON and a CSV column (Opricovic & Tzeng 2004, §4)', () => {
    const dir = fixture({ 'ot.csv': 'id,f1,f2\nA1,1,3000\nA2,2,3750\nA3,5,4500\n' });
    const args = ['rank', '--data', join(dir, 'ot.csv'), '--cost', 'f1', '--method', 'vikor'];
    const table = cli(args);
    expect(table.code, table.stderr).toBe(0);
    // Q = 1, 0, 1: Q(A1) − Q(A2) = 1 >= DQ = 1/(3 − 1) = 0.5, and A2 is also best by S (0.375).
    expect(table.stdout).toContain('VIKOR compromise set (Opricovic & Tzeng 2004): A2 — the best by Q alone. C1 acceptable advantage holds: Q(A1) − Q(A2) = 1.000 >= DQ = 1/(n − 1) = 0.500; C2 acceptable stability holds: A2 is also best by S.');
    expect(JSON.parse(cli([...args, '--format', 'json']).stdout).compromise).toEqual({ advantage: true, stability: true, dq: 0.5, set: ['A2'] });
    const csv = cli([...args, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0].split(',').at(-1)).toBe('compromise');
    expect(csv.slice(1).map((l) => `${l.split(',')[1]}:${l.split(',').at(-1)}`)).toEqual(['A2:true', 'A1:false', 'A3:false']);
  });
  it('v = 1 ranks by S alone', () => {
    const d = new VikorMethod().detail({ ...ot, params: { v: 1 } }, ot.weights);
    expect(Array.from(d.Q)).toEqual([1, 0, 1]);
  });
});

describe('PROMETHEE II', () => {
  it('reproduces the net flows of Zhao, Peng & Li (2013), Procedia Computer Science 17, 181, usual criteria', () => {
    const m = matrix([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2], [1, 1, 1]);
    const d = new Promethee2Method().detail(m, m.weights);
    expect(round(d.netFlow, 2)).toEqual([0.1, -0.3, 0.2]);
    // Hand-worked: π(A1,A2) = 0.8, π(A1,A3) = 0.3, so φ+(A1) = 1.1/2; π(A2,A1) = 0.2, π(A3,A1) = 0.7.
    expect(round(d.phiPlus, 12)).toEqual([0.55, 0.35, 0.6]);
    expect(round(d.phiMinus, 12)).toEqual([0.45, 0.65, 0.4]);
  });
  it('evaluates the six generalised criteria of Brans & Vincke (1985), Fig. 1, at hand-picked differences', () => {
    const P = (spec: string, d: number) => {
      const f = parsePreferenceFunction(spec);
      if (typeof f === 'string') throw new Error(f);
      return preference(PREFERENCE_CODE[f.kind], d, f.q, f.p, f.s);
    };
    expect([P('usual', 0), P('usual', 1e-9)]).toEqual([0, 1]);
    expect([P('ushape:q=2', 2), P('ushape:q=2', 2.5)]).toEqual([0, 1]);
    expect([P('vshape:p=98', 49), P('vshape:p=98', 98), P('vshape:p=98', 200)]).toEqual([0.5, 1, 1]);
    expect([P('linear:q=45:p=95', 45), P('linear:q=45:p=95', 70), P('linear:q=45:p=95', 95)]).toEqual([0, 0.5, 1]);
    expect([P('level:q=1:p=3', 1), P('level:q=1:p=3', 2), P('level:q=1:p=3', 3.5)]).toEqual([0, 0.5, 1]);
    expect(P('gaussian:s=2', 2)).toBeCloseTo(1 - Math.exp(-0.5), 15);
    expect(P('gaussian:s=2', -2)).toBe(0);
  });
  it('applies a criterion\'s preference function and a cost direction (hand-worked)', () => {
    // c1 cost with vshape p = 4: A1 = 1 vs A2 = 3 gives d = 2 for A1, P = 0.5; c2 usual: A2 better. w = 0.5 each.
    const m = matrix([[1, 0], [3, 1]], [1, 1], [-1, 1], { preference: [{ kind: 'vshape', q: 0, p: 4, s: 0 }, undefined] });
    const d = new Promethee2Method().detail(m, m.weights);
    expect(Array.from(d.phiPlus)).toEqual([0.25, 0.5]);
    expect(Array.from(d.netFlow)).toEqual([-0.25, 0.25]);
  });
  it('refuses more alternatives than it can pair under a gaussian criterion, with a coded problem', () => {
    const big = { ...matrix([[1]], [1], [1]), n: 20_001 };
    expect(new Promethee2Method().check(big)).toEqual([]);
    expect(new Promethee2Method().check({ ...big, params: { preference: [{ kind: 'gaussian', q: 0, p: 0, s: 1 }] } })[0].code).toBe('method.too-many-pairs');
  });
  it.each(['usual', 'ushape:q=2', 'vshape:p=7', 'level:q=1:p=4', 'linear:q=1.5:p=6', 'gaussian:s=3'])('%s: the sorted-sum flows equal the pairwise definition, ties included', (spec) => {
    const f = parsePreferenceFunction(spec);
    if (typeof f === 'string') throw new Error(f);
    // Integer values 0…15 (many ties, and differences landing exactly on q and p), one benefit and one cost column.
    const rows = Array.from({ length: 40 }, (_, i) => [(i * 7) % 16, (i * 5 + 3) % 11]);
    const m = matrix(rows, [0.6, 0.4], [1, -1], { preference: [f, f] });
    const d = new Promethee2Method().detail(m, m.weights);
    const P = (x: number) => preference(PREFERENCE_CODE[f.kind], x, f.q, f.p, f.s);
    const pi = (a: number, b: number) => 0.6 * P(rows[a][0] - rows[b][0]) + 0.4 * P(rows[b][1] - rows[a][1]);
    rows.forEach((_, a) => {
      let plus = 0;
      let minus = 0;
      rows.forEach((_, b) => {
        plus += pi(a, b);
        minus += pi(b, a);
      });
      expect(d.phiPlus[a]).toBeCloseTo(plus / 39, 12);
      expect(d.phiMinus[a]).toBeCloseTo(minus / 39, 12);
    });
  });
});

describe('SPOTIS', () => {
  it('reproduces the distances of Dezert et al. (2020), FUSION, §IV example 1, to 4 decimals', () => {
    const m = matrix([[10.5, -3.1, 1.7], [-4.7, 0, 3.4], [8.1, 0.3, 1.3], [3.2, 7.3, -5.3]], [0.2, 0.3, 0.5], [1, -1, 1], { bounds: [[-5, 12], [-6, 10], [-8, 5]] });
    expect(round(new SpotisMethod().detail(m, m.weights).distance, 4)).toEqual([0.1989, 0.3705, 0.3063, 0.7491]);
    expect(round(new SpotisMethod().score(m), 4)).toEqual([-0.1989, -0.3705, -0.3063, -0.7491]);
  });
  it('requires bounds, and values inside them', () => {
    const m = matrix([[1, 2], [3, 4]], [1, 1], [1, 1]);
    expect(new SpotisMethod().check(m).map((p) => p.code)).toEqual(['method.no-bounds', 'method.no-bounds']);
    expect(new SpotisMethod().check({ ...m, params: { bounds: [[0, 2], [0, 10]] } }).map((p) => p.path)).toEqual(['row A2, column c1']);
  });
});

describe('COPRAS', () => {
  it('reproduces the utility degrees of Kundakcı & Işık (2016), Decision Science Letters 5(3), 381–394, air compressors, to 4 decimals', () => {
    const m = matrix(
      [[1543, 2000, 39000, 15, 13.76, 3.86, 5, 3, 5000], [1496, 3600, 43000, 14, 14, 2.5, 4, 4, 4000], [1584, 3100, 24500, 10, 13.1, 3.7, 2, 2, 3500], [1560, 2700, 36000, 12, 13.2, 3.2, 3, 3, 3500], [1572, 2500, 31500, 13, 13.3, 3.4, 3, 2, 3500], [1580, 2400, 20000, 12, 12.8, 3.9, 2, 2, 3000]],
      [0.2027, 0.1757, 0.1622, 0.1351, 0.1081, 0.0946, 0.0676, 0.0405, 0.0135],
      [-1, -1, -1, 1, 1, -1, 1, 1, 1],
    );
    expect(round(new CoprasMethod().score(m), 4)).toEqual([1, 0.9167, 0.8675, 0.9084, 0.9315, 0.9486]);
  });
  it('without cost criteria, Q is S+ (hand-worked: columns 1,3,5 and 5,3,1 at w 0.3, 0.7 give N = 1, 30/38, 22/38)', () => {
    const m = matrix([[1, 5], [3, 3], [5, 1]], [0.3, 0.7], [1, 1]);
    expect(round(new CoprasMethod().score(m), 12)).toEqual(round([1, 30 / 38, 22 / 38], 12));
  });
  it('detail gives S+, S−, Q and U (hand-worked: benefit 1,3 and cost 1,2 at w 0.5, 0.5)', () => {
    // d_benefit = 0.5·(1/4, 3/4) = S+ = (0.125, 0.375); d_cost = 0.5·(1/3, 2/3) = S− = (1/6, 1/3); Σ S− = 1/2,
    // Σ 1/S− = 6 + 3 = 9; Q = S+ + (1/2)/(S− · 9) = (0.125 + 1/3, 0.375 + 1/6) = (11/24, 13/24); U = 100 Q / max Q.
    const m = matrix([[1, 1], [3, 2]], [0.5, 0.5], [1, -1]);
    const d = new CoprasMethod().detail(m, m.weights);
    expect(round(d.sPlus, 12)).toEqual([0.125, 0.375]);
    expect(round(d.sMinus, 12)).toEqual(round([1 / 6, 1 / 3], 12));
    expect(round(d.Q, 12)).toEqual(round([11 / 24, 13 / 24], 12));
    expect(round(d.U, 9)).toEqual(round([(100 * 11) / 13, 100], 9));
    expect(round(new CoprasMethod().score(m), 12)).toEqual(round([11 / 13, 1], 12));
  });
});

describe('EDAS', () => {
  it('reproduces the appraisal scores of Yazdani et al. (2020), Sustainable Operations and Computers 1, 35, to 3 decimals', () => {
    const m = matrix(
      [[3873, 39.55, 0.27, 0.87, 150, 0.07, 12, 2130], [5067, 67.26, 0.23, 0.23, 40, 0.02, 21, 2200], [2213, 24.69, 0.08, 0.17, 200, 0.04, 35, 570], [6243, 132, 0.07, 0.25, 100, 0.04, 16, 100], [8312, 460.47, 0.05, 0.21, 25, 0.1, 25, 200]],
      [0.131, 0.113, 0.126, 0.125, 0.126, 0.129, 0.132, 0.117],
      [-1, -1, -1, 1, 1, -1, 1, 1],
    );
    expect(round(new EdasMethod().score(m), 3)).toEqual([0.841, 0.632, 0.883, 0.457, 0.104]);
  });
  it('detail gives SP, SN, NSP, NSN and AS (hand-worked: benefit 1,3 and cost 1,2 at w 0.5, 0.5)', () => {
    // Benefit: AV 2, PDA (0, 1/2), NDA (1/2, 0). Cost: AV 3/2, PDA (1/3, 0), NDA (0, 1/3). SP = (1/6, 1/4),
    // SN = (1/4, 1/6); NSP = SP / (1/4) = (2/3, 1); NSN = 1 − SN / (1/4) = (0, 1/3); AS = (1/3, 2/3).
    const m = matrix([[1, 1], [3, 2]], [0.5, 0.5], [1, -1]);
    const d = new EdasMethod().detail(m, m.weights);
    expect(round(d.SP, 12)).toEqual(round([1 / 6, 1 / 4], 12));
    expect(round(d.SN, 12)).toEqual(round([1 / 4, 1 / 6], 12));
    expect(round(d.NSP, 12)).toEqual(round([2 / 3, 1], 12));
    expect(round(d.NSN, 12)).toEqual(round([0, 1 / 3], 12));
    expect(round(d.AS, 12)).toEqual(round([1 / 3, 2 / 3], 12));
    expect(round(new EdasMethod().score(m), 12)).toEqual(round([1 / 3, 2 / 3], 12));
  });
  it('rank --format json carries that detail per ranked entry', () => {
    const dir = fixture({ 'e.csv': 'id,b,c\np,1,1\nq,3,2\n' });
    const doc = JSON.parse(cli(['rank', '--data', join(dir, 'e.csv'), '--cost', 'c', '--method', 'edas', '--format', 'json']).stdout);
    expect(doc.ranking.map((a: { id: string; detail: Record<string, number> }) => [a.id, +a.detail.AS.toFixed(12), +a.detail.NSN.toFixed(12)])).toEqual([['q', +(2 / 3).toFixed(12), +(1 / 3).toFixed(12)], ['p', +(1 / 3).toFixed(12), 0]]);
  });
});

describe('MOORA ratio system', () => {
  it('reproduces the ratios of Siregar et al. (2021), IOP Conf. Ser. Mater. Sci. Eng. 1088, 012022, to 4 decimals', () => {
    const m = matrix([[1.5, 3, 5, 3.3], [2, 7, 5, 3.35], [3, 1, 5, 3.07], [2.2, 4, 5, 3.5], [2, 5, 3, 3.09], [3.2, 2, 3, 3.48], [2.775, 3, 5, 3.27]], [0.3, 0.2, 0.1, 0.4], [-1, 1, 1, 1]);
    expect(round(new MooraMethod().score(m), 4)).toEqual([0.1801, 0.2345, 0.0625, 0.1757, 0.1683, 0.0742, 0.1197]);
  });
});

describe('TOPSIS detail', () => {
  it('gives d+ and d− of a hand-worked example: rows (3, 4) and (4, 3), w = 0.5 each', () => {
    // r = (0.6, 0.8) and (0.8, 0.6); v = (0.3, 0.4) and (0.4, 0.3); A+ = (0.4, 0.4), A− = (0.3, 0.3): d± = 0.1 each.
    const m = matrix([[3, 4], [4, 3]], [1, 1], [1, 1]);
    const d = new TopsisMethod().detail(m, m.weights);
    expect(round(d.dPlus, 12)).toEqual([0.1, 0.1]);
    expect(round(d.dMinus, 12)).toEqual([0.1, 0.1]);
  });
});

describe('blocks: every new method scores stacked problems each on its own', () => {
  it.each([new VikorMethod(), new Promethee2Method(), new CoprasMethod(), new EdasMethod(), new MooraMethod()])('%s', (method) => {
    const a = matrix([[4, 3, 2], [3, 2, 4], [5, 1, 3]], [0.5, 0.3, 0.2], [1, -1, 1]);
    const b = matrix([[1, 7, 2], [2, 2, 9], [8, 3, 3]], [0.5, 0.3, 0.2], [1, -1, 1]);
    const both = { ...a, n: 6, columns: a.columns.map((c, j) => Float64Array.from([...c, ...b.columns[j]])), ids: [...a.ids, ...b.ids] };
    const out = new Float64Array(6);
    method.prepare(both, 2).score(a.weights, out, 0, 2);
    expect(Array.from(out)).toEqual([...method.score(a), ...method.score(b)]);
  });
});
