import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { PREFERENCE_CODE, preference } from './params';

/**
 * The largest number of alternatives PROMETHEE II ranks in one problem when a criterion uses the Gaussian function:
 * that function has no closed-form sum, so its flows compare every pair, n(n − 1)/2 per criterion — 10,000
 * alternatives take about 2.5 s per Gaussian criterion (npm run bench), 100,000 would take about 250 s. Beyond this size the
 * method refuses (method.too-many-pairs). The five piecewise-linear functions are summed over sorted values in
 * O(n log n) and have no limit (100,000 × 10: about 2 s).
 */
export const PROMETHEE_MAX_ALTERNATIVES = 20_000;

/**
 * PROMETHEE II (Brans & Vincke 1985, "A preference ranking organisation method", Management Science 31(6)):
 *   d_j(a, b) = f_j(a) − f_j(b) (turned for a cost criterion), P_j the criterion's preference function (params.ts)
 *   π(a, b)   = Σ_j w_j P_j(d_j(a, b))                         w as fractions of their sum
 *   φ+(a)     = Σ_b π(a, b) / (n − 1),  φ−(a) = Σ_b π(b, a) / (n − 1)
 *   φ(a)      = φ+(a) − φ−(a)                                  net flow, in [−1, 1], the score
 * Partly compensatory (an outranking method: a criterion adds at most w_j per pair, whatever the margin) and not
 * rank-reversal free (the flows depend on every other alternative).
 * The flows are linear in w: φ+(a) = Σ_j w_j F+_j(a) / (n − 1) with F+_j(a) = Σ_b P_j(d_j(a, b)), which does not
 * depend on the weights. So prepare computes F+_j and F−_j once per criterion, and score is O(n m). For the
 * piecewise-linear functions F is a count and a sum over a range of the sorted column (binary search and prefix
 * sums, O(n log n)); for the Gaussian it is the pairwise sum (O(n²), hence PROMETHEE_MAX_ALTERNATIVES).
 */
export class PreparedPromethee implements PreparedMethod {
  private readonly w: Float64Array;
  /** Per criterion: F+_j and F−_j for every row. */
  private readonly fPlus: Float64Array[];
  private readonly fMinus: Float64Array[];
  private plus = new Float64Array(0);
  private minus = new Float64Array(0);
  constructor(m: DecisionMatrix, readonly n: number, blocks = 1) {
    const k = m.columns.length;
    this.w = new Float64Array(k);
    this.fPlus = [];
    this.fMinus = [];
    for (let j = 0; j < k; j++) {
      const f = m.params?.preference?.[j];
      const plus = new Float64Array(m.columns[j].length);
      const minus = new Float64Array(m.columns[j].length);
      for (let b = 0; b < blocks; b++) {
        // Cost columns negated, so that a larger value is always preferred; shifted to start at 0 so that the
        // prefix sums do not cancel large magnitudes.
        const x = m.columns[j].slice(b * n, b * n + n);
        if (!m.benefit[j]) for (let i = 0; i < n; i++) x[i] = -x[i];
        let lo = Infinity;
        for (let i = 0; i < n; i++) if (x[i] < lo) lo = x[i];
        for (let i = 0; i < n; i++) x[i] -= lo;
        flowSums(x, PREFERENCE_CODE[f?.kind ?? 'usual'], f?.q ?? 0, f?.p ?? 0, f?.s ?? 0, plus.subarray(b * n, b * n + n), minus.subarray(b * n, b * n + n));
      }
      this.fPlus.push(plus);
      this.fMinus.push(minus);
    }
  }
  /** φ+ and φ− of `blocks` blocks from `block` on into the scratch arrays; false when no weight is positive. */
  private flows(weights: ArrayLike<number>, block: number, blocks: number): boolean {
    const { w, n } = this;
    const total = n * blocks;
    const at = block * n;
    if (this.plus.length < total) {
      this.plus = new Float64Array(total);
      this.minus = new Float64Array(total);
    }
    const { plus, minus } = this;
    plus.fill(0, 0, total);
    minus.fill(0, 0, total);
    if (!normaliseWeights(weights, w)) return false;
    const scale = n > 1 ? 1 / (n - 1) : 0;
    for (let j = 0; j < w.length; j++) {
      const wj = w[j] * scale;
      if (wj === 0) continue;
      const fp = this.fPlus[j];
      const fm = this.fMinus[j];
      for (let i = 0; i < total; i++) {
        plus[i] += wj * fp[at + i];
        minus[i] += wj * fm[at + i];
      }
    }
    return true;
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    const total = this.n * blocks;
    if (!this.flows(weights, block, blocks)) {
      out.fill(NaN, 0, total);
      return;
    }
    for (let i = 0; i < total; i++) out[i] = this.plus[i] - this.minus[i];
  }
  detail(weights: ArrayLike<number>): { phiPlus: Float64Array; phiMinus: Float64Array; netFlow: Float64Array } {
    const netFlow = new Float64Array(this.n);
    this.score(weights, netFlow);
    return { phiPlus: this.plus.slice(0, this.n), phiMinus: this.minus.slice(0, this.n), netFlow };
  }
}

