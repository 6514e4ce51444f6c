import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { averageRanks, EXACT_MAX_N, kendallTauB, spearman, spearmanPermutationTest } from '../src/analysis/rank-correlation';
import { backtest, backtestCaveat, checkOutcomes, loadOutcomes } from '../src/analysis/backtest';
import { loadProject } from '../src/load-project';
import { defaultFiles } from '../src/cli/paths';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { resolvePlugins } from '../src/ioc';
import { fixture, problemsOf, ROOT } from './helpers';

describe('average ranks', () => {
  it('ties share the mean of the ranks they span: [10, 20, 20, 30] → [1, 2.5, 2.5, 4]', () => {
    expect([...averageRanks([10, 20, 20, 30])]).toEqual([1, 2.5, 2.5, 4]);
    expect([...averageRanks([3, 1, 2])]).toEqual([3, 1, 2]);
  });
});

describe('Spearman ρ and Kendall τ-b, worked by hand', () => {
  // Five pairs, no ties: x = 1..5, y = [2, 1, 4, 3, 5]. d = rank(x) − rank(y) = [−1, 1, −1, 1, 0], Σd² = 4,
  // ρ = 1 − 6·4/(5·24) = 0.8. Pairs: (1,2) and (3,4) are discordant, the other 8 concordant: τ = (8 − 2)/10 = 0.6.
  it('five pairs without ties: ρ = 0.8, τ = 0.6', () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 14);
    expect(kendallTauB([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.6, 14);
  });

  // scipy.stats.kendalltau's docstring example, x = [12, 2, 1, 12, 2], y = [1, 4, 7, 1, 0], checked by hand against
  // τ_b = (n_c − n_d)/sqrt((n0 − n1)(n0 − n2)): of the 10 pairs, (0,4) and (3,4) are concordant; (0,1), (0,2),
  // (1,2), (1,3), (2,3), (2,4) discordant; (0,3) is tied in both, (1,4) in x. n1 = 2 (the two 12s, the two 2s),
  // n2 = 1 (the two 1s): τ_b = (2 − 6)/sqrt(8 · 9) = −0.47140452079103173 (scipy 1.17.1 prints −0.4714045207910316).
  it('τ-b with ties in both samples (scipy kendalltau example): −4/sqrt(72)', () => {
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-4 / Math.sqrt(72), 14);
    expect(kendallTauB([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-0.47140452079103173, 14);
  });

  // Same data: average ranks x → [4.5, 2.5, 1, 4.5, 2.5], y → [2.5, 4, 5, 2.5, 1]; deviations from 3:
  // dx = [1.5, −.5, −2, 1.5, −.5], dy = [−.5, 1, 2, −.5, −2]; Σdx·dy = −5, Σdx² = 9, Σdy² = 9.5,
  // ρ = −5/sqrt(85.5) = −0.5407380704358752 (scipy 1.17.1 spearmanr agrees). The value −0.1754386 sometimes quoted
  // for this example is not Spearman's ρ of these data.
  it('ρ with ties uses average ranks: −5/sqrt(85.5) on the scipy example', () => {
    expect(spearman([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).toBeCloseTo(-5 / Math.sqrt(85.5), 14);
    // 1 − 6Σd²/(n(n² − 1)) on average ranks would give −0.425: the shortcut is wrong with ties.
    expect(spearman([12, 2, 1, 12, 2], [1, 4, 7, 1, 0])).not.toBeCloseTo(-0.425, 3);
  });

  it('perfect agreement and reversal give ±1; a constant sample leaves both undefined', () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBe(1);
    expect(kendallTauB([1, 2, 3], [30, 20, 10])).toBe(-1);
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNaN();
    expect(kendallTauB([1, 2, 3], [5, 5, 5])).toBeNaN();
  });
});

describe('exact one-sided permutation test (Pitman 1937)', () => {
  it('n = 4 in perfect order: only the identity pairing reaches ρ = 1, p = 1/24', () => {
    const t = spearmanPermutationTest([1, 2, 3, 4], [10, 20, 30, 40]);
    expect(t.exact).toBe(true);
    expect(t.permutations).toBe(24);
    expect(t.pValue).toBe(1 / 24);
    expect(t.smallestP).toBe(1 / 24);
  });

  // The five-pair example: ρ ≥ 0.8 ⟺ Σd² ≤ 4. Permutations of 1..5 with Σd² ≤ 4: the identity (0), the four
  // adjacent transpositions (2 each), and the three products of two disjoint adjacent transpositions (4 each):
  // (12)(34), (12)(45), (23)(45). Every other permutation has Σd² ≥ 6. p = 8/120 = 1/15.
  it('five pairs, ρ = 0.8: p = 8/120', () => {
    expect(spearmanPermutationTest([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]).pValue).toBeCloseTo(8 / 120, 15);
  });

  // Ties: x = 1..5, y = [2, 1, 4, 3, 3] (ρ = 0.5643). Brute force over itertools.permutations with scipy's
  // spearmanr (counting ρ ≥ observed − 1e-12) gives 22 of 120; the reversed order is the best any pairing can do,
  // reached by the 2 orders of the tied 3s: smallest p = 2/120.
  it('with tied outcomes, permutations are of positions (n! of them) and ties of ρ count: p = 22/120', () => {
    const t = spearmanPermutationTest([1, 2, 3, 4, 5], [2, 1, 4, 3, 3]);
    expect(t.pValue).toBeCloseTo(22 / 120, 15);
    expect(t.smallestP).toBeCloseTo(2 / 120, 15);
  });

  it('negative association gives a large one-sided p: perfect reversal of 4 gives p = 1', () => {
    expect(spearmanPermutationTest([1, 2, 3, 4], [4, 3, 2, 1]).pValue).toBe(1);
  });

  it(`above n = ${EXACT_MAX_N}, a seeded Monte Carlo estimate (b + 1)/(m + 1), the same on every run`, () => {
    const x = Array.from({ length: 11 }, (_, i) => i);
    const y = [0, 2, 1, 3, 4, 5, 7, 6, 8, 9, 10];
    const a = spearmanPermutationTest(x, y, { samples: 2000, seed: 7 });
    expect(a.exact).toBe(false);
    expect(a.permutations).toBe(2000);
    expect(a.seed).toBe(7);
    expect(a).toEqual(spearmanPermutationTest(x, y, { samples: 2000, seed: 7 }));
    // ρ ≈ 0.98 is reached by about 1e-5 of pairings: almost no draw does, so p sits near its floor 1/(m + 1).
    expect(a.pValue).toBeLessThan(5 / 2001);
    expect(a.pValue).toBeGreaterThanOrEqual(1 / 2001);
  });
});

describe('outcomes files', () => {
  const HEAD = 'market,outcome,evidence,rationale\n';
  const load = (text: string) => loadOutcomes(join(fixture({ 'o.csv': text }), 'o.csv'));

  it('reads rows, fact ids split on ;, empty outcomes as null; # lines before the header keep line numbers true', () => {
    const o = load(`# a comment\n# another\n${HEAD}a,1.5,f1; f2,why a\nb,,,why not b\n`);
    expect(o.rows).toEqual([
      { market: 'a', outcome: 1.5, evidence: ['f1', 'f2'], rationale: 'why a', line: 4 },
      { market: 'b', outcome: null, evidence: [], rationale: 'why not b', line: 5 },
    ]);
  });

  it.each([
    ['a duplicate market', `${HEAD}a,1,,x\na,2,,y\n`, 'data.duplicate-id', 3],
    ['a non-numeric outcome', `${HEAD}a,12.6%,,x\n`, 'data.unit-in-number', 2],
    ['an outcome with a decimal comma', `${HEAD}a,"12,6",,x\n`, 'data.decimal-comma', 2],
    ['a missing rationale', `${HEAD}a,1,,\n`, 'outcomes.no-rationale', 2],
    ['a missing column', 'market,outcome,rationale\na,1,x\n', 'outcomes.missing-column', 1],
    ['an extra column', `market,outcome,evidence,rationale,note\na,1,,x,y\n`, 'outcomes.unknown-column', 1],
  ])('%s is an error with its line', (_, text, code, line) => {
    const [p] = problemsOf(() => load(text));
    expect(p.code).toBe(code);
    expect(p.line).toBe(line);
    expect(p.file).toMatch(/o\.csv$/);
  });

  it('an unknown market and an unknown fact id are errors naming the line', () => {
    const o = load(`${HEAD}a,1,f1,x\nzz,2,nope,y\n`);
    const ledger = { file: 'ledger.yaml', byId: new Map([['f1', {}]]) } as never;
    const ps = problemsOf(() => checkOutcomes(o, ['a', 'b'], ledger));
    expect(ps.map((p) => [p.code, p.line])).toEqual([['outcomes.unknown-market', 3], ['outcomes.unknown-fact', 3]]);
    expect(() => checkOutcomes(o, ['a', 'zz'], undefined)).not.toThrow(); // no ledger: ids are not checked
  });
});

describe('backtest of the NEC ranking against the shipped margin ladder', () => {
  const project = loadProject(defaultFiles());
  const outcomes = loadOutcomes(join(ROOT, 'data', 'outcomes', 'margin-ladder.csv'));

  it('every cited fact exists in the ledger and every market is ranked', () => {
    expect(() => checkOutcomes(outcomes, project.data.ids, project.evidence)).not.toThrow();
  });

  // Scores rank defense > public-dx > vran; margins rank public-dx 12.6 > defense 11.2 > vran 5.7. Ranks (3, 2, 1)
  // against (2, 3, 1): Σd² = 2, ρ = 1 − 6·2/(3·8) = 0.5; one discordant pair of 3: τ = (2 − 1)/3. Pairings with
  // ρ ≥ 0.5: the identity and the two adjacent swaps, p = 3/6; the smallest reachable p is 1/6.
  it('pairs three markets (defense, public-dx, vran): ρ = 0.5, τ-b = 1/3, p = 1/2', () => {
    const r = backtest(rankWithRubric(project.rubric, project.data, resolvePlugins().methods.get('gate')), outcomes);
    expect(r.pairs.map((p) => [p.market, p.outcome])).toEqual([['defense', 11.2], ['public-dx', 12.6], ['vran', 5.7]]);
    expect(r.leftOut.map((l) => l.market)).toEqual(['subsea', 'biometrics', 'cloud']);
    expect(r.spearman).toBeCloseTo(0.5, 14);
    expect(r.kendall).toBeCloseTo(1 / 3, 14);
    expect(r.test.pValue).toBeCloseTo(0.5, 15);
    expect(r.test.smallestP).toBeCloseTo(1 / 6, 15);
    expect(backtestCaveat(r)).toContain('1/6 ≈ 0.167');
  });
});
