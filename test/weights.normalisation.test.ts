import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { normaliseWeights, parseWeightText } from '../src/weights/normalise-weights';
import { applyWeightOverrides, parseWeightOverrides } from '../src/analysis/weight-overrides';
import { parseWeights } from '../src/cli/inputs';
import { loadProject } from '../src/load-project';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { GateMethod } from '../src/methods/gate';
import { cli, fixture, ROOT } from './helpers';

const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

/** Weights 0 or in [1e-3, 1e3], at least one positive, and a power of ten to scale them by. */
const scaled = fc.record({
  w: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e3, noNaN: true })), { minLength: 1, maxLength: 8 }).filter((w) => w.some((x) => x > 0)),
  k: fc.integer({ min: -300, max: 300 }),
});

describe('weight normalisation is exact at every magnitude (divide by the largest first)', () => {
  it('four weights of 1.7e308 are four weights of 0.25, not 0/Infinity', () => {
    expect([...normaliseWeights([1.7e308, 1.7e308, 1.7e308, 1.7e308])]).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
  it('weights of 1e-310 (subnormal) and 3e-310 are 0.25 and 0.75', () => {
    const w = normaliseWeights([1e-310, 3e-310]);
    expect(w[0]).toBeCloseTo(0.25, 10);
    expect(w[1]).toBeCloseTo(0.75, 10);
  });
  it('property: scaling every weight by 10^k, k in -300..300, leaves the weights in force equal to 1e-15 relative', () => {
    fc.assert(fc.property(scaled, ({ w, k }) => {
      const base = normaliseWeights(w);
      const big = normaliseWeights(w.map((x) => x * 10 ** k));
      return base.every((x, i) => rel(x, big[i]) <= 1e-15);
    }), { numRuns: 500 });
  });
  it('property: the same through --weight overrides of every condition of the NEC rubric', () => {
    const project = loadProject({ rubric: join(ROOT, 'rubrics/pricing-power.yaml'), data: join(ROOT, 'data/markets.csv'), dictionary: join(ROOT, 'data/indicators.yaml') });
    const ids = project.rubric.conditions.map((c) => c.id);
    fc.assert(fc.property(scaled.filter(({ w }) => w.length >= ids.length), ({ w, k }) => {
      const four = w.slice(0, ids.length);
      if (!four.some((x) => x > 0)) return true;
      const at = (f: number) => applyWeightOverrides(project.rubric, ids.map((path, i) => ({ path, value: four[i] * f }))).rubric.conditions.map((c) => c.weight);
      const a = at(1);
      const b = at(10 ** k);
      return a.every((x, i) => rel(x, b[i]) <= 1e-15);
    }), { numRuns: 200 });
  });
  it('--weight X=1.7e308 on every condition ranks exactly as the declared equal weights (gate, NEC data)', () => {
    const project = loadProject({ rubric: join(ROOT, 'rubrics/pricing-power.yaml'), data: join(ROOT, 'data/markets.csv'), dictionary: join(ROOT, 'data/indicators.yaml') });
    const huge = applyWeightOverrides(project.rubric, project.rubric.conditions.map((c) => ({ path: c.id, value: 1.7e308 }))).rubric;
    const a = rankWithRubric(project.rubric, project.data, new GateMethod()).ranking;
    const b = rankWithRubric(huge, project.data, new GateMethod()).ranking;
    expect(b.map((r) => [r.id, r.rank, r.tier])).toEqual(a.map((r) => [r.id, r.rank, r.tier]));
    b.forEach((r, i) => expect(rel(r.score, a[i].score)).toBeLessThan(1e-15));
    expect(new Set(b.map((r) => r.rank)).size).toBe(6);
  });
  it('rubric-free --weights at 1e300 and 1e-300 give the weights of 2 and 1', () => {
    const crit = ['a', 'b'];
    expect([...parseWeights('a=2e300,b=1e300', crit).weights]).toEqual([2 / 3, 1 / 3]);
    const tiny = parseWeights('a=2e-300,b=1e-300', crit).weights;
    expect(rel(tiny[0], 2 / 3)).toBeLessThanOrEqual(1e-15);
    expect(parseWeights('a=1.7e308,b=1.7e308', crit).notes).toEqual(['criterion weights summed to more than 1.8e308 (the largest double); normalised to 1']);
  });
});

describe('a weight must be a number a double can hold', () => {
  it.each([
    ['1e-400', 'error', '1e-400 is too small to represent (below 5e-324, it would become 0)'],
    ['0.0001e-320', 'error', '0.0001e-320 is too small to represent (below 5e-324, it would become 0)'],
    ['1e309', 'error', '1e309 is too large to represent (above 1.8e308)'],
    ['-1', 'error', '-1: weights cannot be negative'],
    ['abc', 'error', "'abc' is not a number"],
    ['0x10', 'error', "'0x10' is not a number"],
    ['5e-324', 'value', 5e-324],
    ['0e-999', 'value', 0],
    ['0', 'value', 0],
    ['1.7e308', 'value', 1.7e308],
  ])('%s → %s', (text, kind, want) => {
    expect(parseWeightText(text)).toEqual({ [kind]: want });
  });
  it('--weight path=1e-400 and --weights a=1e-400 are usage errors, not a silent 0', () => {
    expect(() => parseWeightOverrides(['switching-cost=1e-400'])).toThrow('--weight switching-cost=1e-400: 1e-400 is too small to represent');
    expect(() => parseWeights('a=1e-400,b=1', ['a', 'b'])).toThrow('--weights: a=1e-400 is too small to represent');
    const dir = fixture({ 't.csv': 'id,a,b\np,1,2\nq,2,1\n' });
    const r = cli(['rank', '--data', join(dir, 't.csv'), '--weights', 'a=1e-400,b=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --weights: a=1e-400 is too small to represent (below 5e-324, it would become 0) (weights are numbers in [0, 1.8e308]) [usage.bad-weight]\n');
    const s = cli(['rank', '--weight', 'outage-penalty=1e-400']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('[usage.bad-weight]');
  });
});
