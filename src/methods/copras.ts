import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';

/**
 * COPRAS (Zavadskas, Kaklauskas & Šarka 1994, "The new method of multicriteria complex proportional assessment of
 * projects", Technological and Economic Development of Economy 1(3); steps as in Zavadskas et al. 2007, Baltic
 * Journal of Road and Bridge Engineering 2(4), 195–203):
 *   d_ij = w_j x_ij / Σ_k x_kj                       sum normalisation, weighted
 *   S+_i = Σ_{j benefit} d_ij,  S−_i = Σ_{j cost} d_ij
 *   Q_i  = S+_i + Σ_k S−_k / (S−_i Σ_k 1/S−_k)        relative significance (= S+_i without cost criteria)
 *   N_i  = Q_i / max_k Q_k                           utility degree, the score, in (0, 1]
 * Needs values >= 0 with a positive column sum, and values > 0 on cost criteria (S− is a divisor). Compensatory.
 */
export class PreparedCopras implements PreparedMethod {
  private readonly r: Float64Array[];
  private readonly cost: boolean[];
  private readonly w: Float64Array;
  private sMinus = new Float64Array(0);
  constructor(m: DecisionMatrix, readonly n: number, blocks = 1) {
    this.w = new Float64Array(m.columns.length);
    this.cost = m.benefit.map((b) => !b);
    this.r = m.columns.map((c) => {
      const r = new Float64Array(c.length);
      for (let b = 0; b < blocks; b++) {
        let sum = 0;
        for (let i = b * n; i < b * n + n; i++) sum += c[i];
        for (let i = b * n; i < b * n + n; i++) r[i] = c[i] / sum;
      }
      return r;
    });
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    this.run(weights, out, block, blocks, null);
  }
  /** The steps' own quantities for one block (JSON detail): S+, S−, Q and the utility degree U = 100 Q / max Q in %. */
  detail(weights: ArrayLike<number>): Record<string, Float64Array> {
    const n = this.n;
    const parts = { sPlus: new Float64Array(n), sMinus: new Float64Array(n), Q: new Float64Array(n) };
    const out = new Float64Array(n);
    this.run(weights, out, 0, 1, parts);
    return { ...parts, U: out.map((x) => 100 * x) };
  }
  /** The kernel; `parts` (one block only) receives S+, S− and Q on the way to the score. */
  private run(weights: ArrayLike<number>, out: Float64Array, block: number, blocks: number, parts: { sPlus: Float64Array; sMinus: Float64Array; Q: Float64Array } | null): void {
    const { w, r, cost } = this;
    const at = block * this.n;
    const total = this.n * blocks;
    if (this.sMinus.length < total) this.sMinus = new Float64Array(total);
    const sm = this.sMinus;
    out.fill(0, 0, total);
    sm.fill(0, 0, total);
    if (!normaliseWeights(weights, w)) {
      out.fill(NaN, 0, total);
      return;
    }
    let anyCost = false;
    for (let j = 0; j < r.length; j++) {
      const wj = w[j];
      if (wj === 0) continue;
      const rj = r[j];
      const into = cost[j] ? sm : out;
      anyCost ||= cost[j];
      for (let i = 0; i < total; i++) into[i] += wj * rj[at + i];
    }
    if (parts) {
      parts.sPlus.set(out.subarray(0, this.n));
      parts.sMinus.set(sm.subarray(0, this.n));
    }
    for (let b = 0; b < blocks; b++) {
      const from = b * this.n;
      const to = from + this.n;
      if (anyCost) {
        let sum = 0;
        let inv = 0;
        for (let i = from; i < to; i++) {
          sum += sm[i];
          inv += 1 / sm[i];
        }
        for (let i = from; i < to; i++) out[i] += sum / (sm[i] * inv);
      }
      if (parts) parts.Q.set(out.subarray(from, to));
      let max = -Infinity;
      for (let i = from; i < to; i++) if (out[i] > max) max = out[i];
      for (let i = from; i < to; i++) out[i] /= max;
    }
  }
}

export class CoprasMethod implements AggregationMethod {
  readonly id = 'copras' as const;
  readonly name = 'COPRAS (complex proportional assessment)';
  readonly compensatory = true;
  readonly scoreMeaning = 'utility degree Q / max Q, 0 to 1';
  check(m: DecisionMatrix): Problem[] {
    const problems: Problem[] = [];
    m.columns.forEach((c, j) => {
      let sum = 0;
      for (let i = 0; i < c.length; i++) {
        sum += c[i];
        if (c[i] < 0 || (!m.benefit[j] && c[i] === 0)) {
          problems.push({ code: 'method.nonpositive', file: m.file, path: `row ${m.ids[i % m.ids.length]}, column ${m.criteria[j]}`, message: `copras needs ${m.benefit[j] ? 'values >= 0' : 'values > 0 for a cost criterion'}, got ${c[i]}`, hint: 'shift or rescale the column, or use --method topsis' });
          return;
        }
      }
      if (sum === 0) problems.push({ code: 'method.zero-column', file: m.file, path: `column ${m.criteria[j]}`, message: 'every value is 0, so x / Σ x is undefined', hint: 'drop the column' });
    });
    return problems;
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedCopras(m, m.n / blocks, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    return new PreparedCopras(m, m.n).detail(w);
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteAnywhere(m, 'copras') ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'copras gives no score: no benefit criterion has a positive weight and every cost is equal, or no weight is positive', hint: 'give at least one criterion a weight above 0' };
  }
}
