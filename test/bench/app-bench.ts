// Benchmarks of the built app in Chromium against floors measured in the same page (issue 12, item 8):
//   reopen:   from navigation to the first frame of a cached graph, against graph.import + a default sigma
//   dynamics: from the click on "Family dynamics" to its answers drawn, against the radial layout of the same data
//   crawl:    from "Crawl finished" to the first frame of the whole crawl, against graph.import + a default sigma
// The app marks each new graph it draws ('forkscope:drawn', src/render/renderer.ts); bench code from
// test/bench/page/app-floor.ts is served under /bench/ on the app's origin, so it shares the app's IndexedDB.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchBrowser, serveDist } from '../e2e/browser.ts';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub } from '../hub/server.ts';
import { median } from './median.ts';
import { untilQuiet } from './quiet.ts';
import { benchSettings } from './realsize-bench.ts';

const OUT = new URL('../../.cache/bench-app/', import.meta.url).pathname;
/** A Hub address nothing answers: a reopen must not need the Hub. */
const OFFLINE_HUB = 'http://127.0.0.1:9';

interface BenchWindow {
  seedCache(size: number, hub: string): Promise<{ models: number }>;
  syntheticFloor(size: number): { floorMs: number; layoutMs: number };
  cachedFloor(hub: string): Promise<{ floorMs: number; models: number }>;
}

async function buildFloorCode(): Promise<string> {
  await build({
    root: new URL('./page/', import.meta.url).pathname,
    base: '/bench/',
    logLevel: 'warn',
    configFile: false,
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: new URL('./page/app-floor.html', import.meta.url).pathname },
    },
  });
  const html = await readFile(join(OUT, 'app-floor.html'), 'utf8');
  const entry = html.match(/src="([^"]+\.js)"/)?.[1];
  if (!entry) throw new Error('bench: no entry script in the built floor page');
  return entry;
}

/** Serves the bench build under /bench/ on the app's origin (for this page's whole life). */
async function serveFloorCode(page: Page): Promise<void> {
  await page.route('**/bench/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/bench\//, '');
    const body = await readFile(join(OUT, path)).catch(() => null);
    if (!body) return route.fulfill({ status: 404 });
    return route.fulfill({ body, contentType: extname(path) === '.js' ? 'text/javascript' : 'text/html' });
  });
}

/** Loads the bench code into the page as it is (the app's, after it has drawn). */
async function withFloorCode(page: Page, entry: string): Promise<void> {
  await page.addScriptTag({ url: entry, type: 'module' });
  await page.waitForFunction(() => 'cachedFloor' in window);
}

/** Milliseconds from navigation to the app's first drawing of `models` models (any number when null), at or
 * after `after` ms. */
