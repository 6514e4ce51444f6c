import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultFiles } from '../src/cli/paths';
import { loadProject } from '../src/load-project';
import { cellKey } from '../src/model/dataset';
import { ROOT } from './helpers';

const project = loadProject(defaultFiles());

/**
 * The standard phrase a cell's rationale uses when its point value is deliberately not the midpoint of its range
 * (issue #11: point values had drifted to the favourable end of their own ranges).
 */
const NOT_MIDPOINT = /not the midpoint because \S/i;

interface PointCell {
  readonly market: string;
  readonly indicator: string;
  readonly kind: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly rationale: string;
}

/**
 * The cells whose point value is off the midpoint of low/high without saying why. A cell with no range is its own
 * midpoint. A count must be a whole number, so it may sit on either whole number nearest the midpoint (a range 4–5
 * admits 4 or 5); every other kind sits on the midpoint exactly.
 */
function offMidpoint(cells: readonly PointCell[]): string[] {
  return cells.filter((c) => {
    if (NOT_MIDPOINT.test(c.rationale)) return false;
    const mid = ((c.low ?? c.value) + (c.high ?? c.value)) / 2;
    const slack = c.kind === 'count' ? 0.5 : 1e-9;
    return Math.abs(c.value - mid) > slack;
  }).map((c) => `${c.market}/${c.indicator}`);
}

function defaultCells(): PointCell[] {
  const { data, dictionary } = project;
  return [...data.cells.values()].filter((c) => data.numeric.has(c.indicator)).map((c) => ({
    market: c.market,
    indicator: c.indicator,
    kind: dictionary.byId.get(c.indicator)!.kind,
    value: data.numeric.get(c.indicator)![data.ids.indexOf(c.market)],
    low: c.low,
    high: c.high,
    rationale: c.rationale,
  }));
}

describe('a point value sits at the midpoint of its range unless the rationale says why not', () => {
  const cell = (kind: string, value: number, low: number | undefined, high: number | undefined, rationale = 'because the source says so') =>
    ({ market: 'm', indicator: `${kind}-${value}-${low}-${high}`, kind, value, low, high, rationale });

  it.each([
    ['a rating at the midpoint of 4–5', cell('rating', 4.5, 4, 5), []],
    ['a rating at the favourable end of 4–5', cell('rating', 5, 4, 5), ['m/rating-5-4-5']],
    ['a rating with no range', cell('rating', 3, undefined, undefined), []],
    ['a count on either whole number nearest the midpoint 4.5', cell('count', 4, 4, 5), []],
    ['a count 6 in 3–8 (midpoint 5.5)', cell('count', 6, 3, 8), []],
    ['a count 7 in 3–8 (midpoint 5.5)', cell('count', 7, 3, 8), ['m/count-7-3-8']],
    ['an off-midpoint rating whose rationale says why', cell('rating', 5, 3, 5, 'Not the midpoint because the range only admits doubt downward.'), []],
    ['the phrase without a reason after it', cell('rating', 5, 3, 5, 'not the midpoint because '), ['m/rating-5-3-5']],
  ])('%s', (_name, c, expected) => {
    expect(offMidpoint([c])).toEqual(expected);
  });

  it('holds for every numeric cell of data/markets.csv and data/cells.csv', () => {
    const cells = defaultCells();
    expect(cells.length).toBe(project.data.ids.length * project.data.numeric.size);
    expect(offMidpoint(cells)).toEqual([]);
  });
});

describe('the risk indicators the caps read (issue #11 item 2)', () => {
  const risks = ['execution-risk', 'customer-concentration', 'policy-cycle-exposure'];

  it.each(risks)('%s has a cited value for every market', (ind) => {
    for (const m of project.data.ids) {
      const c = project.data.cells.get(cellKey(m, ind));
      expect(c, `${m}/${ind}`).toBeDefined();
      expect(c!.evidence.length, `${m}/${ind}`).toBeGreaterThan(0);
    }
  });

  it('the cells the source speaks to directly carry the anchor its words define, with no range', () => {
    const at = (m: string, ind: string) => project.data.numeric.get(ind)![project.data.ids.indexOf(m)];
    // "individual programs can also blow up margins when delivery slips" (ANS); "customer concentration can be
    // high, projects are lumpy" (subsea); "peak in FY2027 and then taper" while DX demand keeps rising (public DX).
    expect(at('defense', 'execution-risk')).toBe(5);
    expect(at('subsea', 'customer-concentration')).toBe(5);
    expect(at('public-dx', 'policy-cycle-exposure')).toBe(4);
  });
});

// Facts are paraphrases: no fact may share a run of more than ten words with a source document. Needs the
// documents beside the repository (../shared/seeds), which a fresh clone may not have; the test says so and skips.
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

describe.skipIf(!existsSync(SEEDS))('facts are written in the ledger\'s own words (needs ../shared/seeds)', () => {
  const words = (t: string) => t.toLowerCase().replace(/[“”"’‘]/g, '').replace(/[^a-z0-9¥.,%\- ]+/g, ' ').split(/\s+/).filter(Boolean);
  // Read lazily: vitest runs a skipped describe's body to collect its tests, so nothing here may touch SEEDS.
  let sourceText: string | undefined;
  const source = () => (sourceText ??= readdirSync(SEEDS).map((f) => words(readFileSync(join(SEEDS, f), 'utf8')).join(' ')).join(' | '));

  /** Length in words of the longest run of `text` that appears verbatim in the source documents. */
  function longestSharedRun(text: string): number {
    const w = words(text);
    let best = 0;
    for (let i = 0; i < w.length; i++) {
      for (let j = i + best + 1; j <= w.length && source().includes(w.slice(i, j).join(' ')); j++) best = j - i;
    }
    return best;
  }

  it('the check finds a quote: the thesis sentence copied whole shares all its words', () => {
    expect(longestSharedRun('NEC’s commercial model works best when four conditions hold at once')).toBe(11);
  });

  it('no fact shares more than ten consecutive words with the source', () => {
    const long = project.evidence!.facts.map((f) => [f.id, longestSharedRun(f.text)] as const).filter(([, n]) => n > 10);
    expect(long).toEqual([]);
  });
});
