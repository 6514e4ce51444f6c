import type { ProblemList } from '../errors/problem';
import { formatPath } from '../errors/problem';
import type { YamlSource } from '../io/yaml-source';
import type { RubricSpec } from './schema';
import { RESERVED_NAMES, symbolName } from '../expression/compile';
import { TIER_SYMBOLS } from './compile-rubric';

export interface RuleContext {
  readonly spec: RubricSpec;
  readonly yaml: YamlSource;
  readonly problems: ProblemList;
}

/** A structural check over a schema-valid rubric; pushes problems, never throws. */
export type StructureRule = (ctx: RuleContext) => void;

type P = (string | number)[];
const at = (ctx: RuleContext, path: P) => ({ line: ctx.yaml.lineOf(path), path: formatPath(path) });

function checkWeights(ctx: RuleContext, written: (number | undefined)[], paths: P[], what: string): void {
  // Elicited weights (weighting:) are checked where they are computed; here only written ones.
  if (written.some((w) => w === undefined)) return;
  const weights = written as number[];
  weights.forEach((w, i) => {
    if (!Number.isFinite(w)) ctx.problems.add({ code: 'rubric.bad-weight', ...at(ctx, paths[i]), message: `must be a finite number (got ${w})`, hint: 'write a weight >= 0' });
    else if (w < 0) ctx.problems.add({ code: 'rubric.negative-weight', ...at(ctx, paths[i]), message: `must be >= 0 (got ${w})`, hint: 'weights are relative importances; use 0 to switch a criterion off' });
  });
  if (weights.length > 0 && weights.every((w) => w === 0)) {
    ctx.problems.add({ code: 'rubric.zero-weights', ...at(ctx, paths[0].slice(0, -2)), message: `all ${what} weights are 0`, hint: 'give at least one a positive weight' });
  }
}

export const uniqueIds: StructureRule = (ctx) => {
  const seen = new Map<string, number>();
  ctx.spec.conditions.forEach((c, i) => {
    if (seen.has(c.id)) ctx.problems.add({ code: 'rubric.duplicate-id', ...at(ctx, ['conditions', i, 'id']), message: `condition id '${c.id}' is also used by conditions[${seen.get(c.id)}]`, hint: 'ids must be unique' });
    seen.set(c.id, i);
    const crit = new Map<string, number>();
    c.criteria.forEach((k, j) => {
      if (crit.has(k.id)) ctx.problems.add({ code: 'rubric.duplicate-id', ...at(ctx, ['conditions', i, 'criteria', j, 'id']), message: `criterion id '${k.id}' is also used by criteria[${crit.get(k.id)}] of '${c.id}'`, hint: 'ids must be unique within a condition' });
      crit.set(k.id, j);
    });
  });
  const tiers = new Map<string, number>();
  ctx.spec.tiers.forEach((t, i) => {
    if (tiers.has(t.id)) ctx.problems.add({ code: 'rubric.duplicate-id', ...at(ctx, ['tiers', i, 'id']), message: `tier id '${t.id}' is also used by tiers[${tiers.get(t.id)}]`, hint: 'ids must be unique' });
    tiers.set(t.id, i);
  });
};

/**
 * Tier `when` expressions see overall, weakest, strongest and one symbol per condition (tierScope). A condition
 * named `weakest` would silently replace the tier symbol, and one named `pi` or `and` could never be read; both are
 * refused here, at the condition's id.
 */
export const noShadowedSymbols: StructureRule = (ctx) => {
  ctx.spec.conditions.forEach((c, i) => {
    const name = symbolName(c.id);
    const tier = (TIER_SYMBOLS as readonly string[]).includes(name);
    if (tier || RESERVED_NAMES.includes(name)) {
      ctx.problems.add({
        code: 'rubric.reserved-id', ...at(ctx, ['conditions', i, 'id']),
        message: tier ? `condition id '${c.id}' is also the tier symbol '${name}', which tier rules read as the market's ${name} condition score` : `condition id '${c.id}' is a reserved word of rubric expressions`,
        hint: `rename the condition (reserved: ${[...TIER_SYMBOLS, ...RESERVED_NAMES].join(', ')})`,
      });
    }
  });
};

export const validWeights: StructureRule = (ctx) => {
  const cs = ctx.spec.conditions;
  checkWeights(ctx, cs.map((c) => c.weight), cs.map((_, i) => ['conditions', i, 'weight']), 'condition');
  cs.forEach((c, i) => checkWeights(ctx, c.criteria.map((k) => k.weight), c.criteria.map((_, j) => ['conditions', i, 'criteria', j, 'weight']), `criterion (in '${c.id}')`));
};

export const validScale: StructureRule = (ctx) => {
  const { min, max } = ctx.spec.scale;
  if (!(min < max)) ctx.problems.add({ code: 'rubric.bad-scale', ...at(ctx, ['scale']), message: `scale min ${min} is not below max ${max}`, hint: 'write min < max, e.g. { min: 0, max: 5 }' });
};

