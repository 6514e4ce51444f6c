import { describe, expect, it } from 'vitest';
import { HELP_EXAMPLES } from './help-examples';
import { cli, tempDir } from './helpers';

describe('help examples run as printed', () => {
  it.each(HELP_EXAMPLES)('%s: %s', (_command, line) => {
    const cwd = tempDir();
    for (const part of line.split(' && ')) {
      const args = part.trim().split(/\s+/);
      expect(args[0]).toBe('moatscore');
      const r = cli(args.slice(1), { cwd });
      expect({ part, code: r.code, stderr: r.stderr.split('\n').filter((l) => l.startsWith('error')) }).toEqual({ part, code: 0, stderr: [] });
    }
  });
});
