import { listSome, ProblemList, InputError, UsageError } from '../errors/problem';
import type { Scenario } from '../scenario/load-scenario';
import type { Dataset } from '../model/dataset';
import type { IndicatorDictionary } from '../model/indicator';
import type { Rubric } from '../model/rubric';
import { applyWeightOverrides, weightPaths } from './weight-overrides';

// Loading moved to src/scenario/load-scenario.ts; re-exported for callers that import it from here.
export { findScenario, listScenarios, loadScenario, ScenarioSchema, type Scenario, type ScenarioSpec } from '../scenario/load-scenario';

/**
 * The rubric and data under a scenario: weight overrides follow the --weight rule; indicator overrides replace a
 * market's value (and collapse its low/high range to it). Every market, indicator, path and value is checked first;
 * all problems of the file are reported together.
 */
export function applyScenario(s: Scenario, rubric: Rubric, data: Dataset, dictionary: IndicatorDictionary): { rubric: Rubric; data: Dataset } {
  const problems = new ProblemList(s.file);
  const paths = weightPaths(rubric);
  s.spec.weights.forEach((w, i) => {
    if (!paths.includes(w.path)) problems.add({ code: 'scenario.unknown-weight-path', line: s.lines.weights[i], path: `weights[${i}].path`, message: `no weight at '${w.path}' in rubric ${rubric.id} (${rubric.file})`, hint: `valid paths: ${paths.join(', ')}` });
  });
  const numeric = new Map([...data.numeric].map(([k, v]) => [k, v.slice()]));
  const categorical = new Map([...data.categorical].map(([k, v]) => [k, [...v]]));
  const low = new Map([...data.low].map(([k, v]) => [k, v.slice()]));
  const high = new Map([...data.high].map(([k, v]) => [k, v.slice()]));
  s.spec.indicators.forEach((o, i) => {
    const at = (field: string) => ({ line: s.lines.indicators[i], path: `indicators[${i}].${field}` });
    const row = data.ids.indexOf(o.market);
    if (row < 0) {
      problems.add({ code: 'scenario.unknown-market', ...at('market'), message: `'${o.market}' is not a market of ${data.file}`, hint: `markets: ${listSome(data.ids)}` });
      return;
    }
    const ind = dictionary.byId.get(o.indicator);
    if (!ind || (!numeric.has(o.indicator) && !categorical.has(o.indicator))) {
      problems.add({ code: 'scenario.unknown-indicator', ...at('indicator'), message: `'${o.indicator}' is not an indicator of the data`, hint: `indicators: ${listSome([...numeric.keys(), ...categorical.keys()])}` });
      return;
    }
    if (ind.kind === 'category') {
      const cats = Object.keys(ind.categories ?? {});
      if (typeof o.value !== 'string' || !cats.includes(o.value)) problems.add({ code: 'scenario.bad-value', ...at('value'), message: `${String(o.value)} is not a category of ${o.indicator}`, hint: `categories: ${cats.join(', ')}` });
      else categorical.get(o.indicator)![row] = o.value;
      return;
    }
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) {
      problems.add({ code: 'scenario.bad-value', ...at('value'), message: `${String(o.value)} is not a number`, hint: `${o.indicator} is a ${ind.kind}` });
      return;
    }
    if (ind.scale && (o.value < ind.scale.min || o.value > ind.scale.max)) {
      problems.add({ code: 'scenario.bad-value', ...at('value'), message: `${o.value} is outside the scale ${ind.scale.min}–${ind.scale.max} of ${o.indicator}`, hint: `write a value from ${ind.scale.min} to ${ind.scale.max}` });
      return;
    }
    if (ind.kind === 'count' && (!Number.isInteger(o.value) || o.value < 0)) {
      problems.add({ code: 'scenario.bad-value', ...at('value'), message: `${o.value} is not a whole number`, hint: 'counts are whole numbers >= 0' });
      return;
    }
    numeric.get(o.indicator)![row] = o.value;
    low.get(o.indicator)![row] = o.value;
    high.get(o.indicator)![row] = o.value;
  });
  problems.throwIfErrors();
  let out: Rubric;
  try {
    out = applyWeightOverrides(rubric, s.spec.weights.map((w) => ({ path: w.path, op: 'set' as const, value: w.weight, rationale: w.rationale }))).rubric;
  } catch (e) {
    if (e instanceof UsageError) throw InputError.one({ code: 'scenario.bad-weights', file: s.file, message: e.message, hint: e.hint });
    throw e;
  }
  return { rubric: out, data: Object.freeze({ ...data, numeric, categorical, low, high }) };
}
