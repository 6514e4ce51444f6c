import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HitAndRun } from '../src/analysis/hit-and-run';
import { Rng } from '../src/analysis/rng';
import { sensitivityModel } from '../src/analysis/sensitivity-model';
import { smaa, SMAA_DEFAULTS } from '../src/analysis/smaa';
import { WeightedSumMethod } from '../src/methods/wsm';
import { parseWeightConstraints, WeightPolytope } from '../src/weights/weight-constraints';
import { cli, fixture, problemsOf } from './helpers';
import { projectWith } from './rubric-fixture';

/**
 * SMAA under known weight constraints (issue #14, item 4): hit-and-run over the constrained simplex (Tervonen,
 * van Valkenhoef, Baştürk & Postmus 2012). Tolerances: the chain's draws are correlated, so the effective sample is
 * smaller than N; with 20,000 draws a mean's standard error stays below 0.002 in these cases, and 0.01 is > 5 of them.
 */
function means(ids: string[], texts: string[], n = 20_000, seed = 7): { mean: number[]; min: number[]; max: number[] } {
  const h = new HitAndRun(new WeightPolytope(ids.length, parseWeightConstraints(texts, ids, 'test')));
  const rng = new Rng(seed);
  const w = new Float64Array(ids.length);
  const mean = new Array(ids.length).fill(0);
  const min = new Array(ids.length).fill(Infinity);
  const max = new Array(ids.length).fill(-Infinity);
  for (let s = 0; s < n; s++) {
    h.next(rng, w);
    w.forEach((x, j) => {
      mean[j] += x / n;
      min[j] = Math.min(min[j], x);
      max[j] = Math.max(max[j], x);
    });
  }
  return { mean, min, max };
}

describe('hit-and-run samples the constrained simplex uniformly', () => {
  it('two weights with a >= b: a is uniform on [0.5, 1], mean 0.75', () => {
    const r = means(['a', 'b'], ['a >= b']);
    expect(Math.abs(r.mean[0] - 0.75)).toBeLessThan(0.01);
    expect(r.min[0]).toBeGreaterThanOrEqual(0.5 - 1e-12);
  });

  it('three weights with a >= b >= c: the mean is the centroid of the ordered simplex, (11/18, 5/18, 2/18)', () => {
    // The ordered region's vertices are (1,0,0), (1/2,1/2,0), (1/3,1/3,1/3); their mean is (11/18, 5/18, 2/18).
    const r = means(['a', 'b', 'c'], ['a >= b', 'b >= c']);
    [11 / 18, 5 / 18, 2 / 18].forEach((m, j) => expect(Math.abs(r.mean[j] - m)).toBeLessThan(0.01));
  });

  it('an interval holds in every draw; on four weights a in [0.1, 0.4] has mean 0.03938/0.171 = 0.2303', () => {
    // a's marginal on the 4-simplex has density ∝ (1 − a)²: ∫ a(1 − a)² over [0.1, 0.4] = 0.039375, ∫ (1 − a)² = 0.171.
    const r = means(['a', 'b', 'c', 'd'], ['a in [0.1, 0.4]']);
    expect(r.min[0]).toBeGreaterThanOrEqual(0.1 - 1e-12);
    expect(r.max[0]).toBeLessThanOrEqual(0.4 + 1e-12);
    expect(Math.abs(r.mean[0] - 0.039375 / 0.171)).toBeLessThan(0.01);
  });

  it('a factor: a >= 2*b on two weights puts a in [2/3, 1], mean 5/6', () => {
    const r = means(['a', 'b'], ['a >= 2*b']);
    expect(r.min[0]).toBeGreaterThanOrEqual(2 / 3 - 1e-9);
    expect(Math.abs(r.mean[0] - 5 / 6)).toBeLessThan(0.01);
  });

  it('is deterministic: the same seed gives the same draws', () => {
    expect(means(['a', 'b', 'c'], ['a >= b'], 500, 3)).toEqual(means(['a', 'b', 'c'], ['a >= b'], 500, 3));
  });
});

