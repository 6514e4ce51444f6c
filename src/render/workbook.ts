import { traceMarket, type TraceContext } from '../analysis/trace';
import { columnLetter as L, sheetTable as table, type CellSpec, type DefinedNameSpec, type WorkbookSpec } from './workbook-spec';
import { evidenceSheet } from './workbook-evidence';
import { tierFormulas } from './workbook-tiers';
import { ceilingApplies } from '../scoring/caps';

/** Methods whose scores the workbook recomputes from its weight cells; the others are written as values. */
export const LIVE_METHODS: readonly string[] = ['wsm', 'gate'];

/** Digits the rank key keeps: moatscore ties scores within a relative 1e-9 (src/ranking/competition-rank.ts). */
export const RANK_DIGITS = 9;

const nameOf = (id: string) => id.replace(/-/g, '_');
/** Workbook-level defined name of a condition weight (`w_switching_cost`) or a criterion weight (`w_switching_cost__lock_in`). */
export const weightName = (condition: string, criterion?: string) => `w_${nameOf(condition)}${criterion === undefined ? '' : `__${nameOf(criterion)}`}`;
export const THRESHOLD_NAME = 'gate_threshold';

const WEIGHT_FMT = '0.0000';
const SCORE_FMT = '0.000';

/**
 * The workbook of a ranked rubric run: Ranking, Scorecard, Weights, Tiers, Evidence, Provenance. Criterion
 * scores are values (the rubric's rules are not spreadsheet formulas); everything above them is a formula over the
 * Weights sheet, with moatscore's own numbers as cached results, so that changing a weight cell recomputes
 * condition scores, the overall score, the gate cap, tiers and ranks as `rank --weight` would (scores and ranks
 * for the methods in LIVE_METHODS; the others' are values).
 */
