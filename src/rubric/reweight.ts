import type { Condition, Criterion, Rubric } from '../model/rubric';

/** Declared (relative) weights of a rubric: one per condition, and one per criterion inside each condition. */
export interface DeclaredWeights {
  readonly conditions: readonly number[];
  readonly criteria: readonly (readonly number[])[];
}

export function declaredWeights(r: Rubric): DeclaredWeights {
  return { conditions: r.conditions.map((c) => c.declaredWeight), criteria: r.conditions.map((c) => c.criteria.map((k) => k.declaredWeight)) };
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * The rubric with other declared weights, normalised the way the loader normalises them: conditions to sum 1,
 * criteria to sum 1 inside each condition, global = condition × criterion. Rules and tiers are shared, not copied.
 */
export function reweight(r: Rubric, w: DeclaredWeights, notes: readonly string[] = []): Rubric {
  const cs = sum(w.conditions);
  const conditions: Condition[] = [];
  const criteria: Criterion[] = [];
  r.conditions.forEach((c, i) => {
    const ks = sum(w.criteria[i]);
    const cw = w.conditions[i] / cs;
    const list = c.criteria.map((k, j): Criterion => ({ ...k, declaredWeight: w.criteria[i][j], weight: w.criteria[i][j] / ks, globalWeight: cw * (w.criteria[i][j] / ks) }));
    conditions.push({ ...c, declaredWeight: w.conditions[i], weight: cw, criteria: list });
    criteria.push(...list);
  });
  const normalisedNotes = normalisationNotes(w, r.conditions.map((c) => c.id));
  return Object.freeze({ ...r, conditions, criteria, notes: [...r.elicitation, ...notes, ...normalisedNotes], weightsNormalised: normalisedNotes.length > 0 });
}

/** What normalisation did, in words: one note per level whose declared weights did not sum to 1. */
export function normalisationNotes(w: DeclaredWeights, conditionIds: readonly string[]): string[] {
  const notes: string[] = [];
  const cs = sum(w.conditions);
  if (Math.abs(cs - 1) > 1e-9) notes.push(`condition weights summed to ${+cs.toFixed(6)}; normalised to 1`);
  w.criteria.forEach((ks, i) => {
    const s = sum(ks);
    if (Math.abs(s - 1) > 1e-9) notes.push(`criterion weights of ${conditionIds[i]} summed to ${+s.toFixed(6)}; normalised to 1`);
  });
  return notes;
}
