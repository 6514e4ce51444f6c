import { UsageError } from '../errors/problem';
import type { Rubric } from '../model/rubric';
import { declaredWeights, reweight, type DeclaredWeights } from '../rubric/reweight';
import { parseWeightText } from '../weights/normalise-weights';

/** `switching-cost=0.4` (a condition) or `trust-procurement.supplier-field=2` (a criterion inside a condition). */
export interface WeightOverride {
  readonly path: string;
  readonly value: number;
  /** Why, when the override comes from a scenario file. */
  readonly rationale?: string;
}

/** Every path a weight override may name, in rubric order. */
export function weightPaths(r: Rubric): string[] {
  return r.conditions.flatMap((c) => [c.id, ...c.criteria.map((k) => `${c.id}.${k.id}`)]);
}

/** Parses `--weight path=value` arguments; a value must be a number >= 0 that a double holds (parseWeightText). */
export function parseWeightOverrides(args: readonly string[]): WeightOverride[] {
  return args.map((a) => {
    const eq = a.lastIndexOf('=');
    const path = a.slice(0, eq).trim();
    const text = a.slice(eq + 1).trim();
    if (eq <= 0 || !path) throw new UsageError('usage.bad-weight', `--weight ${a}: expected path=value`, 'write --weight switching-cost=0.4 or --weight trust-procurement.supplier-field=2');
    const parsed = parseWeightText(text);
    if ('error' in parsed) throw new UsageError('usage.bad-weight', `--weight ${a}: ${parsed.error}`, 'weights are numbers in [0, 1.8e308]; 0 switches an element off');
    const value = parsed.value;
    return { path, value };
  });
}

/**
 * Applies overrides. The rule (README "Adjusting weights"): an override replaces the element's declared weight, as
 * if the rubric file had been edited; its siblings keep their declared weights, so they keep their relative
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
      applied.push(`${o.path} ${w.conditions[ci]} → ${o.value}`);
      w.conditions[ci] = o.value;
    } else {
      applied.push(`${o.path} ${w.criteria[ci][ki]} → ${o.value}`);
      w.criteria[ci][ki] = o.value;
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
