import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveOutputTarget } from '../src/io/output-target';
import { BIN, cli, ROOT, tempDir } from './helpers';

/**
 * --output writes where the path leads without destroying what is there (issue #10): a link stays a link, a
 * device or FIFO is written in place, /dev/stdout works, and an input is never overwritten.
 */
const CSV = () => cli(['rank', '--format', 'csv']).stdout;

describe('--output to a symbolic link', () => {
  it('writes the link\'s target atomically; the link stays a link to the same place', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'real.csv'), 'old\n');
    symlinkSync('real.csv', join(dir, 'link.csv'));
    const r = cli(['rank', '--format', 'csv', '--output', join(dir, 'link.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.csv'))).toBe('real.csv');
    expect(readFileSync(join(dir, 'real.csv'), 'utf8')).toBe(CSV());
    expect(readdirSync(dir).sort()).toEqual(['link.csv', 'real.csv']);
  });

  it('follows a chain of links into another folder, and a dangling link creates its target', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(dir, 'sub', 'new.csv'), join(dir, 'b'));
    symlinkSync('b', join(dir, 'a'));
    expect(cli(['rank', '--format', 'csv', '--output', join(dir, 'a')]).code).toBe(0);
    expect(lstatSync(join(dir, 'a')).isSymbolicLink() && lstatSync(join(dir, 'b')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'sub', 'new.csv'), 'utf8')).toBe(CSV());
  });

  it('a loop of links is a usage error', () => {
    const dir = tempDir();
    symlinkSync('b', join(dir, 'a'));
    symlinkSync('a', join(dir, 'b'));
    const r = cli(['rank', '--output', join(dir, 'a')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[output.link-loop]');
  });
});

