import { esc } from './charts';
import type { ReportPayload } from './payload';

/**
 * The report's "Checked against outcomes" section: each outcomes file of the project, backtested by the same
 * src/analysis/backtest.ts code `moatscore backtest` runs, at the weights the report was made with (a static table:
 * the sliders do not move it).
 */
export function backtestSection(p: ReportPayload): string {
  if (!p.backtests?.length) return '';
  const f3 = (x: number | null) => (x === null ? 'undefined' : x.toFixed(3));
  return `<section id="backtest" aria-labelledby="backtest-title">
  <h2 id="backtest-title">Checked against outcomes</h2>
  <p class="table-note">Scores at the weights this page was made with, against observed outcomes (moatscore backtest). The sliders do not move this table.</p>
  ${p.backtests.map((b) => `<table class="backtest">
    <caption>${esc(b.file)}: n = ${b.n}, Spearman ρ = ${f3(b.spearman)}, Kendall τ-b = ${f3(b.kendall)}, one-sided p = ${f3(b.pValue)}</caption>
    <thead><tr><th scope="col">rank</th><th scope="col">market</th><th scope="col">score</th><th scope="col">outcome</th></tr></thead>
    <tbody>${b.pairs.map((x) => `<tr><td class="num">${x.rank}</td><td>${esc(x.market)}</td><td class="num">${x.score.toFixed(3)}</td><td class="num">${esc(String(x.outcome))}</td></tr>`).join('')}</tbody>
  </table>
  <ul class="backtest-notes">${b.leftOut.map((l) => `<li>left out: ${esc(l.market)} — ${esc(l.reason)}</li>`).join('')}<li>${esc(b.caveat)}</li></ul>`).join('\n  ')}
</section>`;
}
