import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ahpWeights, checkComparisonMatrix } from '../src/weights/ahp';
import { rocWeights } from '../src/weights/roc';
import { criticWeights, entropyWeights } from '../src/weights/objective';
import { cli, fixture, problemsOf } from './helpers';
import { oneRuleRubric, projectWith } from './rubric-fixture';
import { readAhpMatrix } from '../src/cli/commands/weights';

// Saaty (2008), "Decision making with the analytic hierarchy process", Int. J. Services Sciences 1(1), pp. 83–98:
// relative consumption of drinks in the U.S. Published: weights .177 .019 .042 .116 .190 .129 .327, CR = 0.022.
const DRINKS = ['coffee', 'wine', 'tea', 'beer', 'sodas', 'milk', 'water'];
const DRINK_MATRIX = [
  [1, 9, 5, 2, 1, 1, 1 / 2],
  [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
  [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
  [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [1, 9, 4, 2, 1, 2, 1 / 2],
  [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
  [2, 9, 9, 3, 2, 3, 1],
];

describe('AHP', () => {
  it('Saaty (2008) drinks example: published weights to 3 decimals and CR 0.022', () => {
    const r = ahpWeights(DRINK_MATRIX);
    expect([...r.weights].map((w) => +w.toFixed(3))).toEqual([0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327]);
    expect(+r.cr.toFixed(3)).toBe(0.022);
    expect(r.randomIndex).toBe(1.32);
  });

  it('3 × 3 by the closed form: a12 = 2, a23 = 2, a13 = 1 → λmax = 1 + 4^(1/3) + 4^(−1/3), CR = CI/0.58', () => {
    // For a reciprocal 3 × 3 matrix λmax = 1 + (a13/(a12 a23))^(1/3) + ((a12 a23)/a13)^(1/3), and the eigenvector
    // is the normalised row geometric mean (Saaty 1980).
    const r = ahpWeights([[1, 2, 1], [1 / 2, 1, 2], [1, 1 / 2, 1]]);
    const lambda = 1 + 4 ** (1 / 3) + 4 ** (-1 / 3);
    expect(r.lambdaMax).toBeCloseTo(lambda, 10);
    expect(r.ci).toBeCloseTo((lambda - 3) / 2, 10);
    expect(r.cr).toBeCloseTo((lambda - 3) / 2 / 0.58, 10);
    const g = [Math.cbrt(2), Math.cbrt(1), Math.cbrt(0.5)];
    const s = g[0] + g[1] + g[2];
    g.forEach((x, i) => expect(r.weights[i]).toBeCloseTo(x / s, 10));
  });

  it('a consistent matrix has λmax = n and CR = 0', () => {
    const w = [0.5, 0.3, 0.2];
    const r = ahpWeights(w.map((a) => w.map((b) => a / b)));
    expect(r.lambdaMax).toBeCloseTo(3, 12);
    expect(r.cr).toBeCloseTo(0, 12);
    w.forEach((x, i) => expect(r.weights[i]).toBeCloseTo(x, 12));
  });

  it.each([
    ['not square', [[1, 2], [0.5, 1], [1, 1]], 'ahp.not-square'],
    ['not positive', [[1, -2], [-0.5, 1]], 'ahp.not-positive'],
    ['not reciprocal', [[1, 3], [3, 1]], 'ahp.not-reciprocal'],
    ['off the 1/9…9 scale', [[1, 12], [1 / 12, 1]], 'ahp.off-scale'],
    ['diagonal not 1', [[2, 1], [1, 1]], 'ahp.bad-diagonal'],
  ])('refuses a matrix that is %s', (_what, m, code) => {
    expect(checkComparisonMatrix(m as number[][]).map((p) => p.code)).toContain(code);
  });
});

describe('rank-order centroid (Barron & Barrett 1996): w_i = (1/n) Σ_{k=i..n} 1/k', () => {
  it('n = 4 → 25/48, 13/48, 7/48, 3/48', () => {
    const w = rocWeights(4);
    [25 / 48, 13 / 48, 7 / 48, 3 / 48].forEach((x, i) => expect(w[i]).toBeCloseTo(x, 14));
  });
});

describe('objective weights', () => {
  it('entropy: a constant column gets 0; by hand for [1,3] and [1,0]', () => {
    // [1,1]: e = 1, d = 0.  [1,3]: p = .25/.75, e = 0.811278, d = 0.188722.  [1,0]: e = 0, d = 1.
    const w = entropyWeights([Float64Array.of(1, 1), Float64Array.of(1, 3), Float64Array.of(1, 0)]);
    const d2 = 1 + (0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)) / Math.log(2);
    expect(w[0]).toBe(0);
    expect(w[1]).toBeCloseTo(d2 / (d2 + 1), 12);
    expect(w[2]).toBeCloseTo(1 / (d2 + 1), 12);
  });
  it('CRITIC: two perfectly correlated columns share the weight of one independent column (by hand)', () => {
    // a = b = [0, 1, 2] (ρ_ab = 1), c = [0, 2, 1] (ρ_ac = ρ_bc = 0.5); normalised columns have σ = sqrt(2/3)/2 … equal σ.
    // C_a = σ(0 + 0 + 0.5) = 0.5σ, C_b = 0.5σ, C_c = σ(0.5 + 0.5 + 0) = σ → weights 0.25, 0.25, 0.5.
    const w = criticWeights([Float64Array.of(0, 1, 2), Float64Array.of(0, 1, 2), Float64Array.of(0, 2, 1)], [true, true, true]);
    expect([...w].map((x) => +x.toFixed(12))).toEqual([0.25, 0.25, 0.5]);
  });
});

describe('elicited weights in a rubric', () => {
  const two = (weighting: string) => `id: t
title: T
scale: { min: 0, max: 5 }
${weighting}
conditions:
  - { id: a, name: A, criteria: [{ id: x, name: X, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }] }
  - { id: b, name: B, criteria: [{ id: y, name: Y, weight: 1, rule: { type: raw, indicator: rating, direction: cost } }] }
  - { id: c, name: C, criteria: [{ id: z, name: Z, weight: 1, rule: { type: raw, indicator: rating, direction: cost } }] }
tiers: [{ id: all, when: "true" }]
`;
  it('AHP matrix with fractions gives the eigenvector weights and notes λmax, CI, CR', () => {
    const { rubric } = projectWith(two('weighting: { ahp: { matrix: [[1, 2, 4], ["1/2", 1, 2], ["1/4", "1/2", 1]] } }')).load();
    expect(rubric.conditions.map((c) => +c.weight.toFixed(12))).toEqual([+(4 / 7).toFixed(12), +(2 / 7).toFixed(12), +(1 / 7).toFixed(12)]);
    expect(rubric.notes[0]).toMatch(/^condition weights from AHP \(λmax 3\.0000, CI 0\.0000, CR 0\.0000/);
  });
  it('rank order gives ROC weights', () => {
    const { rubric } = projectWith(two('weighting: { rankOrder: [b, a, c] }')).load();
    expect(rubric.conditions.map((c) => +c.weight.toFixed(12))).toEqual([+(5 / 18).toFixed(12), +(11 / 18).toFixed(12), +(2 / 18).toFixed(12)]);
  });
  it('CR above 0.10 is a warning in the notes; above maxCr an error', () => {
    const m = 'matrix: [[1, 2, 1], ["1/2", 1, 2], [1, "1/2", 1]]';
    expect(projectWith(two(`weighting: { ahp: { ${m} } }`)).load().rubric.notes[1]).toBe('warning: AHP consistency ratio of the condition weights is 0.1874, above 0.10');
    expect(problemsOf(projectWith(two(`weighting: { ahp: { ${m}, maxCr: 0.15 } }`)).load)).toEqual([expect.objectContaining({ code: 'ahp.inconsistent', line: 4 })]);
  });
  it('a matrix of the wrong size, and weights written twice, are errors', () => {
    expect(problemsOf(projectWith(two('weighting: { ahp: { matrix: [[1, 2], ["1/2", 1]] } }')).load).map((p) => p.code)).toEqual(['ahp.not-square']);
    const twice = two('weighting: { rankOrder: [a, b, c] }').replace('- { id: a, name: A,', '- { id: a, name: A, weight: 1,');
    expect(problemsOf(projectWith(twice).load).map((p) => p.code)).toEqual(['rubric.weight-twice']);
  });
  it('a missing weight without weighting is an error', () => {
    expect(problemsOf(projectWith(oneRuleRubric('{ type: raw, indicator: rating, direction: benefit }').replace('    weight: 1\n    criteria', '    criteria')).load).map((p) => p.code)).toEqual(['rubric.missing-weight']);
  });
});

describe('moatscore weights', () => {
  const csv = ',' + DRINKS.join(',') + '\n' + DRINKS.map((d, i) => [d, ...DRINK_MATRIX[i].map((v) => (v < 1 ? `1/${Math.round(1 / v)}` : String(v)))].join(',')).join('\n') + '\n';
  it('ahp --format json prints exactly weights, lambdaMax, ci, cr, randomIndex', () => {
    const dir = fixture({ 'm.csv': csv });
    const r = cli(['weights', 'ahp', join(dir, 'm.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['weights', 'lambdaMax', 'ci', 'cr', 'randomIndex']);
    expect(Object.keys(doc.weights)).toEqual(DRINKS);
    expect(+doc.cr.toFixed(3)).toBe(0.022);
    expect(doc.randomIndex).toBe(1.32);
  });
  it('ahp table names λmax, CI and CR', () => {
    const dir = fixture({ 'm.csv': csv });
    expect(cli(['weights', 'ahp', join(dir, 'm.csv')]).stdout).toMatch(/λmax 7\.\d{4}, CI 0\.\d{4}, CR 0\.022\d/);
  });
  it.each([
    ['not square', ',a,b\na,1,2\n', 'ahp.not-square'],
    ['not reciprocal', ',a,b\na,1,3\nb,3,1\n', 'ahp.not-reciprocal'],
    ['not positive', ',a,b\na,1,0\nb,1,1\n', 'ahp.not-positive'],
    ['not a number', ',a,b\na,1,x\nb,1,1\n', 'ahp.not-a-number'],
    ['rows out of order', ',a,b\nb,1,2\na,1/2,1\n', 'ahp.order'],
  ])('a matrix that is %s exits 1 naming the problem', (_what, text, code) => {
    const dir = fixture({ 'm.csv': text });
    const r = cli(['weights', 'ahp', join(dir, 'm.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toContain('m.csv');
  });
  it('readAhpMatrix accepts fractions', () => {
    const dir = fixture({ 'm.csv': ',a,b\na,1,1/3\nb,3,1\n' });
    expect(readAhpMatrix(join(dir, 'm.csv')).matrix).toEqual([[1, 1 / 3], [3, 1]]);
  });
  it('roc prints the centroid weights', () => {
    expect(cli(['weights', 'roc', 'a,b,c,d', '--format', 'csv']).stdout).toBe('id,rank,weight\na,1,0.520833333333\nb,2,0.270833333333\nc,3,0.145833333333\nd,4,0.0625\n');
  });
});
