import type { AggregationMethod, DecisionMatrix } from '../methods/method';

/**
 * Rank-reversal checks after Wang & Triantaphyllou (2008), "Ranking irregularities when evaluating alternatives by
 * using some ELECTRE methods", Omega 36(1), 45–63, test criteria 1–3, applied to every method:
 *  - remove each alternative in turn (criteria 2 and 3: the order of the others should not change when one leaves);
 *  - add a copy of the worst alternative made slightly worse (criterion 1: a new, dominated alternative should not
 *    reorder the rest): each criterion moved `epsilon` of the column's range towards worse, held inside the method's
 *    bounds where it has them.
 * A reversal is a pair whose strict order under the method flips (a above b before, b above a after); pairs that
 * become or stop being ties are not counted. Scores are the method's own, before risk caps.
 */
export interface Reversal {
  readonly method: string;
  /** `remove <id>` or `add worse copy of <id>`. */
  readonly change: string;
  /** Above before the change, below after. */
  readonly a: string;
  readonly b: string;
  readonly before: readonly [number, number];
  readonly after: readonly [number, number];
}

export interface ReversalReport {
  /** Methods checked, in the order given; those whose checks the data fail are in `skipped`. */
  readonly methods: readonly string[];
  readonly changes: readonly string[];
  readonly reversals: readonly Reversal[];
  readonly skipped: readonly { readonly method: string; readonly why: string }[];
}

export const REVERSAL_EPSILON = 0.01;

/** The matrix with only the rows in `keep` (in that order), then the extra row if given. */
function subset(m: DecisionMatrix, keep: readonly number[], extra?: { id: string; values: readonly number[] }): DecisionMatrix {
  const n = keep.length + (extra ? 1 : 0);
  return {
    ...m,
    n,
    columns: m.columns.map((c, j) => {
      const out = new Float64Array(n);
      keep.forEach((r, i) => (out[i] = c[r]));
      if (extra) out[n - 1] = extra.values[j];
      return out;
    }),
    ids: [...keep.map((r) => m.ids[r]), ...(extra ? [extra.id] : [])],
  };
}

/** Row `w` moved `epsilon` of each column's range towards worse, inside the column's bounds when it has them. */
export function worseCopy(m: DecisionMatrix, w: number, epsilon = REVERSAL_EPSILON): number[] {
  return m.columns.map((c, j) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < m.n; i++) {
      if (c[i] < lo) lo = c[i];
      if (c[i] > hi) hi = c[i];
    }
    const step = epsilon * (hi - lo);
    const bound = m.params?.bounds?.[j];
    return m.benefit[j] ? Math.max(bound ? bound[0] : -Infinity, c[w] - step) : Math.min(bound ? bound[1] : Infinity, c[w] + step);
  });
}

/** Strict order flips between the scores of the same ids before and after. */
function flips(method: string, change: string, ids: readonly string[], before: Float64Array, afterById: ReadonlyMap<string, number>): Reversal[] {
  const out: Reversal[] = [];
  for (let i = 0; i < ids.length; i++) {
    for (let k = 0; k < ids.length; k++) {
      const ai = afterById.get(ids[i]);
      const ak = afterById.get(ids[k]);
      if (ai === undefined || ak === undefined) continue;
      if (before[i] > before[k] && ai < ak) out.push({ method, change, a: ids[i], b: ids[k], before: [before[i], before[k]], after: [ai, ak] });
    }
  }
  return out;
}

export function rankReversal(methods: readonly AggregationMethod[], m: DecisionMatrix, epsilon = REVERSAL_EPSILON): ReversalReport {
  const reversals: Reversal[] = [];
  const skipped: { method: string; why: string }[] = [];
  const checked: string[] = [];
  const changes = new Set<string>();
  const all = Array.from({ length: m.n }, (_, i) => i);
  for (const method of methods) {
    const problems = method.check(m);
    if (problems.length) {
      skipped.push({ method: method.id, why: problems[0].message });
      continue;
    }
    checked.push(method.id);
    const base = method.score(m);
    const scoreOf = (x: DecisionMatrix) => {
      const s = method.score(x);
      return new Map(x.ids.map((id, i) => [id, s[i]]));
    };
    for (const r of all) {
      const change = `remove ${m.ids[r]}`;
      changes.add(change);
      reversals.push(...flips(method.id, change, m.ids, base, scoreOf(subset(m, all.filter((i) => i !== r)))));
    }
    let worst = 0;
    for (let i = 1; i < m.n; i++) if (base[i] < base[worst]) worst = i;
    const change = `add worse copy of ${m.ids[worst]}`;
    changes.add(change);
    const copy = subset(m, all, { id: `${m.ids[worst]}-worse`, values: worseCopy(m, worst, epsilon) });
    reversals.push(...flips(method.id, change, m.ids, base, scoreOf(copy)));
  }
  return { methods: checked, changes: [...changes], reversals, skipped };
}
