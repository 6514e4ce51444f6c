import { ProblemList, InputError, UsageError } from '../errors/problem';
import { HitAndRun } from './hit-and-run';
import { WeightPolytope, type WeightConstraint } from '../weights/weight-constraints';
import type { PreparedMethod } from '../methods/method';
import { Ranker } from '../ranking/competition-rank';
import { dataFrame } from '../scoring/score-rubric';
import { capCeilings, capsByMarket } from '../scoring/caps';
import { prepareScoring } from '../scoring/method-matrix';
import type { Cap } from '../model/rubric';
import { Rng, sampleSimplex } from './rng';
import { TierSampler } from './tier-acceptability';
import { globalFromConditions, hasRubric, prepared, type RubricModel, type SensitivityModel } from './sensitivity-model';

export interface SmaaOptions {
  readonly samples: number;
  readonly seed: number;
  readonly sampler: 'dirichlet' | 'sorted';
  /** `conditions`: sample condition weights, keep the rubric's weights inside each condition; `criteria`: sample global criterion weights. */
  readonly level: 'conditions' | 'criteria';
  /** Sample indicator values inside their low/high ranges (when the data has any). */
  readonly values: boolean;
  /** Also count each alternative's tier per sample (tier acceptability, src/analysis/tier-acceptability.ts). */
  readonly tiers?: boolean;
  /**
   * Weight constraints over the level's weight ids (analysis/weight-constraints.ts): weights are then drawn by
   * hit-and-run, uniformly over the constrained simplex, instead of by `sampler`.
   */
  readonly constraints?: readonly WeightConstraint[];
}

export const SMAA_DEFAULTS: SmaaOptions = { samples: 10_000, seed: 20261121, sampler: 'dirichlet', level: 'conditions', values: true };

export interface SmaaResult {
  readonly ids: readonly string[];
  readonly samples: number;
  readonly seed: number;
  readonly level: 'conditions' | 'criteria';
  readonly sampler: 'dirichlet' | 'sorted' | 'hit-and-run';
  /** The weight constraints in force, as written (empty when the simplex is sampled whole). */
  readonly constraints: readonly string[];
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
  /** How many value samples the confidence factors are computed over (N, or fewer above CONFIDENCE_BUDGET; 1 when values are fixed). */
  readonly confidenceSamples: number;
  /** c[i][k]: share of samples in which i ranks above k; every pair up to WINNING_ALL_PAIRS_MAX alternatives, else null. */
  readonly winning: readonly Float64Array[] | null;
  /** Beyond WINNING_ALL_PAIRS_MAX: the winning indices of each pair of neighbours in the base ranking, both ways. */
  readonly adjacentWinning: readonly { readonly above: string; readonly below: string; readonly cAbove: number; readonly cBelow: number }[] | null;
  /** Half-width of the 95% confidence interval of any index: 1.96 × sqrt(1/4N) bounds it for every p. */
  readonly errorBound: number;
  /** With `tiers`: per alternative, tier id → share of samples giving that tier; else null. */
  readonly tierAcceptability: readonly Readonly<Record<string, number>>[] | null;
  /** Row indices in the base ranking's order (rank's own scores, ties in data order): how tables list the markets. */
  readonly order: readonly number[];
}

/** Value samples are scored through the rubric's compiled rules in batches of this many (rules run over columns). */
export const BATCH = 1000;
/** Up to this many alternatives the pairwise winning index is computed for every pair (n² per sample). */
export const WINNING_ALL_PAIRS_MAX = 200;
/** Value batches are kept for the confidence pass up to this many bytes (the first ones); the rest are redrawn. */
const KEEP_BYTES = 64 * 1024 * 1024;
/**
 * The confidence pass scores every alternative once per candidate and value sample. Above this many multiply-adds
 * (candidates × samples × alternatives × criteria) it uses the first value batches only, as many as fit (at least
 * one, 1,000 samples), and the result says how many: a confidence factor from N' samples carries its own error bound
 * 1.96·sqrt(1/(4N')). The six NEC markets stay far below it (every sample is used).
 */
export const CONFIDENCE_BUDGET = 3e8;

/**
 * SMAA-2 (Lahdelma & Salminen 2001, "SMAA-2: Stochastic multicriteria acceptability analysis for group decision
 * making", Operations Research 49(3)). Weights are drawn uniformly from the simplex (no preference information);
 * where the data carries low/high ranges, indicator values are drawn uniformly inside them (counts as whole numbers).
 *   rank acceptability b_i^r = share of samples where i has rank r (competition ranks: tied alternatives share one)
 *   central weight vector w_i^c = mean weight vector over samples where i ranks first
 *   confidence factor p_i^c = share of value samples where i ranks first under w_i^c (the same value samples as
 *                             the main pass: common random numbers, kept or redrawn from the same seed)
 *   pairwise winning index c_ik = share of samples where i ranks above k
 * Every sample is scored by the method's own plug-in (prepare once per value batch, then score per weight sample)
 * and ranked by the one competition ranking (O(n log n)). The winning index is inherently n² per sample, so it is
 * computed for every pair up to WINNING_ALL_PAIRS_MAX alternatives and, beyond, for neighbours in the base ranking
 * only (the output says which). Weights and values are drawn from two streams of one seed. The per-sample loop
 * allocates nothing.
 */
