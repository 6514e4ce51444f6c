import type { Plugins } from '../ioc';
import { withParams, type NamedMethodParams } from '../methods/configured';
import type { AggregationMethod } from '../methods/method';
import { parseBoundsOption, parseParamOption, parsePreferenceOption } from '../methods/params';


export interface MethodOptionValues {
  method?: string;
  param?: string;
  preference?: string;
  bounds?: string;
}

/** --param, --preference and --bounds, parsed once here; criterion names are resolved against each matrix. */
export function namedParams(v: MethodOptionValues): NamedMethodParams {
  return {
    ...(v.param !== undefined ? parseParamOption(v.param) : {}),
    ...(v.preference !== undefined ? { preference: parsePreferenceOption(v.preference) } : {}),
    ...(v.bounds !== undefined ? { bounds: parseBoundsOption(v.bounds) } : {}),
  };
}

/** The method named by --method (else `fallback`) with the analyst's parameters attached. */
export function selectMethod(v: MethodOptionValues, plugins: Plugins, fallback: string): AggregationMethod {
  return withParams(plugins.methods.get(v.method ?? fallback), namedParams(v));
}
