import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture } from './helpers';

/*
 * A 3×3 reciprocal matrix [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]] has λmax = 1 + x^(1/3) + x^(−1/3) with x = ac/b
 * (closed form of the principal eigenvalue), CI = (λmax − 3)/2 and CR = CI/0.58 (Saaty's RI for n = 3).
 *   a = 2, c = 2, b = 1:   x = 4, λmax = 3.2174, CI = 0.1087, CR = 0.1874 (between 0.10 and the default 0.2)
 *   a = 2, c = 2, b = 1/2: x = 8, λmax = 3.5,    CI = 0.25,   CR = 0.4310 (above the default limit)
 */
const dir = fixture({
  'mild.csv': ',a,b,c\na,1,2,1\nb,1/2,1,2\nc,1,1/2,1\n',
  'bad.csv': ',a,b,c\na,1,2,1/2\nb,1/2,1,2\nc,2,1/2,1\n',
});
const warnings = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('warning'));

describe('weights ahp: CR up to 0.10 passes, above it warns once, above --max-cr (default 0.2) fails', () => {
  it('CR 0.1874 is a single warning on standard error, exit 0, whatever the format', () => {
    for (const format of ['table', 'json']) {
      const r = cli(['weights', 'ahp', join(dir, 'mild.csv'), '--format', format]);
      expect(r.code).toBe(0);
      expect(warnings(r.stderr)).toEqual([expect.stringContaining('AHP consistency ratio 0.1874 is above 0.10')]);
      expect(r.stdout).not.toContain('warning');
    }
  });
  it('CR 0.4310 is refused by the default limit 0.2, exit 1, and accepted under --max-cr 0.5 with one warning', () => {
    const r = cli(['weights', 'ahp', join(dir, 'bad.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('consistency ratio 0.4310 is above the limit 0.2 (the default --max-cr)');
    expect(r.stdout).toBe('');
    const raised = cli(['weights', 'ahp', join(dir, 'bad.csv'), '--max-cr', '0.5', '--format', 'json']);
    expect(raised.code).toBe(0);
    expect(JSON.parse(raised.stdout).lambdaMax).toBe(3.5);
    expect(warnings(raised.stderr)).toHaveLength(1);
  });
  it('the help states the default limit', () => {
    expect(cli(['weights', '--help']).stdout).toContain('above --max-cr\n         (default 0.2) an error');
  });
});

describe('weights: a kind it does not know is named, with the kinds it does', () => {
  it.each([[['weights', 'foo']], [['weights', 'foo', 'x.csv']]])('%j', (args) => {
    const r = cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: unknown weights kind 'foo' (choose one of: ahp | roc | entropy | critic; see moatscore weights --help) [usage.unknown-kind]\n");
  });
  it('a known kind without its argument says what argument', () => {
    expect(cli(['weights', 'ahp']).stderr).toContain('weights ahp needs a comparison matrix CSV');
  });
});
