import { isTie, Ranker } from '../ranking/competition-rank';
import { globalFromConditions, prepared, type SensitivityModel } from './sensitivity-model';

/** The order of a pair changes at `weight`: `before` leads below it, `after` leads (or they tie) above it. */
export interface Swap {
  readonly weight: number;
  readonly pair: readonly [string, string];
  readonly before: string;
  readonly after: string;
}

export interface ConditionSweep {
  readonly condition: string;
  readonly weight: number;
  /** The interval of this condition's weight (others rescaled proportionally) over which the ranking holds. */
  readonly holdsFrom: number;
  readonly holdsTo: number;
  readonly swaps: readonly Swap[];
}

export interface SweepResult {
  readonly method: string;
  /** True when swap points are computed in closed form (WSM), false when found numerically. */
  readonly exact: boolean;
  /** `all-pairs`: every pair swap on [0, 1]; `first-change`: only the changes that end the interval (n > ALL_PAIRS_MAX). */
  readonly scope: 'all-pairs' | 'first-change';
  readonly conditions: readonly ConditionSweep[];
}

/**
 * One-way sweep of each condition weight t ∈ [0, 1], the others rescaled to keep their proportions:
 *   w_k(t) = w_k (1 − t) / (1 − w_c)   (k ≠ c; equal shares when w_c = 1).
 * Under WSM each score is linear in t: S_i(t) = t a_i + (1 − t) b_i with a_i the condition score and
 * b_i = (S_i − w_c a_i) / (1 − w_c), so a pair swaps at t* = (b_k − b_i) / ((a_i − a_k) − (b_i − b_k)) (closed form).
 * Other methods are scored through their plug-in on a grid of GRID steps and each change is refined by bisection
 * to 1e-10.
 * Every pair swap is listed up to ALL_PAIRS_MAX alternatives. Beyond, listing them is quadratic in output as well as
 * work, so the sweep reports the interval and the change(s) that end it on each side: under WSM the first crossing
 * from the base weight is between neighbours of the current order (scores are continuous in t); for the other
 * methods (gate scores jump when a condition crosses the threshold) the sorted ranking at each grid point is compared
 * with the base ranking and the first difference bisected.
 */
export const GRID = 400;
export const ALL_PAIRS_MAX = 200;
const EDGE = 1e-7;

export function sweep(m: SensitivityModel): SweepResult {
  // Closed form only where scores are linear in the model's own columns: WSM on prescaled scores (a rubric's; a plain
  // table is normalised inside the plug-in first) with no risk-cap ceiling (a min breaks linearity).
  const exact = m.method === 'wsm' && m.ceilings === undefined && m.matrix.prescaled;
  return {
    method: m.method, exact, scope: m.ids.length <= ALL_PAIRS_MAX ? 'all-pairs' : 'first-change',
    conditions: m.conditionIds.map((_, c) => (exact ? sweepExact(m, c) : sweepNumeric(m, c))),
  };
}

/** Condition weights at t for the sweep of condition c. */
export function sweepWeights(m: SensitivityModel, c: number, t: number, out: Float64Array): Float64Array {
  const wc = m.conditionWeights[c];
  const C = m.conditionIds.length;
  for (let k = 0; k < C; k++) out[k] = k === c ? t : wc < 1 ? (m.conditionWeights[k] * (1 - t)) / (1 - wc) : (1 - t) / (C - 1);
  return out;
}

/** Scores of every alternative at point t of the sweep of condition c, through the method's plug-in. */
export function sweepScorer(m: SensitivityModel, c: number): (t: number, out: Float64Array) => Float64Array {
  const p = prepared(m);
  const cw = new Float64Array(m.conditionIds.length);
  const gw = new Float64Array(m.criterionIds.length);
  return (t, out) => {
    p.score(globalFromConditions(m, sweepWeights(m, c, t, cw), gw), out);
    return out;
  };
}

function conditionScores(m: SensitivityModel): Float64Array[] {
  const n = m.ids.length;
  return m.conditionIds.map((_, c) => {
    const col = new Float64Array(n);
    m.criterionIds.forEach((_k, j) => {
      if (m.group[j] === c) for (let i = 0; i < n; i++) col[i] += m.local[j] * m.scores[j][i];
    });
    return col;
  });
}

function interval(wc: number, swaps: readonly Swap[]): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const s of swaps) {
    if (s.weight < wc && s.weight > lo) lo = s.weight;
    if (s.weight > wc && s.weight < hi) hi = s.weight;
  }
  return [lo, hi];
}

const byWeight = (x: Swap, y: Swap) => x.weight - y.weight || x.before.localeCompare(y.before);

