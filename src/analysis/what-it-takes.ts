import { InputError } from '../errors/problem';
import type { AggregationMethod } from '../methods/method';
import type { Dataset } from '../model/dataset';
import type { Indicator, IndicatorDictionary } from '../model/indicator';
import type { RankResult } from '../model/result';
import type { Rubric } from '../model/rubric';
import { rankWithRubric } from '../scoring/score-rubric';
import { checkMarkets } from './trace';

/**
 * What would it take: for each market and indicator, the smallest change of that one indicator that changes the
 * market's tier, its gate status or its rank — the performance-measure half of Triantaphyllou & Sánchez (1997),
 * "A sensitivity analysis approach for some deterministic multi-criteria decision-making methods" (Decision
 * Sciences 28(1)), whose other half (criterion weights) is src/analysis/thresholds.ts.
 *
 * The scale and the step rule (the dictionary declares no step, so one is fixed here):
 * - numeric indicators move on the whole-unit grid of their declared scale: every integer from scale.min to
 *   scale.max (ratings 1–5, a 0–5 count), plus the two ends; counts without a scale run from 0; any bound not
 *   declared is MAX_STEPS units beyond the value. A candidate c is ceil(|c − v|) steps from the value v, so from
 *   an integer value a step is one unit, and from a range midpoint such as 2.5 both 2 and 3 are one step away.
 * - categorical indicators: every other category is one step away; they are tried in the dictionary's order.
 * Candidates are tried nearest first (by |c − v|), the lower value first at equal distance, so the change reported
 * is the smallest in either direction; ties between directions go to the lower value. One change is reported per
 * (market, indicator, effect): the first candidate, in that order, that has the effect.
 *
 * Effects, each against the ranking of the unchanged data: `tier` — the market's tier differs; `gate` — its gate
 * status (capped or not) differs; `rank` — its competition rank differs, which can only happen by passing, tying
 * or falling behind another market (one market's change reorders no other pair under wsm, wpm and gate).
 *
 * Every candidate is scored by the public engine, rankWithRubric, on a copy of the data with the one cell
 * changed (and its low/high range collapsed to the value, as a scenario override does).
 */

export type Effect = 'tier' | 'gate' | 'rank';
export const EFFECTS: readonly Effect[] = ['tier', 'gate', 'rank'];

/** Search horizon, in units, for an indicator with no declared bound on that side. */
export const MAX_STEPS = 50;

export interface Candidate {
  readonly value: number | string;
  readonly steps: number;
  /** Distance on the scale (|c − v| for numbers, 1 for categories): the order candidates are tried in. */
  readonly distance: number;
}

export interface ValueChange {
  readonly market: string;
  readonly indicator: string;
  readonly from: number | string;
  readonly to: number | string;
  readonly effect: Effect;
  readonly steps: number;
  /** What changes, in words: `tier entrenched → selective`, `rank 2 → 1`. */
  readonly detail: string;
}

export interface WhatItTakes {
  readonly changes: readonly ValueChange[];
  /** Candidates the rubric cannot score (say, a table rule with no row for the value): left out, with why. */
  readonly skipped: readonly { readonly market: string; readonly indicator: string; readonly value: number | string; readonly reason: string }[];
}

/** The candidate values of one indicator from `value`, in the order they are tried (see the module comment). */
export function candidateValues(ind: Indicator, value: number | string): Candidate[] {
  if (ind.kind === 'category') {
    return Object.keys(ind.categories ?? {}).filter((c) => c !== value).map((c) => ({ value: c, steps: 1, distance: 1 }));
  }
  const v = value as number;
  const lo = ind.scale?.min ?? (ind.kind === 'count' ? 0 : Math.floor(v) - MAX_STEPS);
  const hi = ind.scale?.max ?? Math.ceil(v) + MAX_STEPS;
  const grid = new Set<number>([lo, hi]);
  for (let c = Math.ceil(lo); c <= hi; c++) grid.add(c);
  return [...grid]
    .filter((c) => c !== v)
    .map((c) => ({ value: c, steps: Math.ceil(Math.abs(c - v) - 1e-9), distance: Math.abs(c - v) }))
    .sort((a, b) => a.distance - b.distance || (a.value as number) - (b.value as number));
}