export function smaa(m: SensitivityModel, opts: SmaaOptions): SmaaResult {
  const n = m.ids.length;
  const M = m.criterionIds.length;
  const C = m.conditionIds.length;
  const W = opts.level === 'conditions' ? C : M;
  const rng = new Rng(opts.seed);
  const valueSeed = (opts.seed ^ 0x9e3779b9) >>> 0;
  // A plain table (no rubric) has no ranges, tiers or caps: weights alone are sampled.
  const rm = hasRubric(m) ? m : null;
  const capsMatter = Boolean(opts.tiers) || (rm?.rubric.caps.some((c) => c.ceiling !== undefined) ?? false);
  const uncertain = rm ? uncertainIndicators(rm, capsMatter) : [];
  const sampleValues = opts.values && uncertain.length > 0;
  const N = opts.samples;
  const B = Math.min(BATCH, N);
  // The confidence pass reads the first batches (all of them, unless bounded by CONFIDENCE_BUDGET): keep as many
  // as fit, redraw the others from the same seed.
  const keepBatches = sampleValues ? Math.floor(KEEP_BYTES / (B * n * M * 8)) : 0;
  const batches = sampleValues && rm ? new ValueBatches(rm, uncertain, valueSeed, B, Boolean(opts.tiers)) : null;
  const kept: PreparedMethod[] = [];
  const basePrepared = batches ? null : prepared(m);

  const allPairs = n <= WINNING_ALL_PAIRS_MAX;
  const order = baseRanking(m);
  const baseOrder = allPairs ? null : order;
  // Counts as 32-bit integers: half the memory of doubles, and the per-sample writes land at random rows.
  const b = new Uint32Array(n * n);
  const cw = new Float64Array(n * W);
  const firsts = new Float64Array(n);
  const wins = new Float64Array(allPairs ? n * n : 2 * (n - 1));
  const w = new Float64Array(W);
  const scratch = new Float64Array(W);
  const gw = new Float64Array(M);
  const scores = new Float64Array(n);
  const ranker = new Ranker(n);
  const global = (x: Float64Array) => (opts.level === 'conditions' ? globalFromConditions(m, x, gw) : x);
  // Known weight constraints: the same stream drives hit-and-run over the constrained simplex instead.
  const constraints = weightConstraintsOf(m, opts);
  const hitAndRun = constraints.length ? new HitAndRun(new WeightPolytope(W, constraints)) : null;

  const tierSampler = opts.tiers && rm && rm.rubric.tiers.length ? new TierSampler(rm, opts.level) : null;
  const fixedCaps = tierSampler && rm && !batches ? capsByMarket(rm.rubric, dataFrame(rm.rubric, m.data), m.ids) : null;
  let p = basePrepared!;
  for (let s = 0; s < N; s++) {
    if (batches && s % B === 0) {
      const keepIt = kept.length < keepBatches;
      p = batches.next(keepIt);
      if (keepIt) kept.push(p);
    }
    if (hitAndRun) hitAndRun.next(rng, w);
    else sampleSimplex(rng, w, opts.sampler, scratch);
    const gwS = global(w);
    p.score(gwS, scores, batches ? s % B : 0);
    if (tierSampler) {
      if (batches) tierSampler.observe(batches.columns, (s % B) * n, gwS, batches.caps, (s % B) * n);
      else tierSampler.observe(m.scores, 0, gwS, fixedCaps!, 0);
    }
    const rank = ranker.ranks(scores);
    for (let i = 0; i < n; i++) {
      const ri = rank[i];
      b[i * n + ri - 1] += 1;
      if (ri === 1) {
        firsts[i] += 1;
        for (let k = 0; k < W; k++) cw[i * W + k] += w[k];
      }
    }
    if (baseOrder) {
      for (let q = 0; q + 1 < n; q++) {
        const ra = rank[baseOrder[q]];
        const rb = rank[baseOrder[q + 1]];
        if (ra < rb) wins[2 * q] += 1;
        else if (rb < ra) wins[2 * q + 1] += 1;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const ri = rank[i];
        for (let k = 0; k < n; k++) if (ri < rank[k]) wins[i * n + k] += 1;
      }
    }
  }
  const acceptability = Array.from({ length: n }, (_, i) => Float64Array.from(b.subarray(i * n, i * n + n), (x) => x / N));
  const central = Array.from({ length: n }, (_, i) => (firsts[i] > 0 ? cw.slice(i * W, i * W + W).map((x) => x / firsts[i]) : null));

  // Confidence factors over the same value samples (one deterministic evaluation when values are fixed).
  const firstUnderCentral = new Float64Array(n);
  const candidates = central.map((c, i) => (c ? i : -1)).filter((i) => i >= 0);
  const centralGlobal = candidates.map((i) => Float64Array.from(global(central[i]!)));
  const perSample = Math.max(1, candidates.length * n * M);
  const confSamples = batches ? Math.min(N, Math.max(B, Math.floor(CONFIDENCE_BUDGET / perSample / B) * B)) : 1;
  if (batches) {
    let redraw: ValueBatches | null = null;
    const batchScores = new Float64Array(n * B);
    for (let at = 0, batch = 0; at < confSamples; at += B, batch++) {
      if (batch >= kept.length && !redraw) {
        redraw = new ValueBatches(rm!, uncertain, valueSeed, B, false);
        for (let k = 0; k < kept.length; k++) redraw.skip();
      }
      const q = batch < kept.length ? kept[batch] : redraw!.next(false);
      const count = Math.min(B, confSamples - at);
      // One call scores every value sample of the batch under a candidate's central weights.
      candidates.forEach((i, c) => {
        q.score(centralGlobal[c], batchScores, 0, count);
        for (let s = 0; s < count; s++) if (Ranker.isFirst(batchScores, i, s * n, n)) firstUnderCentral[i] += 1;
      });
    }
  } else {
    candidates.forEach((i, c) => {
      basePrepared!.score(centralGlobal[c], scores);
      if (Ranker.isFirst(scores, i)) firstUnderCentral[i] += 1;
    });
  }
  const confidence = central.map((c, i) => (c ? firstUnderCentral[i] / confSamples : null));

  return {
    ids: m.ids, samples: N, seed: opts.seed, level: opts.level, sampler: hitAndRun ? 'hit-and-run' : opts.sampler, constraints: constraints.map((c) => c.text),
    weightIds: opts.level === 'conditions' ? m.conditionIds : m.criterionIds,
    valuesSampled: sampleValues, uncertainIndicators: uncertain,
    acceptability, centralWeights: central, confidence, confidenceSamples: confSamples,
    winning: allPairs ? Array.from({ length: n }, (_, i) => wins.slice(i * n, i * n + n).map((x) => x / N)) : null,
    adjacentWinning: baseOrder ? Array.from({ length: n - 1 }, (_, q) => ({ above: m.ids[baseOrder[q]], below: m.ids[baseOrder[q + 1]], cAbove: wins[2 * q] / N, cBelow: wins[2 * q + 1] / N })) : null,
    errorBound: 1.96 * Math.sqrt(0.25 / N),
    tierAcceptability: tierSampler ? tierSampler.result() : null,
    order: Array.from(order),
  };
}