function sweepExact(m: SensitivityModel, c: number): ConditionSweep {
  const n = m.ids.length;
  const cs = conditionScores(m);
  const wc = m.conditionWeights[c];
  const cw = m.conditionWeights;
  const a = cs[c];
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let rest = 0;
    for (let k = 0; k < cw.length; k++) if (k !== c) rest += cw[k] * cs[k][i];
    b[i] = wc < 1 ? rest / (1 - wc) : cs.reduce((acc, col, k) => (k === c ? acc : acc + col[i] / (cw.length - 1)), 0);
  }
  const swaps: Swap[] = [];
  const consider = (i: number, k: number) => {
    const den = a[i] - a[k] - (b[i] - b[k]);
    if (den === 0) return;
    const t = (b[k] - b[i]) / den;
    if (!(t > 0 && t < 1)) return;
    // Below t the sign of S_i − S_k is that of its value at t = 0, b_i − b_k.
    const iLeadsBelow = b[i] - b[k] > 0;
    const [hiId, loId] = iLeadsBelow ? [m.ids[i], m.ids[k]] : [m.ids[k], m.ids[i]];
    swaps.push({ weight: t, pair: [m.ids[i], m.ids[k]], before: `${hiId} > ${loId}`, after: `${loId} > ${hiId}` });
  };
  if (n <= ALL_PAIRS_MAX) {
    for (let i = 0; i < n; i++) for (let k = i + 1; k < n; k++) consider(i, k);
    swaps.sort(byWeight);
    const [holdsFrom, holdsTo] = interval(wc, swaps);
    return { condition: m.conditionIds[c], weight: wc, holdsFrom, holdsTo, swaps };
  }
  // Neighbours in the base order (by row index within a tie): the first pair to cross as t leaves w_c.
  const base = new Float64Array(n);
  sweepScorer(m, c)(wc, base);
  const { order } = new Ranker(n).run(base);
  for (let p = 0; p + 1 < n; p++) consider(Math.min(order[p], order[p + 1]), Math.max(order[p], order[p + 1]));
  swaps.sort(byWeight);
  const [holdsFrom, holdsTo] = interval(wc, swaps);
  const bounding = swaps.filter((s) => s.weight === holdsFrom || s.weight === holdsTo);
  return { condition: m.conditionIds[c], weight: wc, holdsFrom, holdsTo, swaps: bounding };
}

function describe(m: SensitivityModel, i: number, k: number, st: number): string {
  return st === 0 ? `${m.ids[i]} = ${m.ids[k]}` : st > 0 ? `${m.ids[i]} > ${m.ids[k]}` : `${m.ids[k]} > ${m.ids[i]}`;
}

function sweepNumeric(m: SensitivityModel, c: number): ConditionSweep {
  const wc = m.conditionWeights[c];
  const swaps = m.ids.length <= ALL_PAIRS_MAX ? allPairSwaps(m, c) : firstChanges(m, c);
  swaps.sort(byWeight);
  const [holdsFrom, holdsTo] = interval(wc, swaps);
  return { condition: m.conditionIds[c], weight: wc, holdsFrom, holdsTo, swaps };
}

/** Every change of every pair's order on the grid, each refined by bisection. */
function allPairSwaps(m: SensitivityModel, c: number): Swap[] {
  const n = m.ids.length;
  const score = sweepScorer(m, c);
  const out = new Float64Array(n);
  const s2 = new Float64Array(n);
  const state = (s: Float64Array, i: number, k: number) => (isTie(s[i], s[k]) ? 0 : s[i] > s[k] ? 1 : -1);
  const swaps: Swap[] = [];
  const prev = new Int8Array(n * n);
  score(0, out);
  for (let i = 0; i < n; i++) for (let k = i + 1; k < n; k++) prev[i * n + k] = state(out, i, k);
  for (let g = 1; g <= GRID; g++) {
    const t1 = (g - 1) / GRID;
    const t2 = g / GRID;
    score(t2, s2);
    for (let i = 0; i < n; i++) {
      for (let k = i + 1; k < n; k++) {
        const a = prev[i * n + k];
        const b = state(s2, i, k);
        if (a === b) continue;
        let lo = t1;
        let hi = t2;
        while (hi - lo > 1e-10) {
          const mid = (lo + hi) / 2;
          if (state(score(mid, out), i, k) === a) lo = mid;
          else hi = mid;
        }
        const t = (lo + hi) / 2;
        // As in the closed form, only changes strictly inside (0, 1) count: at the ends a single condition decides
        // and markets equal on it merely tie.
        if (t > EDGE && t < 1 - EDGE) swaps.push({ weight: t, pair: [m.ids[i], m.ids[k]], before: describe(m, i, k, a), after: describe(m, i, k, b) });
        prev[i * n + k] = b;
      }
    }
  }
  return swaps;
}

/**
 * The first change of the ranking on each side of the base weight: grid points are ranked and compared with the base
 * ranking (competition ranks, so ties count), the first difference is bisected to 1e-10, and the pairs whose order
 * differs just past it are listed.
 */
function firstChanges(m: SensitivityModel, c: number): Swap[] {
  const n = m.ids.length;
  const wc = m.conditionWeights[c];
  const score = sweepScorer(m, c);
  const out = new Float64Array(n);
  const ranker = new Ranker(n);
  const baseRank = Uint32Array.from(ranker.run(score(wc, out)).rank);
  const same = (t: number) => {
    const r = ranker.run(score(t, out)).rank;
    for (let i = 0; i < n; i++) if (r[i] !== baseRank[i]) return false;
    return true;
  };
  const swaps: Swap[] = [];
  for (const dir of [1, -1]) {
    let prev = wc;
    for (let g = 1; g <= GRID; g++) {
      const t = Math.min(1, Math.max(0, wc + (dir * g) / GRID));
      if (!same(t)) {
        let lo = prev;
        let hi = t;
        while (Math.abs(hi - lo) > 1e-10) {
          const mid = (lo + hi) / 2;
          if (same(mid)) lo = mid;
          else hi = mid;
        }
        const at = (lo + hi) / 2;
        if (at > EDGE && at < 1 - EDGE) {
          const r = ranker.run(score(hi, out)).rank;
          const sign = (x: number, y: number) => (x === y ? 0 : x < y ? 1 : -1);
          for (let i = 0; i < n; i++) {
            if (r[i] === baseRank[i]) continue;
            for (let k = 0; k < n; k++) {
              if (k === i || (r[k] !== baseRank[k] && k < i)) continue;
              const a = sign(baseRank[i], baseRank[k]);
              const b = sign(r[i], r[k]);
              if (a !== b) swaps.push({ weight: at, pair: [m.ids[i], m.ids[k]], before: describe(m, i, k, a), after: describe(m, i, k, b) });
            }
          }
        }
        break;
      }
      prev = t;
      if (t === 0 || t === 1) break;
    }
  }
  return swaps;
}
