import { esc } from './charts';
import type { ReportPayload } from './payload';
import { backtestSection } from './backtest-section';
import { methodsSection } from './methods-section';

/** JSON inside <script type="application/json">: escape what could close the element or start a comment. */
function scriptSafeJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 1180px; padding: 16px 20px 40px; }
h1 { font-size: 1.45rem; margin: 0 0 4px; }
.meta { color: #444; margin: 0 0 14px; font-size: .9rem; }
#controls { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 28px; padding: 12px 14px; border: 1px solid #ccc; border-radius: 6px; background: #fafafa; }
.slider { display: grid; grid-template-columns: 1fr 200px 44px; align-items: center; gap: 8px; }
.slider label { font-weight: 600; font-size: .9rem; }
.slider .hint { display: block; font-weight: 400; color: #555; font-size: .75rem; }
.controls-row { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 10px; align-items: center; font-size: .9rem; }
code#cli { background: #eef; padding: 3px 6px; border-radius: 4px; font-size: .8rem; word-break: break-all; }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid #1b4f72; outline-offset: 2px; }
#controls p { margin: 2px 0; }
#notice { color: #8b0000; }
#notice:empty { display: none; }
/* The table scrolls inside its own box when the window is narrow; the page itself never scrolls sideways. */
.table-wrap { overflow-x: auto; margin-top: 14px; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.table-note { font-size: .8rem; color: #333; margin: 4px 0; }
td.grade.high, td.grade.very-high { font-weight: 600; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.heat button, td button.market { all: unset; cursor: pointer; display: block; width: 100%; }
td button.market { color: #1b4f72; text-decoration: underline; }
td.heat { border: 1px solid #fff; }
tr.selected td { box-shadow: inset 0 -2px 0 #1b4f72; }
#footnotes { font-size: .8rem; color: #333; padding-left: 18px; }
#charts { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin-top: 18px; }
figure { margin: 0; border: 1px solid #ddd; border-radius: 6px; padding: 10px; break-inside: avoid; }
figcaption { font-size: .8rem; color: #333; margin-top: 6px; }
figcaption strong { display: block; font-size: .9rem; color: #111; }
.picker { font-size: .8rem; margin-bottom: 6px; }
.chart svg { max-height: 340px; display: block; margin: 0 auto; }
figcaption span { display: block; font-size: .75rem; color: #555; }
#trace { margin-top: 18px; border-top: 3px solid #1b4f72; padding-top: 8px; }
#trace h2, #trace h3 { scroll-margin-top: 8px; }
#trace .back { font-size: .8rem; }
#trace code, code#cli { overflow-wrap: anywhere; }
.chart svg { max-width: 100%; }
#trace h3 { margin: 14px 0 4px; font-size: 1rem; }
#trace h4 { margin: 8px 0 2px; font-size: .9rem; }
#trace .focus { background: #f0f6fb; }
#trace .rule code { background: #f4f4f4; padding: 1px 4px; }
#trace p { font-size: .85rem; margin: 3px 0; }
#trace .facts { margin: 2px 0 8px; font-size: .8rem; }
#trace .fact-id { font-family: monospace; }
#trace .source { color: #555; }
@media (max-width: 900px) {
  #controls, #charts { grid-template-columns: 1fr; }
  .slider { grid-template-columns: 1fr minmax(120px, 200px) 44px; }
  table { font-size: .8rem; }
  th, td { padding: 3px 5px; }
}
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  #controls button, #copy, .picker, #reset { display: none; }
  #controls { border: none; background: none; padding: 0; }
  input[type=range] { display: none; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  th, td { padding: 2px 4px; }
  #trace .back { display: none; }
  #charts { grid-template-columns: 1fr 1fr; gap: 8px; }
  figure { page-break-inside: avoid; }
  #trace { page-break-before: always; }
  td.heat { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** One self-contained page: styles, the bundled engine and the payload inline; nothing is fetched. */
export function reportHtml(p: ReportPayload, script: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
  <h1>${esc(p.title)}</h1>
  <p class="meta">Rubric ${esc(p.rubricFile)} · data ${esc(p.dataFile)}${p.scenario ? ` · scenario ${esc(p.scenario)}` : ''} · ${esc(p.engine)}</p>
</header>
<main>
  <section id="controls" aria-label="Weights and method">
    <div class="controls-row"><label for="method"><strong>Method</strong></label> <select id="method"></select>
      <button type="button" id="reset">Reset weights</button></div>
    <div id="sliders" style="display: contents"></div>
    <p class="controls-row"><strong>Weights in force:</strong> <span id="inforce"></span></p>
    <p class="controls-row"><strong>Copy as CLI:</strong> <code id="cli"></code> <button type="button" id="copy">Copy</button></p>
    <p class="controls-row" id="notice" role="status" aria-live="polite"></p>
  </section>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ranking-caption">
  <table id="ranking">
    <caption id="ranking-caption">Ranked positioning table (click a market or a condition score for its evidence trace)</caption>
    <thead id="ranking-head"></thead>
    <tbody id="ranking-body"></tbody>
  </table>
  </div>
  ${p.smaa ? `<p class="table-note" id="uncertainty-note"><strong>range</strong> and <strong>uncertainty</strong> come from SMAA-2 over all weightings (${p.smaa.samples.toLocaleString('en')} samples, seed ${p.smaa.seed}): the central 90% of each market's ranks, graded by its width (0 low, 1 medium, 2 high, 3+ very-high). They do not move with the sliders.</p>` : ''}
  <ul id="footnotes"></ul>
  <section id="charts" aria-label="Charts">
    <figure id="fig-stacked"><div id="stacked-chart" class="chart"></div>
      <figcaption><strong>Weighted contribution of each condition</strong><span id="stacked-summary"></span></figcaption></figure>
    <figure id="fig-radar"><div class="picker" id="radar-pick" role="group" aria-label="Markets on the radar"></div><div id="radar-chart" class="chart"></div>
      <figcaption><strong>Condition profile, markets overlaid</strong><span id="radar-summary"></span></figcaption></figure>
    <figure id="fig-matrix"><div class="picker"><label for="axis-x">Across</label> <select id="axis-x"></select> <label for="axis-y">Up</label> <select id="axis-y"></select></div>
      <div id="matrix-chart" class="chart"></div>
      <figcaption><strong>Positioning matrix (GE–McKinsey style)</strong><span id="matrix-summary"></span></figcaption></figure>
    <figure id="fig-smaa"><div id="smaa-chart" class="chart"></div>
      <figcaption><strong>SMAA-2 rank acceptability${p.smaa ? ` (${p.smaa.samples.toLocaleString('en')} weightings, seed ${p.smaa.seed}, ${p.smaa.method}, ±${p.smaa.errorBound.toFixed(4)})` : ''}</strong><span id="smaa-summary"></span></figcaption></figure>
  </section>
  ${methodsSection(p)}
  ${backtestSection(p)}
  <aside id="trace" aria-live="polite" tabindex="-1"><p>Click a market or a condition score to see its trace: criteria, indicator values, the rule that fired, and the cited facts with their source.</p></aside>
</main>
<script type="application/json" id="payload">${scriptSafeJson(p)}</script>
<script>${script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
