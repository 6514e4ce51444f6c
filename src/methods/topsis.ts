import type { Problem } from '../errors/problem';
import { nonFiniteAnywhere, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';
import { checkVectorColumns, vectorNormalise } from './normalise';

/**
 * TOPSIS (Hwang & Yoon 1981, *Multiple Attribute Decision Making*, §3.1.5):
 *   r_ij = x_ij / sqrt(Σ_k x_kj²)            vector normalisation
 *   v_ij = w_j r_ij                          (w as fractions of their sum; C is invariant to scaling w)
 *   A+_j = max_i v_ij (benefit) or min_i v_ij (cost); A−_j the opposite
 *   d+_i = sqrt(Σ_j (v_ij − A+_j)²),  d−_i = sqrt(Σ_j (v_ij − A−_j)²)
 *   C_i  = d−_i / (d+_i + d−_i)              closeness coefficient, in [0, 1]
 * Scale-robust: each column is first divided by its largest magnitude, so Σ x² neither overflows (1e200²) nor
 * underflows (1e-200²) and the result does not depend on the column's unit. Since w_j >= 0, (v_ij − A+_j)² =
 * w_j² (r_ij − r+_j)²: the squared distances per criterion are weight-independent and computed once per matrix.
 * C is NaN for an alternative with d+ = d− = 0 (every alternative equal on every weighted criterion).
 */
export class PreparedTopsis implements PreparedMethod {
  /** Per criterion: (r − r+)² and (r − r−)², for every row. */
  private readonly dPlus: Float64Array[];
  private readonly dMinus: Float64Array[];
  /** Per block × criterion: the normalised ideal and anti-ideal values r+ and r−. */
  readonly rBest: Float64Array;
  readonly rWorst: Float64Array;
  private readonly w: Float64Array;
  private p: Float64Array;
  constructor(columns: readonly Float64Array[], benefit: readonly boolean[], readonly n: number, blocks = 1) {
    const m = columns.length;
    this.w = new Float64Array(m);
    this.p = new Float64Array(n);
    this.rBest = new Float64Array(blocks * m);
    this.rWorst = new Float64Array(blocks * m);
    this.dPlus = columns.map((c) => new Float64Array(c.length));
    this.dMinus = columns.map((c) => new Float64Array(c.length));
    for (let j = 0; j < m; j++) {
      const c = columns[j];
      for (let b = 0; b < blocks; b++) {
        const from = b * n;
        const to = from + n;
        // r is computed once per row into dPlus, which the last loop then overwrites with (r − r+)²: SMAA
        // prepares TOPSIS once per value batch, and the divisions were done twice. A column of zeros (rejected by
        // check, possible in a value sample) is constant and contributes no distance.
        const dp = this.dPlus[j];
        const dm = this.dMinus[j];
        vectorNormalise(c, dp, from, to);
        let hi = -Infinity;
        let lo = Infinity;
        for (let i = from; i < to; i++) {
          const r = dp[i];
          if (r > hi) hi = r;
          if (r < lo) lo = r;
        }
        const best = benefit[j] ? hi : lo;
        const worst = benefit[j] ? lo : hi;
        this.rBest[b * m + j] = best;
        this.rWorst[b * m + j] = worst;
        for (let i = from; i < to; i++) {
          const r = dp[i];
          dp[i] = (r - best) * (r - best);
          dm[i] = (r - worst) * (r - worst);
        }
      }
    }
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    const { w, dPlus, dMinus } = this;
    const at = block * this.n;
    const n = this.n * blocks;
    if (this.p.length < n) this.p = new Float64Array(n);
    const p = this.p;
    if (!normaliseWeights(weights, w)) {
      out.fill(NaN, 0, n);
      return;
    }
    p.fill(0);
    out.fill(0, 0, n);
    for (let j = 0; j < w.length; j++) {
      const w2 = w[j] * w[j];
      if (w2 === 0) continue;
      const dp = dPlus[j];
      const dm = dMinus[j];
      for (let i = 0; i < n; i++) {
        p[i] += w2 * dp[at + i];
        out[i] += w2 * dm[at + i];
      }
    }
    for (let i = 0; i < n; i++) {
      const a = Math.sqrt(p[i]);
      const b = Math.sqrt(out[i]);
      out[i] = b / (a + b);
    }
  }
  /** The weighted ideal and anti-ideal points and both distances, for tests and explanations. */
  detail(weights: ArrayLike<number>, block = 0): TopsisDetail {
    const m = this.w.length;
    const closeness = new Float64Array(this.n);
    this.score(weights, closeness, block);
    const w = this.w; // normalised by score()
    const ideal = Float64Array.from({ length: m }, (_, j) => w[j] * this.rBest[block * m + j]);
    const antiIdeal = Float64Array.from({ length: m }, (_, j) => w[j] * this.rWorst[block * m + j]);
    const dist = (d: Float64Array[]) => Float64Array.from({ length: this.n }, (_, i) => Math.sqrt(d.reduce((acc, col, j) => acc + w[j] * w[j] * col[block * this.n + i], 0)));
    return { ideal, antiIdeal, dPlus: dist(this.dPlus), dMinus: dist(this.dMinus), closeness };
  }
}

export interface TopsisDetail {
  /** A+ and A− per criterion, in weighted-normalised units. */
  readonly ideal: Float64Array;
  readonly antiIdeal: Float64Array;
  readonly dPlus: Float64Array;
  readonly dMinus: Float64Array;
  readonly closeness: Float64Array;
}

export function topsis(columns: readonly Float64Array[], weights: Float64Array, benefit: readonly boolean[], n: number): Float64Array {
  const out = new Float64Array(n);
  new PreparedTopsis(columns, benefit, n).score(weights, out);
  return out;
}

/** TOPSIS with its intermediate results, for tests and explanations. */
export function topsisDetail(columns: readonly Float64Array[], weights: Float64Array, benefit: readonly boolean[], n: number): TopsisDetail {
  return new PreparedTopsis(columns, benefit, n).detail(weights);
}

export class TopsisMethod implements AggregationMethod {
  readonly id = 'topsis' as const;
  readonly name = 'TOPSIS (closeness to the ideal)';
  readonly compensatory = true;
  readonly scoreMeaning = 'closeness coefficient d−/(d+ + d−), 0 to 1';
  check(m: DecisionMatrix): Problem[] {
    return checkVectorColumns(m);
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedMethod {
    return new PreparedTopsis(m.columns, m.benefit, m.n / blocks, blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  detail(m: DecisionMatrix, w: ArrayLike<number>): Record<string, Float64Array> {
    const d = new PreparedTopsis(m.columns, m.benefit, m.n).detail(w);
    return { dPlus: d.dPlus, dMinus: d.dMinus };
  }
  /** d+ = d− = 0 happens exactly when every weighted criterion is constant: the alternative is both ideal and anti-ideal. */
  diagnose(m: DecisionMatrix, w: ArrayLike<number>, row: number): Problem {
    // Vector normalisation couples the rows: an infinite value anywhere in a column undoes every row's score.
    const bad = nonFiniteAnywhere(m, 'topsis');
    if (bad) return bad;
    if (!Array.from({ length: m.columns.length }, (_, j) => w[j]).some((x) => x > 0)) {
      return { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'topsis gives no score: no criterion has a positive weight', hint: 'give at least one criterion a weight above 0' };
    }
    return { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'topsis: every alternative is equal on every weighted criterion, so the ideal and anti-ideal points coincide', hint: 'rank alternatives that differ, or use --method wsm' };
  }
}
