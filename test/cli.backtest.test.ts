import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKTEST_HELP, MAIN_HELP } from '../src/cli/help';
import { cli, fixture, ROOT } from './helpers';
import { check, mutated } from './fuzz-targets';

describe('moatscore backtest', () => {
  it('the examples of its help run as printed', () => {
    const examples = BACKTEST_HELP.split('Examples:\n')[1].trim().split('\n').map((l) => l.trim().split(/\s+/).slice(1));
    expect(examples).toHaveLength(2);
    for (const args of examples) {
      const r = cli(args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(MAIN_HELP).toContain('backtest');
  });

  it('prints the pairs, ρ, τ-b, the exact p and the small-n caveat (n = 3: smallest p 1/6)', () => {
    const r = cli(['backtest', '--outcomes', 'data/outcomes/margin-ladder.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('n = 3   Spearman ρ = 0.500   Kendall τ-b = 0.333   one-sided p = 0.500');
    expect(r.stdout).toContain('exact over all 6 pairings');
    expect(r.stdout).toContain('smallest one-sided p any ordering of these outcomes can reach is 1/6');
    expect(r.stdout).toMatch(/left out: biometrics — No unit of its own/);
  });

  it('JSON has exactly the documented core fields, pairs in ranking order', () => {
    const r = cli(['backtest', '--outcomes', 'data/outcomes/margin-ladder.csv', '--format', 'json']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ n: 3, spearman: 0.5, pValue: 0.5, statistic: 'spearman', exact: true, permutations: 6 });
    expect(j.kendall).toBeCloseTo(1 / 3, 10);
    expect(j.pairs.map((p: { market: string; outcome: number }) => [p.market, p.outcome])).toEqual([['defense', 11.2], ['public-dx', 12.6], ['vran', 5.7]]);
    expect(Object.keys(j.pairs[0])).toEqual(['market', 'score', 'outcome']);
  });

  it('works on any CSV (rubric-free mode), where fact ids are not checked', () => {
    const dir = fixture({ 'd.csv': 'id,a,b\nx,1,5\ny,2,4\nz,3,6\nw,4,7\n', 'o.csv': 'market,outcome,evidence,rationale\nx,1,,r\ny,2,,r\nz,3,anything,r\nw,4,,r\n' });
    const r = cli(['backtest', '--data', join(dir, 'd.csv'), '--criteria', 'a', '--outcomes', join(dir, 'o.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect([j.n, j.spearman, j.kendall]).toEqual([4, 1, 1]);
    expect(j.pValue).toBeCloseTo(1 / 24, 12); // JSON numbers carry 12 significant digits
    expect(j.evidence).toMatch(/not checked/);
  });

  it('a bad outcomes file is exit 1 with file:line, and nothing on standard output', () => {
    const dir = fixture({ 'o.csv': 'market,outcome,evidence,rationale\ndefense,11.2,def-ans-margin,r\natlantis,3,no-such-fact,r\n' });
    const r = cli(['backtest', '--outcomes', join(dir, 'o.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("o.csv:3:1 row atlantis: 'atlantis' is not a ranked market");
    expect(r.stderr).toContain("o.csv:3:3 row atlantis, column evidence: cites 'no-such-fact', which is not a fact of seeds/evidence.yaml");
  });

  it.each([
    [['backtest'], 'backtest needs --outcomes FILE'],
    [['backtest', '--outcomes', 'data/outcomes/margin-ladder.csv', '--format', 'csv'], "backtest prints table or json, not 'csv'"],
  ])('usage errors exit 2: %j', (args, message) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('fuzz: mutated outcomes files through backtest (harness of test/fuzz-targets.ts)', () => {
  const seed = readFileSync(join(ROOT, 'data', 'outcomes', 'margin-ladder.csv'), 'utf8');
  const target = { name: 'backtest --outcomes', seed: 'table' as const, file: 'o.csv', argv: (f: string) => ['backtest', '--outcomes', f] };
  it('never crashes, and every input error names the file', () => {
    const arb = fc.oneof(
      { weight: 6, arbitrary: mutated(seed).map((s) => Buffer.from(s)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) },
    );
    fc.assert(fc.property(arb, (content) => {
      const problem = check(target, content);
      expect(problem, problem ?? '').toBeNull();
    }), { numRuns: 150, seed: 42 });
  });
});
