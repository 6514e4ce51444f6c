import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { cli, fixture, ROOT, tempDir } from './helpers';

/**
 * The report tested as a person would use it: opened from disk in headless Chromium, driven with the keyboard and
 * the mouse. The browser is the one @sparticuz/chromium ships inside its npm package (a devDependency), so
 * `npm ci && npm test` needs no system package; a system /usr/bin/chromium is used only if that one cannot start.
 */
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const REPORT = join(ARTIFACTS, 'report.html');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
// Our own flags, not sparticuz's `args`: those add --disable-web-security and --allow-running-insecure-content,
// and the page must be tested under the same origin rules a person's browser applies.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

async function launchChromium(): Promise<Browser> {
  let bundledError: unknown;
  try {
    // CommonJS build of the package: the launcher is its default export. It unpacks the browser to the temporary
    // folder on first use (about 3 s), then reuses it.
    const sparticuz = (require('@sparticuz/chromium') as { default: { executablePath(): Promise<string> } }).default;
    return await chromium.launch({ executablePath: await sparticuz.executablePath(), args: ARGS });
  } catch (e) {
    bundledError = e;
  }
  if (!existsSync(SYSTEM_CHROMIUM)) throw new Error(`the Chromium of @sparticuz/chromium did not start (${String(bundledError).split('\n')[0]}) and ${SYSTEM_CHROMIUM} is absent: run npm ci`);
  return chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: ARGS });
}

let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const r = cli(['report', '--output', REPORT]);
  expect(r.code, r.stderr).toBe(0);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (req) => requests.push(req.url()));
  await page.goto(pathToFileURL(REPORT).href);
  await page.waitForSelector('#ranking-body tr');
  // Printed for the reader, asserted nowhere: speed is measured by npm run bench, never by a timed test.
  const tableMs = await page.evaluate(() => performance.getEntriesByName('moatscore:table')[0]?.startTime);
  console.log(`report: table on screen ${tableMs?.toFixed(0)} ms after navigation (mark moatscore:table)`);
}, 60_000);

type Rect = { x: number; y: number; width: number; height: number; text: string };
/** getBBox of every element matching `selector` inside `root`, in the SVG's user units. */
const boxes = (root: string, selector: string) => page.$$eval(`${root} ${selector}`, (els) => els.map((e) => {
  const b = (e as SVGGraphicsElement).getBBox();
  return { x: b.x, y: b.y, width: b.width, height: b.height, text: e.textContent ?? '' };
}));
const intersect = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const collisions = (rs: Rect[]) => rs.flatMap((a, i) => rs.slice(i + 1).filter((b) => intersect(a, b)).map((b) => `${a.text} × ${b.text}`));

afterAll(async () => {
  await browser?.close();
});

const rowIds = () => page.$$eval('#ranking-body tr', (rows) => rows.map((r) => (r as HTMLElement).dataset.id));
const cliOrder = (args: string[]) => (JSON.parse(cli(['rank', '--format', 'json', ...args]).stdout).ranking as { id: string }[]).map((a) => a.id);