/**
 * The constraints a run samples under: the rubric's `weightConstraints` (over condition weights) and the caller's
 * (over the level's weights). The rubric's name conditions, so sampling global criterion weights cannot honour
 * them, and that is said rather than ignored.
 */
function weightConstraintsOf(m: SensitivityModel, opts: SmaaOptions): readonly WeightConstraint[] {
  const declared = m.rubric?.weightConstraints ?? [];
  if (declared.length && opts.level === 'criteria') {
    throw new UsageError('usage.bad-option', `${m.rubric!.file} declares weightConstraints over condition weights, which --level criteria does not sample`, 'sample --level conditions, or state criteria constraints with --constraint');
  }
  return [...declared, ...(opts.constraints ?? [])];
}

/** The base ranking's order (rank's own scores): the neighbours whose winning indices large runs report. */
function baseRanking(m: SensitivityModel): Uint32Array {
  const s = new Float64Array(m.ids.length);
  prepared(m).score(m.globalWeights, s);
  return Uint32Array.from(new Ranker(m.ids.length).run(s).order);
}

/**
 * Indicators whose low/high range is wider than a point for at least one market, among those the criteria rules read
 * and, when `withCaps` (tiers are sampled, or a cap sets a score ceiling), those the risk caps' `when` reads: a cap
 * whose indicator's range straddles its threshold then bites in some samples and not others, as the range says.
 */
