import { describe, expect, it } from 'vitest';
import { oneRuleRubric, projectWith } from './rubric-fixture';
import { problemsOf } from './helpers';

const ok = '{ type: raw, indicator: rating, direction: benefit }';
const named = (id: string) => oneRuleRubric(ok).replace('  - id: only', `  - id: ${id}`);

describe('condition ids that would shadow a tier symbol or a word of the expression language are refused at load', () => {
  it.each([
    ['weakest', "condition id 'weakest' is also the tier symbol 'weakest', which tier rules read as the market's weakest condition score"],
    ['overall', "condition id 'overall' is also the tier symbol 'overall', which tier rules read as the market's overall condition score"],
    ['strongest', "condition id 'strongest' is also the tier symbol 'strongest', which tier rules read as the market's strongest condition score"],
    ['pi', "condition id 'pi' is a reserved word of rubric expressions"],
    ['e', "condition id 'e' is a reserved word of rubric expressions"],
    ['and', "condition id 'and' is a reserved word of rubric expressions"],
  ])('%s', (id, message) => {
    const p = problemsOf(() => projectWith(named(id)).load());
    // Line 6 is the condition's `- id:` line in oneRuleRubric's layout.
    expect(p.map((x) => ({ code: x.code, path: x.path, line: x.line }))).toEqual([{ code: 'rubric.reserved-id', path: 'conditions[0].id', line: 6 }]);
    expect(p[0].message).toBe(message);
    expect(p[0].hint).toBe('rename the condition (reserved: overall, weakest, strongest, pi, e, true, false, and, or, not, xor, mod)');
  });
  it('an id that only contains a reserved word is fine, and tier rules read it', () => {
    const text = named('weakest-link').replace('tiers:\n  - { id: all, when: "true" }', 'tiers:\n  - { id: top, when: "weakest_link >= 5 and weakest >= 5" }\n  - { id: all, when: "true" }');
    const { rubric } = projectWith(text).load();
    expect(rubric.conditions[0].id).toBe('weakest-link');
    expect(rubric.tiers[0].when.symbols).toEqual(['weakest_link', 'weakest']);
  });
});
