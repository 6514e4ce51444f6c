import { esc } from './charts';
import type { ReportPayload } from './payload';

/**
 * The report's method-agreement panel: each market's rank under every method, in the Copeland consensus order, and
 * how far each pair of methods agrees (Spearman ρ, Kendall τ-b, weighted Spearman r_w, WS similarity; Sałabun &
 * Urbaniak 2020). The numbers are `moatscore methods --format json`'s, computed once in Node
 * (src/analysis/method-comparison.ts) and embedded: the page recomputes nothing, and the sliders do not move it.
 */
export function methodsSection(p: ReportPayload): string {
  const doc = p.methods;
  if (!doc) return '';
  const methods = Object.keys(doc.rankings);
  const f3 = (x: number) => x.toFixed(3);
  const rankRows = doc.consensus.map((id, k) => `<tr><td class="num">${k + 1}</td><th scope="row">${esc(id)}</th>${methods.map((m) => `<td class="num">${doc.rankings[m][id]}</td>`).join('')}</tr>`).join('');
  const pairRows = doc.agreement.map((a) => `<tr><th scope="row">${esc(a.a)} – ${esc(a.b)}</th><td class="num">${f3(a.spearman)}</td><td class="num">${f3(a.kendall)}</td><td class="num">${f3(a.rw)}</td><td class="num">${f3(a.ws)}</td></tr>`).join('');
  const skipped = doc.skipped.length ? `<ul class="backtest-notes">${doc.skipped.map((s) => `<li>${esc(s.method)} cannot rank these data: ${esc(s.why)}</li>`).join('')}</ul>` : '';
  return `<section id="methods" aria-labelledby="methods-title">
  <h2 id="methods-title">Do the methods agree?</h2>
  <p class="table-note">The same scores ranked by every method (moatscore methods), at the weights this page was made with; rows in the Copeland consensus order. The sliders do not move these tables.</p>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="methods-ranks-caption"><table class="backtest">
    <caption id="methods-ranks-caption">Rank of each market under each method</caption>
    <thead><tr><th scope="col">consensus</th><th scope="col">market</th>${methods.map((m) => `<th scope="col">${esc(m)}</th>`).join('')}</tr></thead>
    <tbody>${rankRows}</tbody>
  </table></div>
  <div class="table-wrap" tabindex="0" role="region" aria-labelledby="methods-agreement-caption"><table class="backtest">
    <caption id="methods-agreement-caption">Agreement of each pair of methods (1 = the same order)</caption>
    <thead><tr><th scope="col">methods</th><th scope="col">Spearman ρ</th><th scope="col">Kendall τ-b</th><th scope="col">r_w</th><th scope="col">WS</th></tr></thead>
    <tbody>${pairRows}</tbody>
  </table></div>
  ${skipped}
</section>`;
}
