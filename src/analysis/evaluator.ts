import type { MethodId } from '../model/rubric';
import { TIE_TOLERANCE } from '../ranking/competition-rank';

/**
 * Method scores for any weight vector over fixed criterion scores, without allocating: what sweeps, thresholds and
 * SMAA call thousands of times. Criterion scores are the rubric's (prescaled, benefit), so the formulas are those of
 * src/methods with r_ij = s_ij; test/analysis.sensitivity.test.ts checks it against the main pipeline.
 *
 * Weights are global criterion weights; they need not sum to 1 (each method normalises: WSM, WPM and gate divide
 * by Σw, TOPSIS is invariant to scaling them).
 */
export class Evaluator {
  readonly n: number;
  readonly m: number;
  /** Criterion scores, row-major [i * m + j], of the current value sample. */
  private readonly s: Float64Array;
  private readonly logS: Float64Array;
  private readonly dPlus: Float64Array;
  private readonly dMinus: Float64Array;
  private readonly condScore: Float64Array;
  private readonly condWeight: Float64Array;
  /** Per alternative and condition [i * C + c]: weighted mean (wsm, gate) or weighted log-mean (wpm) of its criteria. */
  private readonly byCondition: Float64Array;
  private readonly global: Float64Array;

  constructor(
    readonly method: MethodId,
    n: number,
    m: number,
    /** Condition index of each criterion. */
    readonly group: Int32Array,
    readonly conditions: number,
    readonly threshold: number | undefined,
    /** Criterion weights inside each condition, for scoring by condition weights. */
    readonly local?: Float64Array,
  ) {
    this.n = n;
    this.m = m;
    this.s = new Float64Array(n * m);
    this.logS = new Float64Array(n * m);
    this.dPlus = new Float64Array(n * m);
    this.dMinus = new Float64Array(n * m);
    this.condScore = new Float64Array(conditions);
    this.condWeight = new Float64Array(conditions);
    this.byCondition = new Float64Array(n * conditions);
    this.global = new Float64Array(m);
  }