/** The data with one market's value of one indicator replaced; every other column is shared, not copied. */
export function withValue(data: Dataset, row: number, indicator: string, value: number | string): Dataset {
  if (typeof value === 'string') {
    const col = [...data.categorical.get(indicator)!];
    col[row] = value;
    return { ...data, categorical: new Map(data.categorical).set(indicator, col) };
  }
  const set = (m: ReadonlyMap<string, Float64Array>) => {
    const col = m.get(indicator)!.slice();
    col[row] = value;
    return new Map(m).set(indicator, col);
  };
  return { ...data, numeric: set(data.numeric), low: set(data.low), high: set(data.high) };
}

/** Which effects a changed ranking has on one market, against the base ranking. */
export function effectsOn(base: RankResult, id: string, after: RankResult): Map<Effect, string> {
  const was = base.ranking.find((a) => a.id === id)!;
  const now = after.ranking.find((a) => a.id === id)!;
  const out = new Map<Effect, string>();
  if (now.tier !== was.tier) out.set('tier', `tier ${was.tier} → ${now.tier}`);
  if (now.gated !== was.gated) out.set('gate', now.gated ? 'now capped by the gate' : 'no longer capped by the gate');
  if (now.rank !== was.rank) {
    // The markets whose order against this one changed: the neighbours it passed, tied or fell behind.
    const rankIn = (r: RankResult, o: string) => r.ranking.find((a) => a.id === o)!.rank;
    const crossed = base.ranking.filter((a) => a.id !== id && Math.sign(a.rank - was.rank) !== Math.sign(rankIn(after, a.id) - now.rank)).map((a) => a.id);
    out.set('rank', `rank ${was.rank} → ${now.rank} (against ${crossed.join(', ')})`);
  }
  return out;
}

/**
 * The smallest one-indicator changes for `markets` (default: all, in ranking order), over every indicator of the
 * dictionary that is a column of the data, in dictionary order.
 */
export function whatItTakes(rubric: Rubric, data: Dataset, method: AggregationMethod, dictionary: IndicatorDictionary, markets?: readonly string[]): WhatItTakes {
  const base = rankWithRubric(rubric, data, method);
  if (markets) checkMarkets(base, markets);
  const lines = markets ? markets.map((m) => base.ranking.find((a) => a.id === m)!) : base.ranking;
  const changes: ValueChange[] = [];
  const skipped: WhatItTakes['skipped'][number][] = [];
  for (const line of lines) {
    for (const ind of dictionary.indicators) {
      const from = data.numeric.get(ind.id)?.[line.row] ?? data.categorical.get(ind.id)?.[line.row];
      if (from === undefined) continue;
      const found = new Map<Effect, ValueChange>();
      for (const c of candidateValues(ind, from)) {
        let after: RankResult;
        try {
          after = rankWithRubric(rubric, withValue(data, line.row, ind.id, c.value), method);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          skipped.push({ market: line.id, indicator: ind.id, value: c.value, reason: e.problems[0]?.message ?? e.message });
          continue;
        }
        for (const [effect, detail] of effectsOn(base, line.id, after)) {
          if (!found.has(effect)) found.set(effect, { market: line.id, indicator: ind.id, from, to: c.value, effect, steps: c.steps, detail });
        }
        if (found.size === EFFECTS.length) break;
      }
      for (const e of EFFECTS) if (found.has(e)) changes.push(found.get(e)!);
    }
  }
  return { changes, skipped };
}

/**
 * The cheapest changes of one market: fewest steps first, then tier before gate before rank, then dictionary
 * order; a change with several effects is listed once, its effects joined.
 */
export function cheapest(r: WhatItTakes, market: string, count: number): { indicator: string; from: number | string; to: number | string; steps: number; effects: Effect[]; details: string[] }[] {
  const mine = r.changes.map((c, k) => ({ c, k })).filter(({ c }) => c.market === market);
  mine.sort((a, b) => a.c.steps - b.c.steps || EFFECTS.indexOf(a.c.effect) - EFFECTS.indexOf(b.c.effect) || a.k - b.k);
  const out: ReturnType<typeof cheapest> = [];
  for (const { c } of mine) {
    const same = out.find((o) => o.indicator === c.indicator && o.to === c.to);
    if (same) {
      same.effects.push(c.effect);
      same.details.push(c.detail);
    } else if (out.length < count) out.push({ indicator: c.indicator, from: c.from, to: c.to, steps: c.steps, effects: [c.effect], details: [c.detail] });
  }
  return out;
}
