import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { criticWeights, entropyWeights, objectiveWeights } from '../src/weights/objective';
import { loadTable } from '../src/data/load-table';
import { cli, fixture, problemsOf } from './helpers';

const table = (csv: string) => {
  const dir = fixture({ 't.csv': csv });
  return loadTable(join(dir, 't.csv'));
};

describe('entropy weights (Hwang & Yoon 1981 §2.2.3; Zeleny 1982): a constant column has weight exactly 0', () => {
  it('a = [1,2,3], b = [2,2,2], c = [0,1,1] by hand', () => {
    // a: p = 1/6, 1/3, 1/2; h = −Σ p ln p = 1.011404; e = h / ln 3 = 0.920620; d_a = 0.0793802.
    // b: p = 1/3 each, e = 1, d_b = 0.  c: p = 0, 1/2, 1/2; e = ln 2 / ln 3 = 0.630930; d_c = 0.3690702.
    // w = d / Σd: a 0.1770099, b 0, c 0.8229901.
    const w = entropyWeights([Float64Array.of(1, 2, 3), Float64Array.of(2, 2, 2), Float64Array.of(0, 1, 1)]);
    expect(w[1]).toBe(0);
    expect(w[0]).toBeCloseTo(0.1770099043, 9);
    expect(w[2]).toBeCloseTo(0.8229900957, 9);
  });
  it('is scale-free: values near 1e308 give the weights of the same values near 1', () => {
    const small = entropyWeights([Float64Array.of(1, 2, 3), Float64Array.of(0, 1, 1)]);
    const big = entropyWeights([Float64Array.of(1e307, 2e307, 3e307), Float64Array.of(0, 1.7e308, 1.7e308)]);
    [0, 1].forEach((j) => expect(big[j]).toBeCloseTo(small[j], 12));
  });
});

describe('CRITIC weights (Diakoulaki, Mavrotas & Papayannakis 1995)', () => {
  it('a constant column gets 0 and leaves the other weights as computed without it (by hand: 0.5, 0, 0.5)', () => {
    // a = [0,1,2], c = [0,2,1]: equal σ, ρ_ac = 0.5, so C_a = C_c = 0.5σ. b constant: σ_b = 0, C_b = 0, and its
    // undefined ρ (0/0) does not enter C_a or C_c.
    const w = criticWeights([Float64Array.of(0, 1, 2), Float64Array.of(7, 7, 7), Float64Array.of(0, 2, 1)], [true, true, true]);
    expect([...w].map((x) => +x.toFixed(12))).toEqual([0.5, 0, 0.5]);
  });
  it('negative values are valid: min–max normalisation makes the weights invariant to shifting a column', () => {
    const base = criticWeights([Float64Array.of(0, 1, 2), Float64Array.of(0, 2, 1), Float64Array.of(3, 0, 1)], [true, false, true]);
    const shifted = criticWeights([Float64Array.of(-2, -1, 0), Float64Array.of(-50, -48, -49), Float64Array.of(3, 0, 1)], [true, false, true]);
    [0, 1, 2].forEach((j) => expect(shifted[j]).toBeCloseTo(base[j], 14));
  });
  it('a column spanning more than 1.8e308 is normalised without overflow', () => {
    const w = criticWeights([Float64Array.of(-1.5e308, 0, 1.5e308), Float64Array.of(0, 2, 1)], [true, true]);
    expect([...w].map((x) => +x.toFixed(12))).toEqual([0.5, 0.5]);
  });
});

describe('objectiveWeights refuses input the formulas do not define: code, path and line', () => {
  it.each([
    ['entropy', 'id,a,b\np,1,2\nq,-3,1\n', [{ code: 'weights.negative-value', path: 'row q, column a', line: 3 }]],
    ['entropy', 'id,a,b\np,1,-2\nq,-3,1\n', [{ code: 'weights.negative-value', path: 'row q, column a', line: 3 }, { code: 'weights.negative-value', path: 'row p, column b', line: 2 }]],
    ['entropy', 'id,a,b\np,0,2\nq,0,1\n', [{ code: 'weights.zero-column', path: 'column a' }]],
    ['entropy', 'id,a,b\np,4,2\nq,4,2\n', [{ code: 'weights.undefined', path: 'columns a, b' }]],
    ['critic', 'id,a,b\np,4,2\nq,4,2\n', [{ code: 'weights.undefined', path: 'columns a, b' }]],
    ['critic', 'id,a,b\np,1,2\nq,2,3\nr,3,4\n', [{ code: 'weights.undefined', path: 'columns a, b' }]],
  ] as const)('%s on %j', (method, csv, want) => {
    const { dataset, criteria } = table(csv);
    const p = problemsOf(() => objectiveWeights(method, dataset, criteria, new Set()));
    expect(p.map((x) => ({ code: x.code, path: x.path, ...(x.line !== undefined ? { line: x.line } : {}) }))).toEqual(want);
    expect(p.every((x) => x.file!.endsWith('t.csv') && x.hint)).toBe(true);
  });
  it('the negative-value error names the fix', () => {
    const { dataset, criteria } = table('id,a\np,1\nq,-3\n');
    expect(problemsOf(() => objectiveWeights('entropy', dataset, criteria, new Set()))[0].hint).toBe('shift a so its minimum is 0, leave it out with --criteria, or use critic, which accepts negative values');
  });
});

describe('objective weights through the CLI: one check for both commands', () => {
  const csv = 'id,a,b,c\np,1,2,5\nq,2,2,0\nr,3,2,1\n';
  it('weights entropy prints 0 for the constant column (not NaN) and exits 0', () => {
    const dir = fixture({ 't.csv': csv });
    const r = cli(['weights', 'entropy', join(dir, 't.csv'), '--format', 'csv']);
    // a = [1,2,3] → d 0.0793802; c = [5,0,1]: p = 5/6, 0, 1/6, h = 0.4505612, e = h / ln 3 = 0.4101185, d 0.5898815;
    // w_a = 0.0793802 / 0.6692617 = 0.1186086, w_c = 0.8813914 (b constant: 0).
    expect(r.stdout).toBe('id,weight\na,0.118608560594\nb,0\nc,0.881391439406\n');
    expect(r.code).toBe(0);
  });
  it.each([
    [['weights', 'critic', 'T', '--cost', 'nosuchcol']],
    [['weights', 'critic', 'T', '--cost', 'nosuchcol', '--criteria', 'a,c']],
    [['weights', 'entropy', 'T', '--cost', 'nosuchcol']],
    [['rank', '--data', 'T', '--cost', 'nosuchcol']],
    [['rank', '--data', 'T', '--cost', 'b', '--criteria', 'a,c']],
    [['rank', '--data', 'T', '--weights', 'critic', '--cost', 'nosuchcol']],
  ])('%j is a usage error naming the column', (args) => {
    const dir = fixture({ 't.csv': csv });
    const r = cli(args.map((a) => (a === 'T' ? join(dir, 't.csv') : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --cost names '(nosuchcol|b)', which is not a criterion \(criteria: a, (b, )?c\) \[usage\.unknown-criterion\]\n$/);
  });
  it('rank --weights entropy on a negative value exits 1 naming file, line, row and column', () => {
    const dir = fixture({ 't.csv': 'id,a,b\np,1,2\nq,-3,1\n' });
    const r = cli(['rank', '--data', join(dir, 't.csv'), '--weights', 'entropy']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 't.csv')}:3 row q, column a: is -3; entropy weights read each value as a share`);
    expect(r.stdout).toBe('');
  });
});
