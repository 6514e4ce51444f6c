import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../src/cli/main';
import { printable, terminalJson, terminalText } from '../src/io/printable';
import { cli, fixture, ROOT, tempDir } from './helpers';

/**
 * Every byte that reaches a terminal is scrubbed (issue #10): ESC, OSC, BEL, NUL and the C1 controls from a data file
 * reach the screen neither through tables nor explanations nor error messages. The tool's own line feeds, tabs and
 * tier colours stay.
 */
const OSC_TITLE = '\u001b]0;pwned\u0007';
const HOSTILE = `${OSC_TITLE}\u001b[2J\u0000\u009b31m`;
/** Any control character other than the line feed (and tab) the tool writes. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const bundled = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('terminal scrub at the CLI edge', () => {
  it('the rubric title in the rank table', () => {
    const dir = fixture({ 'r.yaml': bundled('rubrics/pricing-power.yaml').replace(/^title: .*$/m, `title: "NEC \\e]0;pwned\\a\\e[2J\\0 title"`) });
    for (const format of ['table', 'md']) {
      const r = cli(['rank', '--rubric', join(dir, 'r.yaml'), '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
      expect(r.stdout).toContain('NEC \ufffd]0;pwned\ufffd\ufffd[2J\ufffd title');
    }
  });

  it('a rationale in explain', () => {
    const cells = bundled('data/cells.csv').replace('"Fire-fighting, disaster-prevention', `"${HOSTILE}Fire-fighting, disaster-prevention`);
    const dir = fixture({ 'c.csv': cells });
    const r = cli(['explain', 'public-dx', '--cells', join(dir, 'c.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('why: \ufffd]0;pwned\ufffd\ufffd[2J\ufffd\ufffd31mFire-fighting, disaster-prevention');
  });

  it('a data cell quoted in an error message (formatProblem) and its hint', () => {
    const data = bundled('data/markets.csv').replace('public-dx,Japanese public-sector DX,4,', `public-dx,Japanese public-sector DX,${HOSTILE},`);
    const dir = fixture({ 'm.csv': data });
    const r = cli(['rank', '--data', join(dir, 'm.csv'), '--rubric', join(ROOT, 'rubrics/pricing-power.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('\ufffd]0;pwned\ufffd');
    expect(r.stderr).not.toMatch(CONTROL);
    expect(r.stderr.split('\n').every((l) => l === '' || l.startsWith('error: ') || /problems? found/.test(l))).toBe(true);
  });

  it('an option value quoted in a usage error', () => {
    const r = cli(['rank', '--method', `x${OSC_TITLE}\ny`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown method 'x\ufffd]0;pwned\ufffd\ufffdy' (choose one of: wsm, wpm, topsis, gate, vikor, promethee2, spotis, copras, edas, moora) [usage.unknown-method]\n");
  });

  it('JSON keeps every value: C1 controls are escaped, not replaced', () => {
    const data = bundled('data/markets.csv').replace('Japanese public-sector DX', `Japanese\u009b31m DX\u007f`);
    const dir = fixture({ 'm.csv': data });
    const r = cli(['rank', '--data', join(dir, 'm.csv'), '--rubric', join(ROOT, 'rubrics/pricing-power.yaml'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Japanese\\u009b31m DX\\u007f');
    expect(JSON.parse(r.stdout).ranking.map((a: { name: string }) => a.name)).toContain('Japanese\u009b31m DX\u007f');
  });

  it('CSV is data: byte for byte in a file or a pipe, scrubbed only when standard output is a terminal', () => {
    const data = bundled('data/markets.csv').replace('Japanese public-sector DX', `Japanese${OSC_TITLE} DX`);
    const dir = fixture({ 'm.csv': data });
    const argv = ['rank', '--data', join(dir, 'm.csv'), '--rubric', join(ROOT, 'rubrics/pricing-power.yaml'), '--format', 'csv'];
    expect(cli(argv).stdout).toContain(`Japanese${OSC_TITLE} DX`);
    const out = join(tempDir(), 'o.csv');
    expect(cli([...argv, '--output', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(`Japanese${OSC_TITLE} DX`);
    const tty = run(argv, { isTTY: true, env: { NO_COLOR: '1' } });
    expect(tty.stdout).toContain('Japanese\ufffd]0;pwned\ufffd DX');
    expect(tty.stdout).not.toMatch(CONTROL);
  });

  it('on a terminal the tier colours stay and a title\'s escape does not', () => {
    const dir = fixture({ 'r.yaml': bundled('rubrics/pricing-power.yaml').replace(/^title: .*$/m, 'title: "T \\e[31m red"') });
    const r = run(['rank', '--rubric', join(dir, 'r.yaml')], { isTTY: true, env: {} });
    expect(r.stdout).toMatch(/\u001b\[32mentrenched( \d+%)?\u001b\[0m/);
    expect(r.stdout).toContain('T \ufffd[31m red');
    expect(r.stdout.replace(/\u001b\[(0|3[0-7])m/g, '')).not.toMatch(CONTROL);
  });
});

describe('printable, terminalText, terminalJson', () => {
  it('printable makes one line: every control character, line feeds included, becomes U+FFFD', () => {
    expect(printable('a\nb\tc\u0000\u001b\u007f\u0085\u009fé')).toBe('a\ufffdb\ufffdc\ufffd\ufffd\ufffd\ufffd\ufffdé');
  });
  it('terminalText keeps the layout (LF, tab) and, with colour, exactly the tier colour codes', () => {
    expect(terminalText('a\tb\nc\r\u001b[31m\u001b]0;x\u0007')).toBe('a\tb\nc\ufffd\ufffd[31m\ufffd]0;x\ufffd');
    expect(terminalText('\u001b[32mx\u001b[0m \u001b[1m \u001b[31;1m \u0000', true)).toBe('\u001b[32mx\u001b[0m \ufffd[1m \ufffd[31;1m \ufffd');
  });
  it('terminalJson escapes DEL, C1 and the line separators and leaves the value identical', () => {
    const value = { s: 'a\u007fb\u0085c\u009b\u2028d\u2029' };
    const json = terminalJson(JSON.stringify(value));
    expect(json).toBe('{"s":"a\\u007fb\\u0085c\\u009b\\u2028d\\u2029"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

/**
 * Trojan Source (CVE-2021-42574; Boucher & Anderson 2021): U+202E RIGHT-TO-LEFT OVERRIDE in a name makes a terminal
 * display the rest of the row reversed, so a market's score can appear under another column. Each bidirectional
 * formatting character is shown as U+FFFD on a terminal and escaped in JSON.
 */
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c'];
const BIDI_RE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('bidirectional overrides never reach the terminal (Trojan Source)', () => {
  it('a market name holding U+202E and U+2066 in the rank table', () => {
    const data = bundled('data/markets.csv').replace('Japanese public-sector DX', 'Japanese \u202e5.0 erocs\u2066 DX');
    const dir = fixture({ 'm.csv': data });
    const r = cli(['rank', '--data', join(dir, 'm.csv'), '--rubric', join(ROOT, 'rubrics/pricing-power.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(BIDI_RE);
    expect(r.stdout).toContain('Japanese \ufffd5.0 erocs\ufffd DX');
  });

  it('a rationale shown by explain', () => {
    const cells = bundled('data/cells.csv').replace('"Fire-fighting, disaster-prevention', '"\u202dFire-fighting\u202c, disaster-prevention');
    const dir = fixture({ 'c.csv': cells });
    const r = cli(['explain', 'public-dx', '--cells', join(dir, 'c.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(BIDI_RE);
    expect(r.stdout).toContain('why: \ufffdFire-fighting\ufffd, disaster-prevention');
  });

  it('a data value quoted in an error message', () => {
    const data = bundled('data/markets.csv').replace('public-dx,Japanese public-sector DX,4,', 'public-dx,Japanese public-sector DX,4\u202e1,');
    const dir = fixture({ 'm.csv': data });
    const r = cli(['rank', '--data', join(dir, 'm.csv'), '--rubric', join(ROOT, 'rubrics/pricing-power.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('4\ufffd1');
    expect(r.stderr).not.toMatch(BIDI_RE);
  });

  it('printable replaces each of the twelve characters; terminalJson escapes them and keeps the value', () => {
    expect(printable(`a${BIDI.join('')}b`)).toBe(`a${'\ufffd'.repeat(12)}b`);
    const value = { s: `x${BIDI.join('')}y` };
    const json = terminalJson(JSON.stringify(value));
    expect(json).not.toMatch(BIDI_RE);
    expect(json).toContain('x\\u202a\\u202b');
    expect(JSON.parse(json)).toEqual(value);
  });
});
