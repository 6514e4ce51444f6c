import { compileExpression, NonFiniteError, symbolName, type CompiledExpression, type Frame, type Scope } from '../expression/compile';
import { memoised } from '../io/memo';
import type { ProblemList } from '../errors/problem';
import type { CompiledRule, Location } from '../model/rubric';
import type { Indicator } from '../model/indicator';

export interface Scale { readonly min: number; readonly max: number }

/** A value as rule descriptions show it (6 significant digits), memoised: export describes 200,000 rules at 20,000 markets. */
const fmt = memoised((x) => String(Number(x.toPrecision(6))));

/** A literal score or a compiled numeric expression; `slots`: the frame slots (indicators) a formula reads. */
interface ScoreTerm { readonly text: string; readonly literal?: number; readonly slots: readonly number[]; value(frame: Frame, row: number): number }

export function scoreTerm(s: number | string, scope: Scope): ScoreTerm {
  if (typeof s === 'number') return { text: fmt(s), literal: s, slots: [], value: () => s };
  const e = compileExpression(s, scope, 'number');
  return { text: s, slots: e.symbols.map((n) => scope.get(n)!.slot), value: (f, i) => e.evaluate(f, i) as number };
}

/** Indicator ids read by `first` and by any score formula: what SMAA re-scores when it samples those indicators. */
function readIndicators(first: readonly string[], terms: readonly ScoreTerm[], slots: readonly string[]): string[] {
  return [...new Set([...first, ...terms.flatMap((t) => t.slots.map((k) => slots[k]))])];
}

function place(loc: Location, id: string) {
  return { file: loc.file, line: loc.line, path: `${loc.path} (market ${id})` };
}

/**
 * Every score a rule gives must be finite and on the rubric scale; a formula that strays is the rubric's error.
 * Rules test `onScale` inline first (false for NaN and ±Infinity too) and call checkScore only when it fails: SMAA
 * scores every sampled row through the rules, and the call per row was a tenth of its time.
 */
const onScale = (v: number, scale: Scale): boolean => v >= scale.min && v <= scale.max;

function checkScore(v: number, scale: Scale, loc: Location, id: string, problems: ProblemList): void {
  if (!Number.isFinite(v)) problems.add({ code: 'score.not-finite', ...place(loc, id), message: `gives ${v}`, hint: 'guard divisions and logarithms in the expression' });
  else if (v < scale.min || v > scale.max) problems.add({ code: 'score.out-of-scale', ...place(loc, id), message: `gives ${fmt(v)}, outside the scale ${scale.min}–${scale.max}`, hint: `wrap it in clamp(…, ${scale.min}, ${scale.max}) or fix the formula` });
}

/**
 * An expression that gave NaN or ±Infinity on the way (NonFiniteError) is the rubric's error for this market: the
 * row gets no score and the problem names the rubric line, the market and the operation. Anything else is rethrown.
 */
function nonFinite(e: unknown, loc: Location, id: string, problems: ProblemList): void {
  if (!(e instanceof NonFiniteError)) throw e;
  problems.add({ code: 'score.not-finite', ...place(loc, id), message: e.message, hint: 'guard divisions, logarithms and roots in the expression (e.g. x > 0 ? log(x) : 0)' });
}

/**
 * A boolean rubric expression (tier or cap `when`) for one market; an undefined intermediate value is recorded as a
 * `score.not-finite` problem at `loc` and the expression counts as false (the caller throws the problems).
 */
export function evaluateWhen(expr: CompiledExpression, frame: Frame, row: number, loc: Location, id: string, problems: ProblemList): boolean {
  try {
    return expr.evaluate(frame, row) as boolean;
  } catch (e) {
    nonFinite(e, loc, id, problems);
    return false;
  }
}

/** The indicator value mapped linearly onto the rubric scale, reversed for cost. */
export function rawRule(ind: Indicator, slot: number, direction: 'benefit' | 'cost', range: readonly [number, number], scale: Scale, loc: Location): CompiledRule {
  const [lo, hi] = range;
  const span = (scale.max - scale.min) / (hi - lo);
  const map = (x: number) => (direction === 'benefit' ? scale.min + (x - lo) * span : scale.min + (hi - x) * span);
  return {
    kind: 'raw',
    indicators: [ind.id],
    score(frame, ids, out, fired, problems) {
      const col = frame[slot] as ArrayLike<number>;
      for (let i = 0; i < ids.length; i++) {
        const x = col[i];
        fired[i] = -1;
        if (x < lo || x > hi) problems.add({ code: 'score.out-of-range', ...place(loc, ids[i]), message: `${ind.id} = ${fmt(x)} is outside the rule's range [${lo}, ${hi}]`, hint: 'widen `range` in the rule' });
        out[i] = map(x);
      }
    },
    describe(frame, row) {
      const x = (frame[slot] as ArrayLike<number>)[row];
      return `${direction} ${ind.id} = ${fmt(x)} on [${lo}, ${hi}] → ${fmt(map(x))}`;
    },
  };
}

