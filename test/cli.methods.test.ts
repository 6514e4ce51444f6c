import { describe, expect, it } from 'vitest';
import { run } from '../src/cli/main';
import { fixture } from './helpers';

const io = { isTTY: false, env: {} };

describe('moatscore methods', () => {
  // Hand-worked: a (10, 2), b (7, 7), c (1, 10), equal weights.
  // wsm (x / max): a 0.6, b 0.7, c 0.55 → ranks a 2, b 1, c 3.
  // vikor: d = (f* − f)/(f* − f−): a (0, 1), b (1/3, 3/8), c (1, 0) → S a 0.5, b 0.354, c 0.5; R a 0.5, b 0.1875,
  // c 0.5 → Q a 1, b 0, c 1 → ranks a 2, b 1, c 2.
  const dir = fixture({ 'abc.csv': 'id,name,x,y\na,A,10,2\nb,B,7,7\nc,C,1,10\n' });
  const base = ['methods', '--data', `${dir}/abc.csv`];
  it('gives rankings, the four agreement coefficients and the Copeland consensus (hand-worked)', () => {
    const doc = JSON.parse(run([...base, '--method', 'wsm,vikor', '--format', 'json'], io).stdout);
    expect(doc.rankings).toEqual({ wsm: { a: 2, b: 1, c: 3 }, vikor: { a: 2, b: 1, c: 2 } });
    const [p] = doc.agreement;
    expect(p.a).toBe('wsm');
    expect(p.b).toBe('vikor');
    // ρ: Pearson of (2, 1, 3) and average ranks (2.5, 1, 2.5) = 1.5/√3; τ-b = 2/√(3·2) (one tie in vikor).
    expect(p.spearman).toBeCloseTo(1.5 / Math.sqrt(3), 12);
    expect(p.kendall).toBeCloseTo(2 / Math.sqrt(6), 12);
    // r_w = 1 − 6·(1²·(1 + 2))/(81 + 27 − 9 − 3) = 0.8125; WS = 1 − 2⁻³·1/2 = 0.9375.
    expect(p.rw).toBe(0.8125);
    expect(p.ws).toBe(0.9375);
    // b wins both pairs; a beats c under wsm and ties under vikor.
    expect(doc.consensus).toEqual(['b', 'a', 'c']);
    expect(doc.skipped).toEqual([]);
  });
  it('lists a method that cannot rank the data, with its reason, instead of dropping it', () => {
    const doc = JSON.parse(run([...base, '--format', 'json'], io).stdout);
    expect(doc.skipped.map((s: { method: string }) => s.method)).toEqual(['gate', 'spotis']);
    expect(doc.skipped[1].why).toContain('[method.no-bounds]');
    expect(Object.keys(doc.rankings)).toEqual(['wsm', 'wpm', 'topsis', 'vikor', 'promethee2', 'copras', 'edas', 'moora']);
  });
  it('prints the six NEC markets under every method within 100 columns', () => {
    const r = run(['methods'], io);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('consensus');
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });
  it('needs two methods', () => {
    const r = run([...base, '--method', 'wsm'], io);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[usage.bad-option]');
  });
});
