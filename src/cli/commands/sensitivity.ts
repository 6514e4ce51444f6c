import { UsageError } from '../../errors/problem';
import { parseWeightConstraints } from '../../weights/weight-constraints';
import { smaa, SMAA_DEFAULTS, WINNING_ALL_PAIRS_MAX, type SmaaResult } from '../../analysis/smaa';
import { ALL_PAIRS_MAX, sweep, type SweepResult } from '../../analysis/sweep';
import { thresholds, type ThresholdResult } from '../../analysis/thresholds';
import { gridFormat, NONE, renderGrid, type Grid } from '../../render/grid';
import type { FormatId } from '../../render/renderer';
import type { Command } from '../command';
import { SENSITIVITY_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { analysisSetup } from '../setup';
import { sensitivityValues } from './sensitivity-values';
import { sensitivityReversal } from './sensitivity-reversal';

const ANALYSES = ['sweep', 'thresholds', 'smaa'] as const;
type Analysis = (typeof ANALYSES)[number];

export function sweepGrid(r: SweepResult): Grid {
  const nearest = (c: SweepResult['conditions'][number], below: boolean) => {
    const s = below ? [...c.swaps].reverse().find((x) => x.weight < c.weight) : c.swaps.find((x) => x.weight > c.weight);
    return s ? `${s.after} at ${s.weight.toFixed(4)}` : NONE;
  };
  return {
    title: `One-way weight sweeps (${r.method}, ${r.exact ? 'closed form' : 'numeric'}): each condition weight from 0 to 1, the others rescaled proportionally`,
    head: ['condition', 'weight', 'holds_from', 'holds_to', 'next_swap_down', 'next_swap_up'],
    rows: r.conditions.map((c) => [c.condition, c.weight, c.holdsFrom, c.holdsTo, nearest(c, true), nearest(c, false)]),
    notes: ['holds_from … holds_to: the interval of the weight over which the current ranking is unchanged.'],
  };
}

function sweepSwapsGrid(r: SweepResult): Grid {
  return {
    title: r.scope === 'all-pairs' ? 'Every pair swap along the sweeps' : `The swaps that end each interval (every pair swap is listed up to ${ALL_PAIRS_MAX} alternatives)`,
    head: ['condition', 'at_weight', 'before', 'after'],
    rows: r.conditions.flatMap((c) => c.swaps.map((s) => [c.condition, s.weight, s.before, s.after])),
  };
}

function sweepCsv(r: SweepResult): Grid {
  return {
    head: ['condition', 'weight', 'holds_from', 'holds_to', 'swap_at', 'before', 'after'],
    rows: r.conditions.flatMap((c) => (c.swaps.length ? c.swaps.map((s) => [c.condition, c.weight, c.holdsFrom, c.holdsTo, s.weight, s.before, s.after]) : [[c.condition, c.weight, c.holdsFrom, c.holdsTo, '', '', '']])),
  };
}

export function thresholdGrid(r: ThresholdResult): Grid {
  return {
    title: `Rank-reversal thresholds (Triantaphyllou & Sánchez 1997; ${r.method}, ${r.exact ? 'closed form' : 'numeric'}): smallest change of one criterion weight that reverses any pair`,
    head: ['criterion', 'weight', 'delta', 'percent', 'pair'],
    rows: r.criteria.map((c) => [c.criterion, c.weight, c.delta ?? NONE, c.percent ?? NONE, c.pair ? `${c.pair[0]} > ${c.pair[1]}` : NONE]),
    notes: [
      `Most critical criterion: ${r.mostCritical ?? 'none'} (smallest absolute change); ${r.mostCriticalRelative ?? 'none'} (smallest relative change).`,
      'delta is the change of the global weight (the others unchanged, then renormalised); percent = delta / weight × 100.',
    ],
  };
}

export function smaaGrid(r: SmaaResult): Grid {
  const n = r.ids.length;
  return {
    title: `SMAA-2 (Lahdelma & Salminen 2001): ${r.samples.toLocaleString('en')} samples, seed ${r.seed}`,
    head: ['id', ...Array.from({ length: n }, (_, k) => `b${k + 1}`), 'confidence', ...r.weightIds.map((w) => `cw_${w}`)],
    // Markets in base-rank order, so b1 reads down the diagonal for a stable ranking.
    rows: r.order.map((i) => [r.ids[i], ...r.acceptability[i], r.confidence[i] ?? NONE, ...r.weightIds.map((_, k) => r.centralWeights[i]?.[k] ?? NONE)]),
    notes: [
      `b1…b${n}: rank acceptability (share of samples at each rank); confidence: share of value samples ranked first under the central weights cw_*.`,
      `${r.constraints.length ? `Weights sampled uniformly over the ${r.level}' simplex where ${r.constraints.join(', ')} hold (hit-and-run, Tervonen et al. 2012)` : `Weights sampled uniformly from the simplex over ${r.level} (${r.sampler})`}; values ${r.valuesSampled ? `sampled inside the low/high ranges of ${r.uncertainIndicators.join(', ')}` : 'fixed'}.`,
      `95% error bound of every index: ±${r.errorBound.toFixed(4)} (1.96·sqrt(1/(4N)) for N = ${r.samples}).`,
      ...(r.valuesSampled && r.confidenceSamples < r.samples ? [`Confidence factors over the first ${r.confidenceSamples} value samples (to bound the work at this size): ±${(1.96 * Math.sqrt(0.25 / r.confidenceSamples)).toFixed(4)}.`] : []),
    ],
  };
}

function winningGrid(r: SmaaResult): Grid {
  if (r.winning) return { title: 'Pairwise winning indices c(row, column): share of samples where row ranks above column', head: ['id', ...r.order.map((k) => r.ids[k])], rows: r.order.map((i) => [r.ids[i], ...r.order.map((k) => r.winning![i][k])]) };
  return {
    title: `Pairwise winning indices of neighbours in the base ranking (every pair is computed up to ${WINNING_ALL_PAIRS_MAX} alternatives; this run has ${r.ids.length})`,
    head: ['above', 'below', 'c_above_below', 'c_below_above'],
    rows: r.adjacentWinning!.map((a) => [a.above, a.below, a.cAbove, a.cBelow]),
  };
}

function parsePositiveInt(name: string, text: string | undefined, dflt: number): number {
  if (text === undefined) return dflt;
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError('usage.bad-option', `--${name} ${text} is not a positive integer`, `write --${name} ${dflt}`);
  return Number(text);
}

export const sensitivity: Command = (args, _io, plugins) => {
  const { values, positionals } = parseOptions(args, {
    ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION,
    samples: { type: 'string' }, seed: { type: 'string' }, sampler: { type: 'string' }, level: { type: 'string' }, 'fixed-values': { type: 'boolean' }, constraint: { type: 'string', multiple: true },
  }, 'sensitivity');
  if (values.help) return { stdout: SENSITIVITY_HELP };
  if (positionals[0] === 'reversal') return sensitivityReversal(values, plugins); // src/analysis/rank-reversal.ts
  if (positionals[0] === 'values') return sensitivityValues(positionals.slice(1), values, plugins); // what would it take: src/analysis/what-it-takes.ts
  const format: FormatId = gridFormat(values.format);
  if (positionals.length > 1) throw new UsageError('usage.bad-argument', `sensitivity takes one analysis, got ${positionals.join(' ')}`, `choose one of: ${ANALYSES.join(', ')}`);
  const which = positionals[0] as Analysis | undefined;
  if (which !== undefined && !ANALYSES.includes(which)) throw new UsageError('usage.unknown-command', `unknown analysis '${which}'`, `choose one of: ${ANALYSES.join(', ')}`);
  const run = [...(which ? [which] : ANALYSES)];
  if (format === 'csv' && run.length > 1) throw new UsageError('usage.bad-option', 'CSV holds one table: name the analysis', 'moatscore sensitivity sweep|thresholds|smaa --format csv');
  const samples = parsePositiveInt('samples', values.samples, SMAA_DEFAULTS.samples);
  const seed = values.seed === undefined ? plugins.seed : /^\d+$/.test(values.seed) && Number(values.seed) <= 0xffffffff ? Number(values.seed) : (() => { throw new UsageError('usage.bad-option', `--seed ${values.seed} is not an integer from 0 to 4294967295`, 'write --seed 42'); })();
  const sampler = (values.sampler ?? SMAA_DEFAULTS.sampler) as 'dirichlet' | 'sorted';
  if (sampler !== 'dirichlet' && sampler !== 'sorted') throw new UsageError('usage.bad-option', `--sampler ${values.sampler} is not known`, 'choose dirichlet or sorted');
  const level = (values.level ?? SMAA_DEFAULTS.level) as 'conditions' | 'criteria';
  if (level !== 'conditions' && level !== 'criteria') throw new UsageError('usage.bad-option', `--level ${values.level} is not known`, 'choose conditions or criteria');

  const { model, title, run: setup } = analysisSetup(values, plugins);
  const results: { sweep?: SweepResult; thresholds?: ThresholdResult; smaa?: SmaaResult } = {};
  if (run.includes('sweep')) results.sweep = sweep(model);
  if (run.includes('thresholds')) results.thresholds = thresholds(model);
  if (run.includes('smaa')) {
    const constraints = parseWeightConstraints(values.constraint ?? [], level === 'conditions' ? model.conditionIds : model.criterionIds, '--constraint');
    results.smaa = smaa(model, { samples, seed, sampler, level, values: !values['fixed-values'], constraints });
  } else if (values.constraint) throw new UsageError('usage.bad-option', '--constraint applies to smaa', 'run moatscore sensitivity smaa --constraint …');

  if (format === 'json') return { output: JSON.stringify(toJson(results), null, 2) + '\n' };
  if (format === 'csv') {
    const g = results.sweep ? sweepCsv(results.sweep) : results.thresholds ? thresholdGrid(results.thresholds) : smaaGrid(results.smaa!);
    return { output: renderGrid(g, 'csv') };
  }
  const grids: Grid[] = [];
  if (results.sweep) grids.push(sweepGrid(results.sweep), sweepSwapsGrid(results.sweep));
  if (results.thresholds) grids.push(thresholdGrid(results.thresholds));
  if (results.smaa) grids.push(smaaGrid(results.smaa), winningGrid(results.smaa));
  const adjusted = setup.mode === 'rubric' ? `${setup.scenario ? `, scenario ${setup.scenario}` : ''}${setup.overrides.length ? `, weights overridden: ${setup.overrides.join(', ')}` : ''}` : ' (rubric-free: each criterion acts as a condition)';
  const head = `Sensitivity of ${title} — method ${model.plugin.id}${adjusted}\n\n`;
  return { output: head + grids.map((g) => renderGrid(g, format, 4)).join('\n') };
};

function toJson(r: { sweep?: SweepResult; thresholds?: ThresholdResult; smaa?: SmaaResult }): unknown {
  const num = (x: number) => Number(x.toPrecision(12));
  const out: Record<string, unknown> = {};
  if (r.sweep) out.sweep = { ...r.sweep, conditions: r.sweep.conditions.map((c) => ({ ...c, weight: num(c.weight), holdsFrom: num(c.holdsFrom), holdsTo: num(c.holdsTo), swaps: c.swaps.map((s) => ({ ...s, weight: num(s.weight) })) })) };
  if (r.thresholds) out.thresholds = { ...r.thresholds, criteria: r.thresholds.criteria.map((c) => ({ ...c, weight: num(c.weight), delta: c.delta === null ? null : num(c.delta), percent: c.percent === null ? null : num(c.percent) })) };
  if (r.smaa) {
    const s = r.smaa;
    out.smaa = {
      samples: s.samples, seed: s.seed, level: s.level, sampler: s.sampler, constraints: s.constraints, valuesSampled: s.valuesSampled, uncertainIndicators: s.uncertainIndicators,
      errorBound: num(s.errorBound), confidenceSamples: s.confidenceSamples, weightIds: s.weightIds,
      alternatives: s.ids.map((id, i) => ({
        id, acceptability: [...s.acceptability[i]].map(num), confidence: s.confidence[i] === null ? null : num(s.confidence[i]!),
        centralWeights: s.centralWeights[i] ? Object.fromEntries(s.weightIds.map((w, k) => [w, num(s.centralWeights[i]![k])])) : null,
        ...(s.winning ? { winning: Object.fromEntries(s.ids.map((o, k) => [o, num(s.winning![i][k])])) } : {}),
      })),
      ...(s.adjacentWinning ? { adjacentWinning: s.adjacentWinning.map((a) => ({ ...a, cAbove: num(a.cAbove), cBelow: num(a.cBelow) })) } : {}),
    };
  }
  return out;
}