export function mapRule(ind: Indicator, slot: number, scores: Readonly<Record<string, number>>): CompiledRule {
  const keys = Object.keys(scores);
  return {
    kind: 'map',
    indicators: [ind.id],
    score(frame, ids, out, fired) {
      const col = frame[slot] as readonly string[];
      for (let i = 0; i < ids.length; i++) {
        // Categories are checked against the dictionary on load and the map covers all of them (compile-rubric).
        fired[i] = keys.indexOf(col[i]);
        out[i] = scores[col[i]];
      }
    },
    describe(frame, row) {
      const v = (frame[slot] as readonly string[])[row];
      return `${ind.id} = ${v} → ${fmt(scores[v])}`;
    },
  };
}

export function bandsRule(ind: Indicator, slot: number, bands: readonly { below?: number; score: ScoreTerm }[], scale: Scale, loc: Location, slots: readonly string[]): CompiledRule {
  return {
    kind: 'bands',
    indicators: readIndicators([ind.id], bands.map((b) => b.score), slots),
    score(frame, ids, out, fired, problems) {
      const col = frame[slot] as ArrayLike<number>;
      for (let i = 0; i < ids.length; i++) {
        const x = col[i];
        let b = 0;
        while (bands[b].below !== undefined && !(x < bands[b].below!)) b++;
        fired[i] = b;
        const term = bands[b].score;
        if (term.literal !== undefined) out[i] = term.literal;
        else {
          try {
            out[i] = term.value(frame, i);
          } catch (e) {
            nonFinite(e, loc, ids[i], problems);
            out[i] = NaN;
            continue;
          }
        }
        if (!onScale(out[i], scale)) checkScore(out[i], scale, loc, ids[i], problems);
      }
    },
    describe(frame, row, b) {
      const x = (frame[slot] as ArrayLike<number>)[row];
      const lo = b > 0 ? `${bands[b - 1].below} <= ` : '';
      const hi = bands[b].below !== undefined ? ` < ${bands[b].below}` : '';
      return `band ${b + 1}: ${lo}${ind.id} = ${fmt(x)}${hi} → ${bands[b].score.text === fmt(bands[b].score.value(frame, row)) ? bands[b].score.text : `${bands[b].score.text} = ${fmt(bands[b].score.value(frame, row))}`}`;
    },
  };
}

export interface TableRow { readonly when: CompiledExpression; readonly score: ScoreTerm }