describe('constraints that cannot be sampled are errors that name them', () => {
  it("'a >= 0.6' and 'b >= 0.6' together exceed the simplex: both named, the harmless third left out", () => {
    expect(() => new WeightPolytope(3, parseWeightConstraints(['a >= 0.6', 'c <= 0.5', 'b >= 0.6'], ['a', 'b', 'c'], 'test')))
      .toThrow("'a >= 0.6' and 'b >= 0.6' cannot hold together");
  });
  it("'a >= b' with 'b >= a' pins a = b: no interior to sample", () => {
    expect(() => new WeightPolytope(2, parseWeightConstraints(['a >= b', 'b >= a'], ['a', 'b'], 'test'))).toThrow("'a >= b' and 'b >= a' cannot hold together");
  });
  it('an unknown name, a bad form and reversed bounds', () => {
    expect(() => parseWeightConstraints(['a >= z'], ['a', 'b'], '--constraint')).toThrow("--constraint: 'a >= z' names 'z', which is not a weight here");
    expect(() => parseWeightConstraints(['a > b'], ['a', 'b'], '--constraint')).toThrow("'a > b' is not a weight constraint");
    expect(() => parseWeightConstraints(['a in [0.4, 0.1]'], ['a', 'b'], '--constraint')).toThrow('bounds the wrong way round');
  });
});

/**
 * Hand-worked SMAA: two conditions over the fixture data (rating → A, suppliers on 0–10 → B, each raw onto 0–5).
 * A = (5, 2.5, 0) and B = (1, 2, 4.5) for markets a, b, c; WSM score = wA·A + (1 − wA)·B. a beats c iff
 * 5wA > 3.5(1 − wA), i.e. wA > 7/17; c beats b iff wA < 1/2; b is never first. So a is first with probability
 * 10/17 = 0.588 unconstrained, always under A >= B (wA >= 1/2), and (0.5 − 7/17)/0.2 = 0.441 under A in [0.3, 0.5].
 */
const TWO = (extra: string) => `id: two
title: Two conditions
method: wsm
scale: { min: 0, max: 5 }
conditions:
  - { id: cond-a, name: A, weight: 1, criteria: [{ id: r, name: R, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }] }
  - { id: cond-b, name: B, weight: 1, criteria: [{ id: s, name: S, weight: 1, rule: { type: raw, indicator: suppliers, direction: benefit, range: [0, 10] } }] }
tiers:
  - { id: all, when: "true" }
${extra}`;

describe('SMAA honours constraints from --constraint and from the rubric', () => {
  const first = (extra: string, constraints: string[] = []) => {
    const { rubric, data } = projectWith(TWO(extra)).load();
    const m = sensitivityModel(rubric, data, new WeightedSumMethod());
    return smaa(m, { ...SMAA_DEFAULTS, samples: 20_000, constraints: parseWeightConstraints(constraints, m.conditionIds, '--constraint') });
  };
  it('unconstrained, a is first in 10/17 of the samples', () => {
    expect(Math.abs(first('').acceptability[0][0] - 10 / 17)).toBeLessThan(0.01);
  });
  it("the rubric's weightConstraints: [A >= B] make a first in every sample", () => {
    const s = first('weightConstraints: ["cond-a >= cond-b"]');
    expect(s.acceptability[0][0]).toBe(1);
    expect(s.sampler).toBe('hit-and-run');
    expect(s.constraints).toEqual(['cond-a >= cond-b']);
  });
  it('--constraint "A in [0.3, 0.5]": a first in (1/2 − 7/17)/(1/5) = 0.441 of the samples', () => {
    expect(Math.abs(first('', ['cond-a in [0.3, 0.5]']).acceptability[0][0] - (0.5 - 7 / 17) / 0.2)).toBeLessThan(0.015);
  });
  it('an infeasible rubric declaration is a load error at its line', () => {
    const p = problemsOf(() => projectWith(TWO('weightConstraints: ["cond-a >= 0.7", "cond-b >= 0.7"]')).load());
    expect(p.map((x) => [x.code, x.line])).toEqual([['rubric.weight-constraints', 10]]);
    expect(p[0].message).toContain("'cond-a >= 0.7' and 'cond-b >= 0.7' cannot hold together");
  });
  it('the CLI: sensitivity smaa --constraint on a plain CSV, and its JSON lists the constraints', () => {
    // x = (1, 0), y = (0, 1) after WSM's ratio normalisation: x first iff w_a > w_b, so always under a >= b.
    const dir = fixture({ 't.csv': 'id,a,b\nx,2,0\ny,0,2\n' });
    const r = cli(['sensitivity', 'smaa', '--data', join(dir, 't.csv'), '--constraint', 'a >= b', '--samples', '2000', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout).smaa;
    expect(j.constraints).toEqual(['a >= b']);
    expect(j.alternatives[0]).toMatchObject({ id: 'x', acceptability: [1, 0] });
    const bad = cli(['sensitivity', 'smaa', '--data', join(dir, 't.csv'), '--constraint', 'a >= 0.7', '--constraint', 'b >= 0.7']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'a >= 0.7' and 'b >= 0.7' cannot hold together");
  });
});