async function drawnAt(page: Page, models: number | null, after = 0): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, t]) =>
      performance
        .getEntriesByName('forkscope:drawn')
        .find((e) => (n === null || (e as PerformanceMark).detail?.models === n) && e.startTime >= t)?.startTime ??
      null,
    [models, after] as const,
    { polling: 100, timeout: 1_800_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Records the longest main-thread task from now on (Long Tasks API). */
const LONG_TASKS = `
  window.__longest = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
  }).observe({ type: 'longtask' });`;

export interface ReopenResult {
  models: number;
  /** The medians of the runs. */
  reopenMs: number;
  floorMs: number;
  /** Each run: the app reopened, then the floor timed in the same page. */
  runs: { reopenMs: number; floorMs: number }[];
  /** The app opened in a new tab, whose JS heap starts small. */
  freshTabMs: number;
  layoutMs: number;
  /** From the click to the answer and the monthly chart drawn; and the longest main-thread task meanwhile:
   * clicked at the first frame, and clicked once the app has prepared the answer (that many ms after the frame). */
  dynamicsMs?: number;
  dynamicsLongestTaskMs?: number;
  /** A dialog with no work behind it (Settings) clicked at the first frame, to shown: what anything clicked then
   * waits for, the panel included (the first frame's own commit: software WebGL reads every layer back). */
  trivialClickMs?: number;
  preparedAfterMs?: number;
  /** When the panel, still closed, had been drawn out of sight on that answer, in ms after the frame. */
  standbyAfterMs?: number;
  preparedMs?: number;
  preparedLongestTaskMs?: number;
}

type PanelTiming = Partial<
  Record<'dynamicsMs' | 'dynamicsLongestTaskMs' | 'preparedMs' | 'preparedLongestTaskMs', number>
>;

/** Opens the dynamics panel and times it to its answer and monthly chart drawn; then closes it. */
async function timePanel(page: Page, ms: keyof PanelTiming, longest: keyof PanelTiming): Promise<PanelTiming> {
  await page.evaluate(LONG_TASKS);
  const t = Date.now();
  await page.getByRole('button', { name: 'Family dynamics' }).click();
  await page.locator('[data-testid="dynamics-status"][data-stage="done"]').waitFor({ state: 'attached' });
  await page.locator('[data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg').first().waitFor();
  const out = { [ms]: Date.now() - t };
  out[longest] = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  await page.getByRole('button', { name: 'Back to the graph' }).click();
  return out;
}

/** Opens the Settings dialog (nothing computed behind it) and times it to shown; then closes it. */
async function timeTrivialClick(page: Page): Promise<number> {
  const t = Date.now();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').waitFor();
  const ms = Date.now() - t;
  await page.keyboard.press('Escape');
  return ms;
}

/** When the app had prepared the panel's answer, in ms from navigation (src/ui/dynamics/dynamics-host.ts). */
async function preparedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => performance.getEntriesByName('forkscope:dynamics-prepared')[0]?.startTime ?? null,
    undefined,
    { polling: 100, timeout: 600_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** When the closed panel had drawn its monthly chart out of sight, in ms from navigation (usePreparedDynamics.ts). */
async function standbyAt(page: Page): Promise<number> {
  const chart =
    '[data-testid="dynamics"].out-of-sight [data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg';
  await page.locator(chart).first().waitFor({ state: 'attached', timeout: 600_000 });
  return page.evaluate(() => performance.now());
}

export async function reopenBench(
  sizes: number[],
  dynamicsAt: number | null,
  repeats: number,
  log: (s: string) => void = () => undefined,
): Promise<ReopenResult[]> {
  const entry = await buildFloorCode();
  const app = await serveDist();
  const browser = await launchBrowser();
  const out: ReopenResult[] = [];
  try {
    for (const size of sizes) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
      const tab = async () => {
        const page = await context.newPage();
        page.setDefaultTimeout(1_800_000);
        page.on('pageerror', (e) => log(`page error: ${e.message}`));
        await serveFloorCode(page);
        return page;
      };
      const r: ReopenResult = { models: 0, reopenMs: 0, floorMs: 0, layoutMs: 0, runs: [], freshTabMs: 0 };
      const address = `${app.url}?hub=${encodeURIComponent(OFFLINE_HUB)}`;
      // Each run, in a tab of its own once the machine is quiet, writes the cache, reopens the app in that tab and
      // times the floor there after it: app and floor both run in a page whose JS heap has grown to the data's
      // size (the floor needs its data built first). A tab's first reopen also grows the heap: that is timed apart.
      for (let k = 0; k < repeats; k++) {
        const page = await tab();
        r.models = await seed(page, app.url, size);
        await page.goto(address);
        const reopenMs = await drawnAt(page, r.models);
        if (k === 0 && size === dynamicsAt) Object.assign(r, await panelTimings(page, address, r.models));
        await withFloorCode(page, entry);
        const floor = await page.evaluate((n) => (window as unknown as BenchWindow).syntheticFloor(n), size);
        await page.close();
        await untilQuiet();
        r.runs.push({ reopenMs, floorMs: floor.floorMs });
        r.layoutMs = floor.layoutMs;
        log(`run ${k + 1}: first frame at ${Math.round(reopenMs)} ms, floor ${Math.round(floor.floorMs)} ms`);
      }
      const fresh = await tab();
      await fresh.goto(address);
      r.freshTabMs = await drawnAt(fresh, r.models);
      await fresh.close();
      await untilQuiet();
      log(`a new tab: first frame at ${Math.round(r.freshTabMs)} ms`);
      [r.reopenMs, r.floorMs] = [median(r.runs.map((x) => x.reopenMs)), median(r.runs.map((x) => x.floorMs))];
      out.push(r);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
  }
  return out;
}

/** Writes the app's cache of `size` synthetic models from the bench page opened in `page`; gives the models. */
async function seed(page: Page, appUrl: string, size: number): Promise<number> {
  await page.goto(`${appUrl}bench/app-floor.html`);
  await page.waitForFunction(() => 'seedCache' in window);
  const args = [size, OFFLINE_HUB] as const;
  return (await page.evaluate(([n, hub]) => (window as unknown as BenchWindow).seedCache(n, hub), args)).models;
}

/** The panel clicked at the first frame; then, on the page reopened, the Settings dialog clicked at the first frame
 * (the floor of anything clicked then); then, on the page reopened again and left idle once drawn, the panel clicked
 * once the app has prepared its answer. (The app's address, not a reload: the panel just closed may still be open in
 * the page's.) */
async function panelTimings(page: Page, address: string, models: number): Promise<Partial<ReopenResult>> {
  const r: Partial<ReopenResult> = await timePanel(page, 'dynamicsMs', 'dynamicsLongestTaskMs');
  await page.goto(address);
  await drawnAt(page, models);
  r.trivialClickMs = await timeTrivialClick(page);
  await page.goto(address);
  const drawn = await drawnAt(page, models);
  r.preparedAfterMs = (await preparedAt(page)) - drawn;
  r.standbyAfterMs = (await standbyAt(page)) - drawn;
  return { ...r, ...(await timePanel(page, 'preparedMs', 'preparedLongestTaskMs')) };
}

export interface CrawlViewResult {
  models: number;
  crawlMs: number;
  /** From "Crawl finished" on screen to the first frame of the whole crawl. */
  firstWholeMs: number;
  floorMs: number;
}

/** Crawls a local Hub of `hubSize` models in the app and times the first whole view after the crawl. */
export async function crawlViewBench(hubSize: number): Promise<CrawlViewResult> {
  const entry = await buildFloorCode();
  const dataset = generateHub({ size: hubSize, seed: 2026 });
  const hub = await startLocalHub({ dataset, quota: 100_000_000, tokenQuota: 100_000_000 });
  const app = await serveDist();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    page.setDefaultTimeout(3_600_000);
    await serveFloorCode(page);
    await page.addInitScript(
      (value: string) => localStorage.setItem('forkscope.settings', value),
      benchSettings(hub.url),
    );
    // The moment the status first says the crawl finished, in the page's clock.
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const w = window as unknown as { __finished?: number };
        if (w.__finished === undefined && /Crawl finished/.test(document.body?.textContent ?? ''))
          w.__finished = performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const t = Date.now();
    await page.goto(`${app.url}?hub=${encodeURIComponent(hub.url)}`);
    const finished = (await (
      await page.waitForFunction(() => (window as unknown as { __finished?: number }).__finished ?? null, undefined, {
        polling: 200,
        timeout: 3_600_000,
      })
    ).jsonValue()) as number;
    const crawlMs = Date.now() - t;
    // The whole crawl is laid out after the status says it finished; partial graphs were drawn before.
    const firstWhole = await drawnAt(page, null, finished);
    await withFloorCode(page, entry);
    const floor = await page.evaluate((h) => (window as unknown as BenchWindow).cachedFloor(h), hub.url);
    return { models: floor.models, crawlMs, firstWholeMs: Math.max(0, firstWhole - finished), floorMs: floor.floorMs };
  } finally {
    await browser.close();
    await app.close();
    await hub.close();
  }
}
