import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type MethodVerdict, type PreparedMethod } from './method';

/**
 * VIKOR (Opricovic & Tzeng 2004, "Compromise solution by MCDM methods: a comparative analysis of VIKOR and TOPSIS",
 * EJOR 156(2), §2):
 *   f*_j = best, f−_j = worst value of criterion j (max/min for a benefit criterion, min/max for a cost one)
 *   S_i  = Σ_j w_j (f*_j − f_ij)/(f*_j − f−_j)          group utility
 *   R_i  = max_j w_j (f*_j − f_ij)/(f*_j − f−_j)         individual regret
 *   Q_i  = v (S_i − S*)/(S− − S*) + (1 − v)(R_i − R*)/(R− − R*),  S* = min S, S− = max S, likewise R; v = 0.5
 * Q is lower-is-better; the score reported is 1 − Q (in [0, 1], higher is better). A constant criterion
 * (f* = f−) contributes 0; a constant S or R term (S− = S*) contributes 0. The distances to f* do not depend on the
 * weights and are computed once per matrix. Compensatory through S, tempered by R.
 */
export class PreparedVikor implements PreparedMethod {
  /** Per criterion: (f* − f)/(f* − f−) for every row. */
  private readonly d: Float64Array[];
  private readonly w: Float64Array;
  private s = new Float64Array(0);
  private r = new Float64Array(0);
  constructor(columns: readonly Float64Array[], benefit: readonly boolean[], readonly n: number, private readonly v: number, blocks = 1) {
    this.w = new Float64Array(columns.length);
    this.d = columns.map((c, j) => {
      const d = new Float64Array(c.length);
      for (let b = 0; b < blocks; b++) {
        let hi = -Infinity;
        let lo = Infinity;
        for (let i = b * n; i < b * n + n; i++) {
          if (c[i] > hi) hi = c[i];
          if (c[i] < lo) lo = c[i];
        }
        const best = benefit[j] ? hi : lo;
        const range = hi - lo;
        for (let i = b * n; i < b * n + n; i++) d[i] = range > 0 ? Math.abs(best - c[i]) / range : 0;
      }
      return d;
    });
  }
  /** S, R and Q of the rows of `blocks` blocks from `block` on, into the scratch arrays and `q`. */
  private sqr(weights: ArrayLike<number>, q: Float64Array, block: number, blocks: number): boolean {
    const { w, d } = this;
    const at = block * this.n;
    const total = this.n * blocks;
    if (this.s.length < total) {
      this.s = new Float64Array(total);
      this.r = new Float64Array(total);
    }
    const { s, r } = this;
    if (!normaliseWeights(weights, w)) return false;
    s.fill(0, 0, total);
    r.fill(0, 0, total);
    for (let j = 0; j < w.length; j++) {
      const wj = w[j];
      if (wj === 0) continue;
      const dj = d[j];
      for (let i = 0; i < total; i++) {
        const x = wj * dj[at + i];
        s[i] += x;
        if (x > r[i]) r[i] = x;
      }
    }
    for (let b = 0; b < blocks; b++) {
      const from = b * this.n;
      const to = from + this.n;
      let sMin = Infinity, sMax = -Infinity, rMin = Infinity, rMax = -Infinity;
      for (let i = from; i < to; i++) {
        if (s[i] < sMin) sMin = s[i];
        if (s[i] > sMax) sMax = s[i];
        if (r[i] < rMin) rMin = r[i];
        if (r[i] > rMax) rMax = r[i];
      }
      const sRange = sMax - sMin;
      const rRange = rMax - rMin;
      for (let i = from; i < to; i++) {
        q[i] = (sRange > 0 ? (this.v * (s[i] - sMin)) / sRange : 0) + (rRange > 0 ? ((1 - this.v) * (r[i] - rMin)) / rRange : 0);
      }
    }
    return true;
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    const total = this.n * blocks;
    if (!this.sqr(weights, out, block, blocks)) {
      out.fill(NaN, 0, total);
      return;
    }
    for (let i = 0; i < total; i++) out[i] = 1 - out[i];
  }
  detail(weights: ArrayLike<number>): VikorDetail {
    const Q = new Float64Array(this.n);
    if (!this.sqr(weights, Q, 0, 1)) Q.fill(NaN);
    return { S: this.s.slice(0, this.n), R: this.r.slice(0, this.n), Q };
  }
}

