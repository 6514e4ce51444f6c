import { cellKey, type Dataset } from '../model/dataset';
import type { EvidenceLedger } from '../model/evidence';
import type { IndicatorDictionary } from '../model/indicator';
import type { MethodId, Rubric } from '../model/rubric';
import type { RankResult } from '../model/result';
import type { AggregationMethod } from '../methods/method';
import { METHOD_PLUGINS } from '../methods/plugins';
import { reweight, type DeclaredWeights } from '../rubric/reweight';
import { rankWithRubric } from '../scoring/score-rubric';
import { compileRubric } from '../rubric/compile-rubric';
import type { RubricSource } from '../rubric/load-rubric';
import { recordTrees } from '../expression/sandbox';
import type { ReportPayload } from './payload';

/** Rebuilds the engine's model from a report payload: the same compileRubric the CLI runs, on the validated spec. */
export function modelFromPayload(p: ReportPayload): { rubric: Rubric; data: Dataset; dictionary: IndicatorDictionary; evidence: EvidenceLedger } {
  const dictionary: IndicatorDictionary = { file: 'dictionary', indicators: p.dictionary, byId: new Map(p.dictionary.map((i) => [i.id, i])) };
  const src: RubricSource = { file: p.rubricFile, spec: p.spec, yaml: { file: p.rubricFile, data: p.spec, lineOf: () => undefined } };
  const rubric = compileRubric(src, dictionary);
  const f64 = (r: Readonly<Record<string, number[]>>) => new Map(Object.entries(r).map(([k, v]) => [k, Float64Array.from(v)]));
  const d = p.dataset;
  const data: Dataset = {
    file: p.dataFile, ids: d.ids, names: d.names, lines: new Int32Array(d.ids.length),
    numeric: f64(d.numeric), categorical: new Map(Object.entries(d.categorical)), low: f64(d.low), high: f64(d.high),
    cells: new Map(d.cells.map((c) => [cellKey(c.market, c.indicator), c])),
  };
  const evidence: EvidenceLedger = { file: 'evidence', conditions: [], sources: p.sources, facts: p.facts, byId: new Map(p.facts.map((f) => [f.id, f])) };
  return { rubric, data, dictionary, evidence };
}

/**
 * The payload with the parsed tree of every expression the page will compile: found by building the page's model
 * here, with the page's own modelFromPayload, while the parser records what it parses.
 */
export function withTrees(p: Omit<ReportPayload, 'trees'>): ReportPayload {
  return { ...p, trees: recordTrees(() => modelFromPayload({ ...p, trees: [] })).trees };
}

/** The page's methods: the CLI's own plug-in list (src/methods/plugins.ts, which src/ioc.ts binds), by id. */
export const PAGE_METHODS = Object.fromEntries(METHOD_PLUGINS.map((M) => new M()).map((m) => [m.id, m])) as Record<MethodId, AggregationMethod>;

/**
 * What the page shows when a slider or the method moves: the rubric reweighted as `rank --weight …` reweights it,
 * ranked by rankWithRubric with the chosen plug-in. Undefined when every condition weight is 0 (nothing to rank).
 */
export function pageRanking(rubric: Rubric, data: Dataset, method: MethodId, weights: DeclaredWeights): { result: RankResult; rubric: Rubric } | undefined {
  if (!weights.conditions.some((w) => w > 0)) return undefined;
  const r = reweight(rubric, weights);
  return { result: rankWithRubric(r, data, PAGE_METHODS[method]), rubric: r };
}
