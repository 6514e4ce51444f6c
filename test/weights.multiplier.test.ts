import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { applyWeightOverrides, parseWeightOverrides } from '../src/analysis/weight-overrides';
import { UsageError } from '../src/errors/problem';
import { loadProject } from '../src/load-project';
import { cli, ROOT } from './helpers';

// The NEC rubric declares four conditions at 0.25 each (rubrics/pricing-power.yaml).
const project = () => loadProject({ rubric: join(ROOT, 'rubrics/pricing-power.yaml'), data: join(ROOT, 'data/markets.csv'), dictionary: join(ROOT, 'data/indicators.yaml') });

describe('--weight PATH=xF multiplies the declared weight', () => {
  it('x2 on switching-cost with declared 0.25 each: 0.5 / 1.25 = 0.4 exactly, the others 0.25 / 1.25 = 0.2', () => {
    const r = applyWeightOverrides(project().rubric, parseWeightOverrides(['switching-cost=x2'])).rubric;
    expect(Object.fromEntries(r.conditions.map((c) => [c.id, c.weight]))).toEqual({ 'outage-penalty': 0.2, 'integrated-stack': 0.2, 'trust-procurement': 0.2, 'switching-cost': 0.4 });
  });
  it('x0.5 halves: 0.125 / 0.875 against 0.25 / 0.875 for each sibling', () => {
    const r = applyWeightOverrides(project().rubric, parseWeightOverrides(['switching-cost=x0.5'])).rubric;
    expect(r.conditions.find((c) => c.id === 'switching-cost')!.weight).toBe(0.125 / 0.875);
    expect(r.conditions.find((c) => c.id === 'outage-penalty')!.weight).toBe(0.25 / 0.875);
  });
  it('x0 switches the condition off; the absolute form is kept (=0.4 sets the declared weight to 0.4)', () => {
    expect(applyWeightOverrides(project().rubric, parseWeightOverrides(['switching-cost=x0'])).rubric.conditions.find((c) => c.id === 'switching-cost')!.weight).toBe(0);
    expect(parseWeightOverrides(['switching-cost=0.4', 'a.b=X3'])).toEqual([{ path: 'switching-cost', op: 'set', value: 0.4 }, { path: 'a.b', op: 'times', value: 3 }]);
  });
  it.each([['x-1', 'cannot be negative'], ['xInfinity', 'not a number'], ['x', 'not a number'], ['xtwo', 'not a number'], ['x1e999', 'too large to represent']])('x with factor %s is a usage error (%s)', (f, why) => {
    expect(() => parseWeightOverrides([`switching-cost=${f}`])).toThrow(UsageError);
    expect(() => parseWeightOverrides([`switching-cost=${f}`])).toThrow(new RegExp(why));
  });
  it('a product beyond the largest double is a usage error, not Infinity', () => {
    expect(() => applyWeightOverrides(project().rubric, parseWeightOverrides(['switching-cost=1e308', 'switching-cost=x10']))).toThrow(/beyond the largest double/);
  });
});

describe('the table footer prints the condition weights in force', () => {
  it('rank --weight switching-cost=x2 shows switching-cost 40.00% and the rubric\'s 25.00% beside each changed weight', () => {
    const r = cli(['rank', '--weight', 'switching-cost=x2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Condition weights in force: outage-penalty 20.00% (rubric 25.00%), integrated-stack 20.00% (rubric 25.00%), trust-procurement 20.00% (rubric 25.00%), switching-cost 40.00% (rubric 25.00%).');
  });
  it('with no change, md too: 25.00% each, as the rubric declares', () => {
    expect(cli(['rank', '--format', 'md']).stdout).toContain('Condition weights in force: outage-penalty 25.00%, integrated-stack 25.00%, trust-procurement 25.00%, switching-cost 25.00% (as the rubric declares).');
  });
});
