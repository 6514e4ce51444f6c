import { compileExpression, ExpressionError, symbolName, type Scope, type SymbolInfo } from '../expression/compile';
import { parsePreferenceFunction } from '../methods/params';
import { parseWeightConstraints, WeightPolytope, type WeightConstraint } from '../weights/weight-constraints';
import { ProblemList, UsageError, formatPath } from '../errors/problem';
import type { IndicatorDictionary } from '../model/indicator';
import type { Cap, CompiledRule, Condition, Criterion, Location, Rubric, Tier } from '../model/rubric';
import { bandsRule, expressionRule, mapRule, rawRule, scoreTerm, tableRule } from './compiled-rules';
import type { RubricSource } from './load-rubric';
import type { RuleSpec } from './schema';
import { siblingWeights } from './elicit';
import { normalisationNotes } from './reweight';
import { normaliseWeights } from '../weights/normalise-weights';

type P = (string | number)[];

/** The names tier rules may use besides condition ids (slots 0–2 of the tier frame, see tierScope). */
export const TIER_SYMBOLS = ['overall', 'weakest', 'strongest'] as const;

/** Binds every dictionary indicator to a frame slot under its expression name (`-` → `_`). */
export function indicatorScope(dictionary: IndicatorDictionary): { scope: Scope; slots: string[] } {
  const scope = new Map<string, SymbolInfo>();
  const slots: string[] = [];
  for (const ind of dictionary.indicators) {
    scope.set(symbolName(ind.id), {
      name: symbolName(ind.id), slot: slots.length, type: ind.kind === 'category' ? 'string' : 'number',
      categories: ind.categories ? Object.keys(ind.categories) : undefined, origin: `indicator ${ind.id}`,
    });
    slots.push(ind.id);
  }
  return { scope, slots };
}

/** Slots of the tier frame: overall, weakest, strongest, then one per condition in rubric order. */
export function tierScope(conditionIds: readonly string[]): Scope {
  const names = [...TIER_SYMBOLS, ...conditionIds.map(symbolName)];
  return new Map(names.map((n, slot) => [n, { name: n, slot, type: 'number' as const }]));
}

/**
 * Binds a rubric to an indicator dictionary: every indicator a rule names exists and has the right kind, maps cover
 * every category, every expression compiles under the allow-list with the right type. Weights are normalised here,
 * once. All problems of the rubric are reported together.
 */
