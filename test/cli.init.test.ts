import { describe, expect, it } from 'vitest';
import { appendFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cli, tempDir } from './helpers';

describe('moatscore init DIR: a small working project', () => {
  it('init x && rank --project x works in a fresh folder (scores worked by hand)', () => {
    const cwd = tempDir();
    const made = cli(['init', 'x'], { cwd });
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('moatscore rank --project x');
    const r = cli(['rank', '--project', 'x', '--format', 'csv'], { cwd });
    expect([r.code, r.stderr]).toEqual([0, '']);
    // By hand from the template: a rating r on 1–5 maps to (r − 1)/4 × 5; rivals bands: < 4 → 5, < 7 → 2.5, else 0.
    // defensibility = 0.6 switching + 0.4 rivals; overall = (buyer-pain + defensibility)/2.
    //   utilities: pain 5; switching 5 → 5, rivals 4 → 2.5: 3 + 1 = 4;          overall 4.5
    //   hospitals: pain 5; switching 3 → 2.5, rivals 3 → 5: 1.5 + 2 = 3.5;      overall 4.25
    //   retail:    pain 3 → 2.5; switching 2 → 1.25, rivals 8 → 0: 0.75;         overall 1.625
    // Rank ranges: hospitals' switching cost is 3 up to 4 (cells.csv); above 3.667 its defensibility 0.75(s − 1) + 2
    // passes utilities' 4 with equal pain, so hospitals leads in about a third of the samples: both range 1–2
    // (medium); retail is 3rd in every sample (low). Tiers hold in every sample.
    expect(r.stdout).toBe([
      'rank,id,name,score,rank_best,rank_worst,uncertainty,buyer-pain,defensibility,tier,binding,caps,tier_confidence,gated',
      '1,utilities,Utility grid control,4.5,1,2,medium,5,4,strong,defensibility,,1,false',
      '2,hospitals,Hospital records systems,4.25,1,2,medium,5,3.5,strong,defensibility,,1,false',
      '3,retail,Retail point of sale,1.625,3,3,low,2.5,0.75,weak,defensibility,,1,false',
      '',
    ].join('\n'));
    // The folder's name is the project's and the rubric's id.
    expect(cli(['rank', '--project', 'x'], { cwd }).stdout).toContain('Rubric: x (x/rubric.yaml); data: x/markets.csv');
    expect(readFileSync(join(cwd, 'x', 'moatscore.yaml'), 'utf8')).toMatch(/^id: x$/m);
    const v = cli(['validate', '--project', 'x'], { cwd });
    expect([v.code, v.stdout, v.stderr]).toEqual([0, 'ok: 6 files valid (2 conditions, 3 criteria, 3 markets, 9 facts, 1 scenarios)\n', '']);
  });

  it('its scenario flips the top two (rivals weighted 0.7 against switching 0.6, utilities at 6 rivals)', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    // defensibility = (0.6 switching + 0.7 rivals)/1.3: hospitals (1.5 + 3.5)/1.3 = 3.846 → 4.423;
    // utilities (3 + 1.75)/1.3 = 3.654 → 4.327.
    const s = cli(['scenarios', '--project', 'x', '--format', 'csv'], { cwd });
    expect(s.stdout).toBe('id,base,rivals-matter-more,base_gated,rivals-matter-more_gated\nutilities,1,2,false,false\nhospitals,2,1,false,false\nretail,3,3,false,false\n');
  });

  it('every YAML file names its schema, written offline into .schemas/', () => {
    const dir = join(tempDir(), 'p');
    cli(['init', dir]);
    for (const f of ['moatscore.yaml', 'rubric.yaml', 'indicators.yaml', 'evidence.yaml', 'scenarios/rivals-matter-more.yaml']) {
      const first = readFileSync(join(dir, f), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=((?:\.\.\/)?\.schemas\/[a-z]+\.schema\.json)$/.exec(first);
      expect(m, f).not.toBeNull();
      // The editor resolves the reference against the file's own folder.
      expect(existsSync(join(dir, dirname(f), m![1])), f).toBe(true);
    }
    expect(readdirSync(join(dir, '.schemas')).sort()).toEqual(['dictionary.schema.json', 'evidence.schema.json', 'project.schema.json', 'rubric.schema.json', 'scenario.schema.json']);
  });

  it('never overwrites: an existing file is a usage error listing it, and nothing is written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'markets.csv'), 'id,name\nmine,Mine\n');
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(join(dir, 'scenarios', 'rivals-matter-more.yaml'), 'x: 1\n');
    const r = cli(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 files already exist');
    expect(r.stderr).toContain('markets.csv, scenarios/rivals-matter-more.yaml; nothing was written');
    expect(readdirSync(dir).sort()).toEqual(['markets.csv', 'scenarios']);
    expect(readFileSync(join(dir, 'markets.csv'), 'utf8')).toBe('id,name\nmine,Mine\n');
  });
});

