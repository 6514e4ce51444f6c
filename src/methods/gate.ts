import type { Problem } from '../errors/problem';
import { isTie } from '../ranking/competition-rank';
import { nonFiniteInput, normaliseWeights, scoreOnce, type AggregationMethod, type DecisionMatrix, type PreparedMethod } from './method';

/**
 * The gate rule, written once: a market whose weakest condition is below the threshold is gated. A condition score
 * within the tie tolerance of the threshold meets it (float noise must not decide the gate, as it decides no rank).
 */
export function isGated(weakest: number, threshold: number): boolean {
  return weakest < threshold && !isTie(weakest, threshold);
}

/**
 * The conjunctive reading of "all conditions at once" (a conjunctive screen, Dawes 1964; Hwang & Yoon 1981 §2.1.2)
 * layered on the weighted sum, with w the criterion weights as fractions of their sum and W_c = Σ_{j ∈ c} w_j:
 *   overall_i = Σ_j w_j s_ij,   s_ic = Σ_{j ∈ c} w_j s_ij / W_c,   weakest_i = min_{c : W_c > 0} s_ic
 *   G_i = overall_i                 if weakest_i >= t
 *   G_i = min(overall_i, t)         otherwise (capped, and flagged)
 * A market that passes has every s_ic >= t, so overall_i >= t >= G_k for every capped market k: no average, however
 * high, buys back a missing condition.
 * Zero-weight rule: a condition whose weight is 0 (W_c = 0) is out of the model. It cannot gate, cannot be the
 * binding (weakest) condition, and is left out of the weakest and strongest that tiers read — in rank, in every
 * analysis and on the report page alike.
 */
export class PreparedGate implements PreparedMethod {
  private readonly w: Float64Array;
  private readonly W: Float64Array;
  /** Condition sums per alternative, condition-major [c · n + i], and the weighted sums: scratch made once. */
  private cs: Float64Array;
  private overall: Float64Array;
  private gatedScratch: Uint8Array;
  constructor(private readonly columns: readonly Float64Array[], private readonly group: Int32Array, conditions: number, private readonly threshold: number, readonly n: number) {
    this.w = new Float64Array(columns.length);
    this.W = new Float64Array(conditions);
    this.cs = new Float64Array(conditions * n);
    this.overall = new Float64Array(n);
    this.gatedScratch = new Uint8Array(n);
  }
  score(weights: ArrayLike<number>, out: Float64Array, block = 0, blocks = 1): void {
    this.grow(blocks);
    this.run(weights, out, this.gatedScratch, block, blocks);
  }
  /** Marks in `gated` the alternatives whose score the gate capped (1) under `weights`. */
  flags(weights: ArrayLike<number>, gated: Uint8Array, block = 0, blocks = 1): void {
    this.grow(blocks);
    this.run(weights, this.overall, gated, block, blocks);
  }
  /** Scratch for several blocks at once, made on first use. */
  private grow(blocks: number): void {
    const rows = this.n * blocks;
    if (this.overall.length >= rows) return;
    this.cs = new Float64Array(this.W.length * rows);
    this.overall = new Float64Array(rows);
    this.gatedScratch = new Uint8Array(rows);
  }
  // One kernel writes both scores and flags; each entry point passes scratch for the one it does not want (the
  // overall sums are read before their slot is overwritten).
  private run(weights: ArrayLike<number>, out: Float64Array, gated: Uint8Array, block: number, blocks: number): void {
    const { w, W, cs, overall, columns, group, threshold } = this;
    const C = W.length;
    const at = block * this.n;
    const n = this.n * blocks;
    if (!normaliseWeights(weights, w)) {
      out.fill(NaN, 0, n);
      gated.fill(0, 0, n);
      return;
    }
    W.fill(0);
    for (let j = 0; j < w.length; j++) W[group[j]] += w[j];
    // Column by column (the matrix is column-major): cs[c·n + i] = Σ_{j ∈ c} w_j s_ij, overall_i = Σ_j w_j s_ij.
    cs.fill(0, 0, C * n);
    overall.fill(0, 0, n);
    for (let j = 0; j < w.length; j++) {
      const wj = w[j];
      if (wj === 0) continue;
      const col = columns[j];
      const base = group[j] * n;
      for (let i = 0; i < n; i++) {
        const v = wj * col[at + i];
        cs[base + i] += v;
        overall[i] += v;
      }
    }
    for (let i = 0; i < n; i++) {
      let weakest = Infinity;
      for (let c = 0; c < C; c++) if (W[c] > 0 && cs[c * n + i] / W[c] < weakest) weakest = cs[c * n + i] / W[c];
      const capped = isGated(weakest, threshold);
      out[i] = capped ? Math.min(overall[i], threshold) : overall[i];
      gated[i] = capped ? 1 : 0;
    }
  }
}

/** The gate over condition scores directly (one criterion per condition), for tests and library users. */
export function gateScores(conditionScores: readonly Float64Array[], weights: Float64Array, threshold: number, n: number): { score: Float64Array; gated: Uint8Array } {
  const g = new PreparedGate(conditionScores, Int32Array.from(conditionScores, (_, c) => c), conditionScores.length, threshold, n);
  const score = new Float64Array(n);
  const gated = new Uint8Array(n);
  g.score(weights, score);
  g.flags(weights, gated);
  return { score, gated };
}

export class GateMethod implements AggregationMethod {
  readonly id = 'gate' as const;
  readonly name = 'conjunctive gate: every condition must clear the threshold';
  readonly compensatory = false;
  readonly scoreMeaning = 'weighted sum of condition scores, capped at the threshold when any condition is below it';
  check(m: DecisionMatrix): Problem[] {
    if (!m.conditions) return [{ code: 'method.needs-rubric', message: 'gate reads condition scores, which only a rubric defines', hint: 'pass --rubric, or use --method wsm|wpm|topsis' }];
    if (m.conditions.threshold === undefined) return [{ code: 'method.needs-gate', message: 'gate needs the rubric to declare gate: { threshold, tier }', hint: 'add a gate section to the rubric or choose another method' }];
    return [];
  }
  prepare(m: DecisionMatrix, blocks = 1): PreparedGate {
    const c = m.conditions!;
    return new PreparedGate(m.columns, c.group, c.ids.length, c.threshold!, m.n / blocks);
  }
  score(m: DecisionMatrix): Float64Array {
    return scoreOnce(this, m);
  }
  diagnose(m: DecisionMatrix, _w: ArrayLike<number>, row: number): Problem {
    return nonFiniteInput(m, 'gate', row) ?? { code: 'method.undefined-score', file: m.file, path: `row ${m.ids[row]}`, message: 'gate gives no score: no condition has a positive weight', hint: 'give at least one condition a weight above 0' };
  }
}
