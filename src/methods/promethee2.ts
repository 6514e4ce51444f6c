import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { PREFERENCE_CODE, preference } from './params';

/**
 * The largest number of alternatives PROMETHEE II ranks in one problem. Its flows compare every pair: n(n − 1)/2
 * pairs per criterion, about 0.5 ns each here — 10,000 × 10 takes about 0.3 s (npm run bench), 100,000 × 10 would
 * be 5·10^10 comparisons, half a minute or more per weight vector, and the analyses score thousands. Beyond this
 * size the method refuses (method.too-many-pairs) rather than appear to hang.
 */
export const PROMETHEE_MAX_ALTERNATIVES = 20_000;

/**
 * PROMETHEE II (Brans & Vincke 1985, "A preference ranking organisation method", Management Science 31(6)):
 *   d_j(a, b) = f_j(a) − f_j(b) (turned for a cost criterion), P_j the criterion's preference function (params.ts)
 *   π(a, b)   = Σ_j w_j P_j(d_j(a, b))                         w as fractions of their sum
 *   φ+(a)     = Σ_b π(a, b) / (n − 1),  φ−(a) = Σ_b π(b, a) / (n − 1)
 *   φ(a)      = φ+(a) − φ−(a)                                  net flow, in [−1, 1], the score
 * Partly compensatory (an outranking method: a criterion adds at most w_j per pair, whatever the margin) and not
 * rank-reversal free (the flows depend on every other alternative). Each pair is visited once per criterion,
 * crediting a and debiting b together; preference values depend on the weights only through w_j, so nothing
 * n² is stored.
 */
export class PreparedPromethee implements PreparedMethod {
  private readonly w: Float64Array;
  private readonly x: Float64Array[];
  private readonly code: Int32Array;
  private readonly q: Float64Array;
  private readonly p: Float64Array;
  private readonly s: Float64Array;
  private plus = new Float64Array(0);
  private minus = new Float64Array(0);
  constructor(m: DecisionMatrix, readonly n: number) {
    const k = m.columns.length;
    this.w = new Float64Array(k);
    // Cost columns negated once, so that a larger value is always preferred.
    this.x = m.columns.map((c, j) => (m.benefit[j] ? c : c.map((v) => -v)));
    const f = (j: number) => m.params?.preference?.[j];
    this.code = Int32Array.from({ length: k }, (_, j) => PREFERENCE_CODE[f(j)?.kind ?? 'usual']);
    this.q = Float64Array.from({ length: k }, (_, j) => f(j)?.q ?? 0);
    this.p = Float64Array.from({ length: k }, (_, j) => f(j)?.p ?? 0);
    this.s = Float64Array.from({ length: k }, (_, j) => f(j)?.s ?? 0);
  }
  /** φ+ and φ− of `blocks` blocks from `block` on into the scratch arrays; false when no weight is positive. */
  private flows(weights: ArrayLike<number>, block: number, blocks: number): boolean {
    const { w, x, n } = this;
    const total = n * blocks;
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
      const c = x[j];
      const code = this.code[j];
      const q = this.q[j];
      const p = this.p[j];
      const s = this.s[j];
      for (let b = 0; b < blocks; b++) {
        const from = (block + b) * n;
        const o = b * n;
        for (let a = 0; a < n; a++) {
          const xa = c[from + a];
          let pa = 0;
          let ma = 0;
          for (let e = a + 1; e < n; e++) {
            const d = xa - c[from + e];
            if (d > 0) {
              const v = code === 0 ? wj : wj * preference(code, d, q, p, s);
              pa += v;
              minus[o + e] += v;
            } else if (d < 0) {
              const v = code === 0 ? wj : wj * preference(code, -d, q, p, s);
              ma += v;
              plus[o + e] += v;
            }
          }
          plus[o + a] += pa;
          minus[o + a] += ma;
        }
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

export class Promethee2Method implements AggregationMethod {
  readonly id = 'promethee2' as const;
  readonly name = 'PROMETHEE II (net outranking flow)';
  readonly compensatory = false;
  readonly scoreMeaning = 'net flow φ+ − φ−, −1 to 1';
  check(m: DecisionMatrix): Problem[] {
    const n = m.n;
    if (n > PROMETHEE_MAX_ALTERNATIVES) {
      return [{ code: 'method.too-many-pairs', file: m.file, message: `promethee2 compares every pair of alternatives: ${n} alternatives are ${((n * (n - 1)) / 2).toExponential(1)} pairs per criterion, more than the ${PROMETHEE_MAX_ALTERNATIVES} alternatives it ranks`, hint: 'filter the rows, or use --method spotis or topsis, which are linear in n' }];
    }
    return [];
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedPromethee {
    return new PreparedPromethee(m, m.n / blocks);
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
