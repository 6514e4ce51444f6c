import { describe, expect, it } from 'vitest';
import { defaultFiles } from '../src/cli/paths';
import { loadProject } from '../src/load-project';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { resolvePlugins } from '../src/ioc';
import { cellKey } from '../src/model/dataset';

const project = loadProject(defaultFiles());
const { methods } = resolvePlugins();

describe('the default NEC model agrees with the source conclusion (DOMAIN.md)', () => {
  it.each(methods.ids)('%s: public-dx, defense, subsea and biometrics rank above vran and cloud, which are the two lowest', (id) => {
    const r = rankWithRubric(project.rubric, project.data, methods.get(id));
    const rank = Object.fromEntries(r.ranking.map((a) => [a.id, a.rank]));
    for (const strong of ['public-dx', 'defense', 'subsea', 'biometrics']) {
      for (const weak of ['vran', 'cloud']) expect(rank[strong]).toBeLessThan(rank[weak]);
    }
    expect(r.ranking.slice(-2).map((a) => a.id).sort()).toEqual(['cloud', 'vran']);
  });

  it('the gate flags vran and cloud, whose weakest condition is below the scale midpoint', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('gate'));
    expect(r.ranking.filter((a) => a.gated).map((a) => a.id).sort()).toEqual(['cloud', 'vran']);
    expect(r.ranking.filter((a) => a.gated).every((a) => a.tier === 'exposed')).toBe(true);
  });

  it('condition weights are equal, as the thesis ranks no condition above another', () => {
    expect(project.rubric.conditions.map((c) => c.weight)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(project.rubric.conditions.map((c) => c.id)).toEqual(['outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost']);
  });

  it('each condition has 2–4 criteria', () => {
    for (const c of project.rubric.conditions) expect(c.criteria.length).toBeGreaterThanOrEqual(2);
    for (const c of project.rubric.conditions) expect(c.criteria.length).toBeLessThanOrEqual(4);
  });

  it('hand check: subsea on outage-penalty = 0.6 × band(5) + 0.4 × raw(5) = 0.6 × 5 + 0.4 × 5 = 5', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    expect(r.ranking.find((a) => a.id === 'subsea')!.conditions['outage-penalty']).toBe(5);
  });

  it('hand check: cloud on trust-procurement = 0.4 × map(price-led → 0) + 0.3 × table(6 suppliers → 2) + 0.3 × raw((2−1)×5/4) = 0.975', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    expect(r.ranking.find((a) => a.id === 'cloud')!.conditions['trust-procurement']).toBeCloseTo(0.975, 12);
  });
});

describe('the evidence ledger and the data cells', () => {
  const ev = project.evidence!;
  it.each(project.data.ids)('%s has at least 8 facts, including at least one caveat or figure', (m) => {
    const facts = ev.facts.filter((f) => f.markets.includes(m));
    expect(facts.length).toBeGreaterThanOrEqual(8);
    expect(facts.some((f) => f.kind === 'caveat' || f.figure)).toBe(true);
  });
  it('every data cell names facts that concern its market', () => {
    for (const cell of project.data.cells.values()) {
      const concerns = cell.evidence.filter((id) => ev.byId.get(id)!.markets.includes(cell.market));
      expect(concerns.length, `${cell.market}/${cell.indicator}`).toBeGreaterThan(0);
    }
  });
  it('every cell of the data has an evidence row', () => {
    const n = project.data.ids.length * (project.data.numeric.size + project.data.categorical.size);
    expect(project.data.cells.size).toBe(n);
    expect(project.data.cells.get(cellKey('biometrics', 'installed-base-depth'))).toMatchObject({ low: 3, high: 5 });
  });
  it('the source caveats are in the ledger: biometrics renewal economics and the classified defense backlog', () => {
    expect(ev.byId.get('bio-renewal-economics-unknown')!.kind).toBe('caveat');
    expect(ev.byId.get('def-backlog-unknown')!.kind).toBe('caveat');
  });
});