export function buildWorkbookSpec(ctx: TraceContext, provenance: readonly (readonly [string, string])[]): WorkbookSpec {
  const { rubric, result } = ctx;
  const method = result.method;
  const live = LIVE_METHODS.includes(method);
  const gate = method === 'gate' && rubric.gate !== undefined;
  const names: DefinedNameSpec[] = [];

  // Weights: one row per condition, then one per criterion of it. Column E holds the declared weights (inputs),
  // F the weights normalised as reweight() does: conditions to sum 1, criteria to sum 1 inside their condition.
  const weightRows: CellSpec[][] = [];
  const condRow: number[] = [];
  const critRow: number[][] = [];
  const row = () => weightRows.length + 2;
  const allConds = rubric.conditions.map((c) => weightName(c.id)).join(',');
  for (const c of rubric.conditions) {
    condRow.push(row());
    const cn = weightName(c.id);
    names.push({ name: cn, sheet: 'Weights', cell: `E${row()}` });
    weightRows.push(['condition', c.id, null, c.name, { input: c.declaredWeight }, { formula: `${cn}/SUM(${allConds})`, result: c.weight }, { formula: `F${row()}`, result: c.weight }, cn]);
    const siblings = c.criteria.map((k) => weightName(c.id, k.id)).join(',');
    critRow.push(c.criteria.map((k) => {
      const r = row();
      const kn = weightName(c.id, k.id);
      names.push({ name: kn, sheet: 'Weights', cell: `E${r}` });
      weightRows.push(['criterion', c.id, k.id, k.name, { input: k.declaredWeight }, { formula: `${kn}/SUM(${siblings})`, result: k.weight }, { formula: `F${condRow[condRow.length - 1]}*F${r}`, result: k.globalWeight }, kn]);
      return r;
    }));
  }
  if (gate) {
    names.push({ name: THRESHOLD_NAME, sheet: 'Weights', cell: `E${row()}` });
    weightRows.push(['gate', null, null, `gate threshold (a market whose weakest weighted condition is below it is capped and tiered ${rubric.gate!.tier})`, { input: rubric.gate!.threshold }, null, null, THRESHOLD_NAME]);
  }
  const weights = table('Weights', [['level'], ['condition'], ['criterion'], ['name'], ['declared weight (edit me)', WEIGHT_FMT], ['normalised weight', WEIGHT_FMT], ['global weight', WEIGHT_FMT], ['defined name']], weightRows, [
    'Yellow cells are inputs: declared weights as in the rubric (after any --weight or scenario given to export). Type any number >= 0.',
    'Normalised weights follow `moatscore rank --weight`: condition weights are divided by their sum, criterion weights by the sum inside their condition.',
    'A weight of 0 takes an element out of the model; a condition with weight 0 cannot gate. All weights of one level at 0 gives #DIV/0!, as rank refuses them.',
  ]);

  // Scorecard: criterion scores as values; then condition scores, overall, weakest and strongest (what tiers
  // read), gated (gate only) and the method's score, all formulas.
  const ranking = result.ranking;
  const nCond = rubric.conditions.length;
  const critCol = (ci: number, kj: number) => 3 + rubric.conditions.slice(0, ci).reduce((s, c) => s + c.criteria.length, 0) + kj;
  const condCol = (ci: number) => 3 + rubric.criteria.length + ci;
  const overallCol = condCol(nCond);
  const weakestCol = overallCol + 1;
  const strongestCol = overallCol + 2;
  const gatedCol = overallCol + 3;
  const scoreCol = gate ? overallCol + 4 : overallCol + 3;
  const tierCol = scoreCol + 1;
  const tiers = tierFormulas(rubric, gate);
  const scoreRows = ranking.map((a, i): CellSpec[] => {
    const r = i + 2;
    const cells: CellSpec[] = [a.id, a.name, ...result.criteria.map((k) => k.scores[a.row])];
    const inModel = rubric.conditions.filter((c) => c.weight > 0).map((c) => a.conditions[c.id]);
    rubric.conditions.forEach((c, ci) => {
      const terms = c.criteria.map((_, kj) => `Weights!$F$${critRow[ci][kj]}*${L(critCol(ci, kj))}${r}`);
      cells.push({ formula: terms.join('+'), result: a.conditions[c.id] });
    });
    const overall = rubric.conditions.reduce((s, c) => s + c.weight * a.conditions[c.id], 0);
    cells.push({ formula: rubric.conditions.map((_, ci) => `Weights!$F$${condRow[ci]}*${L(condCol(ci))}${r}`).join('+'), result: overall });
    // A condition with weight 0 is out of the model (src/methods/gate.ts): it stands in as the row's strongest
    // score in the minimum and as its weakest in the maximum, where it changes nothing.
    const range = `$${L(condCol(0))}${r}:$${L(condCol(nCond - 1))}${r}`;
    const pick = (fn: 'MIN' | 'MAX', other: string) => `${fn}(${rubric.conditions.map((c, ci) => `IF(${weightName(c.id)}>0,${L(condCol(ci))}${r},${other}(${range}))`).join(',')})`;
    cells.push({ formula: pick('MIN', 'MAX'), result: Math.min(...inModel) }, { formula: pick('MAX', 'MIN'), result: Math.max(...inModel) });
    const O = `${L(overallCol)}${r}`;
    // Risk caps read indicator values, which the workbook holds fixed: which caps bite is as exported.
    const bit = rubric.caps.filter((c) => a.caps.includes(c.id));
    const ceiling = ceilingApplies(method) ? Math.min(Infinity, ...bit.flatMap((c) => (c.ceiling === undefined ? [] : [c.ceiling]))) : Infinity;
    const capped = (f: string) => (Number.isFinite(ceiling) ? `MIN(${f},${ceiling})` : f);
    const capTier = bit.reduce((k, c) => Math.max(k, c.tier === undefined ? -1 : rubric.tiers.findIndex((t) => t.id === c.tier)), -1);
    if (gate) {
      const W = `${L(weakestCol)}${r}`;
      const t = THRESHOLD_NAME;
      // The gate rule of src/methods/gate.ts: below the threshold and not within the tie tolerance of it.
      // (Number literals stay plain decimals: not every engine reads 1E-9.)
      cells.push({ formula: `AND(${W}<${t},ABS(${W}-${t})>0.000000001*MAX(1,ABS(${W}),ABS(${t})))`, result: a.gated });
      cells.push({ formula: capped(`IF(${L(gatedCol)}${r},MIN(${O},${t}),${O})`), result: a.score });
    } else cells.push(live ? { formula: capped(O), result: a.score } : a.score);
    const at = (col: number) => `${L(col)}${r}`;
    cells.push(tiers.cell({ overall: O, weakest: at(weakestCol), strongest: at(strongestCol), conditions: rubric.conditions.map((_, ci) => at(condCol(ci))), gated: at(gatedCol) }, a.tier ?? '', capTier));
    cells.push(a.caps.join(';'));
    return cells;
  });
  const scorecard = table('Scorecard', [
    ['market'], ['name'],
    ...rubric.criteria.map((k): [string, string] => [`${k.conditionId}.${k.id}`, SCORE_FMT]),
    ...rubric.conditions.map((c): [string, string] => [c.id, SCORE_FMT]),
    ['overall', SCORE_FMT], ['weakest', SCORE_FMT], ['strongest', SCORE_FMT],
    ...(gate ? [['gated']] as [string][] : []),
    [`score (${method})`, SCORE_FMT], [tiers.live ? 'tier' : 'tier (at export)'], ['caps'],
  ], scoreRows, [
    'Criterion scores are values: they come from the rubric rules, which a spreadsheet cannot rerun. Everything right of them is a formula over the Weights sheet.',
    'Weakest and strongest leave out conditions with weight 0. ' + (live ? '' : `The ${method} score is moatscore's value and does not recompute.`),
    ...(rubric.caps.length ? ['caps: the risk caps that bite the market (rubric caps:). They read indicator values, not weights, so they stay as exported; their tier limit and score ceiling are inside the tier and score formulas.'] : []),
  ]);

  // Ranking: rows in the order of the export. Every formula reads its own row only, and finds its market on the
  // Scorecard through the row number in the last column (a value that moves with the row), so sorting the sheet
  // by any column keeps each row's numbers with its market. (A MATCH on the id would read * and ? as wildcards.)
  const n = ranking.length;
  const keyCol = 7 + nCond;
  const rowCol = live ? keyCol + 1 : keyCol;
  const look = (col: number, r: number) => `INDEX(Scorecard!$${L(col)}$1:$${L(col)}$${n + 1},$${L(rowCol)}${r})`;
  const rankRows = ranking.map((a, i): CellSpec[] => {
    const r = i + 2;
    const cells: CellSpec[] = [
      // Competition rank (1, 2, 2, 4): one more than the number of keys above this one. COUNTIF rather than RANK
      // because every spreadsheet engine has it; the key is rounded, so the number survives the ">"& text step.
      live ? { formula: `COUNTIF($${L(keyCol)}$2:$${L(keyCol)}$${n + 1},">"&${L(keyCol)}${r})+1`, result: a.rank } : a.rank,
      a.id, a.name,
      live ? { formula: look(scoreCol, r), result: a.score } : a.score,
      gate ? { formula: look(gatedCol, r), result: a.gated } : a.gated,
      tiers.live ? { formula: look(tierCol, r), result: a.tier ?? '' } : a.tier ?? '',
      ...rubric.conditions.map((c, ci): CellSpec => ({ formula: look(condCol(ci), r), result: a.conditions[c.id] })),
    ];
    if (live) cells.push({ formula: `ROUND(D${r},${RANK_DIGITS})`, result: Number(a.score.toFixed(RANK_DIGITS)) });
    cells.push(r);
    return cells;
  });
  const rankNotes = live
    ? [
      `Method ${method}: rank, score${gate ? ', gated' : ''} and condition scores are live formulas. Change a yellow weight on the Weights sheet and they recompute as \`moatscore rank --weight\` would.`,
      `Rows stay in the order of the export: sort by rank with the filter button to reorder them. ${tiers.live ? 'Tier is live too (Tiers sheet).' : 'Tier is as exported.'}`,
      `Ties: rank compares scores rounded to ${RANK_DIGITS} decimals (rank key); moatscore ties scores within a relative 1e-9. The two can differ only for two unequal scores less than about 5e-9 apart.`,
    ]
    : [
      `Method ${method}: scores and ranks are moatscore's values and do not recompute; only wsm and gate recompute live in this workbook.`,
      `Condition scores${tiers.live ? ' and tiers' : ''} are still live formulas over the Weights sheet.`,
    ];
  const rankingSheet = table('Ranking', [
    ['rank'], ['market'], ['name'], [`score (${method})`, SCORE_FMT], ['gated'], [tiers.live ? 'tier' : 'tier (at export)'],
    ...rubric.conditions.map((c): [string, string] => [c.id, SCORE_FMT]),
    ...(live ? [[`rank key = ROUND(score, ${RANK_DIGITS})`]] as [string][] : []),
    ['scorecard row'],
  ], rankRows, rankNotes);

  const prov = table('Provenance', [['field'], ['value']], provenance.map(([k, v]) => [k, v]));
  return { sheets: [rankingSheet, scorecard, weights, tiers.sheet(), evidenceSheet(ctx, ranking.map((a) => traceMarket(ctx, a.id))), prov], names };
}
