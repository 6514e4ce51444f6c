import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/cli/main';
import { HELP_EXAMPLES } from './help-examples';
import { cli, ROOT, tempDir } from './helpers';

type Run = { stdout: string; stderr: string; cwd: string };

/** What each example must show beyond exit 0 and some output, where that is cheap to say. */
const SPECIFIC: Record<string, (r: Run) => void> = {
  // data/weights/conditions-ahp.csv is perfectly consistent with ratios 2:1:2:4, so w = 2/9, 1/9, 2/9, 4/9 and CR = 0.
  'moatscore weights ahp data/weights/conditions-ahp.csv': (r) => {
    expect(r.stdout).toMatch(/switching-cost\s+0\.4444/);
    expect(r.stdout).toMatch(/integrated-stack\s+0\.1111/);
    expect(r.stdout).toContain('CR 0.0000');
    expect(r.stderr).toBe('');
  },
  // ROC for n = 4 (Barron & Barrett 1996): w1 = (1 + 1/2 + 1/3 + 1/4)/4 = 0.5208, w4 = (1/4)/4 = 0.0625.
  'moatscore weights roc switching-cost,trust-procurement,outage-penalty,integrated-stack': (r) => {
    expect(r.stdout).toMatch(/switching-cost\s+1\s+0\.5208/);
    expect(r.stdout).toMatch(/integrated-stack\s+4\s+0\.0625/);
  },
  'moatscore rank --method wsm --weight switching-cost=0.5 --show-changes': (r) => expect(r.stdout).toMatch(/move/),
  'moatscore init my-model && moatscore rank --project my-model': (r) => expect(r.stdout).toContain('rank'),
  'moatscore report --output report.html': (r) => expect(readFileSync(join(r.cwd, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/),
  'moatscore export --output scorecard.csv': (r) => expect(readFileSync(join(r.cwd, 'scorecard.csv'), 'utf8')).toContain('market,name,condition,criterion'),
  'moatscore sensitivity smaa --samples 2000 --seed 7': (r) => expect(r.stdout).toContain('2,000 samples, seed 7'),
};

describe('help examples run as printed', () => {
  it('every command has examples in its --help', () => {
    expect([...new Set(HELP_EXAMPLES.map(([c]) => c))].sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  // Each example runs in a fresh folder holding a copy of data/ (the paths the examples name are the repository's),
  // so examples that write files (init, export, report) leave nothing behind and cannot see each other's files.
  it.each(HELP_EXAMPLES)('%s: %s', (_command, line) => {
    const cwd = tempDir();
    cpSync(join(ROOT, 'data'), join(cwd, 'data'), { recursive: true });
    let last: Run = { stdout: '', stderr: '', cwd };
    for (const part of line.split(' && ')) {
      const args = part.trim().split(/\s+/);
      expect(args[0]).toBe('moatscore');
      const r = cli(args.slice(1), { cwd });
      expect({ part, code: r.code, errors: r.stderr.split('\n').filter((l) => l.startsWith('error')) }).toEqual({ part, code: 0, errors: [] });
      // Output somewhere: on standard output, or a file the CLI says it wrote.
      expect(r.stdout.length > 0 || /^wrote /m.test(r.stderr)).toBe(true);
      last = { stdout: r.stdout, stderr: r.stderr, cwd };
    }
    SPECIFIC[line]?.(last);
  });

  it('every example with a specific check is still in some help text', () => {
    const lines = HELP_EXAMPLES.map(([, l]) => l);
    for (const key of Object.keys(SPECIFIC)) expect(lines).toContain(key);
  });
});
