import { ProblemList } from '../errors/problem';
import { isGated } from '../methods/gate';
import type { Cap } from '../model/rubric';
import { assignTiers, conditionExtremes, finalTier, type ConditionExtremes } from '../scoring/tiers';
import type { RubricModel } from './sensitivity-model';

/**
 * Tier acceptability, the tier analogue of SMAA's rank acceptability: the share of samples in which each
 * alternative gets each tier. A sample's tier is found exactly as rank finds it (scoring/tiers.ts): condition scores
 * (weighted means of the sample's criterion scores), the overall score under the sample's weights, the zero-weight
 * rule for weakest and strongest, the rubric's tier rules, then the worse of that, the gate's tier when the gate
 * method gates the market, and every biting risk cap's tier.
 */
export class TierSampler {
  private readonly n: number;
  private readonly C: number;
  private readonly conditions: Float64Array[];
  private readonly overall: Float64Array;
  private readonly cw: Float64Array;
  private readonly counts: Uint32Array;
  private readonly tierIds: readonly string[];
  private readonly problems: ProblemList;
  private samples = 0;
  private readonly extremes: ConditionExtremes;
  private readonly tierBuf: string[];
  private readonly tierIndex: ReadonlyMap<string, number>;

  constructor(private readonly m: RubricModel, private readonly level: 'conditions' | 'criteria') {
    this.n = m.ids.length;
    this.C = m.conditionIds.length;
    this.conditions = m.conditionIds.map(() => new Float64Array(this.n));
    this.overall = new Float64Array(this.n);
    this.cw = new Float64Array(this.C);
    this.tierIds = m.rubric.tiers.map((t) => t.id);
    this.counts = new Uint32Array(this.n * this.tierIds.length);
    this.problems = new ProblemList(m.rubric.file);
    this.extremes = { weakest: new Float64Array(this.n), strongest: new Float64Array(this.n), binding: new Uint16Array(this.n) };
    this.tierBuf = new Array<string>(this.n);
    this.tierIndex = new Map(this.tierIds.map((t, k) => [t, k]));
  }

  /**
   * One sample: criterion scores `columns[j][offset + i]`, global criterion weights `gw` (any positive scale), and the
   * caps biting each market in this sample (`caps[capsOffset + i]`).
   */
  observe(columns: readonly Float64Array[], offset: number, gw: ArrayLike<number>, caps: readonly (readonly Cap[])[], capsOffset: number): void {
    const { n, C, m, cw, overall, conditions } = this;
    cw.fill(0);
    for (let j = 0; j < gw.length; j++) cw[m.group[j]] += gw[j];
    let total = 0;
    for (let c = 0; c < C; c++) total += cw[c];
    for (let c = 0; c < C; c++) conditions[c].fill(0);
    for (let j = 0; j < gw.length; j++) {
      const c = m.group[j];
      // Inside a condition the rubric's own weights (as rank) unless criterion weights are sampled and in the model.
      const wj = this.level === 'criteria' && cw[c] > 0 ? gw[j] / cw[c] : m.local[j];
      const col = columns[j];
      for (let i = 0; i < n; i++) conditions[c][i] += wj * col[offset + i];
    }
    overall.fill(0);
    for (let c = 0; c < C; c++) for (let i = 0; i < n; i++) overall[i] += (cw[c] / total) * conditions[c][i];
    const x = conditionExtremes(conditions, cw, n, this.extremes);
    const tiers = assignTiers(m.rubric, m.ids, overall, conditions, x, this.problems, this.tierBuf);
    if (this.problems.hasErrors) this.problems.throwIfErrors();
    const threshold = m.method === 'gate' ? m.rubric.gate?.threshold : undefined;
    for (let i = 0; i < n; i++) {
      const gated = threshold !== undefined && isGated(x.weakest[i], threshold);
      const own = tiers[i];
      const capsI = caps[capsOffset + i];
      const t = gated || capsI.length ? finalTier(m.rubric, own, gated, capsI) : own;
      this.counts[i * this.tierIds.length + this.tierIndex.get(t)!] += 1;
    }
    this.samples++;
  }

  /** Per alternative: tier id → share of the samples observed. */
  result(): Record<string, number>[] {
    const T = this.tierIds.length;
    return Array.from({ length: this.n }, (_, i) => Object.fromEntries(this.tierIds.map((t, k) => [t, this.counts[i * T + k] / this.samples])));
  }
}
