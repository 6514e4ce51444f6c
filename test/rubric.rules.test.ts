import { describe, expect, it } from 'vitest';
import { oneRuleRubric, projectWith } from './rubric-fixture';
import { problemsOf } from './helpers';
import { scoreRubric, dataFrame } from '../src/scoring/score-rubric';

function scores(rule: string): { s: number[]; fired: number[]; describe: string[] } {
  const { rubric, data } = projectWith(oneRuleRubric(rule)).load();
  const r = scoreRubric(rubric, data);
  const frame = dataFrame(rubric, data);
  return {
    s: [...r.criteria[0].scores],
    fired: [...r.criteria[0].fired],
    describe: [0, 1, 2].map((i) => rubric.criteria[0].rule.describe(frame, i, r.criteria[0].fired[i])),
  };
}

describe('rule forms (data: rating 5/3/1, suppliers 2/4/9, mode sovereign/consortium/price-led)', () => {
  it('raw benefit maps the indicator scale 1–5 onto 0–5: (x − 1) × 5/4 → 5, 2.5, 0', () => {
    expect(scores('{ type: raw, indicator: rating, direction: benefit }').s).toEqual([5, 2.5, 0]);
  });
  it('raw cost reverses it: (5 − x) × 5/4 → 0, 2.5, 5', () => {
    expect(scores('{ type: raw, indicator: rating, direction: cost }').s).toEqual([0, 2.5, 5]);
  });
  it('raw on an unscaled count uses the rule range [0, 10]: cost → 4, 3, 0.5', () => {
    expect(scores('{ type: raw, indicator: suppliers, direction: cost, range: [0, 10] }').s).toEqual([4, 3, 0.5]);
  });
  it('map scores each category', () => {
    const r = scores('{ type: map, indicator: mode, scores: { sovereign: 5, consortium: 4, price-led: 1 } }');
    expect(r.s).toEqual([5, 4, 1]);
    expect(r.describe[1]).toBe('mode = consortium → 4');
  });
  it('bands are half-open [previous, below): 2 → band 1, 4 → band 2, 9 → band 3', () => {
    const r = scores('{ type: bands, indicator: suppliers, bands: [{ below: 3, score: 5 }, { below: 5, score: 3 }, { score: 1 }] }');
    expect(r.s).toEqual([5, 3, 1]);
    expect(r.fired).toEqual([0, 1, 2]);
    expect(r.describe[1]).toBe('band 2: 3 <= suppliers = 4 < 5 → 3');
  });
  it('a band score may be an expression over indicators', () => {
    expect(scores('{ type: bands, indicator: suppliers, bands: [{ below: 5, score: "rating" }, { score: 0 }] }').s).toEqual([5, 3, 0]);
  });
  it('table hit first takes the first matching row', () => {
    const r = scores(`type: table
hit: first
rows:
  - { when: "suppliers <= 2", score: 5 }
  - { when: "suppliers <= 4", score: 4 }
  - { when: "true", score: 1 }`);
    expect(r.s).toEqual([5, 4, 1]);
    expect(r.describe[0]).toBe('row 1: suppliers <= 2 [suppliers = 2] → 5');
  });
  it('table hit unique scores when exactly one row matches', () => {
    expect(scores(`type: table
hit: unique
rows:
  - { when: "suppliers < 3", score: 5 }
  - { when: "suppliers >= 3 and suppliers < 5", score: 3 }
  - { when: "suppliers >= 5", score: 0 }`).s).toEqual([5, 3, 0]);
  });
  it.each([
    ['sum', [4.5, 1.5, 0]],
    ['min', [1.5, 1.5, 0]],
    ['max', [3, 1.5, 0]],
  ])('table hit collect with aggregate %s', (agg, want) => {
    expect(scores(`type: table
hit: collect
aggregate: ${agg}
rows:
  - { when: "rating >= 4", score: 3 }
  - { when: "mode != \\"price-led\\"", score: 1.5 }
  - { when: "mode == \\"price-led\\"", score: 0 }`).s).toEqual(want);
  });
  it('expression computes the score directly: 5 × sqrt((rating − 1)/4) → 5, 3.5355, 0', () => {
    const r = scores('{ type: expression, expr: "5 * sqrt((rating - 1) / 4)" }');
    expect(r.s[0]).toBe(5);
    expect(r.s[1]).toBeCloseTo(5 * Math.SQRT1_2, 12);
    expect(r.s[2]).toBe(0);
    expect(r.describe[1]).toMatch(/^5 \* sqrt\(\(rating - 1\) \/ 4\) \[rating = 3\] → 3\.53553$/);
  });
});

describe('rules that cannot score a value: errors name the rubric line and the market', () => {
  it('unique with two matching rows is an overlap', () => {
    const { rubric, data } = projectWith(oneRuleRubric(`type: table
hit: unique
rows:
  - { when: "suppliers <= 4", score: 5 }
  - { when: "suppliers >= 4", score: 1 }`)).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p).toHaveLength(1);
    // Line 14 is the first line of the criterion's rule mapping (oneRuleRubric's layout: `rule:` is line 13).
    expect(p[0]).toMatchObject({ code: 'rule.overlap', line: 14, path: 'conditions[0].criteria[0].rule (market b)' });
    expect(p[0].message).toBe('rows 1 and 2 all match suppliers = 4 under hit: unique');
  });
  it('a table with a gap names the value that no row matches', () => {
    const { rubric, data } = projectWith(oneRuleRubric(`type: table
hit: first
rows:
  - { when: "suppliers <= 4", score: 5 }`)).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p).toEqual([expect.objectContaining({ code: 'rule.gap', path: 'conditions[0].criteria[0].rule (market c)', message: 'no row matches suppliers = 9' })]);
  });
  it('an expression score off the scale is an error that suggests clamp', () => {
    const { rubric, data } = projectWith(oneRuleRubric('{ type: expression, expr: "rating * 2" }')).load();
    const p = problemsOf(() => scoreRubric(rubric, data));
    expect(p.map((x) => x.code)).toEqual(['score.out-of-scale', 'score.out-of-scale']);
    expect(p[0].message).toBe('gives 10, outside the scale 0–5');
    expect(p[0].hint).toContain('clamp(');
  });
  it('a raw value outside the rule range is an error', () => {
    const { rubric, data } = projectWith(oneRuleRubric('{ type: raw, indicator: suppliers, direction: cost, range: [0, 5] }')).load();
    expect(problemsOf(() => scoreRubric(rubric, data))).toEqual([expect.objectContaining({ code: 'score.out-of-range', message: "suppliers = 9 is outside the rule's range [0, 5]" })]);
  });
});

describe('a rule lists every indicator it reads, score formulas included (SMAA re-scores a criterion by this list)', () => {
  const readsOf = (rule: string) => projectWith(oneRuleRubric(rule)).load().rubric.criteria[0].rule.indicators;
  it('bands: the banded indicator and the indicators of a band score formula', () => {
    expect(readsOf('{ type: bands, indicator: suppliers, bands: [{ below: 5, score: "rating" }, { score: 0 }] }')).toEqual(['suppliers', 'rating']);
  });
  it('table: the row conditions and the row score formulas', () => {
    expect(readsOf(`type: table
hit: first
rows:
  - { when: "suppliers < 5", score: "rating" }
  - { when: "true", score: 0 }`)).toEqual(['suppliers', 'rating']);
  });
});
