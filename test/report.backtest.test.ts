import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { cli, tempDir } from './helpers';
import type { ReportPayload } from '../src/report/payload';

function page(args: string[]): { html: string; payload: ReportPayload } {
  const out = join(tempDir(), 'r.html');
  const r = cli(['report', '--samples', '100', '--output', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  const html = readFileSync(out, 'utf8');
  const json = /<script type="application\/json" id="payload">(.*?)<\/script>/s.exec(html)![1];
  return { html, payload: JSON.parse(json) as ReportPayload };
}

describe('the report shows the backtest against the project\'s outcomes (issue #11)', () => {
  it('NEC margin ladder, by hand: scores defense > public-dx > vran, margins 11.2 / 12.6 / 5.7', () => {
    // Score ranks 1, 2, 3; outcome ranks 2, 1, 3: Σd² = 2, ρ = 1 − 6·2/(3·8) = 0.5. Pairs: one discordant (defense,
    // public-dx), two concordant: τ-b = (2 − 1)/3. Of the 3! pairings, ρ ≥ 0.5 for three (1, 0.5, 0.5): p = 0.5.
    const { html, payload } = page([]);
    expect(payload.backtests).toHaveLength(1);
    const b = payload.backtests![0];
    expect(b.file).toBe('data/outcomes/margin-ladder.csv');
    expect([b.n, b.spearman, b.kendall, b.pValue]).toEqual([3, 0.5, Number((1 / 3).toPrecision(12)), 0.5]);
    expect(b.pairs.map((p) => [p.market, p.outcome])).toEqual([['defense', 11.2], ['public-dx', 12.6], ['vran', 5.7]]);
    expect(b.leftOut.map((l) => l.market)).toEqual(['subsea', 'biometrics', 'cloud']);
    expect(html).toContain('<h2 id="backtest-title">Checked against outcomes</h2>');
    expect(html).toContain('n = 3, Spearman ρ = 0.500, Kendall τ-b = 0.333, one-sided p = 0.500');
  });

  it('a user\'s own data carries no project outcomes: no section, unless --outcomes names a file', () => {
    const data = join(tempDir(), 'm.csv');
    writeFileSync(data, readFileSync('data/markets.csv', 'utf8'));
    expect(page(['--rubric', 'rubrics/pricing-power.yaml', '--data', data]).payload.backtests).toEqual([]);
    const named = page(['--rubric', 'rubrics/pricing-power.yaml', '--data', data, '--outcomes', 'data/outcomes/margin-ladder.csv']);
    expect(named.payload.backtests![0].n).toBe(3);
  });
});

describe('the report shows whether the methods agree (issue #14): the numbers of moatscore methods', () => {
  it('the panel embeds exactly `moatscore methods --format json`, and renders its tables', () => {
    const { html, payload } = page([]);
    const methods = cli(['methods', '--format', 'json']);
    expect(methods.code, methods.stderr).toBe(0);
    expect(payload.methods).toEqual(JSON.parse(methods.stdout));
    expect(html).toContain('<h2 id="methods-title">Do the methods agree?</h2>');
    // By hand: wsm ranks 1…6; wpm ties vran and cloud (5, 5; mid-ranks 5.5). Spearman on mid-ranks:
    // Σd_x d_y = 17, Σd_x² = 17.5, Σd_y² = 17, ρ = 17/√(17.5·17) = 0.986; τ-b = 14/√(15·14) = 0.966 (one tied pair).
    const pair = payload.methods!.agreement.find((a) => a.a === 'wsm' && a.b === 'wpm')!;
    expect(pair.spearman).toBeCloseTo(17 / Math.sqrt(17.5 * 17), 10);
    expect(pair.kendall).toBeCloseTo(14 / Math.sqrt(15 * 14), 10);
    expect(html).toContain('<th scope="row">wsm – wpm</th><td class="num">0.986</td><td class="num">0.966</td>');
    expect(payload.methods!.consensus).toEqual(['defense', 'subsea', 'biometrics', 'public-dx', 'vran', 'cloud']);
  });
});