describe('moatscore report in a real browser', () => {
  it('is one file under 1.5 MB', () => {
    expect(statSync(REPORT).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('the table lists the six markets in the CLI order', async () => {
    await page.screenshot({ path: join(ARTIFACTS, 'report-top.png'), fullPage: false });
    expect(await rowIds()).toEqual(cliOrder([]));
    expect(await rowIds()).toHaveLength(6);
  });

  it('the charts render as non-empty SVG', async () => {
    for (const id of ['stacked', 'radar', 'matrix', 'smaa']) {
      const shapes = await page.$$eval(`#${id}-chart svg rect, #${id}-chart svg polygon, #${id}-chart svg circle`, (els) => els.length);
      expect(shapes, id).toBeGreaterThan(5);
      expect((await page.textContent(`#${id}-summary`))!.length, `${id} text alternative`).toBeGreaterThan(40);
    }
    expect(await page.$$eval('#stacked-chart rect.seg', (els) => els.length)).toBe(24);
    expect(await page.$$eval('#matrix-chart circle.bubble', (els) => els.length)).toBe(6);
    expect(await page.$$eval('#smaa-chart rect.heat', (els) => els.length)).toBe(36);
  });

  it('switching-cost at its maximum and the others at zero (by keyboard) gives exactly the order rank --weight prints', async () => {
    for (const c of ['outage-penalty', 'integrated-stack', 'trust-procurement']) {
      await page.focus(`#w-${c}`);
      await page.keyboard.press('Home');
    }
    await page.focus('#w-switching-cost');
    await page.keyboard.press('End');
    // The track ends at twice the largest declared weight (0.25 each): End is 0.5.
    const expected = cliOrder(['--weight', 'outage-penalty=0', '--weight', 'integrated-stack=0', '--weight', 'trust-procurement=0', '--weight', 'switching-cost=0.5']);
    expect(await rowIds()).toEqual(expected);
    expect(await page.textContent('#cli')).toBe('moatscore rank --method gate --weight outage-penalty=0 --weight integrated-stack=0 --weight trust-procurement=0 --weight switching-cost=0.5');
    // The sliders moved the ranking: subsea leads on switching cost alone, unlike the default order.
    expect((await rowIds())[0]).toBe('subsea');
    expect(await page.textContent('#inforce')).toContain('switching-cost 100.0%');
  });

  it('the method selector re-ranks with the chosen method, as the CLI does', async () => {
    await page.selectOption('#method', 'topsis');
    expect(await rowIds()).toEqual(cliOrder(['--method', 'topsis', '--weight', 'outage-penalty=0', '--weight', 'integrated-stack=0', '--weight', 'trust-procurement=0', '--weight', 'switching-cost=1']));
    await page.click('#reset');
    expect(await rowIds()).toEqual(cliOrder([]));
    expect(await page.textContent('#cli')).toBe('moatscore rank --method gate');
  });

  it('clicking a market shows its evidence: rules fired and cited facts with source and section', async () => {
    await page.click('button.market[data-id="subsea"]');
    const trace = (await page.textContent('#trace'))!;
    expect(trace).toContain('subsea — Submarine cable systems');
    expect(trace).toContain('sub-named-rivals');
    // The source by its title in seeds/evidence.yaml (`sources:`), its file name only on hover.
    expect(trace).toContain('NEC Corporation and the Economics of Mission-Critical Infrastructure — “Competition, leverage, and vulnerability”');
    expect(trace).not.toContain('000_545ac16c1f9c17f3.txt');
    expect(await page.getAttribute('#trace .source', 'title')).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    expect(trace).toContain('Competition, leverage, and vulnerability');
    expect(trace).toMatch(/Rule \(table\):\s*row 2: credible_suppliers <= 4/);
    await page.click('button.cell[data-id="vran"][data-condition="trust-procurement"]');
    expect(await page.textContent('#trace')).toContain('vran — Virtualised RAN');
    expect(await page.getAttribute('#trace-trust-procurement', 'class')).toContain('focus');
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: false });
  });

  it('a click opens the trace where the reader looks: its heading in the viewport and focused', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('button.market[data-id="cloud"]');
    const top = await page.$eval('#trace-heading', (h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900 / 2);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('trace-heading');
    expect(await page.textContent('#trace-heading')).toBe('cloud — Cloud and data-centre infrastructure');
    // A condition score brings that condition's section into view instead.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('button.cell[data-id="defense"][data-condition="switching-cost"]');
    const section = await page.$eval('#trace-switching-cost h3', (h) => [h.getBoundingClientRect().top, document.activeElement === h] as const);
    expect(section[0]).toBeGreaterThanOrEqual(0);
    expect(section[0]).toBeLessThan(900 / 2);
    expect(section[1]).toBe(true);
  });

  it('no two labels of the positioning matrix overlap, nor a label and a bubble, and the legend is outside the plot', async () => {
    const labels = await boxes('#matrix-chart', 'text.label');
    expect(labels.map((l) => l.text).sort()).toEqual(['biometrics', 'cloud', 'defense', 'public-dx', 'subsea', 'vran']);
    expect(collisions(labels)).toEqual([]);
    const bubbles = await boxes('#matrix-chart', 'circle.bubble');
    // A circle's bounding box is wider than the circle; shrink it to the inscribed square (r·√2) to compare boxes.
    const inner = bubbles.map((b) => ({ ...b, x: b.x + b.width * 0.15, y: b.y + b.height * 0.15, width: b.width * 0.7, height: b.height * 0.7 }));
    expect(labels.flatMap((l) => inner.filter((b) => intersect(l, b)).map(() => l.text))).toEqual([]);
    const bands = await boxes('#matrix-chart', 'rect');
    const plot = { x: Math.min(...bands.map((b) => b.x)), y: Math.min(...bands.map((b) => b.y)), width: 0, height: 0, text: 'plot' };
    plot.width = Math.max(...bands.map((b) => b.x + b.width)) - plot.x;
    plot.height = Math.max(...bands.map((b) => b.y + b.height)) - plot.y;
    const legend = await boxes('#matrix-chart', 'g.legend');
    expect(legend.map((l) => l.text)).toEqual(['entrenched', 'selective', 'exposed']);
    expect(legend.filter((l) => intersect(l, plot))).toEqual([]);
  });

  it('radar axis labels overlap neither each other, the legend, nor the outer ring', async () => {
    const labels = await boxes('#radar-chart', 'text.axis-label, text.legend');
    expect(labels).toHaveLength(4 + 2);
    expect(collisions(labels)).toEqual([]);
    const ring = (await boxes('#radar-chart', 'polygon'))[4]; // rings 1…5: the fifth is the scale maximum
    const axis = await boxes('#radar-chart', 'text.axis-label');
    expect(axis.filter((l) => intersect(l, ring)).map((l) => l.text)).toEqual([]);
  });

  it('the stacked bars\' legend entries do not overlap', async () => {
    const legend = await boxes('#stacked-chart', 'g.legend');
    expect(legend.map((l) => l.text)).toEqual(['outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost']);
    expect(collisions(legend)).toEqual([]);
  });

  it('shows each market\'s rank range and uncertainty from SMAA, in the heat map\'s numbers', async () => {
    const head = await page.$$eval('#ranking-head th', (ths) => ths.map((t) => t.textContent));
    expect(head.slice(0, 4)).toEqual(['rank', 'range', 'uncertainty', 'market']);
    const cells = await page.$$eval('#ranking-body tr', (rows) => rows.map((r) => [(r as HTMLElement).dataset.id, r.children[1].textContent, r.children[2].textContent]));
    const acc = JSON.parse(await page.textContent('#payload') ?? '{}').smaa as { ids: string[]; acceptability: number[][] };
    // defense by hand from its acceptabilities: P(rank 1) > 5%, so best = 1; P(rank <= 3) < 95% <= P(rank <= 4),
    // so worst = 4; width 3: very-high.
    const d = acc.acceptability[acc.ids.indexOf('defense')];
    expect(d[0]).toBeGreaterThan(0.05);
    expect(d[0] + d[1] + d[2]).toBeLessThan(0.95);
    expect(d[0] + d[1] + d[2] + d[3]).toBeGreaterThanOrEqual(0.95);
    expect(cells.find((c) => c[0] === 'defense')).toEqual(['defense', '1–4', 'very-high']);
    // cloud: nothing above rank 5 beyond 5%, rank 6 holds the rest: 5–6, width 1: medium.
    expect(cells.find((c) => c[0] === 'cloud')).toEqual(['cloud', '5–6', 'medium']);
    expect(await page.textContent('#uncertainty-note')).toContain('do not move with the sliders');
  });

  it('the SMAA heat map lists the markets in rank order, not data order', async () => {
    const rows = await page.$$eval('#smaa-chart svg > text[text-anchor="end"]', (ts) => ts.map((t) => t.textContent));
    expect(rows).toEqual(cliOrder([]));
  });

  it('sliders are labelled for assistive technology and charts carry text alternatives', async () => {
    for (const c of ['outage-penalty', 'integrated-stack', 'trust-procurement', 'switching-cost']) {
      expect(await page.$eval(`label[for="w-${c}"]`, (l) => l.textContent)).toContain(c);
    }
    expect(await page.$$eval('svg[role="img"]', (svgs) => svgs.every((s) => s.getAttribute('aria-label') && s.querySelector('title')))).toBe(true);
  });

  it('has a print style sheet for A4 landscape', () => {
    expect(readFileSync(REPORT, 'utf8')).toContain('@page { size: A4 landscape;');
  });

  it('at 900 px wide the page does not scroll sideways (the table scrolls in its own box)', async () => {
    await page.setViewportSize({ width: 900, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(900);
    await page.screenshot({ path: join(ARTIFACTS, 'report-900.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('printed on A4 landscape (277 mm between the 10 mm margins = 1047 CSS px) the table fits the page width', async () => {
    await page.setViewportSize({ width: 1047, height: 740 });
    await page.emulateMedia({ media: 'print' });
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.getElementById('ranking')!.scrollWidth]);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(widths[0]).toBeLessThanOrEqual(1047);
    expect(widths[1]).toBeLessThanOrEqual(1047);
  });

  it('for a rubric whose weights are all 1, every slider starts strictly inside its track', async () => {
    const dir = tempDir();
    const rubric = readFileSync(join(ROOT, 'rubrics', 'pricing-power.yaml'), 'utf8').replace(/^(    weight: )0\.25$/gm, '$11');
    writeFileSync(join(dir, 'r.yaml'), rubric);
    expect(cli(['report', '--rubric', join(dir, 'r.yaml'), '--samples', '200', '--output', join(dir, 'r.html')]).code).toBe(0);
    const p = await browser.newPage();
    await p.goto(pathToFileURL(join(dir, 'r.html')).href);
    const sliders = await p.$$eval('#sliders input[type=range]', (is) => is.map((i) => [Number((i as HTMLInputElement).min), Number((i as HTMLInputElement).value), Number((i as HTMLInputElement).max)]));
    await p.close();
    expect(sliders).toEqual([[0, 1, 2], [0, 1, 2], [0, 1, 2], [0, 1, 2]]);
  });

  it('made no network request and logged no console error', () => {
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('report on bad input', () => {
  it('fails as rank does and writes nothing', () => {
    const dir = fixture({ 'r.yaml': 'id: t\n' });
    const out = join(tempDir(), 'r.html');
    const r = cli(['report', '--rubric', join(dir, 'r.yaml'), '--output', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('r.yaml');
    expect(existsSync(out)).toBe(false);
    expect(cli(['report', '--method', 'magic', '--output', out]).code).toBe(2);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});
