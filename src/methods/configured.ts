import { UsageError } from '../errors/problem';
import type { AggregationMethod, DecisionMatrix } from './method';
import type { MethodParams, PreferenceFunction } from './params';

/** Method parameters as the analyst names them: by criterion name, resolved against each matrix's columns. */
export interface NamedMethodParams {
  readonly v?: number;
  readonly preference?: ReadonlyMap<string, PreferenceFunction>;
  readonly bounds?: ReadonlyMap<string, readonly [number, number]>;
}

/**
 * A method with the analyst's parameters attached: every call sees the matrix with those parameters merged over the
 * matrix's own (a named bound replaces the rubric scale for that criterion). So rank, the analyses and `methods` pass
 * one AggregationMethod around and never thread options through. A name that is no criterion is a usage error.
 */
export function withParams(method: AggregationMethod, named: NamedMethodParams | undefined): AggregationMethod {
  if (!named || (named.v === undefined && !named.preference?.size && !named.bounds?.size)) return method;
  const resolve = (m: DecisionMatrix): DecisionMatrix => {
    for (const [option, map] of [['preference', named.preference], ['bounds', named.bounds]] as const) {
      for (const name of map?.keys() ?? []) {
        if (!m.criteria.includes(name)) throw new UsageError('usage.unknown-criterion', `--${option}: no criterion '${name}'`, `choose one of: ${m.criteria.join(', ')}`);
      }
    }
    const params: MethodParams = {
      v: named.v ?? m.params?.v,
      preference: m.criteria.map((c, j) => named.preference?.get(c) ?? m.params?.preference?.[j]),
      bounds: m.criteria.map((c, j) => named.bounds?.get(c) ?? m.params?.bounds?.[j]),
    };
    return { ...m, params };
  };
  const configured: AggregationMethod = {
    id: method.id,
    name: method.name,
    compensatory: method.compensatory,
    scoreMeaning: method.scoreMeaning,
    check: (m) => method.check(resolve(m)),
    prepare: (m, blocks) => method.prepare(resolve(m), blocks),
    score: (m) => method.score(resolve(m)),
    diagnose: (m, w, row) => method.diagnose(resolve(m), w, row),
    ...(method.detail ? { detail: (m: DecisionMatrix, w: ArrayLike<number>) => method.detail!(resolve(m), w) } : {}),
    ...(method.verdict ? { verdict: (m: DecisionMatrix, w: ArrayLike<number>) => method.verdict!(resolve(m), w) } : {}),
    ...(method.criterionScores ? { criterionScores: (m: DecisionMatrix) => method.criterionScores!(resolve(m)) } : {}),
  };
  return configured;
}
