import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, readdirSync } from 'node:fs';
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
}, 60_000);

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
    const expected = cliOrder(['--weight', 'outage-penalty=0', '--weight', 'integrated-stack=0', '--weight', 'trust-procurement=0', '--weight', 'switching-cost=1']);
    expect(await rowIds()).toEqual(expected);
    expect(await page.textContent('#cli')).toBe('moatscore rank --method gate --weight outage-penalty=0 --weight integrated-stack=0 --weight trust-procurement=0 --weight switching-cost=1');
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
    expect(trace).toContain('000_545ac16c1f9c17f3.txt');
    expect(trace).toContain('Competition, leverage, and vulnerability');
    expect(trace).toMatch(/Rule \(table\):\s*row 2: credible_suppliers <= 4/);
    await page.click('button.cell[data-id="vran"][data-condition="trust-procurement"]');
    expect(await page.textContent('#trace')).toContain('vran — Virtualised RAN');
    expect(await page.getAttribute('#trace-trust-procurement', 'class')).toContain('focus');
    await page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: false });
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
