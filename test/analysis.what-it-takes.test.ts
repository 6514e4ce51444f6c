import { describe, expect, it } from 'vitest';
import { applyScenario, type Scenario } from '../src/analysis/scenarios';
import { candidateValues, cheapest, effectsOn, MAX_STEPS, whatItTakes, type ValueChange } from '../src/analysis/what-it-takes';
import { defaultFiles } from '../src/cli/paths';
import { resolvePlugins } from '../src/ioc';
import { loadProject, type Project } from '../src/load-project';
import type { Indicator } from '../src/model/indicator';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { projectWith } from './rubric-fixture';
import { cli } from './helpers';

const rating: Indicator = { id: 'r', kind: 'rating', name: 'R', meaning: 'm', scale: { min: 1, max: 5 } };
const count: Indicator = { id: 'n', kind: 'count', name: 'N', meaning: 'm' };
const category: Indicator = { id: 'k', kind: 'category', name: 'K', meaning: 'm', categories: { hi: 'h', mid: 'm', lo: 'l' } };

describe('the step rule: whole units on the declared scale, nearest first, the lower value first at equal distance', () => {
  it('a 1–5 rating at 3: 2 and 4 are one step, 1 and 5 two', () => {
    expect(candidateValues(rating, 3).map((c) => [c.value, c.steps])).toEqual([[2, 1], [4, 1], [1, 2], [5, 2]]);
  });
  it('a 1–5 rating at the midpoint 2.5: 2 and 3 are one step away', () => {
    expect(candidateValues(rating, 2.5).map((c) => [c.value, c.steps])).toEqual([[2, 1], [3, 1], [1, 2], [4, 2], [5, 3]]);
  });
  it(`a count with no scale runs from 0 to ${MAX_STEPS} units above the value`, () => {
    const c = candidateValues(count, 4);
    expect(c.slice(0, 5).map((x) => x.value)).toEqual([3, 5, 2, 6, 1]);
    expect(Math.min(...c.map((x) => x.value as number))).toBe(0);
    expect(Math.max(...c.map((x) => x.value as number))).toBe(4 + MAX_STEPS);
  });
  it('a category: every other category, one step each, in the dictionary order', () => {
    expect(candidateValues(category, 'mid').map((c) => [c.value, c.steps])).toEqual([['hi', 1], ['lo', 1]]);
  });
});

/**
 * Hand-built fixture. Conditions c1 (raw rating r, 1–5 mapped onto 0–5: (r − 1)·5/4) and c2 (map of k: hi 5,
 * mid 3, lo 0), weights ½ each; gate at 2.5 (tier low); tiers top (overall ≥ 4), mid (weakest ≥ 2.5), low.
 *   A: r 5, k mid → c1 5, c2 3, overall 4.00, top, rank 1
 *   B: r 3, k hi  → c1 2.5, c2 5, overall 3.75, mid (weakest 2.5 is not below the gate), rank 2
 * By hand:
 *   A, r 5 → 4: c1 3.75, overall 3.375 < 3.75 — tier mid and rank 2 at one step. r 5 → 3: c1 2.5, no cap yet;
 *     r 5 → 2: c1 1.25 < 2.5 — capped, three steps.
 *   A, k mid → hi: overall 5, nothing changes; mid → lo: c2 0, capped at 2.5, tier low, rank 2.
 *   B, r 3 → 2 (lower first): c1 1.25 — capped (score 2.5), tier low, rank unchanged; r 3 → 4: overall 4.375 > 4,
 *     rank 1 (tier top too, but 2 already changed the tier at the same distance).
 *   B, k hi → mid: overall 2.75, weakest 2.5 — nothing; hi → lo: capped, tier low, rank still 2.
 */
const DICT = `indicators:
  - { id: r, kind: rating, name: R, meaning: m, scale: { min: 1, max: 5 } }
  - { id: k, kind: category, name: K, meaning: m, categories: { hi: h, mid: m, lo: l } }
`;
const RUBRIC = `id: h
title: Hand example
method: gate
scale: { min: 0, max: 5 }
conditions:
  - { id: c1, name: C1, weight: 0.5, criteria: [{ id: x, name: X, weight: 1, rule: { type: raw, indicator: r, direction: benefit } }] }
  - { id: c2, name: C2, weight: 0.5, criteria: [{ id: y, name: Y, weight: 1, rule: { type: map, indicator: k, scores: { hi: 5, mid: 3, lo: 0 } } }] }
tiers:
  - { id: top, when: "overall >= 4" }
  - { id: mid, when: "weakest >= 2.5" }
  - { id: low, when: "true" }
gate: { threshold: 2.5, tier: low }
`;
const hand = projectWith(RUBRIC, 'id,r,k\nA,5,mid\nB,3,hi\n', DICT).load();
const nec = loadProject(defaultFiles());
const methods = resolvePlugins().methods;

const row = (c: ValueChange) => [c.market, c.indicator, c.from, c.to, c.effect, c.steps];