/** Number of sorted values < t (strict) or <= t. */
function count(ys: Float64Array, t: number, strict: boolean): number {
  let lo = 0;
  let hi = ys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (strict ? ys[mid] < t : ys[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * F+(a) = Σ_b P(x_a − x_b) and F−(a) = Σ_b P(x_b − x_a) of one column (larger preferred) into `plus` and `minus`.
 * With y the sorted column and S its prefix sums, each is a count of the y past a threshold plus, for the linear
 * parts, Σ (x_a − y)/p over the y in between = (k x_a − ΣY)/p: thresholds from the function's definition (params.ts).
 */
function flowSums(x: Float64Array, code: number, q: number, p: number, s: number, plus: Float64Array, minus: Float64Array): void {
  const n = x.length;
  if (code === 5) {
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const d = x[a] - x[b];
        const v = preference(code, d > 0 ? d : -d, q, p, s);
        if (d > 0) {
          plus[a] += v;
          minus[b] += v;
        } else if (d < 0) {
          plus[b] += v;
          minus[a] += v;
        }
      }
    }
    return;
  }
  const y = x.slice().sort();
  const sum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sum[i + 1] = sum[i] + y[i];
  /** Σ over y[from … to − 1]. */
  const range = (from: number, to: number) => (to > from ? sum[to] - sum[from] : 0);
  for (let i = 0; i < n; i++) {
    const xa = x[i];
    switch (code) {
      case 0: // usual: y < x_a beaten, y > x_a beats
        plus[i] = count(y, xa, true);
        minus[i] = n - count(y, xa, false);
        break;
      case 1: // ushape: d > q
        plus[i] = count(y, xa - q, true);
        minus[i] = n - count(y, xa + q, false);
        break;
      case 3: { // level: d > p gives 1, q < d <= p gives 1/2
        const beyond = count(y, xa - p, true);
        plus[i] = beyond + 0.5 * (count(y, xa - q, true) - beyond);
        const above = count(y, xa + p, false);
        minus[i] = n - above + 0.5 * (above - count(y, xa + q, false));
        break;
      }
      default: { // vshape (q = 0) and linear: d >= p gives 1, q < d < p gives (d − q)/(p − q)
        const qq = code === 2 ? 0 : q;
        const full = count(y, xa - p, false);
        const part = count(y, xa - qq, true);
        plus[i] = full + ((part - full) * (xa - qq) - range(full, part)) / (p - qq);
        const from = count(y, xa + qq, false);
        const to = count(y, xa + p, true);
        minus[i] = n - to + (range(from, to) - (to - from) * (xa + qq)) / (p - qq);
      }
    }
  }
}

export class Promethee2Method implements AggregationMethod {
  readonly id = 'promethee2' as const;
  readonly name = 'PROMETHEE II (net outranking flow)';
  readonly compensatory = false;
  readonly scoreMeaning = 'net flow φ+ − φ−, −1 to 1';
  check(m: DecisionMatrix): Problem[] {
    const n = m.n;
    const gaussian = m.criteria.filter((_, j) => m.params?.preference?.[j]?.kind === 'gaussian');
    if (gaussian.length && n > PROMETHEE_MAX_ALTERNATIVES) {
      return [{ code: 'method.too-many-pairs', file: m.file, path: `column ${gaussian[0]}`, message: `promethee2's gaussian preference compares every pair: ${n} alternatives are ${((n * (n - 1)) / 2).toExponential(1)} pairs, beyond the ${PROMETHEE_MAX_ALTERNATIVES} alternatives it ranks with a gaussian criterion`, hint: 'use linear:q=…:p=… for that criterion, or filter the rows' }];
    }
    return [];
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedPromethee {
    return new PreparedPromethee(m, m.n / blocks, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    return this.prepare(m).detail(w);
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteAnywhere(m, 'promethee2') ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'promethee2 gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
