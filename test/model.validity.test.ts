import { describe, expect, it } from 'vitest';
import { defaultFiles } from '../src/cli/paths';
import { loadProject } from '../src/load-project';
import { rankWithRubric } from '../src/scoring/score-rubric';
import { resolvePlugins } from '../src/ioc';
import { cellKey } from '../src/model/dataset';

const project = loadProject(defaultFiles());
const { methods } = resolvePlugins();

// The source gives two tiers, not a full order (DOMAIN.md, "What the source concludes"): trust-and-integration
// markets above scale-and-standardisation markets. Inside each tier it gives no order the model may assert; the
// only hard signal there (Domestic IT's margin above ANS's) is checked by `backtest`, not here.
const TRUST_AND_INTEGRATION = ['public-dx', 'biometrics', 'subsea', 'defense'];
const SCALE_AND_STANDARDISATION = ['vran', 'cloud'];

describe('the default NEC model agrees with the source conclusion (DOMAIN.md)', () => {
  it.each(methods.ids)('%s: every trust-and-integration market ranks above every scale-and-standardisation market', (id) => {
    const r = rankWithRubric(project.rubric, project.data, methods.get(id));
    const rank = Object.fromEntries(r.ranking.map((a) => [a.id, a.rank]));
    for (const strong of TRUST_AND_INTEGRATION) {
      for (const weak of SCALE_AND_STANDARDISATION) expect(rank[strong], `${strong} above ${weak}`).toBeLessThan(rank[weak]);
    }
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

  it('hand check: cloud on trust-procurement = 0.4 × map(price-led → 0) + 0.3 × table(7 suppliers → 1) + 0.3 × raw((2−1)×5/4) = 0.675', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    expect(r.ranking.find((a) => a.id === 'cloud')!.conditions['trust-procurement']).toBeCloseTo(0.675, 12);
  });

  it('hand check: biometrics on trust-procurement = 0.4 × map(accredited → 5) + 0.3 × table(5 suppliers → 2) + 0.3 × raw((5−1)×5/4) = 4.1', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    expect(r.ranking.find((a) => a.id === 'biometrics')!.conditions['trust-procurement']).toBeCloseTo(4.1, 12);
  });

  it('hand check: subsea on trust-procurement = 0.4 × map(consortium → 3) + 0.3 × table(4 suppliers → 4) + 0.3 × raw((4−1)×5/4) = 3.525', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    expect(r.ranking.find((a) => a.id === 'subsea')!.conditions['trust-procurement']).toBeCloseTo(3.525, 12);
  });

  it('sovereign significance is read once, as the political half of the outage penalty (issue #11: it was read three times)', () => {
    const readers = project.rubric.criteria.filter((c) => c.rule.indicators.includes('sovereign-significance'));
    expect(readers.map((c) => `${c.conditionId}.${c.id}`)).toEqual(['outage-penalty.state-stake']);
  });

  it('a state buyer and a buyer on verified performance score alike on procurement mode: the thesis names both', () => {
    const r = rankWithRubric(project.rubric, project.data, methods.get('wsm'));
    const mode = r.criteria.find((c) => c.id === 'trust-procurement.mode')!;
    const row = (m: string) => r.ranking.find((a) => a.id === m)!.row;
    expect(mode.scores[row('defense')]).toBe(5);
    expect(mode.scores[row('biometrics')]).toBe(5);
    expect(mode.scores[row('subsea')]).toBe(3);
  });

  it('the risk indicators are read by no criterion: they exist for caps, not for the compensatory score', () => {
    const read = new Set(project.rubric.criteria.flatMap((c) => c.rule.indicators));
    for (const risk of ['execution-risk', 'customer-concentration', 'policy-cycle-exposure']) expect(read.has(risk), risk).toBe(false);
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
