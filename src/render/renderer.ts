import { uncertaintyFootnote } from '../analysis/rank-uncertainty';
import { compensationLabel } from '../methods/method';
import { MOVE_LEGEND, type RankResult } from '../model/result';

export type FormatId = 'table' | 'md' | 'json' | 'csv';

export interface RenderOptions {
  /** ANSI colour: only when writing to a TTY and NO_COLOR is unset (decided by the CLI). */
  readonly color: boolean;
}

/** Writes a ranking out; one class per format, bound as a plug-in in src/ioc.ts. */
export interface Renderer {
  readonly id: FormatId;
  readonly description: string;
  render(result: RankResult, opts: RenderOptions): string;
}

/** Numbers in machine formats: 12 significant digits, so float noise (3.4000000000000004) never shows. */
export function machineNumber(x: number): number {
  return Number(x.toPrecision(12));
}

/** The lines every human format prints under the table: the method, the weights, and what was gated or capped (and why). */
export function footnotes(r: RankResult): string[] {
  const lines = [`Method: ${r.method} — ${r.methodName}; score = ${r.scoreMeaning} (${compensationLabel(r.compensatory)}).`];
  if (r.rubric) lines.push(`Rubric: ${r.rubric.id} (${r.rubric.file}); data: ${r.dataFile}; condition scores on the scale ${r.scale!.min}–${r.scale!.max}.`);
  // Rubric-free: the criterion weights in force, in percent like the rubric's condition weights.
  else lines.push(`Data: ${r.dataFile}; criterion weights in force: ${r.criteria.map((c) => `${c.id} ${percent(c.globalWeight)}`).join(', ')}.`);
  // Say what is true: without declared weights every criterion weighs the same, which is not "as declared".
  lines.push(`Weights${r.weightsNormalised ? ' normalised' : ''}: ${r.notes.join('; ') || (r.weightsDeclared === false ? 'equal (none declared)' : 'as declared (they sum to 1)')}.`);
  if (r.conditionWeights) lines.push(conditionWeightsLine(r.conditionWeights));
  if (r.scenario) lines.push(`Scenario: ${r.scenario}.`);
  if (r.baseRanks) lines.push(`base: rank under the rubric's own weights and data; ${MOVE_LEGEND}.`);
  const gated = r.ranking.filter((a) => a.gated).map((a) => a.id);
  if (gated.length) lines.push(`Gated (*): ${gated.join(', ')} — a condition is below the gate threshold, so score and tier are capped.`);
  for (const c of r.caps) {
    const facts = c.facts.length ? ` [facts: ${c.facts.join(', ')}]` : '';
    lines.push(`Capped (†) by ${c.id}: ${c.markets.join(', ')} — ${c.effect}. Why: ${c.rationale}${facts}`);
  }
  if (r.verdict) lines.push(r.verdict.note);
  if (r.uncertainty) lines.push(...uncertaintyFootnote(r.uncertainty));
  return lines;
}

const percent = (w: number) => `${(w * 100).toFixed(2)}%`;

/**
 * The condition weights in force, in percent, and each one that differs from the rubric file's: the line that
 * answers "what weights produced this table?" without reading the YAML. Differences below 0.005 points print as equal.
 */
export function conditionWeightsLine(ws: NonNullable<RankResult['conditionWeights']>): string {
  const changed = ws.some((w) => percent(w.weight) !== percent(w.file));
  const items = ws.map((w) => `${w.id} ${percent(w.weight)}${percent(w.weight) !== percent(w.file) ? ` (rubric ${percent(w.file)})` : ''}`);
  return `Condition weights in force: ${items.join(', ')}${changed ? '' : ' (as the rubric declares)'}.`;
}
