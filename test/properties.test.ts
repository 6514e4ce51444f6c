import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { competitionRank, isTie } from '../src/ranking/competition-rank';
import { rankTable } from '../src/scoring/score-rubric';
import { WeightedSumMethod } from '../src/methods/wsm';
import { WeightedProductMethod } from '../src/methods/wpm';
import { TopsisMethod } from '../src/methods/topsis';
import type { AggregationMethod } from '../src/methods/method';
import type { Dataset } from '../src/model/dataset';
import { scorecardCsv } from '../src/render/scorecard';
import { readScorecard } from '../src/data/read-scorecard';
import { fixture } from './helpers';

/** Generated problems: 2–8 alternatives × 1–5 positive criteria, directions and raw weights. */
const problem = fc.integer({ min: 2, max: 8 }).chain((n) => fc.integer({ min: 1, max: 5 }).chain((m) => fc.record({
  rows: fc.array(fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
  weights: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: m, maxLength: m }),
  cost: fc.array(fc.boolean(), { minLength: m, maxLength: m }),
})));
type Problem = { rows: number[][]; weights: number[]; cost: boolean[] };

const METHODS: AggregationMethod[] = [new WeightedSumMethod(), new WeightedProductMethod(), new TopsisMethod()];

function dataset(rows: number[][], ids = rows.map((_, i) => `a${i}`)): Dataset {
  const m = rows[0].length;
  const numeric = new Map(Array.from({ length: m }, (_, j) => [`c${j}`, Float64Array.from(rows, (r) => r[j])]));
  return { file: 'gen.csv', ids, names: ids, lines: new Int32Array(rows.length), numeric, categorical: new Map(), low: numeric, high: numeric, cells: new Map() };
}
const normalised = (w: number[]) => {
  const s = w.reduce((a, b) => a + b, 0);
  return Float64Array.from(w, (x) => x / s);
};
function rank(p: Problem, method: AggregationMethod, rows = p.rows, ids?: string[]) {
  const crit = p.rows[0].map((_, j) => `c${j}`);
  const r = rankTable(dataset(rows, ids), crit, normalised(p.weights), new Set(crit.filter((_, j) => p.cost[j])), method);
  return new Map(r.ranking.map((a) => [a.id, a]));
}
const RUNS = { numRuns: 300, seed: 5 };

describe('properties (fast-check)', () => {
  it('ranks form a valid competition ranking: rank = 1 + the number of strictly better scores', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double({ min: -5, max: 5, noNaN: true }), fc.constantFrom(1, 2, 2, 3)), { minLength: 1, maxLength: 30 }), (xs) => {
      const s = Float64Array.from(xs);
      const { order, rank } = competitionRank(s);
      expect([...order].sort((a, b) => a - b)).toEqual(xs.map((_, i) => i));
      for (let i = 0; i < s.length; i++) {
        const better = xs.filter((x) => x > s[i] && !isTie(x, s[i])).length;
        expect(rank[i]).toBe(better + 1);
      }
      for (let k = 1; k < order.length; k++) expect(rank[order[k]]).toBeGreaterThanOrEqual(rank[order[k - 1]]);
    }), RUNS);
  });

  it.each(METHODS.map((m) => [m.id, m] as const))('%s: scaling all weights by a positive constant leaves scores and ranks unchanged', (_id, method) => {
    fc.assert(fc.property(problem, fc.double({ min: 0.001, max: 1000, noNaN: true }), (p, c) => {
      const a = rank(p, method);
      const b = rank({ ...p, weights: p.weights.map((w) => w * c) }, method);
      for (const [id, x] of a) {
        expect(b.get(id)!.score).toBeCloseTo(x.score, 10);
        expect(b.get(id)!.rank).toBe(x.rank);
      }
    }), RUNS);
  });

  it.each(METHODS.filter((m) => m.id !== 'topsis').map((m) => [m.id, m] as const))('%s: raising a benefit indicator never lowers that market\'s score', (_id, method) => {
    fc.assert(fc.property(problem, fc.nat(), fc.nat(), fc.double({ min: 0, max: 500, noNaN: true }), (p, ri, cj, up) => {
      const i = ri % p.rows.length;
      const j = cj % p.rows[0].length;
      const benefit = { ...p, cost: p.cost.map((c, k) => (k === j ? false : c)) };
      const raised = benefit.rows.map((r, k) => (k === i ? r.map((x, l) => (l === j ? x + up : x)) : r));
      expect(rank(benefit, method, raised).get(`a${i}`)!.score).toBeGreaterThanOrEqual(rank(benefit, method).get(`a${i}`)!.score - 1e-12);
    }), RUNS);
  });

  it.each(METHODS.map((m) => [m.id, m] as const))('%s: permuting the input rows permutes the output and nothing else', (_id, method) => {
    fc.assert(fc.property(problem.chain((p) => fc.tuple(fc.constant(p), fc.shuffledSubarray(p.rows.map((_, i) => i), { minLength: p.rows.length, maxLength: p.rows.length }))), ([p, perm]) => {
      const a = rank(p, method);
      const b = rank(p, method, perm.map((k) => p.rows[k]), perm.map((k) => `a${k}`));
      for (const [id, x] of a) {
        expect(b.get(id)!.score).toBeCloseTo(x.score, 12);
        expect(b.get(id)!.rank).toBe(x.rank);
      }
    }), RUNS);
  });

  it('wsm: removing a dominated alternative does not change the order of the rest', () => {
    fc.assert(fc.property(problem, fc.nat(), fc.array(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { minLength: 5, maxLength: 5 }), (p, ri, shrink) => {
      // Add an alternative dominated by row i: strictly worse on every criterion (lower benefit, higher cost), so it
      // moves no column's max or min. (With shrink 0 and the old `+ 1e-9` it could become a column's new max.)
      const i = ri % p.rows.length;
      const dominated = p.rows[i].map((x, j) => (p.cost[j] ? x / (1 - shrink[j]) : x * (1 - shrink[j])));
      const withIt = rank(p, new WeightedSumMethod(), [...p.rows, dominated], [...p.rows.map((_, k) => `a${k}`), 'dominated']);
      const without = rank(p, new WeightedSumMethod());
      const order = (m: Map<string, { id: string; score: number }>) => [...m.values()].filter((a) => a.id !== 'dominated').sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).map((a) => a.id);
      expect(order(withIt)).toEqual(order(without));
    }), RUNS);
  });

  it('export → parse round-trips every generated name and value', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', '"', '\n', '\r\n', '=', '+', '-', '@', '\t', "'", '#', 'é', '中', '0', '.') , maxLength: 12 });
    fc.assert(fc.property(fc.array(fc.record({ name, score: fc.double({ noNaN: true, noDefaultInfinity: true }), rank: fc.integer({ min: 1, max: 99 }) }), { minLength: 1, maxLength: 6 }), (rows) => {
      const text = scorecardCsv(['market', 'name', 'rank', 'score', 'tier', 'binding'], rows.map((r, k) => [`m${k}`, r.name, r.rank, r.score, 'tier', 'b']), { bom: true, provenance: undefined });
      const back = readScorecard(join(fixture({ 'c.csv': text }), 'c.csv'));
      expect(back.rows.map((r) => r.name)).toEqual(rows.map((r) => r.name));
      // -0 is written as 0 (csv-stringify) and reads back as 0.
      expect(back.rows.map((r) => r.score)).toEqual(rows.map((r) => Number(r.score.toPrecision(12)) || 0));
      expect(back.rows.map((r) => r.rank)).toEqual(rows.map((r) => r.rank));
    }), { numRuns: 200, seed: 8 });
  });
});
