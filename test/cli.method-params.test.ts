import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { fixture } from './helpers';

const io = { isTTY: false, env: {} };
const json = (argv: string[]) => JSON.parse(run(argv, io).stdout);

describe('method parameters on the command line', () => {
  // Opricovic & Tzeng (2004) §4 as a CSV: f1 cost, f2 benefit, equal weights.
  const dir = fixture({ 'ot.csv': 'id,name,f1,f2\nA1,A1,1,3000\nA2,A2,2,3750\nA3,A3,5,4500\n' });
  const data = ['--data', `${dir}/ot.csv`, '--cost', 'f1', '--format', 'json'];
  it('rank --method vikor --format json carries S, R and Q per entry (Opricovic & Tzeng 2004 §4)', () => {
    const doc = json(['rank', ...data, '--method', 'vikor']);
    expect(doc.ranking[0]).toMatchObject({ id: 'A2', score: 1, detail: { S: 0.375, R: 0.25, Q: 0 } });
  });
  it('--param v=1 weighs S alone', () => {
    const doc = json(['rank', ...data, '--method', 'vikor', '--param', 'v=1']);
    expect(doc.ranking.map((a: { detail: { Q: number } }) => a.detail.Q)).toEqual([0, 1, 1]);
  });
  it('--bounds gives SPOTIS its bounds; the distance is in detail and the score is its negative', () => {
    const doc = json(['rank', ...data, '--method', 'spotis', '--bounds', 'f1=0:10,f2=0:6000']);
    // A2: 0.5·(2 − 0)/10 + 0.5·(6000 − 3750)/6000 = 0.1 + 0.1875.
    expect(doc.ranking.find((a: { id: string }) => a.id === 'A2')).toMatchObject({ score: -0.2875, detail: { distance: 0.2875 } });
  });
  it('--preference sets a criterion\'s PROMETHEE function: vshape p = 8 on f1 (hand-worked flows)', () => {
    const doc = json(['rank', ...data, '--method', 'promethee2', '--preference', 'f1=vshape:p=8']);
    // f1 (cost): A1 over A2 by 1 (P = 1/8), over A3 by 4 (1/2), A2 over A3 by 3 (3/8); f2 usual favours A3 > A2 > A1.
    // φ+(A1) = 0.5·(1/8 + 1/2)/2 = 0.15625; φ−(A1) = 0.5·(1 + 1)/2 = 0.5.
    const a1 = doc.ranking.find((a: { id: string }) => a.id === 'A1');
    expect(a1.detail).toEqual({ phiPlus: 0.15625, phiMinus: 0.5, netFlow: -0.34375 });
  });
  it.each([
    [['--method', 'spotis'], 'method.no-bounds', 1],
    [['--method', 'vikor', '--param', 'v=2'], 'usage.bad-param', 2],
    [['--method', 'promethee2', '--preference', 'f1=linear:q=3:p=1'], 'usage.bad-preference', 2],
    [['--method', 'promethee2', '--preference', 'nope=usual'], 'usage.unknown-criterion', 2],
    [['--method', 'spotis', '--bounds', 'f1=5:1'], 'usage.bad-bounds', 2],
  ])('%j is refused with %s', (extra, code, exit) => {
    const r = run(['rank', ...data, ...(extra as string[])], io);
    expect(r.code).toBe(exit);
    expect(r.stderr).toContain(`[${code}]`);
  });
});
