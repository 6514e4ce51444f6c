import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { projectWith } from './rubric-fixture';
import { cli, problemsOf } from './helpers';
import { rankWithRubric, dataFrame } from '../src/scoring/score-rubric';
import { bitingCaps, checkCapFacts } from '../src/scoring/caps';
import { traceMarket } from '../src/analysis/trace';
import { explainText } from '../src/cli/commands/explain';
import { compareMarkets } from '../src/cli/commands/compare';
import { footnotes } from '../src/render/renderer';
import { ProblemList } from '../src/errors/problem';
import { WeightedSumMethod } from '../src/methods/wsm';
import { WeightedProductMethod } from '../src/methods/wpm';
import { TopsisMethod } from '../src/methods/topsis';
import { GateMethod } from '../src/methods/gate';
import type { AggregationMethod } from '../src/methods/method';
import { prepared, sensitivityModel } from '../src/analysis/sensitivity-model';
import { smaa, SMAA_DEFAULTS } from '../src/analysis/smaa';
import { thresholds } from '../src/analysis/thresholds';
import type { EvidenceLedger, Fact } from '../src/model/evidence';

/**
 * Hand-built fixture (test/rubric-fixture.ts data): one criterion, raw rating 1–5 → 0–5, so the overall score of
 * a, b, c is 5, 2.5, 0. Tiers: top >= 4, mid >= 2, low otherwise; gate at 1 → low. Cap `concentration` bites where
 * suppliers <= 2 (market a only): tier at most mid, score at most 2. Cap `price-war` bites where mode is price-led
 * (market c): tier at most mid, which c (low) is already below.
 */
const CAPS = `caps:
  - id: concentration
    when: "suppliers <= 2"
    tier: mid
    ceiling: 2
    rationale: one customer can take the whole book away
    facts: [f-concentration]
  - id: price-war
    when: "mode == \\"price-led\\""
    tier: mid
    rationale: a price war caps any moat
`;
const rubric = (caps = CAPS) => `id: t
title: Caps test
method: wsm
scale: { min: 0, max: 5 }
conditions:
  - id: only
    name: Only
    weight: 1
    criteria:
      - { id: c, name: C, weight: 1, rule: { type: raw, indicator: rating, direction: benefit } }
tiers:
  - { id: top, when: "overall >= 4" }
  - { id: mid, when: "overall >= 2" }
  - { id: low, when: "true" }
gate: { threshold: 1, tier: low }
${caps}`;

const FACT: Fact = { id: 'f-concentration', markets: ['a'], conditions: ['only'], text: 'Alpha sells to one buyer.', source: { file: 'src.md', section: 'Customers' }, kind: 'fact' };
const LEDGER: EvidenceLedger = { file: 'ledger.yaml', conditions: [], sources: [], facts: [FACT], byId: new Map([[FACT.id, FACT]]) };

const rows = (m: AggregationMethod) => {
  const { rubric: r, data } = projectWith(rubric()).load();
  return rankWithRubric(r, data, m);
};
const pick = (res: ReturnType<typeof rows>) => res.ranking.map((a) => ({ id: a.id, rank: a.rank, score: +a.score.toFixed(12), tier: a.tier, caps: a.caps }));

describe('which caps bite (scoring/caps.ts): a pure function of rubric, frame and row', () => {
  it('concentration bites a (suppliers 2), not b (4) or c (9); price-war bites c only', () => {
    const { rubric: r, data } = projectWith(rubric()).load();
    const frame = dataFrame(r, data);
    const problems = new ProblemList();
    expect([0, 1, 2].map((i) => bitingCaps(r, frame, i, data.ids[i], problems).map((c) => c.id))).toEqual([['concentration'], [], ['price-war']]);
    expect(problems.items).toEqual([]);
  });
});

