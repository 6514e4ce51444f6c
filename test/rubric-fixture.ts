import { join } from 'node:path';
import { fixture } from './helpers';
import { loadProject } from '../src/load-project';

/** A small dictionary and data set that the rule tests score against. Values chosen for hand computation. */
export const DICTIONARY = `indicators:
  - { id: rating, kind: rating, name: Rating, meaning: a 1-5 rating, scale: { min: 1, max: 5 } }
  - { id: suppliers, kind: count, name: Suppliers, meaning: credible suppliers, unit: suppliers }
  - { id: mode, kind: category, name: Mode, meaning: procurement, categories: { sovereign: state buyer, consortium: group, price-led: price } }
`;
export const DATA = `id,name,rating,suppliers,mode
a,Alpha,5,2,sovereign
b,Beta,3,4,consortium
c,Gamma,1,9,price-led
`;

/** A rubric with one condition holding one criterion with `rule` (YAML, indented for the criterion's rule key). */
export function oneRuleRubric(rule: string, extra = ''): string {
  return `id: t
title: Test
method: wsm
scale: { min: 0, max: 5 }
conditions:
  - id: only
    name: Only
    weight: 1
    criteria:
      - id: c
        name: C
        weight: 1
        rule:
${rule.replace(/^/gm, '          ')}
tiers:
  - { id: all, when: "true" }
${extra}`;
}

export function projectWith(rubric: string, data = DATA, dictionary = DICTIONARY) {
  const dir = fixture({ 'r.yaml': rubric, 'd.csv': data, 'i.yaml': dictionary });
  return { dir, load: () => loadProject({ rubric: join(dir, 'r.yaml'), data: join(dir, 'd.csv'), dictionary: join(dir, 'i.yaml') }) };
}
