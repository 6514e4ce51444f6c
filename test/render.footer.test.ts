import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { compensationLabel } from '../src/methods/method';
import { METHOD_PLUGINS } from '../src/methods/plugins';
import { fixture } from './helpers';

const io = { isTTY: false, env: {} };
const footer = (args: string[]) => run(['rank', ...args], io).stdout.split('\n').filter((l) => /^(Method|Weights)/.test(l));
const dir = fixture({ 't.csv': 'id,a,b\np,1,4\nq,3,2\nr,2,2\n' });
const data = join(dir, 't.csv');

describe('the table footer says what is true', () => {
  it('each method labels its compensation from its own plug-in field; wpm is partly compensatory (as the README says)', () => {
    expect(Object.fromEntries(METHOD_PLUGINS.map((M) => new M()).map((m) => [m.id, compensationLabel(m.compensatory)]))).toEqual(expect.objectContaining({
      wsm: 'compensatory', wpm: 'partly compensatory', topsis: 'compensatory', gate: 'non-compensatory',
    }));
    expect(footer(['--method', 'wpm'])[0]).toMatch(/\(partly compensatory\)\.$/);
  });
  it('weights: "equal (none declared)" without --weights; "as declared" only when they were', () => {
    expect(footer(['--data', data])[1]).toBe('Weights: equal (none declared).');
    expect(footer(['--data', data, '--weights', 'a=0.25,b=0.75'])[1]).toBe('Weights: as declared (they sum to 1).');
    expect(footer(['--data', data, '--weights', 'a=1,b=3'])[1]).toMatch(/^Weights normalised: criterion weights/);
    expect(footer([])[1]).toBe('Weights: as declared (they sum to 1).');
  });
});