describe('--output and a project', () => {
  it('an --output naming one of the project\'s files is refused, and the file is untouched', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    const before = readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8');
    const r = cli(['rank', '--project', 'x', '--output', 'x/cells.csv'], { cwd });
    expect([r.code, r.stderr.includes('[output.is-input]')]).toEqual([2, true]);
    expect(readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8')).toBe(before);
  });
});

describe('validate --stub-cells', () => {
  it('appends one stub row per missing cell in one write; stubs fail as cells.stub until filled', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    appendFileSync(join(cwd, 'x', 'markets.csv'), 'banks,Bank core systems,4,5,5\n');
    const before = cli(['validate', '--project', 'x'], { cwd });
    expect(before.code).toBe(1);
    expect(before.stderr.match(/\[cells\.missing\]/g)).toHaveLength(3);
    const s = cli(['validate', '--project', 'x', '--stub-cells'], { cwd });
    expect(s.code).toBe(0);
    expect(s.stdout.split('\n')[0]).toBe('appended 3 stub rows to x/cells.csv (lines 11–13): banks/outage-cost, banks/switching-cost, banks/rivals');
    const cells = readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8').split('\n');
    expect(cells.slice(10, 13)).toEqual(['outage-cost', 'switching-cost', 'rivals'].map((i) => `banks,${i},,,,TODO: cite fact ids in evidence and say why the value follows from them`));
    const after = cli(['validate', '--project', 'x'], { cwd });
    expect(after.code).toBe(1);
    expect(after.stderr.split('\n').filter((l) => l.startsWith('error:')).map((l) => l.replace(/: banks.*\[/, ' [')))
      .toEqual(['error: x/cells.csv:11 row banks/outage-cost [cells.stub]', 'error: x/cells.csv:12 row banks/switching-cost [cells.stub]', 'error: x/cells.csv:13 row banks/rivals [cells.stub]']);
    // Filled in: evidence cited and the TODO replaced. The project validates again.
    const filled = readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8').replace(/,,,,TODO: cite fact ids in evidence and say why the value follows from them/g, ',,,retail-vendors,Filled in by the analyst.');
    writeFileSync(join(cwd, 'x', 'cells.csv'), filled);
    expect(cli(['validate', '--project', 'x'], { cwd }).code).toBe(0);
  });

  it('a stub whose evidence is filled but whose rationale still says TODO still fails', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    appendFileSync(join(cwd, 'x', 'cells.csv'), 'retail,rivals,,,retail-vendors,TODO: say why\n');
    const r = cli(['validate', '--project', 'x'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('x/cells.csv:11 row retail/rivals: retail/rivals is a stub row');
  });

  it('with any other problem it appends nothing', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    appendFileSync(join(cwd, 'x', 'markets.csv'), 'banks,Bank core systems,4,5,five\n');
    const before = readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8');
    const r = cli(['validate', '--project', 'x', '--stub-cells'], { cwd });
    expect(r.code).toBe(1);
    expect(readFileSync(join(cwd, 'x', 'cells.csv'), 'utf8')).toBe(before);
  });
});

describe('the heading check through the CLI', () => {
  it('a source that cannot be found is a warning on standard error; the exit code stays 0', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    rmSync(join(cwd, 'x', 'sources', 'notes.txt'));
    const r = cli(['validate', '--project', 'x'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: x\/evidence\.yaml:7 sources\[0\]\.file: source 'notes\.txt' was not found/);
    // The skipped check is validate's to report; rank (as in an installed package, whose sources are absent) is quiet.
    const ranked = cli(['rank', '--project', 'x'], { cwd });
    expect(ranked.code).toBe(0);
    expect(ranked.stderr).toBe('');
  });

  it('a cited section that is not a heading of the source fails with its line', () => {
    const cwd = tempDir();
    cli(['init', 'x'], { cwd });
    const src = join(cwd, 'x', 'sources', 'notes.txt');
    writeFileSync(src, readFileSync(src, 'utf8').replace('\nRetail\n', '\nRetail point of sale\n'));
    const r = cli(['validate', '--project', 'x'], { cwd });
    expect(r.code).toBe(1);
    // The declared section (line 11) and the three facts citing it (lines 34, 39, 45 of the template ledger).
    expect(r.stderr.split('\n').filter((l) => l.includes('not-a-heading')).map((l) => l.split(': ').slice(0, 2).join(': ')))
      .toEqual(['error: x/evidence.yaml:11 sources[0].sections[1]', 'error: x/evidence.yaml:34 facts[3].source.section', 'error: x/evidence.yaml:39 facts[4].source.section', 'error: x/evidence.yaml:45 facts[5].source.section']);
  });
});
