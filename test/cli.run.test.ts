import { describe, expect, it } from 'vitest';
import { describeError, run } from '../src/cli/main';

describe('run (in process)', () => {
  it('colours the tier column only on a TTY without NO_COLOR', () => {
    expect(run([], { isTTY: true, env: {} }).stdout).toMatch(/\x1b\[32mentrenched( \d+%)?\x1b\[0m/);
    expect(run([], { isTTY: true, env: { NO_COLOR: '' } }).stdout).not.toContain('\x1b[');
    expect(run([], { isTTY: false, env: {} }).stdout).not.toContain('\x1b[');
    expect(run(['--format', 'md'], { isTTY: true, env: {} }).stdout).not.toContain('\x1b[');
    expect(run([], { isTTY: true, env: { TERM: 'dumb' } }).stdout).not.toContain('\x1b[');
    // Same input, colour decided only by the Io: the coloured and plain tables differ exactly by the escapes.
    const plain = run([], { isTTY: false, env: {} }).stdout;
    const coloured = run([], { isTTY: true, env: { TERM: 'xterm' } }).stdout;
    expect(coloured).not.toBe(plain);
    expect(coloured.replace(/\x1b\[\d+m/g, '')).toBe(plain);
  });
  it('an unexpected error is one line asking for a bug report, exit 70', () => {
    const text = describeError(new TypeError('x is undefined\n    at somewhere'));
    expect(text).toBe('internal error: TypeError: x is undefined — this is a bug in moatscore; please report it with the command you ran [internal]\n');
  });
});
