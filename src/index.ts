/**
 * moatscore's library API, in the order the data flows: load → score → rank → analyse → render. Each name is picked
 * by hand; nothing here is a CLI internal (argument parsing, the container, output files), and nothing needs the
 * inversify container: methods and renderers are plain classes to construct. Everything the CLI does is one of these.
 */

// Errors: every loader throws InputError with all problems of all files; options give UsageError.
export { InputError, UsageError, InternalError, formatProblem, type Problem } from './errors/problem';
export { ExpressionError } from './expression/compile';

// Load: parse → zod → rules → a frozen model, each file once; loadProject loads and cross-checks them all.
export { loadProject, type Project, type ProjectFiles } from './load-project';
export { defaultFiles, projectFiles } from './project/project-files';
export { loadManifest, MANIFEST_NAME, ProjectManifestSchema, type ProjectManifest } from './project/manifest';
export { loadRubric, type RubricSource } from './rubric/load-rubric';
export { compileRubric } from './rubric/compile-rubric';
export { rubricJsonSchema, RubricSchema, type RubricSpec } from './rubric/schema';
export { loadDictionary } from './data/load-dictionary';
export { loadMarkets } from './data/load-markets';
export { loadCells } from './data/load-cells';
export { loadTable } from './data/load-table';
export { loadEvidence } from './evidence/load-evidence';
export { headingsOf } from './evidence/source-headings';
export { loadScenario, listScenarios, type Scenario } from './scenario/load-scenario';
export { loadOutcomes, type OutcomeFile } from './analysis/backtest';
export { readScorecard, type Scorecard } from './data/read-scorecard';
export { jsonSchemaOf, SCHEMA_KINDS, type SchemaKind } from './project/schemas';
export { compileExpression, EXPRESSION_LIMITS, FUNCTIONS, type CompiledExpression } from './expression/compile';

// Score: criterion and condition scores, tiers and the binding condition of a rubric over a data set.
export { scoreRubric, type RubricScores } from './scoring/score-rubric';

// Rank: one of the aggregation methods (METHOD_PLUGINS lists them) over the scores, then competition ranks.
export { rankWithRubric, rankTable } from './scoring/score-rubric';
export { METHOD_PLUGINS, METHOD_IDS } from './methods/plugins';
export { weightedSum, WeightedSumMethod } from './methods/wsm';
export { weightedProduct, WeightedProductMethod } from './methods/wpm';
export { topsis, TopsisMethod } from './methods/topsis';
export { gateScores, GateMethod, isGated } from './methods/gate';
export { linearRatio } from './methods/normalise';
export type { AggregationMethod, DecisionMatrix, MethodVerdict, PreparedMethod } from './methods/method';
export { competitionRank, Ranker } from './ranking/competition-rank';
export { applyWeightOverrides, parseWeightOverrides, weightPaths, type WeightOverride } from './analysis/weight-overrides';
export { applyScenario } from './analysis/scenarios';

// Analyse: traces, sensitivity (sweep, thresholds, SMAA), what it takes, backtests, weight elicitation.
export { traceMarket, type MarketTrace, type TraceContext } from './analysis/trace';
export { sensitivityModel, type SensitivityModel } from './analysis/sensitivity-model';
export { sweep, type SweepResult } from './analysis/sweep';
export { thresholds, type ThresholdResult } from './analysis/thresholds';
export { smaa, SMAA_DEFAULTS, type SmaaResult, type SmaaOptions } from './analysis/smaa';
export { headlineUncertainty, HEADLINE_MAX_MARKETS } from './analysis/headline-uncertainty';
export { centralRankRange, uncertaintyGrade, tierLabel, CENTRAL_MASS, TIER_CONFIDENCE_LEVEL } from './analysis/rank-uncertainty';
export { whatItTakes, type WhatItTakes } from './analysis/what-it-takes';
export { backtest, type BacktestResult } from './analysis/backtest';
export { spearman, kendallTauB } from './analysis/rank-correlation';
export { ahpWeights, checkComparisonMatrix, SAATY_RANDOM_INDEX } from './weights/ahp';
export { rocWeights } from './weights/roc';
export { entropyWeights, criticWeights } from './weights/objective';

// Render: a ranking as a table, Markdown, JSON or CSV.
export { TableRenderer, MarkdownRenderer } from './render/table-renderer';
export { JsonRenderer } from './render/json-renderer';
export { CsvRenderer } from './render/csv-renderer';
export type { Renderer, FormatId } from './render/renderer';

// The model types every stage passes on.
export type { Dataset, CellEvidence } from './model/dataset';
export type { Rubric, Condition, Criterion, MethodId } from './model/rubric';
export type { RankResult, RankedAlternative } from './model/result';
export type { EvidenceLedger, Fact } from './model/evidence';
export type { IndicatorDictionary, Indicator } from './model/indicator';