  /** Loads criterion scores: `columns[j][offset + i]` for alternative i. Precomputes what the method needs. */
  load(columns: readonly Float64Array[], offset = 0): void {
    const { n, m, s } = this;
    for (let j = 0; j < m; j++) {
      const c = columns[j];
      for (let i = 0; i < n; i++) s[i * m + j] = c[offset + i];
    }
    if (this.method === 'wpm') for (let k = 0; k < n * m; k++) this.logS[k] = Math.log(s[k]);
    if (this.local && this.method !== 'topsis') {
      const C = this.conditions;
      const src = this.method === 'wpm' ? this.logS : s;
      this.byCondition.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          // 0 · log 0 would be NaN: a switched-off criterion contributes nothing.
          if (this.local[j] !== 0) this.byCondition[i * C + this.group[j]] += this.local[j] * src[i * m + j];
        }
      }
    }
    if (this.method === 'topsis') {
      for (let j = 0; j < m; j++) {
        let ss = 0;
        for (let i = 0; i < n; i++) ss += s[i * m + j] * s[i * m + j];
        const norm = Math.sqrt(ss);
        let hi = -Infinity;
        let lo = Infinity;
        for (let i = 0; i < n; i++) {
          const r = norm > 0 ? s[i * m + j] / norm : 0;
          if (r > hi) hi = r;
          if (r < lo) lo = r;
        }
        for (let i = 0; i < n; i++) {
          const r = norm > 0 ? s[i * m + j] / norm : 0;
          this.dPlus[i * m + j] = (r - hi) * (r - hi);
          this.dMinus[i * m + j] = (r - lo) * (r - lo);
        }
      }
    }
  }

  /**
   * Scores under condition weights `cw`, the weights inside each condition kept: the same numbers as
   * score(global weights), in C operations per alternative instead of m (what SMAA's default level samples).
   */
  scoreByCondition(cw: ArrayLike<number>, out: Float64Array, bc: Float64Array = this.byCondition, at = 0): void {
    const { n, conditions: C } = this;
    if (!this.local) throw new Error('Evaluator: scoreByCondition needs the local weights');
    if (this.method === 'topsis') {
      for (let j = 0; j < this.m; j++) this.global[j] = cw[this.group[j]] * this.local[j];
      this.score(this.global, out);
      return;
    }
    let total = 0;
    for (let c = 0; c < C; c++) total += cw[c];
    for (let i = 0; i < n; i++) {
      let acc = 0;
      let weakest = Infinity;
      for (let c = 0; c < C; c++) {
        const w = cw[c];
        if (w === 0) continue;
        const v = bc[at + i * C + c];
        acc += w * v;
        if (v < weakest) weakest = v;
      }
      acc /= total;
      if (this.method === 'wsm') out[i] = acc;
      else if (this.method === 'wpm') out[i] = Math.exp(acc);
      else out[i] = this.threshold !== undefined && weakest < this.threshold ? Math.min(acc, this.threshold) : acc;
    }
  }

  /**
   * Values per sample to keep for a later pass: the n × C condition aggregates that scoreByCondition reads
   * (`byCondition`: condition-level scoring, not TOPSIS), else the n × m criterion scores that loadSaved reloads.
   */
  stateSize(byCondition: boolean): number {
    return byCondition ? this.n * this.conditions : this.n * this.m;
  }

  /** Copies the loaded sample's state into `buf` at `at` (see stateSize). */
  saveState(buf: Float64Array, at: number, byCondition: boolean): void {
    buf.set(byCondition ? this.byCondition : this.s, at);
  }

  /** Loads criterion scores saved by saveState (row-major n × m), recomputing what the method needs. */
  loadSaved(buf: Float64Array, at: number): void {
    const { n, m } = this;
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) this.columnsScratch[j][i] = buf[at + i * m + j];
    this.load(this.columnsScratch);
  }

  private get columnsScratch(): Float64Array[] {
    if (!this.cols) this.cols = Array.from({ length: this.m }, () => new Float64Array(this.n));
    return this.cols;
  }
  private cols: Float64Array[] | undefined;

  /** Writes each alternative's score under global weights `w` into `out`. */
  score(w: ArrayLike<number>, out: Float64Array): void {
    const { n, m, s } = this;
    let total = 0;
    for (let j = 0; j < m; j++) total += w[j];
    switch (this.method) {
      case 'wsm':
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let j = 0; j < m; j++) acc += w[j] * s[i * m + j];
          out[i] = acc / total;
        }
        return;
      case 'wpm':
        for (let i = 0; i < n; i++) {
          let acc = 0;
          for (let j = 0; j < m; j++) if (w[j] !== 0) acc += w[j] * this.logS[i * m + j];
          out[i] = Math.exp(acc / total);
        }
        return;
      case 'topsis':
        for (let i = 0; i < n; i++) {
          let p = 0;
          let q = 0;
          for (let j = 0; j < m; j++) {
            const w2 = w[j] * w[j];
            p += w2 * this.dPlus[i * m + j];
            q += w2 * this.dMinus[i * m + j];
          }
          const a = Math.sqrt(p);
          const b = Math.sqrt(q);
          out[i] = b / (a + b);
        }
        return;
      case 'gate': {
        const cw = this.condWeight;
        cw.fill(0);
        for (let j = 0; j < m; j++) cw[this.group[j]] += w[j];
        for (let i = 0; i < n; i++) {
          const cs = this.condScore;
          cs.fill(0);
          let overall = 0;
          for (let j = 0; j < m; j++) {
            cs[this.group[j]] += w[j] * s[i * m + j];
            overall += w[j] * s[i * m + j];
          }
          overall /= total;
          let weakest = Infinity;
          // A condition switched off (weight 0) has no score and cannot bind.
          for (let c = 0; c < this.conditions; c++) if (cw[c] > 0 && cs[c] / cw[c] < weakest) weakest = cs[c] / cw[c];
          out[i] = this.threshold !== undefined && weakest < this.threshold ? Math.min(overall, this.threshold) : overall;
        }
        return;
      }
    }
  }
}

/** Competition ranks of a score vector into `ranks`, with the tie tolerance of src/ranking; allocation-free. */
export function ranksOf(scores: Float64Array, ranks: Int32Array): void {
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    let r = 1;
    const si = scores[i];
    for (let k = 0; k < n; k++) {
      const sk = scores[k];
      if (sk > si && Math.abs(sk - si) > TIE_TOLERANCE * Math.max(1, Math.abs(sk), Math.abs(si))) r++;
    }
    ranks[i] = r;
  }
}