describe('--output to a FIFO, a device or standard output', () => {
  it('a FIFO is written in place and read concurrently; it stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const child = spawn(process.execPath, [BIN, 'rank', '--format', 'csv', '--output', fifo], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    const [text, code] = await Promise.all([readFile(fifo, 'utf8'), new Promise((done) => child.on('exit', done))]);
    expect(code).toBe(0);
    expect(text).toBe(CSV());
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('/dev/stdout, /dev/fd/1 and /proc/self/fd/1 reach standard output (a pipe here)', () => {
    for (const target of ['/dev/stdout', '/dev/fd/1', '/proc/self/fd/1']) {
      const r = cli(['rank', '--format', 'csv', '--output', target]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(CSV());
      expect(r.stderr).toBe(`wrote ${target}\n`);
    }
  });

  it('/dev/null stays a character device (run as root, where a rename would replace it)', () => {
    // Checked first, so a broken classification can never reach the real /dev/null.
    expect(resolveOutputTarget('/dev/null').kind).toBe('stream');
    const r = cli(['rank', '--output', '/dev/null']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(statSync('/dev/null').rdev).toBe(lstatSync('/dev/null').rdev);
  });

  it.runIf(process.getuid?.() === 0)('a copy of the null device in a folder stays a device (root only: mknod)', () => {
    const dir = tempDir();
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    expect(cli(['rank', '--output', join(dir, 'null')]).code).toBe(0);
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir)).toEqual(['null']);
  });

  it('export --provenance file to a non-file is refused: two files cannot be one unit there', () => {
    const r = cli(['export', '--provenance', 'file', '--output', '/dev/null']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[output.not-a-file]');
  });
});

describe('--output naming one of the command\'s inputs is refused before anything runs (exit 2)', () => {
  const bundled = (f: string) => join(ROOT, f);
  const cases: { name: string; setup?: (dir: string) => void; argv: (dir: string) => string[]; victim: (dir: string) => string }[] = [
    { name: 'the bundled data (export)', argv: () => ['export', '--output', 'data/markets.csv'], victim: () => bundled('data/markets.csv') },
    { name: 'the bundled rubric (rank --format csv)', argv: () => ['rank', '--format', 'csv', '--output', 'rubrics/pricing-power.yaml'], victim: () => bundled('rubrics/pricing-power.yaml') },
    { name: 'the bundled dictionary', argv: () => ['rank', '--output', 'data/indicators.yaml'], victim: () => bundled('data/indicators.yaml') },
    { name: 'the bundled cells', argv: () => ['explain', 'subsea', '--output', 'data/cells.csv'], victim: () => bundled('data/cells.csv') },
    { name: 'the bundled evidence', argv: () => ['report', '--output', 'seeds/evidence.yaml'], victim: () => bundled('seeds/evidence.yaml') },
    { name: 'a bundled scenario file (scenarios reads them all)', argv: () => ['scenarios', '--output', 'data/scenarios/' + readdirSync(bundled('data/scenarios'))[0]], victim: () => join(bundled('data/scenarios'), readdirSync(bundled('data/scenarios'))[0]) },
    { name: '--rubric', setup: (d) => copyFileSync(bundled('rubrics/pricing-power.yaml'), join(d, 'r.yaml')), argv: (d) => ['rank', '--rubric', join(d, 'r.yaml'), '--output', join(d, 'r.yaml')], victim: (d) => join(d, 'r.yaml') },
    { name: '--data (rubric-free)', setup: (d) => copyFileSync(bundled('data/markets.csv'), join(d, 'm.csv')), argv: (d) => ['rank', '--data', join(d, 'm.csv'), '--format', 'csv', '--output', join(d, 'm.csv')], victim: (d) => join(d, 'm.csv') },
    { name: '--dictionary', setup: (d) => copyFileSync(bundled('data/indicators.yaml'), join(d, 'i.yaml')), argv: (d) => ['rank', '--dictionary', join(d, 'i.yaml'), '--output', join(d, 'i.yaml')], victim: (d) => join(d, 'i.yaml') },
    { name: '--cells', setup: (d) => copyFileSync(bundled('data/cells.csv'), join(d, 'c.csv')), argv: (d) => ['export', '--cells', join(d, 'c.csv'), '--output', join(d, 'c.csv')], victim: (d) => join(d, 'c.csv') },
    { name: '--evidence', setup: (d) => copyFileSync(bundled('seeds/evidence.yaml'), join(d, 'e.yaml')), argv: (d) => ['export', '--evidence', join(d, 'e.yaml'), '--output', join(d, 'e.yaml')], victim: (d) => join(d, 'e.yaml') },
    {
      name: 'the scenario file --scenario names', setup: (d) => { mkdirSync(join(d, 's')); copyFileSync(join(bundled('data/scenarios'), readdirSync(bundled('data/scenarios'))[0]), join(d, 's', 'x.yaml')); },
      argv: (d) => ['rank', '--scenario', 'x', '--scenarios', join(d, 's'), '--output', join(d, 's', 'x.yaml')], victim: (d) => join(d, 's', 'x.yaml'),
    },
    { name: 'a positional scorecard (diff)', setup: (d) => { writeFileSync(join(d, 'a.csv'), cli(['export']).stdout); copyFileSync(join(d, 'a.csv'), join(d, 'b.csv')); }, argv: (d) => ['diff', join(d, 'a.csv'), join(d, 'b.csv'), '--format', 'csv', '--output', join(d, 'b.csv')], victim: (d) => join(d, 'b.csv') },
    { name: 'a positional matrix (weights ahp)', setup: (d) => writeFileSync(join(d, 'm.csv'), ',a,b\na,1,3\nb,1/3,1\n'), argv: (d) => ['weights', 'ahp', join(d, 'm.csv'), '--format', 'csv', '--output', join(d, 'm.csv')], victim: (d) => join(d, 'm.csv') },
    { name: 'a symbolic link to an input', setup: (d) => { copyFileSync(bundled('data/markets.csv'), join(d, 'm.csv')); symlinkSync('m.csv', join(d, 'link')); }, argv: (d) => ['rank', '--data', join(d, 'm.csv'), '--output', join(d, 'link')], victim: (d) => join(d, 'm.csv') },
    { name: 'a hard link to an input', setup: (d) => { copyFileSync(bundled('data/markets.csv'), join(d, 'm.csv')); linkSync(join(d, 'm.csv'), join(d, 'hard')); }, argv: (d) => ['rank', '--data', join(d, 'm.csv'), '--output', join(d, 'hard')], victim: (d) => join(d, 'm.csv') },
  ];
  it.each(cases)('$name', ({ setup, argv, victim }) => {
    const dir = tempDir();
    setup?.(dir);
    const before = readFileSync(victim(dir));
    const listing = readdirSync(dir).sort();
    const r = cli(argv(dir));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--output .* is an input of this command.*\[output\.is-input\]\n$/);
    expect(r.stdout).toBe('');
    expect(readFileSync(victim(dir)).equals(before)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('an output next to the inputs with another name is written', () => {
    const dir = tempDir();
    copyFileSync(bundled('rubrics/pricing-power.yaml'), join(dir, 'r.yaml'));
    const r = cli(['rank', '--rubric', join(dir, 'r.yaml'), '--format', 'csv', '--output', join(dir, 'out.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(CSV());
  });
});

describe('--output is read once', () => {
  it('given twice is a usage error and writes neither file', () => {
    const dir = tempDir();
    for (const argv of [['--output', join(dir, 'a'), '--output', join(dir, 'b')], [`--output=${join(dir, 'a')}`, '--output', join(dir, 'b')]]) {
      const r = cli(['export', '--provenance', 'file', ...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe('error: export: --output is given 2 times (give --output once) [usage.duplicate-option]\n');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without a path, or with what looks like an option, is a usage error; after -- it is a positional', () => {
    expect(cli(['rank', '--output']).stderr).toContain('[usage.missing-argument]');
    expect(cli(['rank', '--output', '--format', 'csv']).stderr).toContain('[usage.bad-option]');
    expect(cli(['validate', '--output', 'x']).code).toBe(2);
    expect(cli(['compare', 'subsea', '--', '--output']).stderr).toContain('--output');
  });

  it('export --provenance file writes both files, and a folder missing for them is one error with nothing written', () => {
    const dir = tempDir();
    expect(cli(['export', '--provenance', 'file', '--output', join(dir, 's.csv')]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['s.csv', 's.csv.provenance.txt']);
    const r = cli(['export', '--provenance', 'file', '--output', join(dir, 'missing', 's.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[output.missing-folder]');
    expect(readdirSync(dir).sort()).toEqual(['s.csv', 's.csv.provenance.txt']);
  });
});
