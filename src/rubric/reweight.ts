import type { Condition, Criterion, Rubric } from '../model/rubric';
import { normaliseWeights, sumNote } from '../weights/normalise-weights';

/** Declared (relative) weights of a rubric: one per condition, and one per criterion inside each condition. */
export interface DeclaredWeights {
  readonly conditions: readonly number[];
  readonly criteria: readonly (readonly number[])[];
}

export function declaredWeights(r: Rubric): DeclaredWeights {
  return { conditions: r.conditions.map((c) => c.declaredWeight), criteria: r.conditions.map((c) => c.criteria.map((k) => k.declaredWeight)) };
}

/**
 * The rubric with other declared weights, normalised the way the loader normalises them (normaliseWeights): conditions to sum 1,
 * criteria to sum 1 inside each condition, global = condition × criterion. Rules and tiers are shared, not copied.
 */
export function reweight(r: Rubric, w: DeclaredWeights, notes: readonly string[] = []): Rubric {
  const cwn = normaliseWeights(w.conditions);
  const conditions: Condition[] = [];
  const criteria: Criterion[] = [];
  r.conditions.forEach((c, i) => {
    const kwn = normaliseWeights(w.criteria[i]);
    const list = c.criteria.map((k, j): Criterion => ({ ...k, declaredWeight: w.criteria[i][j], weight: kwn[j], globalWeight: cwn[i] * kwn[j] }));
    conditions.push({ ...c, declaredWeight: w.conditions[i], weight: cwn[i], criteria: list });
    criteria.push(...list);
  });
  const normalisedNotes = normalisationNotes(w, r.conditions.map((c) => c.id));
  const fileConditionWeights = r.fileConditionWeights ?? r.conditions.map((c) => c.weight);
  return Object.freeze({ ...r, conditions, criteria, fileConditionWeights, notes: [...r.elicitation, ...notes, ...normalisedNotes], weightsNormalised: normalisedNotes.length > 0 });
}

/** What normalisation did, in words: one note per level whose declared weights did not sum to 1. */
export function normalisationNotes(w: DeclaredWeights, conditionIds: readonly string[]): string[] {
  const notes: string[] = [];
  const cs = sumNote(w.conditions);
  if (cs) notes.push(`condition weights ${cs}`);
  w.criteria.forEach((ks, i) => {
    const s = sumNote(ks);
    if (s) notes.push(`criterion weights of ${conditionIds[i]} ${s}`);
  });
  return notes;
}
