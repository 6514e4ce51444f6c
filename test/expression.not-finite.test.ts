import { describe, expect, it } from 'vitest';
import { oneRuleRubric, projectWith } from './rubric-fixture';
import { problemsOf } from './helpers';
import { scoreRubric } from '../src/scoring/score-rubric';
import { compileExpression, NonFiniteError } from '../src/expression/compile';

// Fixture data (test/rubric-fixture.ts): rating 5/3/1, suppliers 2/4/9 for markets a, b, c. Line 14 is the
// criterion's rule in oneRuleRubric's layout.
const RULE = { line: 14, path: (m: string) => `conditions[0].criteria[0].rule (market ${m})` };

describe('a non-finite intermediate value is an error naming the rubric line and the market, even inside clamp', () => {
  it.each([
    ['clamp(1/0, 0, 5)', ['a', 'b', 'c'], 'expression "clamp(1/0, 0, 5)" gives no number: 1 / 0 = Infinity (division by 0)'],
    ['clamp(5 / (rating - 3), 0, 5)', ['b'], 'expression "clamp(5 / (rating - 3), 0, 5)" gives no number: 5 / 0 = Infinity (division by 0)'],
    ['clamp(log(rating - 1), 0, 5)', ['c'], 'expression "clamp(log(rating - 1), 0, 5)" gives no number: log(0) = -Infinity (logarithm of a number <= 0)'],
    ['clamp(sqrt(rating - 2), 0, 5)', ['c'], 'expression "clamp(sqrt(rating - 2), 0, 5)" gives no number: sqrt(-1) = NaN (square root of a negative number)'],
    ['min(5, 10^(rating * 200))', ['a', 'b'], 'expression "min(5, 10^(rating * 200))" gives no number: 10 ^ 1000 = Infinity (overflow beyond 1.8e308)'],
    ['clamp(rating mod (suppliers - 2), 0, 5)', ['a'], 'expression "clamp(rating mod (suppliers - 2), 0, 5)" gives no number: 5 mod 0 = NaN (division by 0)'],
    ['suppliers / 0 > 1 ? 5 : 0', ['a', 'b', 'c'], 'expression "suppliers / 0 > 1 ? 5 : 0" gives no number: 2 / 0 = Infinity (division by 0)'],
  ])('expression rule %s', (expr, markets, first) => {
    const { rubric, data } = projectWith(oneRuleRubric(`{ type: expression, expr: "${expr}" }`)).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p.map((x) => ({ code: x.code, line: x.line, path: x.path }))).toEqual(markets.map((m) => ({ code: 'score.not-finite', line: RULE.line, path: RULE.path(m) })));
    expect(p[0].message).toBe(first);
  });
  it('in a table row condition: the row does not silently not match', () => {
    const { rubric, data } = projectWith(oneRuleRubric(`type: table
hit: first
rows:
  - { when: "rating / (suppliers - 4) > 1", score: 5 }
  - { when: "true", score: 1 }`)).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p).toEqual([expect.objectContaining({ code: 'score.not-finite', line: RULE.line, path: RULE.path('b'), message: 'expression "rating / (suppliers - 4) > 1" gives no number: 3 / 0 = Infinity (division by 0)' })]);
  });
  it('in a band score', () => {
    const { rubric, data } = projectWith(oneRuleRubric('{ type: bands, indicator: suppliers, bands: [{ below: 5, score: "clamp(1 / (rating - 3), 0, 5)" }, { score: 0 }] }')).load();
    expect(problemsOf(() => scoreRubric(rubric, data)).map((x) => x.path)).toEqual([RULE.path('b')]);
  });
  it('in a tier rule, at the tier line', () => {
    const { rubric, data } = projectWith(oneRuleRubric('{ type: raw, indicator: rating, direction: benefit }').replace('tiers:\n  - { id: all, when: "true" }', 'tiers:\n  - { id: odd, when: "overall / (overall - 2.5) > 1" }\n  - { id: all, when: "true" }')).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p).toEqual([expect.objectContaining({ code: 'score.not-finite', line: 16, path: 'tiers[0].when (market b)', message: 'expression "overall / (overall - 2.5) > 1" gives no number: 2.5 / 0 = Infinity (division by 0)' })]);
  });
  it('a finite formula still scores: clamp(5 / (rating - 0.5), 0, 5) → 1.111…, 2, 5', () => {
    const { rubric, data } = projectWith(oneRuleRubric('{ type: expression, expr: "clamp(5 / (rating - 0.5), 0, 5)" }')).load();
    expect([...scoreRubric(rubric, data).criteria[0].scores]).toEqual([5 / 4.5, 2, 5]);
  });
  it('a literal that is not finite is refused at load', () => {
    expect(() => compileExpression('1e400 + 1', new Map(), 'number')).toThrow('the number Infinity is not finite');
    expect(() => compileExpression('1 / 0', new Map(), 'number').evaluate([], 0)).toThrow(NonFiniteError);
  });
});