describe('caps under each method: tier is the worse of own, gate and caps; the ceiling applies on the rubric scale', () => {
  it('wsm: a 5 → ceiling 2, tier top → mid, and b (2.5) now ranks above it', () => {
    expect(pick(rows(new WeightedSumMethod()))).toEqual([
      { id: 'b', rank: 1, score: 2.5, tier: 'mid', caps: [] },
      { id: 'a', rank: 2, score: 2, tier: 'mid', caps: ['concentration'] },
      { id: 'c', rank: 3, score: 0, tier: 'low', caps: ['price-war'] },
    ]);
  });
  it('wpm: one criterion of weight 1, so the product is the score: same as wsm', () => {
    expect(pick(rows(new WeightedProductMethod()))).toEqual(pick(rows(new WeightedSumMethod())));
  });
  it('gate: c is gated (0 < 1) and its tier stays low, the worse of own, gate (low) and price-war (mid)', () => {
    const r = rows(new GateMethod());
    expect(pick(r)).toEqual([
      { id: 'b', rank: 1, score: 2.5, tier: 'mid', caps: [] },
      { id: 'a', rank: 2, score: 2, tier: 'mid', caps: ['concentration'] },
      { id: 'c', rank: 3, score: 0, tier: 'low', caps: ['price-war'] },
    ]);
    expect(r.ranking.find((a) => a.id === 'c')!.gated).toBe(true);
  });
  it('topsis: scores (x − 0)/(5 − 0) = 1, 0.5, 0 are not on the rubric scale: no ceiling, but the tier cap holds', () => {
    const r = rows(new TopsisMethod());
    expect(pick(r)).toEqual([
      { id: 'a', rank: 1, score: 1, tier: 'mid', caps: ['concentration'] },
      { id: 'b', rank: 2, score: 0.5, tier: 'mid', caps: [] },
      { id: 'c', rank: 3, score: 0, tier: 'low', caps: ['price-war'] },
    ]);
    expect(footnotes(r)).toContain('Capped (†) by concentration: a — tier at most mid, score ceiling 2 not applied (topsis scores are not on the rubric scale). Why: one customer can take the whole book away [facts: f-concentration]');
  });
  it('the table footer lists each cap that bit, for which market, and why', () => {
    const f = footnotes(rows(new WeightedSumMethod()));
    expect(f.filter((l) => l.startsWith('Capped'))).toEqual([
      'Capped (†) by concentration: a — tier at most mid, score at most 2. Why: one customer can take the whole book away [facts: f-concentration]',
      'Capped (†) by price-war: c — tier at most mid. Why: a price war caps any moat',
    ]);
  });
  it('a rubric without caps ranks as before: a 5 top, b 2.5 mid', () => {
    const { rubric: r, data } = projectWith(rubric('')).load();
    expect(pick(rankWithRubric(r, data, new WeightedSumMethod()))[0]).toEqual({ id: 'a', rank: 1, score: 5, tier: 'top', caps: [] });
  });
});

describe('explain and compare say which cap bit, on which values, and why, with the cited facts', () => {
  const ctx = () => {
    const { rubric: r, data, dictionary } = projectWith(rubric()).load();
    return { rubric: r, data, dictionary, evidence: LEDGER, result: rankWithRubric(r, data, new WeightedSumMethod()) };
  };
  it('explain a', () => {
    const text = explainText(traceMarket(ctx(), 'a'));
    const lines = text.split('\n');
    expect(lines[1]).toBe('rank 2, score 2.000 by wsm (weighted sum (WSM)), tier mid (capped by concentration), binding condition only');
    // Line 18 of the rubric is the cap's `when` (rubric text above: `caps:` is line 16).
    expect(lines.slice(3, 6)).toEqual([
      expect.stringMatching(/^cap concentration bit \(.*r\.yaml:18 caps\[0\]\.when\): suppliers <= 2 \[suppliers = 2\] → tier at most mid, score at most 2$/),
      '  why: one customer can take the whole book away',
      '  fact f-concentration: Alpha sells to one buyer. — src.md, "Customers"',
    ]);
    expect(explainText(traceMarket(ctx(), 'b'))).not.toContain('cap ');
  });
  it('compare a b: a cap row and a note with the rationale and fact', () => {
    const c = ctx();
    const cmp = compareMarkets([traceMarket(c, 'a'), traceMarket(c, 'b')]);
    expect(cmp.grid.rows.find((r) => r[0] === 'cap concentration')!.slice(1, 3)).toEqual(['bit: suppliers <= 2 [suppliers = 2]', 'did not bite']);
    expect(cmp.grid.notes).toContain('cap concentration (tier at most mid, score at most 2): one customer can take the whole book away');
    expect(cmp.grid.notes).toContain('  fact f-concentration: Alpha sells to one buyer. — src.md, "Customers"');
  });
});

