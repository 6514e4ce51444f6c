import { describe, expect, it } from 'vitest';
import { oneRuleRubric, projectWith } from './rubric-fixture';
import { problemsOf } from './helpers';

const ok = '{ type: raw, indicator: rating, direction: benefit }';

/** [what, rubric text, expected problems as {code, path, line}] — line numbers follow oneRuleRubric's layout. */
const CASES: [string, string, { code: string; path?: string; line?: number }[]][] = [
  ['unknown indicator', oneRuleRubric('{ type: raw, indicator: ratin, direction: benefit }'), [{ code: 'rubric.unknown-indicator', path: 'conditions[0].criteria[0].rule.indicator', line: 14 }]],
  ['negative weight', oneRuleRubric(ok).replace('weight: 1\n    criteria', 'weight: -0.2\n    criteria'), [{ code: 'rubric.negative-weight', path: 'conditions[0].weight', line: 8 }]],
  ['all-zero criterion weights', oneRuleRubric(ok).replace('        weight: 1', '        weight: 0'), [{ code: 'rubric.zero-weights', path: 'conditions[0].criteria', line: 10 }]],
  ['NaN weight', oneRuleRubric(ok).replace('        weight: 1', '        weight: .nan'), [{ code: 'rubric.invalid-type', path: 'conditions[0].criteria[0].weight', line: 12 }]],
  ['forbidden expression', oneRuleRubric('{ type: expression, expr: "import(1)" }'), [{ code: 'expression.forbidden', path: 'conditions[0].criteria[0].rule.expr', line: 14 }]],
  ['expression syntax error', oneRuleRubric('{ type: expression, expr: "rating +" }'), [{ code: 'expression.syntax', path: 'conditions[0].criteria[0].rule.expr', line: 14 }]],
  ['row condition that is not boolean', oneRuleRubric('{ type: table, hit: first, rows: [{ when: "rating + 1", score: 1 }] }'), [{ code: 'expression.type', path: 'conditions[0].criteria[0].rule.rows[0].when', line: 14 }]],
  ['map missing a category', oneRuleRubric('{ type: map, indicator: mode, scores: { sovereign: 5, consortium: 3 } }'), [{ code: 'rule.gap', path: 'conditions[0].criteria[0].rule.scores', line: 14 }]],
  ['map on a numeric indicator', oneRuleRubric('{ type: map, indicator: rating, scores: { a: 1 } }'), [{ code: 'rubric.rule-kind', path: 'conditions[0].criteria[0].rule.type', line: 14 }]],
  ['raw on an unscaled count without range', oneRuleRubric('{ type: raw, indicator: suppliers, direction: cost }'), [{ code: 'rubric.missing-range', path: 'conditions[0].criteria[0].rule', line: 14 }]],
  ['bands out of order', oneRuleRubric('{ type: bands, indicator: rating, bands: [{ below: 3, score: 1 }, { below: 2, score: 2 }, { score: 3 }] }'), [{ code: 'rubric.band-order', path: 'conditions[0].criteria[0].rule.bands[1].below', line: 14 }]],
  ['bands that leave the top open', oneRuleRubric('{ type: bands, indicator: rating, bands: [{ below: 3, score: 1 }] }'), [{ code: 'rubric.band-gap', path: 'conditions[0].criteria[0].rule.bands[0].below', line: 14 }]],
  ['score off the scale', oneRuleRubric('{ type: map, indicator: mode, scores: { sovereign: 7, consortium: 3, price-led: 0 } }'), [{ code: 'rubric.out-of-scale', path: 'conditions[0].criteria[0].rule.scores.sovereign', line: 14 }]],
  ['collect without aggregate', oneRuleRubric('{ type: table, hit: collect, rows: [{ when: "true", score: 1 }] }'), [{ code: 'rubric.missing-aggregate', path: 'conditions[0].criteria[0].rule.hit', line: 14 }]],
  ['unknown rule type', oneRuleRubric('{ type: lookup, indicator: rating }'), [{ code: 'rubric.invalid-shape', path: 'conditions[0].criteria[0].rule.type', line: 14 }]],
  ['unknown key', oneRuleRubric(ok).replace('scale:', 'colour: red\nscale:'), [{ code: 'rubric.unknown-key', line: 1 }]],
  ['gate names an unknown tier', oneRuleRubric(ok, 'gate: { threshold: 2, tier: nowhere }'), [{ code: 'rubric.unknown-tier', path: 'gate.tier', line: 17 }]],
  ['duplicate tier id', oneRuleRubric(ok).replace('  - { id: all, when: "true" }', '  - { id: all, when: "true" }\n  - { id: all, when: "true" }'), [{ code: 'rubric.duplicate-id', path: 'tiers[1].id', line: 17 }]],
  ['YAML syntax error', 'id: t\ntitle: [unclosed\n', [{ code: 'yaml.syntax', line: 3 }]],
  ['duplicate YAML key', oneRuleRubric(ok).replace('title: Test', 'title: Test\ntitle: Again'), [{ code: 'yaml.duplicate-key', line: 3 }]],
];

describe('invalid rubrics: every problem has a code, a path and a line', () => {
  it.each(CASES)('%s', (_what, text, want) => {
    const got = problemsOf(() => projectWith(text).load()).map((p) => ({ code: p.code, path: p.path, line: p.line, file: p.file?.endsWith('r.yaml') }));
    expect(got).toEqual(want.map((w) => ({ code: w.code, path: w.path, line: w.line, file: true })));
  });

  it('reports every problem of a rubric at once', () => {
    const text = oneRuleRubric('{ type: raw, indicator: nope, direction: benefit }').replace('weight: 1\n    criteria', 'weight: -1\n    criteria');
    expect(problemsOf(() => projectWith(text).load()).map((p) => p.code).sort()).toEqual(['rubric.negative-weight']);
    // Structural problems stop before binding; binding problems are all reported together:
    const two = oneRuleRubric('{ type: expression, expr: "nope + 1" }').replace('tiers:\n  - { id: all, when: "true" }', 'tiers:\n  - { id: all, when: "overall >" }');
    expect(problemsOf(() => projectWith(two).load()).map((p) => p.code)).toEqual(['expression.unknown-symbol', 'expression.syntax']);
  });

  it('weights that do not sum to 1 are normalised and the rubric says so', () => {
    const text = oneRuleRubric(ok).replace('        weight: 1', '        weight: 3');
    const { rubric } = projectWith(text).load();
    expect(rubric.criteria[0].weight).toBe(1);
    expect(rubric.weightsNormalised).toBe(true);
    expect(rubric.notes).toEqual(['criterion weights of only summed to 3; normalised to 1']);
  });
});
