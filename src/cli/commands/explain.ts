import type { MarketTrace } from '../../analysis/trace';
import { isTableColumn } from '../../analysis/table-trace';
import { UsageError } from '../../errors/problem';
import type { Fact } from '../../model/evidence';
import type { Command } from '../command';
import { EXPLAIN_HELP } from '../help';
import { HELP_OPTION, INPUT_OPTIONS, OUTPUT_OPTIONS, parseOptions } from '../options';
import { tracedRun } from '../setup';
import { cheapestChanges, cheapestChangesText } from './sensitivity-values';

const n3 = (x: number) => x.toFixed(3);
const range = (v: { value: number | string; low?: number; high?: number }) => (v.low !== undefined && v.high !== undefined && (v.low !== v.value || v.high !== v.value) ? ` (range ${v.low}–${v.high})` : '');

/** The trace as indented text: score → condition → criterion → rule → values → facts. */
export function explainText(t: MarketTrace, sources = true): string {
  const out: string[] = [
    `${t.id} — ${t.name}`,
    `rank ${t.rank}, score ${n3(t.score)} by ${t.method} (${t.methodName})${t.tier ? `, tier ${t.tier}` : ''}${t.gated ? ' (capped by the gate)' : ''}${t.caps.length ? ` (capped by ${t.caps.map((c) => c.id).join(', ')})` : ''}${t.binding ? `, binding condition ${t.binding}` : ''}`,
    '',
  ];
  for (const c of t.caps) {
    out.push(`cap ${c.id} bit (${c.location}): ${c.when} [${c.values}] → ${c.effect}`);
    out.push(`  why: ${c.rationale}`);
    for (const f of c.facts) out.push(`  ${factLine(f, sources)}`);
    out.push('');
  }
  const additive = t.conditions.every((c) => c.criteria.every((k) => !Number.isNaN(k.contribution)));
  for (const c of t.conditions) {
    // A plain table's column is its own condition (analysis/table-trace.ts): one line, not a condition over itself.
    const column = isTableColumn(c);
    if (!column) out.push(`${c.id} — ${c.name}: ${n3(c.score)}  (condition weight ${n3(c.weight)})`);
    for (const k of c.criteria) {
      const times = additive ? `${n3(k.score)} × ${n3(k.globalWeight)} = ${n3(k.contribution)}` : `${n3(k.score)}, weight ${n3(k.globalWeight)}`;
      out.push(column ? `${k.criterionId}: ${times}` : `  ${k.criterionId} — ${k.name}: ${times}  (weight ${n3(k.criterionWeight)} in the condition)`);
      out.push(`    rule (${k.ruleKind}, ${k.location}): ${k.fired}`);
      for (const v of k.values) {
        out.push(`    ${v.indicator} = ${v.value}${v.unit ? ` [${v.unit}]` : ''}${range(v)}`);
        if (v.rationale) out.push(`      why: ${v.rationale}`);
        for (const f of v.evidence) out.push(`      ${factLine(f, sources)}`);
      }
    }
    out.push('');
  }
  out.push(additive
    ? `Contributions are global weight × criterion score; under wsm they sum to the score${t.method === 'wsm' ? '' : ` (here the score is ${t.method}'s)`}.`
    : `${t.method}'s score does not split by criterion, so no contributions are shown (wsm's and moora's do).`);
  return out.join('\n') + '\n';
}

function factLine(f: Fact, sources: boolean): string {
  const fig = f.figure ? ` [${f.figure.value} ${f.figure.unit}, ${f.figure.period}]` : '';
  const src = sources ? ` — ${f.source.file}, "${f.source.section}"` : '';
  return `${f.kind === 'caveat' ? 'caveat' : 'fact'} ${f.id}: ${f.text}${fig}${src}`;
}

export function traceJson(t: MarketTrace): unknown {
  const num = (x: number) => Number(x.toPrecision(12));
  return {
    ...t, score: num(t.score),
    caps: t.caps.map((c) => ({ ...c, facts: c.facts.map((f) => ({ id: f.id, kind: f.kind, text: f.text, figure: f.figure, source: f.source })) })),
    conditions: t.conditions.map((c) => ({
      ...c, weight: num(c.weight), score: num(c.score),
      criteria: c.criteria.map((k) => ({
        ...k, score: num(k.score), conditionWeight: num(k.conditionWeight), criterionWeight: num(k.criterionWeight), globalWeight: num(k.globalWeight), contribution: num(k.contribution),
        values: k.values.map((v) => ({ ...v, evidence: v.evidence.map((f) => ({ id: f.id, kind: f.kind, text: f.text, figure: f.figure, source: f.source })) })),
      })),
    })),
  };
}

export const explain: Command = (args, _io, plugins) => {
  const { values, positionals } = parseOptions(args, { ...INPUT_OPTIONS, ...OUTPUT_OPTIONS, ...HELP_OPTION }, 'explain');
  if (values.help) return { stdout: EXPLAIN_HELP };
  if (positionals.length !== 1) throw new UsageError('usage.missing-argument', `explain takes one market id, got ${positionals.length}`, 'write moatscore explain subsea');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError('usage.unknown-format', `explain prints text or json, not '${format}'`, 'use --format json, or export for CSV');
  const traced = tracedRun(values, plugins);
  const t = traced.trace(positionals[0]);
  if (traced.mode === 'table') {
    // What would it take moves indicators on their declared scales: only a rubric's dictionary declares them.
    if (format === 'json') return { output: JSON.stringify(traceJson(t), null, 2) + '\n' };
    return { output: explainText(t) + '\nWhat would it take (the cheapest changes) needs a rubric: indicators move on the scales its dictionary declares.\n' };
  }
  const changes = cheapestChanges(traced.run, t.id); // what would it take: src/analysis/what-it-takes.ts
  if (format === 'json') return { output: JSON.stringify({ ...(traceJson(t) as object), cheapestChanges: changes }, null, 2) + '\n' };
  return { output: explainText(t) + '\n' + cheapestChangesText(changes, t.id) };
};