/** Decision table (hit policies after DMN): `first`, `unique` (more than one match is an error), `collect` + aggregate. */
export function tableRule(rows: readonly TableRow[], hit: 'first' | 'unique' | 'collect', aggregate: 'sum' | 'min' | 'max' | undefined, scope: Scope, slots: readonly string[], scale: Scale, loc: Location): CompiledRule {
  const used = [...new Set(rows.flatMap((r) => r.when.symbols))];
  const usedSlots = used.map((n) => scope.get(n)!.slot);
  const values = (frame: Frame, i: number) => used.map((_n, k) => `${slots[usedSlots[k]]} = ${String((frame[usedSlots[k]] as ArrayLike<unknown>)[i])}`).join(', ');
  const COLLECTED = -2;
  const scoreRow = (frame: Frame, ids: readonly string[], out: Float64Array, fired: Int32Array, problems: ProblemList, i: number): void => {
    let first = -1;
    let count = 0;
    let acc = aggregate === 'min' ? Infinity : aggregate === 'max' ? -Infinity : 0;
    for (let r = 0; r < rows.length; r++) {
      if (!rows[r].when.evaluate(frame, i)) continue;
      count++;
      if (first < 0) first = r;
      if (hit === 'first') break;
      if (hit === 'collect') {
        const term = rows[r].score;
        const v = term.literal !== undefined ? term.literal : term.value(frame, i);
        acc = aggregate === 'sum' ? acc + v : aggregate === 'min' ? Math.min(acc, v) : Math.max(acc, v);
      }
    }
    if (count === 0) {
      problems.add({ code: 'rule.gap', ...place(loc, ids[i]), message: `no row matches ${values(frame, i) || 'this market'}`, hint: 'add a row for these values or end the table with `when: "true"`' });
      fired[i] = -1;
      out[i] = NaN;
      return;
    }
    if (hit === 'unique' && count > 1) {
      // Only on the error path: which rows matched.
      const matched = rows.map((row, r) => (row.when.evaluate(frame, i) ? r + 1 : 0)).filter((r) => r > 0);
      problems.add({ code: 'rule.overlap', ...place(loc, ids[i]), message: `rows ${matched.join(' and ')} all match ${values(frame, i)} under hit: unique`, hint: 'make the row conditions exclusive, or use hit: first' });
    }
    fired[i] = hit === 'collect' ? COLLECTED : first;
    const term = rows[first].score;
    out[i] = hit === 'collect' ? acc : term.literal !== undefined ? term.literal : term.value(frame, i);
    if (!onScale(out[i], scale)) checkScore(out[i], scale, loc, ids[i], problems);
  };
  const when = rows.map((r) => r.when.evaluate);
  // Literal scores read from an array (NaN marks an expression score): no call per row for the common table.
  const literal = Float64Array.from(rows, (r) => (r.score.literal !== undefined ? r.score.literal : NaN));
  const isLiteral = rows.map((r) => r.score.literal !== undefined);
  return {
    kind: 'table',
    indicators: readIndicators(usedSlots.map((slot) => slots[slot]), rows.map((r) => r.score), slots),
    score(frame, ids, out, fired, problems) {
      const R = rows.length;
      for (let i = 0; i < ids.length; i++) {
        try {
          if (hit === 'collect') {
            // The common case in one pass: every matching row's score aggregated, no closure per market.
            let count = 0;
            let acc = aggregate === 'min' ? Infinity : aggregate === 'max' ? -Infinity : 0;
            for (let r = 0; r < R; r++) {
              if (!when[r](frame, i)) continue;
              count++;
              const v = isLiteral[r] ? literal[r] : rows[r].score.value(frame, i);
              acc = aggregate === 'sum' ? acc + v : aggregate === 'min' ? Math.min(acc, v) : Math.max(acc, v);
            }
            if (count > 0) {
              fired[i] = COLLECTED;
              out[i] = acc;
              if (!onScale(acc, scale)) checkScore(acc, scale, loc, ids[i], problems);
              continue;
            }
          } else if (hit === 'first') {
            let r = 0;
            while (r < R && !when[r](frame, i)) r++;
            if (r < R) {
              fired[i] = r;
              const v = isLiteral[r] ? literal[r] : rows[r].score.value(frame, i);
              out[i] = v;
              if (!onScale(v, scale)) checkScore(v, scale, loc, ids[i], problems);
              continue;
            }
          }
          // hit: unique, and every gap: the general path, which also reports the problems.
          scoreRow(frame, ids, out, fired, problems, i);
        } catch (e) {
          nonFinite(e, loc, ids[i], problems);
          fired[i] = -1;
          out[i] = NaN;
        }
      }
    },
    describe(frame, row, f) {
      if (f === COLLECTED) {
        const hits = rows.map((r, k) => (r.when.evaluate(frame, row) ? `row ${k + 1} (${r.when.source}) → ${fmt(r.score.value(frame, row))}` : '')).filter(Boolean);
        return `${aggregate} of ${hits.join('; ')} [${values(frame, row)}]`;
      }
      return `row ${f + 1}: ${rows[f].when.source} [${values(frame, row)}] → ${fmt(rows[f].score.value(frame, row))}`;
    },
  };
}

export function expressionRule(expr: CompiledExpression, scope: Scope, slots: readonly string[], scale: Scale, loc: Location): CompiledRule {
  const usedSlots = expr.symbols.map((n) => scope.get(n)!.slot);
  return {
    kind: 'expression',
    indicators: usedSlots.map((s) => slots[s]),
    score(frame, ids, out, fired, problems) {
      for (let i = 0; i < ids.length; i++) {
        fired[i] = -1;
        try {
          out[i] = expr.evaluate(frame, i) as number;
        } catch (e) {
          nonFinite(e, loc, ids[i], problems);
          out[i] = NaN;
          continue;
        }
        if (!onScale(out[i], scale)) checkScore(out[i], scale, loc, ids[i], problems);
      }
    },
    describe(frame, row) {
      const vals = usedSlots.map((s) => `${symbolName(slots[s])} = ${String((frame[s] as ArrayLike<unknown>)[row])}`).join(', ');
      return `${expr.source} [${vals}] → ${fmt(expr.evaluate(frame, row) as number)}`;
    },
  };
}
