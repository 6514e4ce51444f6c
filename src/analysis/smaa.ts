import { ProblemList, InputError } from '../errors/problem';
import { dataFrame } from '../scoring/score-rubric';
import { Evaluator, ranksOf } from './evaluator';
import { Rng, sampleSimplex } from './rng';
import type { SensitivityModel } from './sensitivity-model';

export interface SmaaOptions {
  readonly samples: number;
  readonly seed: number;
  readonly sampler: 'dirichlet' | 'sorted';
  /** `conditions`: sample condition weights, keep the rubric's weights inside each condition; `criteria`: sample global criterion weights. */
  readonly level: 'conditions' | 'criteria';
  /** Sample indicator values inside their low/high ranges (when the data has any). */
  readonly values: boolean;
}

export const SMAA_DEFAULTS: SmaaOptions = { samples: 10_000, seed: 20261121, sampler: 'dirichlet', level: 'conditions', values: true };

export interface SmaaResult {
  readonly ids: readonly string[];
  readonly samples: number;
  readonly seed: number;
  readonly level: 'conditions' | 'criteria';
  readonly sampler: 'dirichlet' | 'sorted';
  /** Names of the sampled weights (condition ids or criterion paths). */
  readonly weightIds: readonly string[];
  /** Whether indicator values were sampled inside their ranges. */
  readonly valuesSampled: boolean;
  readonly uncertainIndicators: readonly string[];
  /** b[i][r]: share of samples in which alternative i has rank r + 1. */
  readonly acceptability: readonly Float64Array[];
  /** Mean sampled weight vector over the samples where i ranks first; null when it never does. */
  readonly centralWeights: readonly (Float64Array | null)[];
  /** Share of value samples in which i ranks first under its central weights; null when it has none. */
  readonly confidence: readonly (number | null)[];
  /** c[i][k]: share of samples in which i scores strictly above k. */
  readonly winning: readonly Float64Array[];
  /** Half-width of the 95% confidence interval of any index: 1.96 × sqrt(1/4N) bounds it for every p. */
  readonly errorBound: number;
}

/** Value samples are scored through the rubric's compiled rules in batches of this many (rules run over columns). */
export const BATCH = 1000;

/**
 * SMAA-2 (Lahdelma & Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability analysis for group decision
 * making", Operations Research 49(3)). Weights are drawn uniformly from the simplex (no preference information);
 * where the data carries low/high ranges, indicator values are drawn uniformly inside them (counts as whole numbers).
 *   rank acceptability b_i^r = share of samples where i has rank r
 *   central weight vector w_i^c = mean weight vector over samples where i ranks first
 *   confidence factor p_i^c = share of value samples where i ranks first under w_i^c (the same value samples as
 *                             the main pass: common random numbers)
 *   pairwise winning index c_ik = share of samples where i scores above k
 * The per-sample loop allocates nothing: buffers are made once; value samples are scored per batch.
 */
export function smaa(m: SensitivityModel, opts: SmaaOptions): SmaaResult {
  const n = m.ids.length;
  const M = m.criterionIds.length;
  const C = m.conditionIds.length;
  const W = opts.level === 'conditions' ? C : M;
  const rng = new Rng(opts.seed);
  const ev = new Evaluator(m.method, n, M, m.group, C, m.threshold, m.local);
  const uncertain = uncertainIndicators(m);
  const sampleValues = opts.values && uncertain.length > 0;
  const batches = sampleValues ? new ValueBatches(m, uncertain) : null;
  if (!sampleValues) ev.load(m.scores);

  const b = Array.from({ length: n }, () => new Float64Array(n));
  const cw = Array.from({ length: n }, () => new Float64Array(W));
  const firsts = new Float64Array(n);
  const wins = Array.from({ length: n }, () => new Float64Array(n));
  const w = new Float64Array(W);
  const scratch = new Float64Array(W);
  const scores = new Float64Array(n);
  const ranks = new Int32Array(n);
  const tol = 1e-9;

  // With sampled values, each sample's state is kept so the confidence pass reuses the same value samples (common
  // random numbers) instead of running the rules again.
  const byCondition = opts.level === 'conditions' && m.method !== 'topsis';
  const stateSize = ev.stateSize(byCondition);
  const saved = batches ? new Float64Array(opts.samples * stateSize) : null;
  for (let s = 0; s < opts.samples; s++) {
    if (batches) {
      ev.load(batches.columnsFor(s, rng), batches.offsetFor(s));
      ev.saveState(saved!, s * stateSize, byCondition);
    }
    sampleSimplex(rng, w, opts.sampler, scratch);
    if (opts.level === 'conditions') ev.scoreByCondition(w, scores);
    else ev.score(w, scores);
    ranksOf(scores, ranks);
    for (let i = 0; i < n; i++) {
      b[i][ranks[i] - 1] += 1;
      if (ranks[i] === 1) {
        firsts[i] += 1;
        const row = cw[i];
        for (let k = 0; k < W; k++) row[k] += w[k];
      }
      for (let k = 0; k < n; k++) if (scores[i] - scores[k] > tol * Math.max(1, Math.abs(scores[i]))) wins[i][k] += 1;
    }
  }
  const N = opts.samples;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < n; r++) b[i][r] /= N;
    for (let k = 0; k < n; k++) wins[i][k] /= N;
  }
  const central = cw.map((row, i) => (firsts[i] > 0 ? row.map((x) => x / firsts[i]) : null));

  // Confidence factors over the same value samples (one deterministic evaluation when values are fixed).
  const firstUnderCentral = new Float64Array(n);
  const confSamples = saved ? N : 1;
  if (!saved) ev.load(m.scores);
  for (let s = 0; s < confSamples; s++) {
    if (saved && !byCondition) ev.loadSaved(saved, s * stateSize);
    for (let i = 0; i < n; i++) {
      const c = central[i];
      if (!c) continue;
      if (byCondition) ev.scoreByCondition(c, scores, saved ?? undefined, saved ? s * stateSize : 0);
      else if (opts.level === 'conditions') ev.scoreByCondition(c, scores);
      else ev.score(c, scores);
      ranksOf(scores, ranks);
      if (ranks[i] === 1) firstUnderCentral[i] += 1;
    }
  }
  const confidence = central.map((c, i) => (c ? firstUnderCentral[i] / confSamples : null));

  return {
    ids: m.ids, samples: N, seed: opts.seed, level: opts.level, sampler: opts.sampler,
    weightIds: opts.level === 'conditions' ? m.conditionIds : m.criterionIds,
    valuesSampled: sampleValues, uncertainIndicators: uncertain,
    acceptability: b, centralWeights: central, confidence, winning: wins,
    errorBound: 1.96 * Math.sqrt(0.25 / N),
  };
}