export function uncertainIndicators(m: RubricModel, withCaps = false): string[] {
  const used = new Set(m.rubric.criteria.flatMap((k) => k.rule.indicators));
  // Cap-only indicators come last: they are drawn from a stream of their own (ValueBatches), so adding them leaves
  // every criterion draw, and so every rank acceptability, exactly as `sensitivity smaa` without tiers has it.
  if (withCaps) for (const id of capIndicators(m.rubric)) used.add(id);
  return [...used].filter((id) => {
    const lo = m.data.low.get(id);
    const hi = m.data.high.get(id);
    return lo && hi && lo.some((v, i) => v < hi[i]);
  });
}

/**
 * Draws `size` value samples at a time into columns of n × size rows and scores them once through the compiled
 * rules (which evaluate over whole columns), so rule evaluation allocates per batch, never per sample.
 */
class ValueBatches {
  private readonly n: number;
  private readonly slots: { slot: number; lo: Float64Array; hi: Float64Array; integer: boolean; rng: Rng }[];
  private readonly frame: (ArrayLike<number> | readonly string[])[];
  private readonly ids: string[];
  /** The criterion scores of the current batch, n × size rows (tier sampling reads them). */
  readonly columns: Float64Array[];
  /** The risk caps biting each row of the current batch (they read the sampled values). */
  caps: readonly (readonly Cap[])[] = [];
  private readonly noCaps: readonly (readonly Cap[])[];
  private readonly fired: Int32Array;
  /** Criteria that read an uncertain indicator: only these are re-scored per batch. */
  private readonly varying: number[];

  /** `wantCaps`: tier sampling reads which caps bite per row; otherwise caps are evaluated only for their ceilings. */
  constructor(private readonly m: RubricModel, uncertain: readonly string[], seed: number, private readonly size: number, private readonly wantCaps: boolean) {
    const BATCH = size;
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
    // Indicators criteria read draw from the value stream; those only caps read, from a second stream of the seed.
    const ruleRead = new Set(m.rubric.criteria.flatMap((k) => k.rule.indicators));
    const values = new Rng(seed);
    const capValues = new Rng((seed ^ 0x85ebca6b) >>> 0);
    this.slots = uncertain.map((id) => ({ slot: m.rubric.slots.indexOf(id), lo: m.data.low.get(id)!, hi: m.data.high.get(id)!, integer: m.countIndicators.has(id), rng: ruleRead.has(id) ? values : capValues }));
    this.ids = Array.from({ length: rows }, (_, r) => m.ids[r % this.n]);
    this.columns = m.rubric.criteria.map(() => new Float64Array(rows));
    this.fired = new Int32Array(rows);
    this.noCaps = Array.from({ length: rows }, () => []);
    this.varying = m.rubric.criteria.map((k, j) => (k.rule.indicators.some((id) => uncertain.includes(id)) ? j : -1)).filter((j) => j >= 0);
    // Criteria on fixed indicators score the same in every batch: tile their base scores once.
    m.rubric.criteria.forEach((_k, j) => {
      if (!this.varying.includes(j)) for (let b = 0; b < BATCH; b++) this.columns[j].set(m.scores[j], b * this.n);
    });
  }

  /** Draws the next BATCH value samples, scores them through the rules and prepares the method on them (one block each). */
  next(keep: boolean): PreparedMethod {
    this.fill();
    // A kept batch must own its columns: the next fill overwrites these, and WSM and gate read them in place.
    const columns = keep ? this.columns.map((c) => c.slice()) : this.columns;
    // Caps read the sampled values too: a cap that bites only inside a cell's range bites only in those samples.
    // Caps are evaluated on the sampled values only when something reads them: a ceiling, or tier sampling.
    const needed = this.wantCaps || this.m.rubric.caps.some((c) => c.ceiling !== undefined);
    this.caps = needed && this.m.rubric.caps.length ? capsByMarket(this.m.rubric, this.frame, this.ids) : this.noCaps;
    const ceilings = capCeilings(this.caps);
    return prepareScoring(this.m.plugin, { ...this.m.matrix, n: this.n * this.size, columns }, this.size, ceilings);
  }

  /** Advances the generator past one batch (the draws a kept batch made) without scoring it. */
  skip(): void {
    for (const s of this.slots) for (let b = 0; b < this.size; b++) for (let i = 0; i < this.n; i++) if (s.lo[i] !== s.hi[i]) s.rng.next();
  }

  private fill(): void {
    for (const s of this.slots) {
      const rng = s.rng;
      const col = this.frame[s.slot] as Float64Array;
      for (let b = 0; b < this.size; b++) {
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

/** The indicators the rubric's risk caps read, by id (a cap's `when` names them by their expression symbols). */
function capIndicators(rubric: RubricModel['rubric']): string[] {
  const out = new Set<string>();
  for (const cap of rubric.caps) {
    for (const sym of cap.when.symbols) {
      const info = rubric.scope.get(sym);
      if (info) out.add(rubric.slots[info.slot]);
    }
  }
  return [...out];
}
