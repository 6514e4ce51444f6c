import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { BIN, cli, fixture, tempDir, ROOT } from './helpers';

describe('moatscore rank (spawned CLI)', () => {
  it('with no arguments prints the NEC positioning table, method and weights', () => {
    const r = cli([]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[2].split(/\s{2,}/).map((s) => s.trim())).toEqual(['rank', 'id', 'name', 'score', 'range', 'uncertainty', 'outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost', 'tier', 'binding']);
    expect(r.stdout).toContain('Method: gate');
    expect(r.stdout).toContain('Weights: as declared');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('--format json follows the documented schema', () => {
    const r = cli(['rank', '--format', 'json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.method).toBe('gate');
    expect(doc.rubric).toBe('pricing-power');
    expect(doc.ranking).toHaveLength(6);
    expect(Object.keys(doc.ranking[0])).toEqual(['rank', 'id', 'name', 'score', 'conditions', 'tier', 'binding', 'caps', 'rankRange', 'uncertainty', 'tierConfidence']);
    expect(doc.uncertainty).toEqual({ samples: 10000, seed: 20261121, level: 'condition', valuesSampled: true, centralMass: 0.9, tierConfidenceLevel: 0.9 });
    expect(Object.keys(doc.ranking[0].conditions)).toEqual(['outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost']);
  });

  it('--format csv has the documented header and parses back', () => {
    const r = cli(['rank', '--format', 'csv', '--method', 'topsis']);
    const rows = parse(r.stdout) as string[][];
    expect(rows[0]).toEqual(['rank', 'id', 'name', 'score', 'rank_best', 'rank_worst', 'uncertainty', 'outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost', 'tier', 'binding', 'caps', 'tier_confidence', 'gated']);
    expect(rows).toHaveLength(7);
  });

  it('rank ranges are the central 90% of the ranks `sensitivity smaa` reports with the same defaults, under every method', () => {
    for (const method of ['gate', 'wsm', 'wpm', 'topsis']) {
      const ranked = JSON.parse(cli(['rank', '--format', 'json', '--method', method]).stdout) as { ranking: { id: string; rankRange: number[] }[] };
      const s = JSON.parse(cli(['sensitivity', 'smaa', '--format', 'json', '--method', method]).stdout) as { smaa: { alternatives: { id: string; acceptability: number[] }[] } };
      for (const a of s.smaa.alternatives) {
        // By hand from the acceptabilities: first rank whose cumulative share passes 5%, first that reaches 95%.
        let cum = 0;
        let lo = 0;
        let hi = 0;
        a.acceptability.forEach((b, r) => {
          cum += b;
          if (!lo && cum > 0.05 + 1e-9) lo = r + 1;
          if (!hi && cum >= 0.95 - 1e-9) hi = r + 1;
        });
        expect(ranked.ranking.find((x) => x.id === a.id)!.rankRange, `${method} ${a.id}`).toEqual([lo, hi]);
      }
    }
  });

  it('--format md prints a Markdown table that names the method', () => {
    const r = cli(['rank', '--format', 'md', '--method', 'wpm']);
    expect(r.stdout).toContain('| rank | id | name | score |');
    expect(r.stdout).toContain('Method: wpm');
  });

  it('is byte-identical across runs', () => {
    expect(cli(['--format', 'csv']).stdout).toBe(cli(['--format', 'csv']).stdout);
  });

  it('--output writes the file atomically and leaves no temporary file', () => {
    const dir = tempDir();
    const out = join(dir, 'rank.csv');
    const r = cli(['rank', '--format', 'csv', '--output', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(cli(['rank', '--format', 'csv']).stdout);
    expect(readdirSync(dir)).toEqual(['rank.csv']);
  });

  it('a failing run leaves an existing output file untouched', () => {
    const dir = fixture({ 'old.csv': 'previous\n', 'bad.csv': 'id,a\nx,oops\n' });
    const r = cli(['rank', '--data', join(dir, 'bad.csv'), '--output', join(dir, 'old.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'old.csv'), 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.csv', 'old.csv']);
  });

  it('an output path in a missing folder is a usage error and nothing is written', () => {
    const r = cli(['rank', '--output', '/nonexistent-dir/x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/folder \/nonexistent-dir does not exist/);
  });
});

describe('rubric-free mode: any CSV', () => {
  // Triantaphyllou (2000) §2.1 data; equal weights unless given. By hand, wsm with x/max ratios and weights
  // 0.2/0.15/0.4/0.25: A1 = 0.2·25/30 + 0.15·20/30 + 0.4·15/30 + 0.25·30/30 = 0.166667 + 0.1 + 0.2 + 0.25 = 0.716667.
  const csv = 'id,name,c1,c2,c3,c4\nA1,Alt 1,25,20,15,30\nA2,Alt 2,10,30,20,30\nA3,Alt 3,30,10,30,10\n';
  it('wsm with --weights ranks by Σ w·x/max', () => {
    const dir = fixture({ 't.csv': csv });
    const r = cli(['rank', '--data', join(dir, 't.csv'), '--method', 'wsm', '--weights', 'c1=0.2,c2=0.15,c3=0.4,c4=0.25', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['rank', 'id', 'name', 'score', 'gated']);
    const a1 = rows.find((x) => x.id === 'A1')!;
    expect(Number(a1.score)).toBeCloseTo(0.716667, 6);
  });
  it('--cost reverses a criterion: min/x', () => {
    const dir = fixture({ 't.csv': 'id,price\ncheap,10\ndear,20\n' });
    const r = cli(['--data', join(dir, 't.csv'), '--cost', 'price', '--format', 'csv']);
    expect(r.stdout).toBe('rank,id,name,score,gated\n1,cheap,cheap,1,false\n2,dear,dear,0.5,false\n');
  });
  it('weights that do not sum to 1 are normalised and the table says so', () => {
    const dir = fixture({ 't.csv': csv });
    const r = cli(['--data', join(dir, 't.csv'), '--weights', 'c1=2,c2=1,c3=1,c4=0']);
    expect(r.stdout).toContain('Weights normalised: criterion weights summed to 4; normalised to 1.');
  });
  it('gate needs a rubric', () => {
    const dir = fixture({ 't.csv': csv });
    const r = cli(['--data', join(dir, 't.csv'), '--method', 'gate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[method.needs-rubric]');
  });
});

describe('bad usage and bad input: clear errors, exit codes, no stack traces', () => {
  it.each([
    [['rank', '--method', 'magic'], 2, "unknown method 'magic' (choose one of: wsm, wpm, topsis, gate, vikor, promethee2, spotis, copras, edas, moora) [usage.unknown-method]"],
    [['rank', '--format', 'xml'], 2, "unknown format 'xml' (choose one of: table, md, json, csv) [usage.unknown-format]"],
    [['rank', '--frobnicate'], 2, "rank: Unknown option '--frobnicate'"],
    [['launch'], 2, "unknown command 'launch'"],
    [['rank', '--data', 'nope.csv'], 1, 'nope.csv: cannot be read (ENOENT)'],
  ])('%j → exit %i', (args, code, msg) => {
    const r = cli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(msg);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('validate reports every problem of every file at once', () => {
    const dir = fixture({
      'r.yaml': readFileSync(join(ROOT, 'rubrics/pricing-power.yaml'), 'utf8').replace('indicator: outage-severity', 'indicator: outage-sevrity'),
      'd.csv': readFileSync(join(ROOT, 'data/markets.csv'), 'utf8').replace('public-dx,Japanese public-sector DX,4', 'public-dx,Japanese public-sector DX,four'),
    });
    const r = cli(['validate', '--rubric', join(dir, 'r.yaml'), '--data', join(dir, 'd.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/r\.yaml:\d+ conditions\[0\]\.criteria\[0\]\.rule\.indicator: 'outage-sevrity' is not declared/);
    expect(r.stderr).toMatch(/d\.csv:2:3 row public-dx, column outage-severity: 'four' is not a number/);
    expect(r.stderr).toContain('2 problems found; nothing was written.');
  });

  it('validate passes on the bundled files', () => {
    const r = cli(['validate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: 8 files valid (4 conditions, 10 criteria, 6 markets, 88 facts, 3 scenarios)\n');
  });

  it('schema prints a JSON Schema that lists the rule types', () => {
    const r = cli(['schema']);
    const s = JSON.parse(r.stdout);
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(JSON.stringify(s)).toContain('"const":"table"');
  });

  it('--help on every command, and --version', () => {
    for (const c of [[], ['rank'], ['validate'], ['schema']]) {
      const r = cli([...c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^(Usage|moatscore)/);
      // Each command's own help, not the main help for every one:
      if (c.length) expect(r.stdout).toContain(`moatscore ${c[0]}`);
      expect(r.stderr).toBe('');
    }
    expect(cli(['--version']).stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  it('a closed reader (rank | head -1) exits quietly', () => {
    const dir = fixture({ 'big.csv': 'id,a\n' + Array.from({ length: 20000 }, (_, i) => `r${i},${i}`).join('\n') + '\n' });
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(join(ROOT, 'bin/moatscore.js'))} rank --data ${JSON.stringify(join(dir, 'big.csv'))} --format csv | head -1; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout).toBe('rank,id,name,score,gated\nstatus 0\n');
    expect(r.stderr).toBe('');
  });

  it('colour follows the real stdout: on when it is a TTY, off when piped, with NO_COLOR or with TERM=dumb', () => {
    // The child runs the installed entry point; the first case marks its stdout a TTY the way a terminal would, so
    // the same command is shown to colour when it should — the "off" cases could otherwise pass with colour broken.
    const child = (tty: boolean, env: Record<string, string>) => spawnSync(process.execPath, ['-e', `${tty ? 'Object.defineProperty(process.stdout, "isTTY", { value: true });' : ''}require(${JSON.stringify(BIN)})`], {
      encoding: 'utf8', env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NO_COLOR')), TERM: 'xterm', ...env },
    }).stdout;
    // The best tier is green, with its confidence share when below 90% (README "How sure").
    expect(child(true, {})).toMatch(/\x1b\[32mentrenched( \d+%)?\x1b\[0m/);
    expect(child(false, {})).not.toContain('\x1b[');
    expect(child(true, { NO_COLOR: '1' })).not.toContain('\x1b[');
    expect(child(true, { TERM: 'dumb' })).not.toContain('\x1b[');
  });
});
