import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { defaultFiles } from '../src/cli/paths';
import { loadProject } from '../src/load-project';
import { applyWeightOverrides, parseWeightOverrides } from '../src/analysis/weight-overrides';
import { applyScenario, loadScenario } from '../src/analysis/scenarios';
import { UsageError } from '../src/errors/problem';
import { cli, fixture, problemsOf, ROOT } from './helpers';

const project = loadProject(defaultFiles());

describe('weight overrides (rule: the value replaces the declared weight; siblings keep proportions; renormalise)', () => {
  it('switching-cost=0.4 with the others at 0.25: 0.4/1.15 and 0.25/1.15 (by hand)', () => {
    const { rubric, applied } = applyWeightOverrides(project.rubric, parseWeightOverrides(['switching-cost=0.4']));
    expect(rubric.conditions.map((c) => c.weight)).toEqual([0.25 / 1.15, 0.25 / 1.15, 0.25 / 1.15, 0.4 / 1.15]);
    expect(applied).toEqual(['switching-cost 0.25 → 0.4']);
    expect(rubric.weightsNormalised).toBe(true);
  });
  it('a criterion path changes only that condition: supplier-field 0.3 → 2 among mode 0.4 and verification 0.3', () => {
    const { rubric } = applyWeightOverrides(project.rubric, parseWeightOverrides(['trust-procurement.supplier-field=2']));
    const tp = rubric.conditions.find((c) => c.id === 'trust-procurement')!;
    [0.4 / 2.7, 2 / 2.7, 0.3 / 2.7].forEach((w, j) => expect(tp.criteria[j].weight).toBeCloseTo(w, 15));
    expect(tp.weight).toBe(0.25);
    expect(rubric.criteria.find((k) => k.id === 'supplier-field')!.globalWeight).toBeCloseTo(0.25 * 2 / 2.7, 15);
  });
  it('an unknown path is an error listing the valid ones', () => {
    try {
      applyWeightOverrides(project.rubric, parseWeightOverrides(['moat=1']));
      throw new Error('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      expect((e as UsageError).hint).toContain('valid paths: outage-penalty, outage-penalty.severity, outage-penalty.state-stake, integrated-stack');
    }
  });
  it.each([['switching-cost=-1', 'cannot be negative'], ['switching-cost=abc', 'is not a number'], ['switching-cost', 'expected path=value']])('%s is refused: %s', (arg, msg) => {
    expect(() => parseWeightOverrides([arg])).toThrow(msg);
  });
  it('rank --weight prints what was overridden and --show-changes each rank move', () => {
    const r = cli(['rank', '--weight', 'outage-penalty=0', '--weight', 'integrated-stack=0', '--weight', 'trust-procurement=0', '--show-changes', '--method', 'wsm', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]).slice(-2)).toEqual(['base_rank', 'rank_change']);
    // Switching cost alone, by the condition scores of the table: subsea 4.5 > defense = biometrics 4.125 > public-dx 3.875 …
    // against the base order defense, subsea, biometrics, public-dx, vran, cloud.
    expect(rows.map((x) => `${x.rank}:${x.id}:${x.rank_change}`)).toEqual(['1:subsea:1', '2:biometrics:1', '2:defense:-1', '4:public-dx:0', '5:vran:0', '6:cloud:0']);
    expect(cli(['rank', '--weight', 'switching-cost=0.4']).stdout).toContain('weights overridden: switching-cost 0.25 → 0.4');
  });
  it('an unknown path exits 2', () => {
    const r = cli(['rank', '--weight', 'nope=1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no weight at 'nope'");
  });
});

describe('scenarios', () => {
  it('ships at least three, each valid against the default rubric and data', () => {
    const r = cli(['scenarios', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout) as string[][];
    expect(rows[0]).toEqual(['id', 'base', 'ai-compresses-integration', 'defense-budget-expands', 'telecom-capex-recovers', 'base_gated', 'ai-compresses-integration_gated', 'defense-budget-expands_gated', 'telecom-capex-recovers_gated']);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['defense', 'subsea', 'biometrics', 'public-dx', 'vran', 'cloud']);
  });
  it('a scenario applies its indicator overrides and collapses the range to the value', () => {
    const s = loadScenario(join(ROOT, 'data/scenarios/telecom-capex-recovers.yaml'));
    const { data } = applyScenario(s, project.rubric, project.data, project.dictionary);
    const row = data.ids.indexOf('vran');
    // vran local-delivery: 2 (range 1–3) in data/markets.csv, 4 in the scenario.
    expect(data.numeric.get('local-delivery')![row]).toBe(4);
    expect(data.low.get('local-delivery')![row]).toBe(4);
    expect(data.high.get('local-delivery')![row]).toBe(4);
    expect(project.data.numeric.get('local-delivery')![row]).toBe(2);
  });
  it('rank --scenario ranks under it and says so', () => {
    const r = cli(['rank', '--scenario', 'defense-budget-expands', '--format', 'json']);
    expect(JSON.parse(r.stdout).scenario).toBe('defense-budget-expands');
  });
  it('an unknown scenario lists the valid ones', () => {
    const r = cli(['rank', '--scenario', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scenarios: ai-compresses-integration, defense-budget-expands, telecom-capex-recovers');
  });
  it('a scenario naming an unknown market or indicator, or a bad value, is an error with its line', () => {
    const dir = fixture({
      'bad.yaml': `id: bad
title: Bad
rationale: tests
weights:
  - { path: moat, weight: 1, rationale: x }
indicators:
  - { market: mars, indicator: outage-severity, value: 3, rationale: x }
  - { market: vran, indicator: colour, value: 3, rationale: x }
  - { market: vran, indicator: outage-severity, value: 9, rationale: x }
`,
    });
    const p = problemsOf(() => applyScenario(loadScenario(join(dir, 'bad.yaml')), project.rubric, project.data, project.dictionary));
    expect(p.map((x) => [x.code, x.line])).toEqual([['scenario.unknown-weight-path', 5], ['scenario.unknown-market', 7], ['scenario.unknown-indicator', 8], ['scenario.bad-value', 9]]);
    const r = cli(['scenarios', '--scenarios', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:7 indicators[0].market');
  });
  it('shipped scenarios cite facts that exist', () => {
    for (const f of ['ai-compresses-integration', 'defense-budget-expands', 'telecom-capex-recovers']) {
      const s = loadScenario(join(ROOT, 'data/scenarios', `${f}.yaml`));
      for (const o of s.spec.indicators) for (const id of o.evidence) expect(project.evidence!.byId.has(id), `${f}: ${id}`).toBe(true);
      expect(readFileSync(join(ROOT, 'data/scenarios', `${f}.yaml`), 'utf8')).toContain('rationale:');
    }
  });
});

describe('data-driven weights in rubric-free mode', () => {
  it('--weights entropy uses the entropy weights of the selected columns (by hand: a constant column gets 0)', () => {
    const dir = fixture({ 't.csv': 'id,flat,b\nx,2,1\ny,2,3\n' });
    const r = cli(['rank', '--data', join(dir, 't.csv'), '--weights', 'entropy', '--format', 'csv']);
    expect(r.code).toBe(0);
    // flat has weight 0, so wsm = b/max b: y 1, x 1/3.
    expect(r.stdout).toBe('rank,id,name,score,gated\n1,y,y,1,false\n2,x,x,0.333333333333,false\n');
    expect(cli(['rank', '--data', join(dir, 't.csv'), '--weights', 'entropy']).stdout).toContain('entropy weights from the data: flat 0, b 1');
  });
});