export interface VikorDetail {
  readonly S: Float64Array;
  readonly R: Float64Array;
  readonly Q: Float64Array;
}

/**
 * The compromise solution (Opricovic & Tzeng 2004, §2, step 5), with a' the best by Q and a'' the second:
 *   C1 acceptable advantage: Q(a'') − Q(a') >= DQ, DQ = 1/(n − 1);
 *   C2 acceptable stability: a' is also best by S or by R.
 * Both hold: {a'}. Only C2 fails: {a', a''}. C1 fails: every a with Q(a) − Q(a') < DQ (in Q order). Rows by index.
 */
export function vikorCompromise(d: VikorDetail): { advantage: boolean; stability: boolean; set: number[] } {
  const n = d.Q.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.Q[a] - d.Q[b] || a - b);
  if (n < 2) return { advantage: true, stability: true, set: order };
  const [first, second] = order;
  const dq = 1 / (n - 1);
  const advantage = d.Q[second] - d.Q[first] >= dq - 1e-12;
  // A loop, not Math.min(...): spreading a data-sized array overflows the stack (issue #10).
  const minS = smallest(d.S);
  const minR = smallest(d.R);
  const stability = d.S[first] === minS || d.R[first] === minR;
  if (!advantage) return { advantage, stability, set: order.filter((i) => d.Q[i] - d.Q[first] < dq - 1e-12) };
  return { advantage, stability, set: stability ? [first] : [first, second] };
}

function smallest(x: Float64Array): number {
  let m = Infinity;
  for (let i = 0; i < x.length; i++) if (x[i] < m) m = x[i];
  return m;
}

export class VikorMethod implements AggregationMethod {
  readonly id = 'vikor' as const;
  readonly name = 'VIKOR (compromise ranking)';
  readonly compensatory = true;
  readonly scoreMeaning = '1 − Q, VIKOR\'s compromise index turned so that higher is better, 0 to 1';
  check(m: DecisionMatrix): Problem[] {
    const v = m.params?.v;
    if (v !== undefined && !(v >= 0 && v <= 1)) return [{ code: 'method.bad-parameter', file: m.file, path: 'v', message: `vikor's v must be from 0 to 1, got ${v}`, hint: 'use --param v=0.5' }];
    return [];
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedVikor {
    return new PreparedVikor(m.columns, m.benefit, m.n / blocks, m.params?.v ?? 0.5, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    return { ...this.prepare(m).detail(w) };
  }
  /** The compromise set with the two conditions that decide it (vikorCompromise), in words for the footer. */
  verdict(m: DecisionMatrix, w: ArrayLike<number>): MethodVerdict {
    const d = this.prepare(m).detail(w);
    const c = vikorCompromise(d);
    const n = m.n;
    const dq = n > 1 ? 1 / (n - 1) : 0;
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => d.Q[a] - d.Q[b] || a - b);
    const [first, second] = order;
    const f = (x: number) => x.toFixed(3);
    const members = c.set.map((i) => m.ids[i]);
    const c1 = n < 2 ? 'C1 acceptable advantage holds (one alternative)'
      : `C1 acceptable advantage ${c.advantage ? 'holds' : 'fails'}: Q(${m.ids[second]}) − Q(${m.ids[first]}) = ${f(d.Q[second] - d.Q[first])} ${c.advantage ? '>=' : '<'} DQ = 1/(n − 1) = ${f(dq)}`;
    const c2 = `C2 acceptable stability ${c.stability ? `holds: ${m.ids[first]} is also best by ${d.S[first] === smallest(d.S) ? 'S' : 'R'}` : `fails: ${m.ids[first]} is best by neither S nor R`}`;
    const why = !c.advantage ? 'every alternative within DQ of the best Q' : c.stability ? 'the best by Q alone' : 'the best two by Q';
    return {
      id: 'compromise', members, data: { advantage: c.advantage, stability: c.stability, dq },
      note: `VIKOR compromise set (Opricovic & Tzeng 2004): ${members.join(', ')} — ${why}. ${c1}; ${c2}.`,
    };
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteAnywhere(m, 'vikor') ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'vikor gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