describe('caps through the CLI: csv caps column, json caps', () => {
  it('rank --format csv and json', () => {
    const { dir } = projectWith(rubric());
    const args = ['rank', '--rubric', join(dir, 'r.yaml'), '--data', join(dir, 'd.csv'), '--dictionary', join(dir, 'i.yaml')];
    const csv = parse(cli([...args, '--format', 'csv']).stdout) as string[][];
    const col = (name: string) => csv[0].indexOf(name);
    expect(csv.map((r) => [r[col('id')], r[col('score')], r[col('tier')], r[col('caps')]])).toEqual([['id', 'score', 'tier', 'caps'], ['b', '2.5', 'mid', ''], ['a', '2', 'mid', 'concentration'], ['c', '0', 'low', 'price-war']]);
    const doc = JSON.parse(cli([...args, '--format', 'json']).stdout);
    expect(doc.ranking.map((a: { caps: string[] }) => a.caps)).toEqual([[], ['concentration'], ['price-war']]);
    expect(doc.caps[0]).toEqual({ id: 'concentration', tier: 'mid', ceiling: 2, ceilingApplied: true, rationale: 'one customer can take the whole book away', facts: ['f-concentration'], markets: ['a'] });
    expect(cli([...args]).stdout).toContain('\n   2  a   Alpha  2.000†      2  low          5.00  mid   only\n');
  });
});

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('invalid caps are load errors with code, path and line', () => {
  const one = (cap: string) => rubric(`caps:\n  - ${cap}\n`);
  it.each([
    ['neither tier nor ceiling', '{ id: x, when: "rating >= 4", rationale: r }', 'rubric.cap-without-effect', 'caps[0]'],
    ['unknown tier', '{ id: x, when: "rating >= 4", tier: nowhere, rationale: r }', 'rubric.unknown-tier', 'caps[0].tier'],
    ['ceiling off the scale', '{ id: x, when: "rating >= 4", ceiling: 6, rationale: r }', 'rubric.out-of-scale', 'caps[0].ceiling'],
    ['unknown indicator', '{ id: x, when: "ratin >= 4", tier: mid, rationale: r }', 'expression.unknown-symbol', 'caps[0].when'],
    ['when that is not boolean', '{ id: x, when: "rating + 1", tier: mid, rationale: r }', 'expression.type', 'caps[0].when'],
    ['forbidden construct', '{ id: x, when: "import(1)", tier: mid, rationale: r }', 'expression.forbidden', 'caps[0].when'],
    ['no rationale', '{ id: x, when: "rating >= 4", tier: mid }', 'rubric.invalid-type', 'caps[0].rationale'],
  ])('%s', (_what, cap, code, path) => {
    const text = one(cap);
    const p = problemsOf(() => projectWith(text).load());
    expect(p.map((x) => ({ code: x.code, path: x.path }))).toEqual([{ code, path }]);
    expect(p[0].line).toBe(lineOf(text, '  - { id: x'));
  });
  it('duplicate cap id', () => {
    const text = rubric(`caps:\n  - { id: x, when: "true", tier: mid, rationale: r }\n  - { id: x, when: "true", tier: low, rationale: r }\n`);
    expect(problemsOf(() => projectWith(text).load()).map((x) => [x.code, x.path, x.line])).toEqual([['rubric.duplicate-id', 'caps[1].id', lineOf(text, 'when: "true", tier: low')]]);
  });
  it('a cited fact that the ledger does not hold', () => {
    const { rubric: r } = projectWith(rubric(CAPS.replace('[f-concentration]', '[f-concentration, f-nope]'))).load();
    expect(checkCapFacts(r, LEDGER)).toEqual([expect.objectContaining({ code: 'rubric.unknown-fact', path: 'caps[0].facts', line: 22, message: "cap 'concentration' cites 'f-nope', which is not a fact in ledger.yaml" })]);
  });
  it('a non-finite value inside a cap is an error at the cap line, not a silent false', () => {
    const { rubric: r, data } = projectWith(rubric('caps:\n  - { id: x, when: "1 / (rating - 3) > 0", tier: mid, rationale: r }\n')).load();
    expect(problemsOf(() => rankWithRubric(r, data, new WeightedSumMethod()))).toEqual([expect.objectContaining({ code: 'score.not-finite', path: 'caps[0].when (market b)', line: 17 })]);
  });
  it('the JSON Schema (moatscore schema) carries caps', () => {
    const s = JSON.parse(cli(['schema']).stdout);
    expect(Object.keys(s.properties.caps.items.properties)).toEqual(['id', 'when', 'tier', 'ceiling', 'rationale', 'facts']);
    expect(s.properties.caps.items.required).toEqual(['id', 'when', 'rationale']);
  });
});

