import { traceMarket, type MarketTrace } from '../analysis/trace';
import type { RankResult } from '../model/result';
import type { MethodId, Rubric } from '../model/rubric';
import { shipTrees } from '../expression/shipped-trees';
import { footnotes } from '../render/renderer';
import { centralRankRange, rangeText, uncertaintyGrade } from '../analysis/rank-uncertainty';
import { declaredWeights } from '../rubric/reweight';
import { modelFromPayload, pageRanking, PAGE_METHODS } from './browser-model';
import { esc, heatmap, matrix, radar, stackedBars, type Axis } from './charts';
import type { ReportPayload } from './payload';

/**
 * The report page: the engine's own code (compileRubric, reweight, the method plug-ins, rankWithRubric, traceMarket),
 * bundled for the browser by esbuild. Moving a slider re-ranks with exactly what `moatscore rank --weight …` runs.
 */
const payload = JSON.parse(document.getElementById('payload')!.textContent!) as ReportPayload;
shipTrees(payload.trees);
const model = modelFromPayload(payload);
// The CLI's own plug-in list (src/methods/plugins.ts, which src/ioc.ts binds): a new method appears here unasked.
const METHODS = PAGE_METHODS;
const fileWeights = declaredWeights(model.rubric);
const conditions = model.rubric.conditions;
const scaleMax = model.rubric.scale.max;

/**
 * Rank range and uncertainty grade per market, from the SMAA acceptabilities the CLI computed over all weightings
 * (the rule of `rank`'s headline, src/analysis/rank-uncertainty.ts): they do not move with the sliders.
 */
const uncertainty = new Map((payload.smaa?.ids ?? []).map((id, i) => {
  const range = centralRankRange(payload.smaa!.acceptability[i]);
  return [id, { range: rangeText(range), grade: uncertaintyGrade(range) }] as const;
}));
const sourceTitle = new Map(model.evidence.sources.map((s) => [s.file, s.title]));

