/**
 * The literature methods at scale (issue #14), printed by `npm run bench`: one scoring of a seeded 10,000 × 10 matrix
 * under each new method, and PROMETHEE II's pairwise flows under the usual and under the linear preference function
 * (target <= 2 s), then 100,000 × 10 linear measured, and one Gaussian criterion on 10,000 (the only pairwise, n², case:
 * refused beyond PROMETHEE_MAX_ALTERNATIVES).
 */
import { Rng } from '../src/analysis/rng';
import type { DecisionMatrix } from '../src/methods/method';
import { METHOD_PLUGINS } from '../src/methods/plugins';
import { PROMETHEE_MAX_ALTERNATIVES, Promethee2Method } from '../src/methods/promethee2';

function seconds(f: () => void): number {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

function problem(n: number, m: number): DecisionMatrix {
  const rng = new Rng(14);
  const columns = Array.from({ length: m }, () => Float64Array.from({ length: n }, () => 1 + 99 * rng.next()));
  const matrix: DecisionMatrix = {
    n, columns, weights: Float64Array.from({ length: m }, () => 1), benefit: columns.map((_, j) => j % 3 !== 2), prescaled: false,
    ids: Array.from({ length: n }, (_, i) => `a${i}`), criteria: columns.map((_, j) => `c${j}`),
    params: { bounds: columns.map(() => [0, 100] as const), preference: columns.map(() => ({ kind: 'linear' as const, q: 5, p: 30, s: 0 })) },
  };
  return matrix;
}

export function benchMethods(n = 10_000, m = 10): void {
  const matrix = problem(n, m);
  console.log(`\nMethods on ${n} × ${m} (one scoring, prepare included):`);
  for (const M of METHOD_PLUGINS) {
    const method = new M();
    if (method.id === 'gate') continue; // needs a rubric's conditions
    const s = seconds(() => method.score(method.id === 'promethee2' ? { ...matrix, params: { ...matrix.params, preference: undefined } } : matrix));
    console.log(`  ${method.id.padEnd(11)} ${s.toFixed(3)} s${method.id === 'promethee2' ? '  (usual; target <= 2 s)' : ''}`);
  }
  const linear = seconds(() => new Promethee2Method().score(matrix));
  console.log(`  promethee2  ${linear.toFixed(3)} s  (linear q=5 p=30 on every criterion; target <= 2 s)`);
  const big = problem(100_000, m);
  console.log(`  promethee2  ${seconds(() => new Promethee2Method().score(big)).toFixed(3)} s  (100,000 × ${m}, linear: O(n log n) per criterion)`);
  const g = seconds(() => new Promethee2Method().score({ ...matrix, columns: matrix.columns.slice(0, 1), weights: matrix.weights.subarray(0, 1), benefit: [true], criteria: ['c0'], params: { preference: [{ kind: 'gaussian', q: 0, p: 0, s: 10 }] } }));
  console.log(`  promethee2  ${g.toFixed(3)} s  (one gaussian criterion on ${n}: pairwise, n²; 100,000 would take about ${(g * 100).toFixed(0)} s, refused beyond ${PROMETHEE_MAX_ALTERNATIVES})`);
}
