/**
 * The report page (issue #13 item 5), called from bench/bench.ts main():
 *  a. `moatscore report --output` wall time (median of CLI runs, start-up and SMAA 10,000 included);
 *  b. the size of the page script (dist/report-page.js, inlined into the HTML) and of the whole page;
 *  c. time from navigation to the first table on screen in headless Chromium (target <= 150 ms): the page's own
 *     `moatscore:table` performance mark, median of fresh page loads; skipped, saying so, when the Chromium of
 *     @sparticuz/chromium cannot start.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'moatscore.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (file: string) => `${(statSync(file).size / 1024).toFixed(0)} KB`;

async function timeToTable(html: string, loads: number): Promise<number[] | string> {
  let browser;
  try {
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    const sparticuz = (require('@sparticuz/chromium') as { default: { executablePath(): Promise<string> } }).default;
    browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  } catch (e) {
    return `skipped: no headless Chromium (${String(e).split('\n')[0]})`;
  }
  const times: number[] = [];
  try {
    for (let k = 0; k < loads + 1; k++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('#ranking-body tr');
      const t = await page.evaluate(() => performance.getEntriesByName('moatscore:table')[0]?.startTime ?? NaN);
      if (k > 0) times.push(t); // the first load warms the browser's caches
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

export async function benchReport(opts: { runs: number }): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const html = join(OUT, 'report.html');
  const wall: number[] = [];
  for (let k = 0; k < opts.runs; k++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [BIN, 'report', '--output', html], { encoding: 'utf8' });
    wall.push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (r.status !== 0) throw new Error(`moatscore report failed (${r.status}): ${r.stderr}`);
  }
  const t = await timeToTable(html, opts.runs);
  console.log(`\n5. The report page (${opts.runs} runs, medians)`);
  console.log(`   moatscore report --output (SMAA 10,000 included)       ${median(wall).toFixed(3)} s`);
  console.log(`   page script dist/report-page.js                        ${kb(join(ROOT, 'dist', 'report-page.js'))}   (mathjs' parser not in it: trees are shipped)`);
  console.log(`   whole page, self-contained                             ${kb(html)}`);
  console.log(typeof t === 'string'
    ? `   time to table in headless Chromium                     ${t}`
    : `   time to table in headless Chromium                     ${median(t).toFixed(0)} ms   (target <= 150 ms; mark moatscore:table)`);
}
