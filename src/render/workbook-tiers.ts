import { symbolName } from '../expression/compile';
import type { Rubric } from '../model/rubric';
import { excelFormula } from './excel-expression';
import { sheetTable, type CellSpec, type SheetSpec } from './workbook-spec';

/** Same-row cell addresses of what a tier expression reads, on the Scorecard. */
export interface TierRefs {
  readonly overall: string;
  readonly weakest: string;
  readonly strongest: string;
  readonly conditions: readonly string[];
  /** Gate only. */
  readonly gated?: string;
}

/**
 * Tier formulas: the first tier whose rubric expression holds (scoreRubric's rule); under gate, a gated market
 * whose tier is listed before the gate's tier gets the gate's tier. Tier ids are read from the Tiers sheet, never
 * written into a formula. `live` is false when some expression has no exact spreadsheet form; tiers are then
 * written as values.
 */
export function tierFormulas(rubric: Rubric, gate: boolean) {
  const gateTier = gate ? rubric.tiers.findIndex((t) => t.id === rubric.gate!.tier) : -1;
  const tests = (refs: TierRefs) => {
    const bySymbol = new Map<string, string>([['overall', refs.overall], ['weakest', refs.weakest], ['strongest', refs.strongest], ...rubric.conditions.map((c, ci): [string, string] => [symbolName(c.id), refs.conditions[ci]])]);
    return rubric.tiers.map((t) => excelFormula(t.when.source, (sym) => bySymbol.get(sym)));
  };
  const probe: TierRefs = { overall: 'A1', weakest: 'A1', strongest: 'A1', conditions: rubric.conditions.map(() => 'A1'), gated: 'A1' };
  const live = rubric.tiers.length > 0 && tests(probe).every((f) => f !== undefined);
  /** `capTier`: index of the worst tier a biting risk cap allows the market (-1: none bites); caps read indicator values, not weights, so it is fixed. */
  const cell = (refs: TierRefs, exported: string, capTier = -1): CellSpec => {
    if (!live) return exported;
    const t = tests(refs) as string[];
    let f = '"(no tier)"';
    for (let k = t.length - 1; k >= 0; k--) {
      // The worse of the market's own tier, every biting cap's and (when gated) the gate's: scoring/tiers.ts finalTier.
      const eff = Math.max(k, capTier);
      const own = `Tiers!$A$${eff + 2}`;
      f = `IF(${t[k]},${eff < gateTier ? `IF(${refs.gated},Tiers!$A$${gateTier + 2},${own})` : own},${f})`;
    }
    return { formula: f, result: exported };
  };
  const sheet = (): SheetSpec => sheetTable('Tiers', [['tier'], ['when (rubric expression)'], ['meaning']], rubric.tiers.map((t) => [t.id, t.when.source, t.meaning ?? '']), [
    live
      ? `The first tier whose expression holds applies, over the Scorecard's overall, weakest, strongest and condition scores.${gate ? ` A gated market is at best ${rubric.gate!.tier}.` : ''}${rubric.caps.length ? ' A market a risk cap bites (Scorecard column caps) is at best that cap\'s tier.' : ''}`
      : 'These expressions use something a spreadsheet cannot write exactly, so tiers are written as exported.',
  ]);
  return { live, cell, sheet };
}
