import { UsageError } from '../errors/problem';
import type { Rubric } from '../model/rubric';
import { declaredWeights, reweight, type DeclaredWeights } from '../rubric/reweight';
import { parseWeightText } from '../weights/normalise-weights';

/**
 * `switching-cost=0.4` (a condition) or `trust-procurement.supplier-field=2` (a criterion inside a condition) sets a
 * declared weight (`set`); `switching-cost=x2` multiplies it (`times`), so "twice as much" needs no look at the YAML.
 */
export interface WeightOverride {
  readonly path: string;
  /** Absent means `set`, as every override meant before `times` existed (library callers keep working). */
  readonly op?: 'set' | 'times';
  readonly value: number;
  /** Why, when the override comes from a scenario file. */
  readonly rationale?: string;
}

/** Every path a weight override may name, in rubric order. */
export function weightPaths(r: Rubric): string[] {
  return r.conditions.flatMap((c) => [c.id, ...c.criteria.map((k) => `${c.id}.${k.id}`)]);
}

/**
 * Parses `--weight path=value` (sets the declared weight) and `--weight path=xF` (multiplies it by F). Both numbers
 * go through the one strict weight parser (parseWeightText): >= 0, finite, not a non-zero value that underflows.
 */
export function parseWeightOverrides(args: readonly string[]): WeightOverride[] {
  return args.map((a) => {
    const eq = a.lastIndexOf('=');
    const path = a.slice(0, eq).trim();
    const text = a.slice(eq + 1).trim();
    if (eq <= 0 || !path) throw new UsageError('usage.bad-weight', `--weight ${a}: expected path=value or path=xFACTOR`, 'write --weight switching-cost=0.4 (set) or --weight switching-cost=x2 (twice its declared weight)');
    const times = /^[x×]/i.test(text);
    const parsed = parseWeightText(times ? text.slice(1).trim() : text);
    if ('error' in parsed) {
      throw new UsageError('usage.bad-weight', `--weight ${a}: ${times ? 'factor ' : ''}${parsed.error}`, times ? 'factors are numbers in [0, 1.8e308]: x2 doubles the declared weight, x0.5 halves it, x0 switches it off' : 'weights are numbers in [0, 1.8e308]; 0 switches an element off');
    }
    return { path, op: times ? 'times' : 'set', value: parsed.value };
  });
}

/** The new declared weight an override gives an element whose declared weight is `declared`; a product beyond the largest double is an error. */
function overriddenWeight(o: WeightOverride, declared: number): number {
  if (o.op !== 'times') return o.value;
  const w = declared * o.value;
  if (!Number.isFinite(w)) throw new UsageError('usage.bad-weight', `--weight ${o.path}=x${o.value}: ${declared} × ${o.value} is beyond the largest double (1.8e308)`, 'use a smaller factor, or set the weight with path=value');
  return w;
}

const overrideText = (o: WeightOverride) => (o.op === 'times' ? `×${o.value}` : String(o.value));

/**
 * Applies overrides in order. The rule (README "Adjusting weights"): an override replaces the element's declared
 * weight (`set`), or multiplies it (`times`; a second override of the same path multiplies the result of the first),
 * as if the rubric file had been edited; its siblings keep their declared weights, so they keep their relative
 * proportions; then every level is renormalised to sum 1. An unknown path is an error listing the valid ones.
 */
export function applyWeightOverrides(r: Rubric, overrides: readonly WeightOverride[]): { rubric: Rubric; applied: string[] } {
  if (overrides.length === 0) return { rubric: r, applied: [] };
  const base = declaredWeights(r);
  const w: { conditions: number[]; criteria: number[][] } = { conditions: [...base.conditions], criteria: base.criteria.map((k) => [...k]) };
  const applied: string[] = [];
  for (const o of overrides) {
    const [cid, kid, extra] = o.path.split('.');
    const ci = r.conditions.findIndex((c) => c.id === cid);
    const ki = ci >= 0 && kid !== undefined ? r.conditions[ci].criteria.findIndex((k) => k.id === kid) : -1;
    if (ci < 0 || extra !== undefined || (kid !== undefined && ki < 0)) {
      throw new UsageError('usage.unknown-weight-path', `no weight at '${o.path}' in rubric ${r.id}`, `valid paths: ${weightPaths(r).join(', ')}`);
    }
    if (kid === undefined) {
      const next = overriddenWeight(o, w.conditions[ci]);
      applied.push(`${o.path} ${w.conditions[ci]} → ${o.op === 'times' ? `${overrideText(o)} = ${next}` : next}`);
      w.conditions[ci] = next;
    } else {
      const next = overriddenWeight(o, w.criteria[ci][ki]);
      applied.push(`${o.path} ${w.criteria[ci][ki]} → ${o.op === 'times' ? `${overrideText(o)} = ${next}` : next}`);
      w.criteria[ci][ki] = next;
    }
  }
  checkNotAllZero(r, w);
  return { rubric: reweight(r, w, [`weights overridden: ${applied.join(', ')} (declared; siblings keep their proportions)`]), applied };
}

function checkNotAllZero(r: Rubric, w: DeclaredWeights): void {
  if (w.conditions.every((x) => x === 0)) throw new UsageError('usage.bad-weight', 'the overrides set every condition weight to 0', 'leave at least one condition with a positive weight');
  w.criteria.forEach((ks, i) => {
    if (ks.every((x) => x === 0)) throw new UsageError('usage.bad-weight', `the overrides set every criterion weight of ${r.conditions[i].id} to 0`, 'set the condition weight to 0 instead, or leave one criterion positive');
  });
}