describe('the analyses apply a cap as rank does (one engine): sensitivity model, thresholds and SMAA', () => {
  // Hand: a scores 5 but the concentration ceiling holds it at 2; b scores 2.5. Rank puts b first, so must SMAA.
  it.each([['wsm', new WeightedSumMethod()], ['gate', new GateMethod()]] as const)('%s: a is held at 2 below b in every sample', (_id, method) => {
    const { rubric: r, data } = projectWith(rubric()).load();
    const m = sensitivityModel(r, data, method);
    const out = new Float64Array(3);
    prepared(m).score(m.globalWeights, out);
    expect(Array.from(out)).toEqual([2, 2.5, 0]);
    const s = smaa(m, { ...SMAA_DEFAULTS, samples: 500 });
    expect(s.acceptability[1][0]).toBe(1); // b first in every sample
    expect(s.acceptability[0][1]).toBe(1); // a second
    expect(thresholds(m).exact).toBe(false); // a ceiling breaks WSM's linearity: no closed form
  });
});

describe('SMAA samples the indicators a cap reads inside their ranges (issue #11): a cap bites in the share of samples its range says', () => {
  // Hand: market a rates 5 (overall 5, tier top) and its suppliers count, a whole number, is given the range 2–5, so
  // SMAA draws 2, 3, 4 or 5 with probability 1/4 each. The concentration cap (suppliers <= 2; tier mid, ceiling 2)
  // bites only on a draw of 2: a's tier is mid in 1/4 of the samples and top in 3/4, and with the score held at 2 it
  // falls behind b (2.5) in that same 1/4. Monte-Carlo tolerance: 10,000 samples, standard error
  // sqrt(0.25 · 0.75 / 10,000) = 0.0043; 0.02 is 4.6 standard errors.
  const withRange = (caps: string) => {
    const { rubric: r, data, dictionary } = projectWith(rubric(caps)).load();
    const low = new Map(data.low);
    const high = new Map(data.high);
    low.set('suppliers', Float64Array.from([2, 4, 9]));
    high.set('suppliers', Float64Array.from([5, 4, 9]));
    return { r, data: { ...data, low, high }, dictionary };
  };
  it('a is capped (tier mid, behind b) in 1/4 of the samples, top and first in 3/4', () => {
    const { r, data, dictionary } = withRange(CAPS);
    // The dictionary says suppliers is a count, so draws are whole numbers (a continuous draw would hit 2 never).
    const s = smaa(sensitivityModel(r, data, new WeightedSumMethod(), dictionary), { ...SMAA_DEFAULTS, tiers: true });
    expect(s.uncertainIndicators).toEqual(['suppliers']);
    expect(s.tierAcceptability![0].mid).toBeCloseTo(0.25, 1);
    expect(Math.abs(s.tierAcceptability![0].mid - 0.25)).toBeLessThan(0.02);
    expect(Math.abs(s.tierAcceptability![0].top - 0.75)).toBeLessThan(0.02);
    expect(s.tierAcceptability![0].top + s.tierAcceptability![0].mid).toBe(1);
    expect(Math.abs(s.acceptability[0][0] - 0.75)).toBeLessThan(0.02);
    expect(s.acceptability[0][0]).toBeCloseTo(s.tierAcceptability![0].top, 12); // the same draws decide both
  });
  it('with neither tiers sampled nor a ceiling, the cap cannot change anything, so its indicator is not drawn', () => {
    const { r, data, dictionary } = withRange(CAPS.replace('    ceiling: 2\n', ''));
    const s = smaa(sensitivityModel(r, data, new WeightedSumMethod(), dictionary), { ...SMAA_DEFAULTS, samples: 1000 });
    expect(s.uncertainIndicators).toEqual([]);
    expect(s.acceptability[0][0]).toBe(1);
  });
});
