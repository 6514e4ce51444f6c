import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { formatMove } from '../src/model/result';
import { tempDir } from './helpers';

const io = { isTTY: false, env: {} };
/** The id and move columns of a table: first and last word of each market row. */
const moves = (table: string, ids: readonly string[]) => Object.fromEntries(table.split('\n').map((l) => l.trim().split(/\s+/)).filter((w) => ids.includes(w[0]) || ids.includes(w[1])).map((w) => (ids.includes(w[0]) ? [w[0], w[3]] : [w[1], w[w.length - 1]])));
const IDS = ['defense', 'biometrics', 'subsea', 'public-dx', 'vran', 'cloud'];

describe('a rank move is written one way in every table: +2, -1, =', () => {
  it('formatMove', () => {
    expect([2, -1, 0].map(formatMove)).toEqual(['+2', '-1', '=']);
  });
  // Under wsm, switching-cost 3 (declared 0.25) lifts subsea from 3rd to 1st: defense and biometrics drop one place.
  it('rank --show-changes and diff of the two exports agree, in the same format', () => {
    const change = ['--method', 'wsm', '--weight', 'switching-cost=3'];
    // wsm, switching-cost 3 of 3.75 (80%): subsea's 4.5 leads it from 2nd to 1st, defense (4.125) drops to 2nd,
    // biometrics stays 3rd (data/markets.csv condition scores).
    const expected = { subsea: '+1', defense: '-1', biometrics: '=', 'public-dx': '=', vran: '=', cloud: '=' };
    expect(moves(run(['rank', ...change, '--show-changes'], io).stdout, IDS)).toEqual(expected);
    const dir = tempDir();
    expect(run(['export', '--method', 'wsm', '--output', join(dir, 'old.csv')], io).code).toBe(0);
    expect(run(['export', ...change, '--output', join(dir, 'new.csv')], io).code).toBe(0);
    const d = run(['diff', join(dir, 'old.csv'), join(dir, 'new.csv')], io);
    expect(moves(d.stdout.split('\n\n').slice(0, 2).join('\n'), IDS)).toEqual(expected);
    expect(d.stdout).toContain('move: places up (+2) or down (-1) since the base, = unchanged');
    // CSV keeps the number
    const csv = run(['diff', join(dir, 'old.csv'), join(dir, 'new.csv'), '--format', 'csv'], io).stdout;
    expect(csv).toMatch(/^subsea,2,1,1,/m);
  });
});
