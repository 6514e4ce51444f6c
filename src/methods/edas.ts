import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';

/**
 * EDAS (Keshavarz Ghorabaee, Zavadskas, Olfat & Turskis 2015, "Multi-criteria inventory classification using a new
 * method of evaluation based on distance from average solution", Informatica 26(3), 435–451):
 *   AV_j   = Σ_i x_ij / n
 *   PDA_ij = max(0, x_ij − AV_j)/AV_j, NDA_ij = max(0, AV_j − x_ij)/AV_j      (signs swapped for a cost criterion)
 *   SP_i   = Σ_j w_j PDA_ij,  SN_i = Σ_j w_j NDA_ij
 *   NSP_i  = SP_i / max SP,   NSN_i = 1 − SN_i / max SN
 *   AS_i   = (NSP_i + NSN_i) / 2                                            appraisal score, in [0, 1]
 * Needs every average > 0. When every SP (or SN) is 0 — all alternatives equal on the weighted criteria — that term is
 * 0 (NSN 1) for everyone rather than 0/0. Compensatory; the average couples the rows.
 */
export class PreparedEdas implements PreparedMethod {
  private readonly pda: Float64Array[];
  private readonly nda: Float64Array[];
  private readonly w: Float64Array;
  private sn = new Float64Array(0);
  constructor(m: DecisionMatrix, readonly n: number, blocks = 1) {
    this.w = new Float64Array(m.columns.length);
    this.pda = m.columns.map((c) => new Float64Array(c.length));
    this.nda = m.columns.map((c) => new Float64Array(c.length));
    m.columns.forEach((c, j) => {
      const sign = m.benefit[j] ? 1 : -1;
      for (let b = 0; b < blocks; b++) {
        let sum = 0;
        for (let i = b * n; i < b * n + n; i++) sum += c[i];
        const av = sum / n;
        for (let i = b * n; i < b * n + n; i++) {
          const d = (sign * (c[i] - av)) / av;
          this.pda[j][i] = d > 0 ? d : 0;
          this.nda[j][i] = d < 0 ? -d : 0;
        }
      }
    });
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    this.run(weights, out, block, blocks, null);
  }
  /** The steps' own quantities for one block (JSON detail): SP, SN, NSP, NSN and the appraisal score AS. */
  detail(weights: ArrayLike<number>): Record<string, Float64Array> {
    const n = this.n;
    const parts = { SP: new Float64Array(n), SN: new Float64Array(n), NSP: new Float64Array(n), NSN: new Float64Array(n) };
    const AS = new Float64Array(n);
    this.run(weights, AS, 0, 1, parts);
    return { ...parts, AS };
  }
  /** The kernel; `parts` (one block only) receives SP, SN, NSP and NSN on the way to the score. */
  private run(weights: ArrayLike<number>, out: Float64Array, block: number, blocks: number, parts: Record<'SP' | 'SN' | 'NSP' | 'NSN', Float64Array> | null): void {
    const { w, pda, nda } = this;
    const at = block * this.n;
    const total = this.n * blocks;
    if (this.sn.length < total) this.sn = new Float64Array(total);
    const sn = this.sn;
    out.fill(0, 0, total);
    sn.fill(0, 0, total);
    if (!normaliseWeights(weights, w)) {
      out.fill(NaN, 0, total);
      return;
    }
    for (let j = 0; j < w.length; j++) {
      const wj = w[j];
      if (wj === 0) continue;
      const p = pda[j];
      const q = nda[j];
      for (let i = 0; i < total; i++) {
        out[i] += wj * p[at + i];
        sn[i] += wj * q[at + i];
      }
    }
    for (let b = 0; b < blocks; b++) {
      const from = b * this.n;
      const to = from + this.n;
      let maxP = 0;
      let maxN = 0;
      for (let i = from; i < to; i++) {
        if (out[i] > maxP) maxP = out[i];
        if (sn[i] > maxN) maxN = sn[i];
      }
      if (parts) {
        parts.SP.set(out.subarray(from, to));
        parts.SN.set(sn.subarray(from, to));
      }
      for (let i = from; i < to; i++) {
        const nsp = maxP > 0 ? out[i] / maxP : 0;
        const nsn = maxN > 0 ? 1 - sn[i] / maxN : 1;
        if (parts) {
          parts.NSP[i - from] = nsp;
          parts.NSN[i - from] = nsn;
        }
        out[i] = (nsp + nsn) / 2;
      }
    }
  }
}

export class EdasMethod implements AggregationMethod {
  readonly id = 'edas' as const;
  readonly name = 'EDAS (distance from the average solution)';
  readonly compensatory = true;
  readonly scoreMeaning = 'appraisal score (NSP + NSN)/2, 0 to 1';
  check(m: DecisionMatrix): Problem[] {
    const problems: Problem[] = [];
    m.columns.forEach((c, j) => {
      let sum = 0;
      for (let i = 0; i < c.length; i++) sum += c[i];
      if (!(sum > 0)) problems.push({ code: 'method.nonpositive-average', file: m.file, path: `column ${m.criteria[j]}`, message: `edas divides by the column's average, which is ${sum / c.length}`, hint: 'shift the column so that its average is above 0, or use --method topsis' });
    });
    return problems;
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedEdas(m, m.n / blocks, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    return new PreparedEdas(m, m.n).detail(w);
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteAnywhere(m, 'edas') ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'edas gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
  }
}
