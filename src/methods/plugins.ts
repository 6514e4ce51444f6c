import { CoprasMethod } from './copras';
import { EdasMethod } from './edas';
import { GateMethod } from './gate';
import type { AggregationMethod } from './method';
import { MooraMethod } from './moora';
import { Promethee2Method } from './promethee2';
import { SpotisMethod } from './spotis';
import { TopsisMethod } from './topsis';
import { VikorMethod } from './vikor';
import { WeightedProductMethod } from './wpm';
import { WeightedSumMethod } from './wsm';

/**
 * The aggregation methods, in the order the CLI lists them: the one list that src/ioc.ts binds for the CLI, the
 * rubric schema's `method` enum and the help's method lists are generated from, and the report page (which cannot
 * load inversify in the browser) reads directly. A new method is one file and one line here.
 */
export const METHOD_PLUGINS: readonly (new () => AggregationMethod)[] = [
  WeightedSumMethod, WeightedProductMethod, TopsisMethod, GateMethod, VikorMethod, Promethee2Method, SpotisMethod, CoprasMethod, EdasMethod, MooraMethod,
];

/** The ids of METHOD_PLUGINS, in order: what a rubric's `method:` and `--method` accept. */
export const METHOD_IDS: readonly [string, ...string[]] = METHOD_PLUGINS.map((M) => new M().id) as [string, ...string[]];