const state = {
  method: payload.method,
  weights: [...payload.declared.conditions],
  radar: model.data.ids.slice(0, 0) as string[],
  x: 'group-buyer',
  y: 'group-nec',
  selected: undefined as string | undefined,
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const axes: Axis[] = [
  ...(conditions.length >= 4 ? [
    { id: 'group-buyer', label: `buyer side (${conditions[0].id} + ${conditions[2].id})`, conditions: [conditions[0].id, conditions[2].id] },
    { id: 'group-nec', label: `NEC side (${conditions[1].id} + ${conditions[3].id})`, conditions: [conditions[1].id, conditions[3].id] },
  ] : []),
  ...conditions.map((c) => ({ id: c.id, label: c.id, conditions: [c.id] })),
];
if (conditions.length < 4) {
  state.x = conditions[0].id;
  state.y = conditions[Math.min(1, conditions.length - 1)].id;
}

function cliLine(): string {
  const args = ['moatscore', 'rank', ...payload.cliArgs, '--method', state.method];
  conditions.forEach((c, i) => {
    if (state.weights[i] !== fileWeights.conditions[i]) args.push('--weight', `${c.id}=${+state.weights[i].toFixed(4)}`);
    c.criteria.forEach((k, j) => {
      if (payload.declared.criteria[i][j] !== fileWeights.criteria[i][j]) args.push('--weight', `${c.id}.${k.id}=${payload.declared.criteria[i][j]}`);
    });
  });
  return args.map((a) => (/^[\w./=:-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`)).join(' ');
}

function heat(v: number): string {
  const light = Math.round(96 - (56 * v) / scaleMax);
  return `background:hsl(210,45%,${light}%);color:${light < 62 ? '#fff' : '#000'}`;
}

function renderTable(r: RankResult): void {
  const u = uncertainty.size > 0;
  const head = ['rank', ...(u ? ['range', 'uncertainty'] : []), 'market', 'name', 'score', ...r.conditionIds, 'tier', 'binding'];
  $('ranking-head').innerHTML = `<tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr>`;
  $('ranking-body').innerHTML = r.ranking.map((a) => `<tr data-id="${esc(a.id)}"${a.id === state.selected ? ' class="selected"' : ''}>
    <td class="num">${a.rank}</td>${u ? `<td class="num range">${esc(uncertainty.get(a.id)?.range ?? '')}</td><td class="grade ${uncertainty.get(a.id)?.grade ?? ''}">${esc(uncertainty.get(a.id)?.grade ?? '')}</td>` : ''}
    <td><button type="button" class="market" data-id="${esc(a.id)}" aria-label="Show the evidence trace of ${esc(a.id)}">${esc(a.id)}</button></td>
    <td>${esc(a.name)}</td>
    <td class="num">${a.score.toFixed(3)}${a.gated ? '*' : ''}</td>
    ${r.conditionIds.map((c) => `<td class="num heat" style="${heat(a.conditions[c])}"><button type="button" class="cell" data-id="${esc(a.id)}" data-condition="${esc(c)}" aria-label="${esc(a.id)} ${esc(c)} ${a.conditions[c].toFixed(2)}: show trace">${a.conditions[c].toFixed(2)}</button></td>`).join('')}
    <td>${esc(a.tier ?? '')}</td><td>${esc(a.binding ?? '')}</td></tr>`).join('');
  $('footnotes').innerHTML = footnotes(r).map((l) => `<li>${esc(l)}</li>`).join('');
}

function figure(id: string, chart: { svg: string; summary: string }): void {
  $(`${id}-chart`).innerHTML = chart.svg;
  $(`${id}-summary`).textContent = chart.summary;
}

function renderCharts(r: RankResult, rubric: Rubric): void {
  const weights = Object.fromEntries(rubric.conditions.map((c) => [c.id, c.weight]));
  figure('stacked', stackedBars(r, weights, scaleMax));
  if (state.radar.length === 0) state.radar = r.ranking.slice(0, 2).map((a) => a.id);
  figure('radar', radar(r, state.radar, scaleMax));
  const ax = (id: string) => axes.find((a) => a.id === id)!;
  figure('matrix', matrix(r, ax(state.x), ax(state.y), scaleMax, r.ranking.reduce((m, a) => Math.max(m, a.score), 1e-9), rubric.tiers.map((t) => t.id)));
}

function renderTrace(t: MarketTrace, focus?: string): void {
  const facts = (v: MarketTrace['conditions'][number]['criteria'][number]['values'][number]) => v.evidence.map((f) =>
    `<li class="fact ${f.kind}"><span class="fact-id">${esc(f.id)}</span>${f.kind === 'caveat' ? ' <em>(caveat)</em>' : ''}: ${esc(f.text)}${f.figure ? ` <span class="figure">[${esc(String(f.figure.value))} ${esc(f.figure.unit)}, ${esc(f.figure.period)}]</span>` : ''}<br><span class="source" title="${esc(f.source.file)}">${esc(sourceTitle.get(f.source.file) ?? f.source.file)} — “${esc(f.source.section)}”</span></li>`).join('');
  const html = [`<h2 id="trace-heading" tabindex="-1">${esc(t.id)} — ${esc(t.name)}</h2>`, '<p class="back"><a href="#ranking">Back to the table</a></p>',
    `<p>Rank ${t.rank}, score ${t.score.toFixed(3)} by ${esc(t.method)}${t.tier ? `, tier ${esc(t.tier)}` : ''}${t.binding ? `, binding condition ${esc(t.binding)}` : ''}${t.gated ? ' (capped by the gate)' : ''}.</p>`,
    ...t.conditions.map((c) => `<section class="trace-condition${c.id === focus ? ' focus' : ''}" id="trace-${esc(c.id)}"><h3 tabindex="-1">${esc(c.id)}: ${c.score.toFixed(2)} <small>(weight ${c.weight.toFixed(3)})</small></h3>
      ${c.criteria.map((k) => `<div class="criterion"><h4>${esc(k.criterionId)} — ${esc(k.name)}: ${k.score.toFixed(2)} × ${k.globalWeight.toFixed(3)} = ${k.contribution.toFixed(3)}</h4>
        <p class="rule"><strong>Rule (${esc(k.ruleKind)}):</strong> <code>${esc(k.fired)}</code></p>
        ${k.values.map((v) => `<p class="value"><strong>${esc(v.indicator)} = ${esc(String(v.value))}</strong>${v.unit ? ` [${esc(v.unit)}]` : ''}${v.low !== undefined && (v.low !== v.value || v.high !== v.value) ? ` (range ${v.low}–${v.high})` : ''}${v.rationale ? ` — ${esc(v.rationale)}` : ''}</p><ul class="facts">${facts(v)}</ul>`).join('')}</div>`).join('')}</section>`)];
  $('trace').innerHTML = html.join('');
}

/**
 * After a click the trace opens where the reader looks: scrolled to its heading (or the clicked condition's), with
 * the keyboard focus moved there so the next Tab continues inside the trace. Re-renders after a slider move do not
 * scroll: the reader is at the sliders then.
 */
function bringTraceIntoView(focus?: string): void {
  const target = (focus && document.querySelector<HTMLElement>(`#trace-${CSS.escape(focus)} h3`)) || $('trace-heading');
  target.scrollIntoView({ block: 'start' });
  target.focus({ preventScroll: true });
}

let last: { result: RankResult; rubric: Rubric } | undefined;

function update(): void {
  conditions.forEach((c, i) => {
    $<HTMLInputElement>(`w-${c.id}`).value = String(state.weights[i]);
    $(`o-${c.id}`).textContent = state.weights[i].toFixed(2);
  });
  $('cli').textContent = cliLine();
  const ranked = pageRanking(model.rubric, model.data, state.method, { conditions: state.weights, criteria: payload.declared.criteria });
  if (!ranked) {
    $('notice').textContent = 'Every condition weight is 0: raise one to rank.';
    return;
  }
  $('notice').textContent = '';
  const { result, rubric } = ranked;
  last = ranked;
  $('inforce').textContent = rubric.conditions.map((c) => `${c.id} ${(c.weight * 100).toFixed(1)}%`).join(' · ');
  renderTable(result);
  // The bench and the browser test read this mark: time from navigation to the first table on screen.
  if (!performance.getEntriesByName('moatscore:table').length) performance.mark('moatscore:table');
  renderCharts(result, rubric);
  if (state.selected) showTrace(state.selected);
}

function showTrace(id: string, focus?: string): void {
  if (!last) return;
  state.selected = id;
  document.querySelectorAll('#ranking-body tr').forEach((tr) => tr.classList.toggle('selected', (tr as HTMLElement).dataset.id === id));
  renderTrace(traceMarket({ rubric: last.rubric, data: model.data, dictionary: model.dictionary, evidence: model.evidence, result: last.result }, id), focus);
}

function build(): void {
  $('method').innerHTML = (Object.keys(METHODS) as MethodId[]).map((m) => `<option value="${m}"${m === state.method ? ' selected' : ''}>${m} — ${esc(METHODS[m].name)}</option>`).join('');
  // The track runs 0 … twice the largest declared weight, so declared weights start mid-track whatever their
  // scale (all 1, all 0.25, 30/20/50); the step keeps about a hundred positions per unit of that scale.
  const top = Math.max(...payload.declared.conditions);
  const max = top > 0 ? 2 * top : 1;
  const step = 10 ** (Math.floor(Math.log10(max)) - 2);
  $('sliders').innerHTML = conditions.map((c) => `<div class="slider">
      <label for="w-${esc(c.id)}">${esc(c.id)} <span class="hint">${esc(c.name)}</span></label>
      <input type="range" id="w-${esc(c.id)}" data-condition="${esc(c.id)}" min="0" max="${max}" step="${step}" value="${state.weights[conditions.indexOf(c)]}" aria-describedby="o-${esc(c.id)}">
      <output id="o-${esc(c.id)}" for="w-${esc(c.id)}"></output></div>`).join('');
  $('radar-pick').innerHTML = model.data.ids.map((id) => `<label><input type="checkbox" value="${esc(id)}"> ${esc(id)}</label>`).join(' ');
  const opts = (sel: string) => axes.map((a) => `<option value="${esc(a.id)}"${a.id === sel ? ' selected' : ''}>${esc(a.label)}</option>`).join('');
  $('axis-x').innerHTML = opts(state.x);
  $('axis-y').innerHTML = opts(state.y);
  if (payload.smaa) {
    // Markets in the order of the ranking at the declared weights (what the CLI's rank prints), not data order.
    const base = pageRanking(model.rubric, model.data, payload.method, payload.declared);
    const at = new Map(base ? base.result.ranking.map((a) => [a.id, a.rank]) : []);
    const order = payload.smaa.ids.map((id, i) => ({ id, i })).sort((p, q) => (at.get(p.id) ?? Infinity) - (at.get(q.id) ?? Infinity) || p.i - q.i);
    figure('smaa', heatmap(order.map((o) => o.id), order.map((o) => payload.smaa!.acceptability[o.i])));
  }
  else $('fig-smaa').hidden = true;

  $('sliders').addEventListener('input', (e) => {
    const t = e.target as HTMLInputElement;
    const i = conditions.findIndex((c) => c.id === t.dataset.condition);
    if (i >= 0) {
      state.weights[i] = Number(t.value);
      update();
    }
  });
  $('method').addEventListener('change', (e) => {
    state.method = (e.target as HTMLSelectElement).value as MethodId;
    update();
  });
  $('reset').addEventListener('click', () => {
    state.weights = [...payload.declared.conditions];
    state.method = payload.method;
    $<HTMLSelectElement>('method').value = state.method;
    update();
  });
  $('copy').addEventListener('click', () => {
    const text = $('cli').textContent ?? '';
    const done = () => ($('notice').textContent = 'Command copied.');
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => selectCli());
    else selectCli();
  });
  $('radar-pick').addEventListener('change', () => {
    state.radar = [...document.querySelectorAll<HTMLInputElement>('#radar-pick input:checked')].map((i) => i.value);
    if (last) renderCharts(last.result, last.rubric);
  });
  $('axis-x').addEventListener('change', (e) => { state.x = (e.target as HTMLSelectElement).value; if (last) renderCharts(last.result, last.rubric); });
  $('axis-y').addEventListener('change', (e) => { state.y = (e.target as HTMLSelectElement).value; if (last) renderCharts(last.result, last.rubric); });
  $('ranking-body').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest('button') as HTMLButtonElement | null;
    if (b?.dataset.id) {
      showTrace(b.dataset.id, b.dataset.condition);
      bringTraceIntoView(b.dataset.condition);
    }
  });
  update();
  document.querySelectorAll<HTMLInputElement>('#radar-pick input').forEach((i) => (i.checked = state.radar.includes(i.value)));
}

function selectCli(): void {
  const range = document.createRange();
  range.selectNodeContents($('cli'));
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  $('notice').textContent = 'Select-all done: press Ctrl+C to copy.';
}

build();
