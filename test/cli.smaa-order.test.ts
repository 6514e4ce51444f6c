import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';

const io = { isTTY: false, env: {} };
// Under wsm with switching-cost 3 (declared 0.25) the ranking is subsea, defense, biometrics, public-dx, vran, cloud,
// while data/markets.csv lists public-dx, biometrics, subsea, vran, cloud, defense: the two orders differ.
const ADJUST = ['--method', 'wsm', '--weight', 'switching-cost=3'];
const RANKED = ['subsea', 'defense', 'biometrics', 'public-dx', 'vran', 'cloud'];

describe('SMAA tables and the heat map list markets in base-rank order, not data order', () => {
  it('rank gives the order the tables must follow', () => {
    expect(run(['rank', ...ADJUST, '--format', 'csv'], io).stdout.trim().split('\n').slice(1).map((l) => l.split(',')[1])).toEqual(RANKED);
  });
  it('sensitivity smaa: acceptability rows, and the winning table in rows and columns', () => {
    const out = run(['sensitivity', 'smaa', ...ADJUST, '--samples', '300'], io).stdout;
    const [acc, win] = out.split('Pairwise winning indices');
    const firstWords = (t: string) => t.split('\n').map((l) => l.split(/\s+/)[0]).filter((w) => RANKED.includes(w));
    expect(firstWords(acc)).toEqual(RANKED);
    expect(firstWords(win)).toEqual(RANKED);
    expect(win.split('\n').find((l) => l.startsWith('id '))!.trim().split(/\s+/).slice(1)).toEqual(RANKED);
  });
  it('report: the heat map payload', () => {
    const html = run(['report', ...ADJUST, '--samples', '300'], io).stdout;
    expect(JSON.parse(html.match(/"smaa":\{"ids":(\[[^\]]*\])/)![1])).toEqual(RANKED);
  });
});