/** Indicators the rubric reads whose low/high range is wider than a point for at least one market. */
function uncertainIndicators(m: SensitivityModel): string[] {
  const used = new Set(m.rubric.criteria.flatMap((k) => k.rule.indicators));
  return [...used].filter((id) => {
    const lo = m.data.low.get(id);
    const hi = m.data.high.get(id);
    return lo && hi && lo.some((v, i) => v < hi[i]);
  });
}

/**
 * Draws BATCH value samples at a time into columns of n × BATCH rows and scores them once through the compiled
 * rules (which evaluate over whole columns), so rule evaluation allocates per batch, never per sample.
 */
class ValueBatches {
  private readonly n: number;
  private readonly slots: { slot: number; lo: Float64Array; hi: Float64Array; integer: boolean }[];
  private readonly frame: (ArrayLike<number> | readonly string[])[];
  private readonly ids: string[];
  private readonly columns: Float64Array[];
  private readonly fired: Int32Array;
  /** Criteria that read an uncertain indicator: only these are re-scored per batch. */
  private readonly varying: number[];

  constructor(private readonly m: SensitivityModel, uncertain: readonly string[]) {
    this.n = m.ids.length;
    const rows = this.n * BATCH;
    // Every slot is tiled BATCH times; uncertain ones are then overwritten with draws.
    this.frame = dataFrame(m.rubric, m.data).map((col) => {
      if (col instanceof Float64Array) {
        const out = new Float64Array(rows);
        for (let b = 0; b < BATCH; b++) out.set(col, b * this.n);
        return out;
      }
      const src = col as readonly string[];
      return Array.from({ length: rows }, (_, r) => src[r % this.n]);
    });
    this.slots = uncertain.map((id) => ({ slot: m.rubric.slots.indexOf(id), lo: m.data.low.get(id)!, hi: m.data.high.get(id)!, integer: m.countIndicators.has(id) }));
    this.ids = Array.from({ length: rows }, (_, r) => m.ids[r % this.n]);
    this.columns = m.rubric.criteria.map(() => new Float64Array(rows));
    this.fired = new Int32Array(rows);
    this.varying = m.rubric.criteria.map((k, j) => (k.rule.indicators.some((id) => uncertain.includes(id)) ? j : -1)).filter((j) => j >= 0);
    // Criteria on fixed indicators score the same in every batch: tile their base scores once.
    m.rubric.criteria.forEach((_k, j) => {
      if (!this.varying.includes(j)) for (let b = 0; b < BATCH; b++) this.columns[j].set(m.scores[j], b * this.n);
    });
  }

  offsetFor(sample: number): number {
    return (sample % BATCH) * this.n;
  }

  /** The scored columns holding `sample`; a new batch is drawn at every BATCH-th sample. */
  columnsFor(sample: number, rng: Rng): readonly Float64Array[] {
    if (sample % BATCH === 0) this.fill(rng);
    return this.columns;
  }

  private fill(rng: Rng): void {
    for (const s of this.slots) {
      const col = this.frame[s.slot] as Float64Array;
      for (let b = 0; b < BATCH; b++) {
        for (let i = 0; i < this.n; i++) {
          const lo = s.lo[i];
          const hi = s.hi[i];
          if (lo === hi) continue; // tiled from the data already
          const u = rng.next();
          col[b * this.n + i] = s.integer ? lo + Math.floor(u * (hi - lo + 1)) : lo + u * (hi - lo);
        }
      }
    }
    const problems = new ProblemList(this.m.rubric.file);
    for (const j of this.varying) this.m.rubric.criteria[j].rule.score(this.frame, this.ids, this.columns[j], this.fired, problems);
    if (problems.hasErrors) {
      // A value inside a cell's declared range that a rule cannot score is an input error of the rubric or the range.
      throw new InputError(problems.items.slice(0, 5).map((p) => ({ ...p, message: `${p.message} (while sampling values inside the data's low/high ranges)` })));
    }
  }
}
