import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { cli, tempDir } from './helpers';
import type { ReportPayload } from '../src/report/payload';
import { shipTrees } from '../src/expression/shipped-trees';
import { compileExpression } from '../src/expression/compile';
import { modelFromPayload, pageRanking } from '../src/report/browser-model';

// What the page's bundle does (scripts/build.js): the parser module is replaced by the lookup of shipped trees, so
// nothing below can parse an expression; every tree comes from the payload the CLI wrote. (vi.mock is hoisted above
// the imports.)
vi.mock('../src/expression/sandbox', () => vi.importActual('../src/expression/shipped-trees'));

function payloadOf(args: string[]): ReportPayload {
  const out = join(tempDir(), 'r.html');
  const r = cli(['report', '--samples', '100', '--output', out, ...args]);
  expect(r.code, r.stderr).toBe(0);
  const json = /<script type="application\/json" id="payload">(.*?)<\/script>/s.exec(readFileSync(out, 'utf8'))![1];
  return JSON.parse(json) as ReportPayload;
}

describe('the report page compiles the rubric from shipped trees, without a parser', () => {
  const payload = payloadOf([]);

  it('ships a tree for every expression and ranks exactly as the CLI does (scores to the last digit)', () => {
    // rubrics/pricing-power.yaml: one expression rule, the `when:` of its table rows, of its three tiers and of its
    // three risk caps.
    expect(payload.trees.map(([text]) => text)).toEqual([
      '5 * sqrt((proprietary_tech - 1) * (local_delivery - 1)) / 4', 'credible_suppliers <= 3', 'credible_suppliers <= 4',
      'credible_suppliers <= 6', 'true', 'installed_base_depth >= 4', 'lifecycle_stages >= 4',
      'overall >= 3.75 and weakest >= 3', 'weakest >= 2.5',
      'execution_risk >= 5', 'customer_concentration >= 5', 'policy_cycle_exposure >= 4',
    ]);
    shipTrees(payload.trees);
    const m = modelFromPayload(payload);
    const page = pageRanking(m.rubric, m.data, payload.method, payload.declared)!.result;
    const cliRanking = JSON.parse(cli(['rank', '--format', 'json']).stdout).ranking as { id: string; score: number }[];
    expect(page.ranking.map((a) => [a.id, Number(a.score.toFixed(6))])).toEqual(cliRanking.map((a) => [a.id, Number(a.score.toFixed(6))]));
  });

  it('refuses an expression it was not given, naming it, rather than guessing', () => {
    expect(() => compileExpression('1 + 2', new Map(), 'number')).toThrow(/did not ship a parsed tree for "1 \+ 2"/);
  });
});