describe('what it takes on the hand-built fixture', () => {
  it('finds exactly the changes worked by hand', () => {
    const r = whatItTakes(hand.rubric, hand.data, methods.get('gate'), hand.dictionary);
    expect(r.changes.map(row)).toEqual([
      ['A', 'r', 5, 4, 'tier', 1], ['A', 'r', 5, 2, 'gate', 3], ['A', 'r', 5, 4, 'rank', 1],
      ['A', 'k', 'mid', 'lo', 'tier', 1], ['A', 'k', 'mid', 'lo', 'gate', 1], ['A', 'k', 'mid', 'lo', 'rank', 1],
      ['B', 'r', 3, 2, 'tier', 1], ['B', 'r', 3, 2, 'gate', 1], ['B', 'r', 3, 4, 'rank', 1],
      ['B', 'k', 'hi', 'lo', 'tier', 1], ['B', 'k', 'hi', 'lo', 'gate', 1],
    ]);
    expect(r.changes[0].detail).toBe('tier top → mid');
    expect(r.changes[2].detail).toBe('rank 1 → 2 (against B)');
    expect(r.skipped).toEqual([]);
  });

  it('the cheapest two of A: r 5 → 4 (tier and rank), then k mid → lo', () => {
    const c = cheapest(whatItTakes(hand.rubric, hand.data, methods.get('gate'), hand.dictionary, ['A']), 'A', 2);
    expect(c.map((x) => [x.indicator, x.to, x.effects])).toEqual([['r', 4, ['tier', 'rank']], ['k', 'lo', ['tier', 'gate', 'rank']]]);
  });
});

/** Applies one change as a scenario file would (applyScenario's indicator override) and ranks the result. */
function asScenario(p: Project, method: string, c: { market: string; indicator: string; to: number | string }) {
  const s: Scenario = {
    file: 'what-it-takes.yaml', lines: { weights: [], indicators: [1] },
    spec: { id: 'w', title: 'w', rationale: 'w', weights: [], indicators: [{ market: c.market, indicator: c.indicator, value: c.to, rationale: 'w', evidence: [] }] },
  };
  const { rubric, data } = applyScenario(s, p.rubric, p.data, p.dictionary);
  return rankWithRubric(rubric, data, methods.get(method));
}

/** Every value on the indicator's scale, enumerated here independently of candidateValues. */
function scaleValues(p: Project, indicator: string, from: number | string): (number | string)[] {
  const ind = p.dictionary.byId.get(indicator)!;
  if (ind.kind === 'category') return Object.keys(ind.categories!);
  const lo = ind.scale?.min ?? 0;
  const hi = ind.scale?.max ?? (from as number) + MAX_STEPS;
  return Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
}

describe.each([
  ['the hand-built fixture', hand, 'gate'],
  ['the NEC data (gate)', nec, 'gate'],
  ['the NEC data (wsm)', nec, 'wsm'],
  ['the NEC data (topsis)', nec, 'topsis'],
] as const)('the defining property on %s', (_, p, method) => {
  const r = whatItTakes(p.rubric, p.data, methods.get(method), p.dictionary);
  const base = rankWithRubric(p.rubric, p.data, methods.get(method));

  it('reports changes at all', () => {
    expect(r.changes.length).toBeGreaterThan(0);
  });

  it('applying each reported change as a scenario produces its effect', () => {
    for (const c of r.changes) expect(effectsOn(base, c.market, asScenario(p, method, c)).has(c.effect), JSON.stringify(c)).toBe(true);
  });

  it('no value fewer steps away (either direction) produces that effect, and every (market, indicator, effect) that is not reported has no value on the scale that produces it', () => {
    for (const a of base.ranking) {
      for (const ind of p.dictionary.indicators) {
        const from = p.data.numeric.get(ind.id)?.[a.row] ?? p.data.categorical.get(ind.id)?.[a.row];
        if (from === undefined) continue;
        const effects = scaleValues(p, ind.id, from).filter((v) => v !== from).map((v) => ({
          v, steps: typeof v === 'string' ? 1 : Math.ceil(Math.abs(v - (from as number))), has: effectsOn(base, a.id, asScenario(p, method, { market: a.id, indicator: ind.id, to: v })),
        }));
        for (const effect of ['tier', 'gate', 'rank'] as const) {
          const reported = r.changes.find((c) => c.market === a.id && c.indicator === ind.id && c.effect === effect);
          const producing = effects.filter((e) => e.has.has(effect));
          if (!reported) expect(producing, `${a.id} ${ind.id} ${effect}`).toEqual([]);
          else expect(Math.min(...producing.map((e) => e.steps)), `${a.id} ${ind.id} ${effect}`).toBe(reported.steps);
        }
      }
    }
  });
});

describe('moatscore sensitivity values and explain', () => {
  it('JSON is { changes: [{ market, indicator, from, to, effect, … }] }, filtered to the markets named', () => {
    const r = cli(['sensitivity', 'values', 'defense', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    const lib = whatItTakes(nec.rubric, nec.data, methods.get('gate'), nec.dictionary, ['defense']);
    expect(j.changes.map((c: ValueChange) => [c.market, c.indicator, c.from, c.to, c.effect])).toEqual(lib.changes.map((c) => [c.market, c.indicator, c.from, c.to, c.effect]));
    expect(new Set(j.changes.map((c: ValueChange) => c.market))).toEqual(new Set(['defense']));
  });

  it('an unknown market or an SMAA option is a usage error', () => {
    expect(cli(['sensitivity', 'values', 'mars']).code).toBe(2);
    const r = cli(['sensitivity', 'values', '--samples', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--samples applies to smaa, not to values');
  });

  it('explain ends with the two cheapest changes of the market', () => {
    const out = cli(['explain', 'defense']).stdout;
    const c = cheapest(whatItTakes(nec.rubric, nec.data, methods.get('gate'), nec.dictionary, ['defense']), 'defense', 2);
    expect(c).toHaveLength(2);
    const tail = out.trimEnd().split('\n').slice(-2);
    expect(tail.map((l) => l.trim().split(' ').slice(0, 4).join(' '))).toEqual(c.map((x) => `${x.indicator} ${x.from} → ${x.to}`));
    expect(JSON.parse(cli(['explain', 'defense', '--format', 'json']).stdout).cheapestChanges).toEqual(c);
  });
});