export function compileRubric(src: RubricSource, dictionary: IndicatorDictionary): Rubric {
  const { spec, yaml, file } = src;
  const problems = new ProblemList(file);
  const loc = (path: P): Location => ({ file, line: yaml.lineOf(path), path: formatPath(path) });
  const { scope, slots } = indicatorScope(dictionary);
  const notes: string[] = [];

  const expr = (text: string, path: P, type: 'number' | 'boolean', sc: Scope = scope) => {
    try {
      return compileExpression(text, sc, type);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      problems.add({ code: e.code, ...loc(path), message: `expression "${text}" ${e.message}`, hint: e.hint });
      return undefined;
    }
  };
  const score = (s: number | string, path: P) => {
    if (typeof s === 'number') return scoreTerm(s, scope);
    return expr(s, path, 'number') ? scoreTerm(s, scope) : undefined;
  };

  const compileRule = (r: RuleSpec, path: P): CompiledRule | undefined => {
    const here = loc(path);
    if (r.type === 'table') {
      const rows = r.rows.map((row, n) => ({ when: expr(row.when, [...path, 'rows', n, 'when'], 'boolean'), score: score(row.score, [...path, 'rows', n, 'score']) }));
      if (rows.some((x) => !x.when || !x.score)) return undefined;
      return tableRule(rows as { when: NonNullable<(typeof rows)[0]['when']>; score: NonNullable<(typeof rows)[0]['score']> }[], r.hit, r.aggregate, scope, slots, spec.scale, here);
    }
    if (r.type === 'expression') {
      const e = expr(r.expr, [...path, 'expr'], 'number');
      return e && expressionRule(e, scope, slots, spec.scale, here);
    }
    const ind = dictionary.byId.get(r.indicator);
    if (!ind) {
      problems.add({ code: 'rubric.unknown-indicator', ...loc([...path, 'indicator']), message: `'${r.indicator}' is not declared in ${dictionary.file}`, hint: `indicators: ${[...dictionary.byId.keys()].join(', ')}` });
      return undefined;
    }
    const slot = slots.indexOf(ind.id);
    if (r.type === 'map') {
      if (ind.kind !== 'category') {
        problems.add({ code: 'rubric.rule-kind', ...loc([...path, 'type']), message: `a map rule needs a categorical indicator; '${ind.id}' is a ${ind.kind} in ${dictionary.file}`, hint: 'use raw, bands or table for numeric indicators' });
        return undefined;
      }
      const cats = Object.keys(ind.categories ?? {});
      const keys = Object.keys(r.scores);
      const unknown = keys.filter((k) => !cats.includes(k));
      const missing = cats.filter((c) => !keys.includes(c));
      unknown.forEach((k) => problems.add({ code: 'rubric.unknown-category', ...loc([...path, 'scores', k]), message: `'${k}' is not a category of ${ind.id} in ${dictionary.file}`, hint: `categories: ${cats.join(', ')}` }));
      if (missing.length) problems.add({ code: 'rule.gap', ...loc([...path, 'scores']), message: `gives no score for ${missing.map((m) => `'${m}'`).join(', ')} of ${ind.id} (${dictionary.file})`, hint: 'give every category a score' });
      return unknown.length || missing.length ? undefined : mapRule(ind, slot, r.scores);
    }
    if (ind.kind === 'category') {
      problems.add({ code: 'rubric.rule-kind', ...loc([...path, 'type']), message: `a ${r.type} rule needs a numeric indicator; '${ind.id}' is categorical in ${dictionary.file}`, hint: 'use a map rule' });
      return undefined;
    }
    if (r.type === 'raw') {
      const range = r.range ?? (ind.scale ? ([ind.scale.min, ind.scale.max] as const) : undefined);
      if (!range) {
        problems.add({ code: 'rubric.missing-range', ...loc(path), message: `'${ind.id}' has no scale in ${dictionary.file}, so a raw rule needs range: [low, high]`, hint: 'add range: [low, high] to the rule, or a scale to the indicator' });
        return undefined;
      }
      return rawRule(ind, slot, r.direction, range, spec.scale, here);
    }
    const bands = r.bands.map((b, n) => ({ below: b.below, score: score(b.score, [...path, 'bands', n, 'score']) }));
    if (bands.some((b) => !b.score)) return undefined;
    return bandsRule(ind, slot, bands as { below?: number; score: NonNullable<(typeof bands)[0]['score']> }[], spec.scale, here, slots);
  };

  const elicitation: string[] = [];
  const cwd = siblingWeights(spec.conditions.map((c) => c.id), spec.conditions.map((c) => c.weight), spec.weighting, 'condition', [], (i) => ['conditions', i], yaml, problems);
  if (cwd) elicitation.push(...cwd.notes);
  const kwd = spec.conditions.map((c, i) => {
    const r = siblingWeights(c.criteria.map((k) => k.id), c.criteria.map((k) => k.weight), c.weighting, `criterion (in ${c.id})`, ['conditions', i], (j) => ['conditions', i, 'criteria', j], yaml, problems);
    if (r) elicitation.push(...r.notes);
    return r;
  });
  const cw = cwd?.weights ?? spec.conditions.map(() => 1);
  const cwn = normaliseWeights(cw);
  const kws = spec.conditions.map((c, i) => kwd[i]?.weights ?? c.criteria.map(() => 1));
  const conditions: Condition[] = [];
  const criteria: Criterion[] = [];
  spec.conditions.forEach((c, i) => {
    const kw = kws[i];
    const kwn = normaliseWeights(kw);
    const list: Criterion[] = [];
    c.criteria.forEach((k, j) => {
      const path: P = ['conditions', i, 'criteria', j, 'rule'];
      const rule = compileRule(k.rule, path);
      if (!rule) return;
      // PROMETHEE II's preference function, in --preference's grammar and through its parser (methods/params.ts).
      const preference = k.preference === undefined ? undefined : parsePreferenceFunction(k.preference);
      if (typeof preference === 'string') problems.add({ code: 'rubric.bad-preference', ...loc(['conditions', i, 'criteria', j, 'preference']), message: preference, hint: 'write usual, ushape:q=1, vshape:p=2, level:q=1:p=2, linear:q=1:p=2 or gaussian:s=1' });
      list.push({ id: k.id, name: k.name, conditionId: c.id, weight: kwn[j], declaredWeight: kw[j], globalWeight: cwn[i] * kwn[j], rule, rationale: k.rationale, location: loc(['conditions', i, 'criteria', j]), ...(typeof preference === 'object' ? { preference } : {}) });
    });
    criteria.push(...list);
    conditions.push({ id: c.id, name: c.name, weight: cwn[i], declaredWeight: cw[i], criteria: list, rationale: c.rationale });
  });
  const normalised = normalisationNotes({ conditions: cw, criteria: kws }, spec.conditions.map((c) => c.id));
  notes.push(...elicitation, ...normalised);

  const tscope = tierScope(spec.conditions.map((c) => c.id));
  const tiers: Tier[] = [];
  spec.tiers.forEach((t, i) => {
    const when = expr(t.when, ['tiers', i, 'when'], 'boolean', tscope);
    if (when) tiers.push({ id: t.id, when, meaning: t.meaning, location: loc(['tiers', i, 'when']) });
  });
  const caps: Cap[] = [];
  (spec.caps ?? []).forEach((c, i) => {
    const when = expr(c.when, ['caps', i, 'when'], 'boolean');
    if (when) caps.push({ id: c.id, when, tier: c.tier, ceiling: c.ceiling, rationale: c.rationale, facts: c.facts, location: loc(['caps', i, 'when']), factsLocation: loc(['caps', i, 'facts']) });
  });
  // Known weight constraints: parsed against the condition ids and proven to leave room to sample, once, here.
  let weightConstraints: WeightConstraint[] = [];
  if (spec.weightConstraints?.length) {
    try {
      weightConstraints = parseWeightConstraints(spec.weightConstraints, conditions.map((c) => c.id), `${file} weightConstraints`);
      new WeightPolytope(conditions.length, weightConstraints);
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      problems.add({ code: 'rubric.weight-constraints', ...loc(['weightConstraints']), message: e.message.replace(`${file} weightConstraints: `, ''), hint: e.hint });
    }
  }
  problems.throwIfErrors();
  return Object.freeze({
    file, id: spec.id, title: spec.title, method: spec.method, scale: spec.scale, conditions, criteria, tiers,
    gate: spec.gate, caps, weightConstraints, weightsNormalised: normalised.length > 0, notes, elicitation, scope, slots,
  });
}
