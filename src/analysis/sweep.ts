import { isTie } from '../ranking/competition-rank';
import { evaluatorFor, globalFromConditions, type SensitivityModel } from './sensitivity-model';

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
  readonly conditions: readonly ConditionSweep[];
}

/**
 * One-way sweep of each condition weight t ∈ [0, 1], the others rescaled to keep their proportions:
 *   w_k(t) = w_k (1 − t) / (1 − w_c)   (k ≠ c; equal shares when w_c = 1).
 * Under WSM each score is linear in t: S_i(t) = t a_i + (1 − t) b_i with a_i the condition score and
 * b_i = (S_i − w_c a_i) / (1 − w_c), so a pair swaps at t* = (b_k − b_i) / ((a_i − a_k) − (b_i − b_k)) (closed form).
 * Other methods are evaluated on a grid of GRID steps and each change of a pair's order is refined by bisection to
 * 1e-10.
 */
export const GRID = 400;
const EDGE = 1e-7;

export function sweep(m: SensitivityModel): SweepResult {
  const exact = m.method === 'wsm';
  return { method: m.method, exact, conditions: m.conditionIds.map((_, c) => (exact ? sweepExact(m, c) : sweepNumeric(m, c))) };
}

function others(m: SensitivityModel, c: number, t: number, out: Float64Array): Float64Array {
  const wc = m.conditionWeights[c];
  const C = m.conditionIds.length;
  for (let k = 0; k < C; k++) out[k] = k === c ? t : wc < 1 ? (m.conditionWeights[k] * (1 - t)) / (1 - wc) : (1 - t) / (C - 1);
  return out;
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
  for (let i = 0; i < n; i++) {
    for (let k = i + 1; k < n; k++) {
      const den = a[i] - a[k] - (b[i] - b[k]);
      if (den === 0) continue;
      const t = (b[k] - b[i]) / den;
      if (!(t > 0 && t < 1)) continue;
      // Below t the sign of S_i − S_k is that of its value at t = 0, b_i − b_k.
      const iLeadsBelow = b[i] - b[k] > 0;
      const [hiId, loId] = iLeadsBelow ? [m.ids[i], m.ids[k]] : [m.ids[k], m.ids[i]];
      swaps.push({ weight: t, pair: [m.ids[i], m.ids[k]], before: `${hiId} > ${loId}`, after: `${loId} > ${hiId}` });
    }
  }
  swaps.sort((x, y) => x.weight - y.weight || x.before.localeCompare(y.before));
  const [holdsFrom, holdsTo] = interval(wc, swaps);
  return { condition: m.conditionIds[c], weight: wc, holdsFrom, holdsTo, swaps };
}

function sweepNumeric(m: SensitivityModel, c: number): ConditionSweep {
  const n = m.ids.length;
  const ev = evaluatorFor(m);
  const cwBuf = new Float64Array(m.conditionIds.length);
  const gw = new Float64Array(m.criterionIds.length);
  const out = new Float64Array(n);
  const at = (t: number) => {
    ev.score(globalFromConditions(m, others(m, c, t, cwBuf), gw), out);
    return out;
  };
  const state = (s: Float64Array, i: number, k: number) => (isTie(s[i], s[k]) ? 0 : s[i] > s[k] ? 1 : -1);
  const describe = (i: number, k: number, st: number) => (st === 0 ? `${m.ids[i]} = ${m.ids[k]}` : st > 0 ? `${m.ids[i]} > ${m.ids[k]}` : `${m.ids[k]} > ${m.ids[i]}`);
  const swaps: Swap[] = [];
  const prev = new Int8Array(n * n);
  const first = at(0);
  for (let i = 0; i < n; i++) for (let k = i + 1; k < n; k++) prev[i * n + k] = state(first, i, k);
  for (let g = 1; g <= GRID; g++) {
    const t1 = (g - 1) / GRID;
    const t2 = g / GRID;
    const s2 = at(t2).slice();
    for (let i = 0; i < n; i++) {
      for (let k = i + 1; k < n; k++) {
        const a = prev[i * n + k];
        const b = state(s2, i, k);
        if (a === b) continue;
        let lo = t1;
        let hi = t2;
        while (hi - lo > 1e-10) {
          const mid = (lo + hi) / 2;
          if (state(at(mid), i, k) === a) lo = mid;
          else hi = mid;
        }
        const t = (lo + hi) / 2;
        // As in the closed form, only changes strictly inside (0, 1) count: at the ends a single condition decides
        // and markets equal on it merely tie.
        if (t > EDGE && t < 1 - EDGE) swaps.push({ weight: t, pair: [m.ids[i], m.ids[k]], before: describe(i, k, a), after: describe(i, k, b) });
        prev[i * n + k] = b;
      }
    }
  }
  swaps.sort((x, y) => x.weight - y.weight || x.before.localeCompare(y.before));
  const wc = m.conditionWeights[c];
  const [holdsFrom, holdsTo] = interval(wc, swaps);
  return { condition: m.conditionIds[c], weight: wc, holdsFrom, holdsTo, swaps };
}