export const validGate: StructureRule = (ctx) => {
  const g = ctx.spec.gate;
  if (!g) return;
  if (!ctx.spec.tiers.some((t) => t.id === g.tier)) ctx.problems.add({ code: 'rubric.unknown-tier', ...at(ctx, ['gate', 'tier']), message: `'${g.tier}' is not a tier`, hint: `tiers: ${ctx.spec.tiers.map((t) => t.id).join(', ')}` });
  const { min, max } = ctx.spec.scale;
  if (g.threshold < min || g.threshold > max) ctx.problems.add({ code: 'rubric.out-of-scale', ...at(ctx, ['gate', 'threshold']), message: `threshold ${g.threshold} is outside the scale ${min}–${max}`, hint: 'put the threshold on the rubric scale' });
};

/** Caps: unique ids, a tier or a ceiling (or both), a tier the rubric lists, a ceiling on the scale. */
export const validCaps: StructureRule = (ctx) => {
  const { min, max } = ctx.spec.scale;
  const tiers = ctx.spec.tiers.map((t) => t.id);
  const seen = new Map<string, number>();
  (ctx.spec.caps ?? []).forEach((c, i) => {
    if (seen.has(c.id)) ctx.problems.add({ code: 'rubric.duplicate-id', ...at(ctx, ['caps', i, 'id']), message: `cap id '${c.id}' is also used by caps[${seen.get(c.id)}]`, hint: 'ids must be unique among caps' });
    seen.set(c.id, i);
    if (c.tier === undefined && c.ceiling === undefined) ctx.problems.add({ code: 'rubric.cap-without-effect', ...at(ctx, ['caps', i]), message: `cap '${c.id}' gives neither a tier nor a ceiling`, hint: 'add tier: <tier id> (the best tier it allows), ceiling: <score>, or both' });
    if (c.tier !== undefined && !tiers.includes(c.tier)) ctx.problems.add({ code: 'rubric.unknown-tier', ...at(ctx, ['caps', i, 'tier']), message: `'${c.tier}' is not a tier`, hint: `tiers: ${tiers.join(', ')}` });
    if (c.ceiling !== undefined && (!Number.isFinite(c.ceiling) || c.ceiling < min || c.ceiling > max)) ctx.problems.add({ code: 'rubric.out-of-scale', ...at(ctx, ['caps', i, 'ceiling']), message: `ceiling ${c.ceiling} is outside the scale ${min}–${max}`, hint: 'put the ceiling on the rubric scale' });
  });
};

/** Literal scores, band bounds and the collect aggregate: everything about a rule that needs no indicator. */
export const validRules: StructureRule = (ctx) => {
  const { min, max } = ctx.spec.scale;
  const scoreOk = (s: number | string, path: P) => {
    if (typeof s === 'number' && (s < min || s > max)) ctx.problems.add({ code: 'rubric.out-of-scale', ...at(ctx, path), message: `score ${s} is outside the scale ${min}–${max}`, hint: `write a score from ${min} to ${max}` });
  };
  ctx.spec.conditions.forEach((c, i) => c.criteria.forEach((k, j) => {
    const base: P = ['conditions', i, 'criteria', j, 'rule'];
    const r = k.rule;
    if (r.type === 'map') Object.entries(r.scores).forEach(([cat, s]) => scoreOk(s, [...base, 'scores', cat]));
    if (r.type === 'raw' && r.range && !(r.range[0] < r.range[1])) ctx.problems.add({ code: 'rubric.bad-range', ...at(ctx, [...base, 'range']), message: `range [${r.range.join(', ')}] is empty`, hint: 'write [low, high] with low < high' });
    if (r.type === 'bands') {
      let prev = -Infinity;
      r.bands.forEach((b, n) => {
        scoreOk(b.score, [...base, 'bands', n, 'score']);
        const last = n === r.bands.length - 1;
        if (b.below === undefined && !last) ctx.problems.add({ code: 'rubric.band-order', ...at(ctx, [...base, 'bands', n]), message: 'only the last band may omit `below`', hint: 'give this band an upper bound or move it last' });
        if (b.below !== undefined && last) ctx.problems.add({ code: 'rubric.band-gap', ...at(ctx, [...base, 'bands', n, 'below']), message: `values >= ${b.below} fall in no band`, hint: 'end with a band that has no `below`' });
        if (b.below !== undefined) {
          if (b.below <= prev) ctx.problems.add({ code: 'rubric.band-order', ...at(ctx, [...base, 'bands', n, 'below']), message: `bound ${b.below} is not above the previous bound ${prev}`, hint: 'list bands in ascending order of `below`' });
          prev = b.below;
        }
      });
    }
    if (r.type === 'table') {
      r.rows.forEach((row, n) => scoreOk(row.score, [...base, 'rows', n, 'score']));
      if (r.hit === 'collect' && !r.aggregate) ctx.problems.add({ code: 'rubric.missing-aggregate', ...at(ctx, [...base, 'hit']), message: 'hit: collect needs aggregate: sum, min or max', hint: 'add aggregate: sum' });
      if (r.hit !== 'collect' && r.aggregate) ctx.problems.add({ code: 'rubric.unexpected-aggregate', ...at(ctx, [...base, 'aggregate']), message: `aggregate only applies to hit: collect (hit is ${r.hit})`, hint: 'remove aggregate or set hit: collect' });
    }
  }));
};

export const STRUCTURE_RULES: readonly StructureRule[] = [uniqueIds, noShadowedSymbols, validWeights, validScale, validGate, validCaps, validRules];
