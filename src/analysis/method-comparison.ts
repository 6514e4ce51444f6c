import { InputError, formatProblem } from '../errors/problem';
import type { AggregationMethod } from '../methods/method';
import type { RankResult } from '../model/result';
import { copelandConsensus, pairwiseAgreement, type Agreement } from './method-agreement';

/** The same alternatives ranked under several methods, how far the rankings agree, and their Copeland consensus. */
export interface MethodComparison {
  /** Alternative ids in data order. */
  readonly ids: readonly string[];
  /** Per method, in plug-in order: the rank of each alternative, in data order. */
  readonly rankings: ReadonlyMap<string, Float64Array>;
  readonly agreement: readonly Agreement[];
  /** Ids, best first. */
  readonly consensus: readonly string[];
  /** Methods that cannot rank these data (gate without a rubric, SPOTIS without bounds…), with the reason. */
  readonly skipped: readonly { readonly method: string; readonly why: string }[];
}

/**
 * Ranks with every method through `rank` (rank's own path: rubric scoring, risk caps, the method's checks), keeping
 * the methods that can rank the data; a method that cannot is listed in `skipped` with its first problem, never
 * dropped silently. Any other error stops the comparison.
 */
export function compareMethods(methods: readonly AggregationMethod[], rank: (m: AggregationMethod) => RankResult): MethodComparison {
  const rankings = new Map<string, Float64Array>();
  const skipped: { method: string; why: string }[] = [];
  let ids: readonly string[] = [];
  for (const method of methods) {
    let r: RankResult;
    try {
      r = rank(method);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      skipped.push({ method: method.id, why: formatProblem(e.problems[0]) });
      continue;
    }
    const byRow = new Float64Array(r.ranking.length);
    for (const a of r.ranking) byRow[a.row] = a.rank;
    if (ids.length === 0) ids = Array.from({ length: r.ranking.length }, (_, i) => r.ranking.find((a) => a.row === i)!.id);
    rankings.set(method.id, byRow);
  }
  const consensus = copelandConsensus([...rankings.values()], ids.length).map((i) => ids[i]);
  return { ids, rankings, agreement: pairwiseAgreement(rankings), consensus, skipped };
}
