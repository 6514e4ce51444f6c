import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadManifest } from '../src/project/manifest';
import { defaultFiles } from '../src/cli/paths';
import { ROOT, cli, fixture, problemsOf } from './helpers';

const MANIFEST = (extra = '') => `id: mine
title: My model
rubric: r.yaml
dictionary: d.yaml
data: m.csv
cells: c.csv
evidence: e.yaml
scenarios: scenarios
${extra}`;

describe('moatscore.yaml, the project manifest', () => {
  it('resolves every path against the manifest folder', () => {
    const dir = fixture({ 'moatscore.yaml': MANIFEST('sources: docs\n'), 'scenarios/.keep': '' });
    const m = loadManifest(join(dir, 'moatscore.yaml'));
    expect([m.id, m.rubric, m.data, m.scenarios, m.sources, m.outcomes]).toEqual(['mine', join(dir, 'r.yaml'), join(dir, 'm.csv'), join(dir, 'scenarios'), join(dir, 'docs'), undefined]);
  });

  it('table of invalid manifests: code, line and path', () => {
    const cases: [string, Record<string, string>, string, number, string][] = [
      ['a missing key', { 'moatscore.yaml': MANIFEST().replace('cells: c.csv\n', ''), 'scenarios/.keep': '' }, 'project.invalid-type', 1, 'cells'],
      ['an unknown key', { 'moatscore.yaml': MANIFEST('rubrics: x.yaml\n'), 'scenarios/.keep': '' }, 'project.unknown-key', 1, ''],
      ['a scenario folder that does not exist', { 'moatscore.yaml': MANIFEST() }, 'project.missing-folder', 8, 'scenarios'],
    ];
    for (const [what, files, code, line, path] of cases) {
      const [p] = problemsOf(() => loadManifest(join(fixture(files), 'moatscore.yaml')));
      expect({ what, code: p.code, line: p.line, path: p.path ?? '' }).toEqual({ what, code, line, path });
    }
  });

  it('the bundled NEC project is declared by the manifest at the package root', () => {
    const f = defaultFiles();
    expect([f.rubric, f.data, f.cells, f.evidence, f.sources]).toEqual([
      join(ROOT, 'rubrics/pricing-power.yaml'), join(ROOT, 'data/markets.csv'), join(ROOT, 'data/cells.csv'), join(ROOT, 'seeds/evidence.yaml'), join(ROOT, '../shared/seeds'),
    ]);
  });
});

describe('--project and the scenario folder', () => {
  it('--project nec is the default project by name', () => {
    expect(cli(['rank', '--project', 'nec', '--format', 'csv']).stdout).toBe(cli(['rank', '--format', 'csv']).stdout);
  });

  it('an unknown project is a usage error naming the bundled ones and init', () => {
    const r = cli(['rank', '--project', 'no-such-thing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bundled: nec');
    expect(r.stderr).toContain('moatscore init no-such-thing');
  });

  it('a folder without a manifest is a usage error that suggests init', () => {
    const dir = fixture({ 'x.txt': 'x' });
    const r = cli(['validate', '--project', dir]);
    expect([r.code, r.stderr.includes('has no moatscore.yaml'), r.stderr.includes('usage.not-a-project')]).toEqual([2, true, true]);
  });

  it('a user rubric without --project never tries the bundled scenarios, and says so', () => {
    const s = cli(['scenarios', '--rubric', 'rubrics/pricing-power.yaml']);
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('[usage.no-scenarios]');
    expect(s.stderr).toContain('--scenarios DIR');
    const v = cli(['validate', '--rubric', 'rubrics/pricing-power.yaml']);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe('ok: 5 files valid (4 conditions, 10 criteria, 6 markets, 88 facts)\n');
    expect(v.stderr).toContain('note: no scenarios: --rubric without --project');
    // --scenarios DIR brings them back explicitly.
    expect(cli(['scenarios', '--rubric', 'rubrics/pricing-power.yaml', '--scenarios', 'data/scenarios']).code).toBe(0);
  });

  it('projects lists the bundled projects with their market counts', () => {
    const r = cli(['projects', '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['id,title,folder,markets', `nec,"NEC pricing power — six markets, four conditions",${ROOT},6`]);
  });
});
