import type { Frame } from '../expression/compile';
import { ProblemList } from '../errors/problem';
import type { Cap, Rubric } from '../model/rubric';
import type { CapSummary } from '../model/result';
import { evaluateWhen } from '../rubric/compiled-rules';

/**
 * Risk caps: the non-compensatory veto. In ELECTRE (Roy 1968; Roy 1991, "The outranking approach and the
 * foundations of ELECTRE methods") a veto threshold lets one criterion alone block an outranking however large the
 * advantages elsewhere; moat ratings do the same when one risk could wipe out the economics. A rubric cap says
 * where that holds (`when`, over indicators) and what it rules out: a tier better than `tier`, a score above
 * `ceiling`. No weighting can buy a market out of a cap that bites.
 *
 * This module decides which caps bite and what they do; rankWithRubric applies it, renderers and explain report it.
 */

/** Methods whose score is on the rubric scale, so a ceiling on that scale means something (TOPSIS's is in [0, 1]). */
const SCALE_METHODS: readonly string[] = ['wsm', 'wpm', 'gate'];

export function ceilingApplies(methodId: string): boolean {
  return SCALE_METHODS.includes(methodId);
}

/**
 * The caps that bite for one market (row of the data frame), in rubric order. An undefined value inside a cap's
 * `when` (1/0, log(0)) is a `score.not-finite` problem at the cap's line, pushed to `problems`.
 */
export function bitingCaps(rubric: Rubric, frame: Frame, row: number, id: string, problems: ProblemList): Cap[] {
  return rubric.caps.filter((c) => evaluateWhen(c.when, frame, row, c.location, id, problems));
}

/** bitingCaps for every market; throws the problems of all markets together. */
export function capsByMarket(rubric: Rubric, frame: Frame, ids: readonly string[]): Cap[][] {
  const problems = new ProblemList(rubric.file);
  const out = ids.map((id, i) => (rubric.caps.length ? bitingCaps(rubric, frame, i, id, problems) : []));
  problems.throwIfErrors();
  return out;
}

/**
 * The lowest ceiling biting each row (Infinity where none does), or undefined when no cap of the rubric has a
 * ceiling: what method-matrix.ts applies after a method's score, in rank and in every analysis alike.
 */
export function capCeilings(bit: readonly (readonly Cap[])[]): Float64Array | undefined {
  if (!bit.some((caps) => caps.some((c) => c.ceiling !== undefined))) return undefined;
  const out = new Float64Array(bit.length).fill(Infinity);
  bit.forEach((caps, r) => {
    for (const c of caps) if (c.ceiling !== undefined && c.ceiling < out[r]) out[r] = c.ceiling;
  });
  return out;
}

/** What a cap does, in words: `tier at most contested, score at most 3.5`. */
export function capEffect(c: Pick<Cap, 'tier' | 'ceiling'>, methodId: string): string {
  const parts: string[] = [];
  if (c.tier !== undefined) parts.push(`tier at most ${c.tier}`);
  if (c.ceiling !== undefined) parts.push(ceilingApplies(methodId) ? `score at most ${c.ceiling}` : `score ceiling ${c.ceiling} not applied (${methodId} scores are not on the rubric scale)`);
  return parts.join(', ');
}

/** The caps that bit at least one market, with the markets, for the result (rubric order; markets in data order). */
export function capSummaries(rubric: Rubric, bit: readonly (readonly Cap[])[], ids: readonly string[], methodId: string): CapSummary[] {
  return rubric.caps
    .map((c) => ({ c, markets: ids.filter((_id, i) => bit[i].includes(c)) }))
    .filter((x) => x.markets.length > 0)
    .map(({ c, markets }) => ({
      id: c.id, tier: c.tier, ceiling: c.ceiling, ceilingApplied: c.ceiling !== undefined && ceilingApplies(methodId),
      rationale: c.rationale, facts: c.facts, markets, effect: capEffect(c, methodId),
      location: `${c.location.file}${c.location.line ? `:${c.location.line}` : ''} ${c.location.path}`,
    }));
}

// The ledger check moved to loading (project/cross-checks.ts); the old name stays for callers.
export { capFactsInLedger as checkCapFacts } from '../project/cross-checks';
