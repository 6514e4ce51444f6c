/**
 * moatscore's library API: load → validate → score → rank → render. Everything the CLI does is one of these.
 */
export { InputError, UsageError, InternalError, formatProblem, type Problem } from './errors/problem';
export { loadRubric, type RubricSource } from './rubric/load-rubric';
export { compileRubric } from './rubric/compile-rubric';
export { rubricJsonSchema, RubricSchema, type RubricSpec } from './rubric/schema';
export { loadDictionary } from './data/load-dictionary';
export { loadMarkets } from './data/load-markets';
export { loadCells } from './data/load-cells';
export { loadTable } from './data/load-table';
export { loadEvidence } from './evidence/load-evidence';
export { loadProject, type Project, type ProjectFiles } from './load-project';
export { compileExpression, EXPRESSION_LIMITS, FUNCTIONS, type CompiledExpression } from './expression/compile';
export { scoreRubric, rankWithRubric, rankTable, type RubricScores } from './scoring/score-rubric';
export { weightedSum, WeightedSumMethod } from './methods/wsm';
export { weightedProduct, WeightedProductMethod } from './methods/wpm';
export { topsis, TopsisMethod } from './methods/topsis';
export { gateScores, GateMethod } from './methods/gate';
export { linearRatio } from './methods/normalise';
export type { AggregationMethod, DecisionMatrix } from './methods/method';
export { competitionRank } from './ranking/competition-rank';
export { TableRenderer, MarkdownRenderer } from './render/table-renderer';
export { JsonRenderer } from './render/json-renderer';
export { CsvRenderer } from './render/csv-renderer';
export type { Renderer, FormatId } from './render/renderer';
export { buildContainer, resolvePlugins, TOKENS, Registry } from './ioc';
export type { Dataset, CellEvidence } from './model/dataset';
export type { Rubric, Condition, Criterion, MethodId } from './model/rubric';
export type { RankResult, RankedAlternative } from './model/result';
export type { EvidenceLedger, Fact } from './model/evidence';
export type { IndicatorDictionary, Indicator } from './model/indicator';
