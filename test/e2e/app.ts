// Shared set-up for explorer e2e tests: a local Hub, the built app, Chromium, and helpers to read the screen.
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../hub/server.ts';
import { launchBrowser, serveDist, watchErrors } from './browser.ts';

export interface E2E {
  hub: LocalHub;
  browser: Browser;
  appUrl: string;
  files: Map<string, string>;
}

export function useE2E(hubOptions: Partial<LocalHubOptions> = {}, size = 5000): () => E2E {
  let env: E2E | undefined;
  let closeApp: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const [hub, browser, app] = await Promise.all([
      startLocalHub({ dataset: generateHub({ size, seed: 11 }), quota: 100_000, ...hubOptions }),
      launchBrowser(),
      serveDist(),
    ]);
    closeApp = app.close;
    env = { hub, browser, appUrl: app.url, files: app.files };
  });
  afterAll(async () => {
    await env?.browser.close();
    await env?.hub.close();
    await closeApp?.();
  });
  return () => {
    if (!env) throw new Error('e2e environment not started');
    return env;
  };
}

export async function openApp(
  env: E2E,
  context?: BrowserContext,
  query = '',
): Promise<{ page: Page; errors: string[] }> {
  const ctx = context ?? (await env.browser.newContext({ viewport: { width: 1400, height: 850 } }));
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.appUrl}?hub=${encodeURIComponent(env.hub.url)}${query}`);
  return { page, errors };
}

/** The model count a crawl status names ("12,170 models, 13,812 edges, …"), NaN when it names none. */
export function statusModels(text: string): number {
  return Number(/([\d,]+) models, [\d,]+ edges/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

/** Until a crawl has finished and its graph is shown; returns the status. `models` tells this crawl's status from
 * the last one's, which still shows "Crawl finished" until the effect that starts a new crawl has run. */
export async function waitForCrawl(
  page: Page,
  { timeout = 90_000, models: fits = () => true }: { timeout?: number; models?: (models: number) => boolean } = {},
): Promise<string> {
  const status = page.getByTestId('crawl-status');
  const finished = (text: string): boolean => text.includes('Crawl finished') && fits(statusModels(text));
  await expect.poll(async () => finished(await status.innerText()), { timeout }).toBe(true);
  const text = await status.innerText();
  // The status says so when the crawl's last event arrives; the finished graph is laid out and drawn after it.
  const models = String(statusModels(text));
  await page.waitForFunction(
    (n) => (document.querySelector('.counts')?.textContent ?? '').replaceAll(',', '').includes(`of ${n} models`),
    models,
    { timeout },
  );
  return text;
}

/** After a crawl that swept the Hub, until the Hub-wide table it counted has reached the dynamics panel (until then
 * its "Shares of" choice says it needs a sweep, a longer text that wraps the panel's controls differently). The
 * panel is open. */
export async function waitForHubTable(page: Page): Promise<void> {
  const hub = page.getByTestId('share-of').locator('option[value="hub"]');
  await expect.poll(async () => (await hub.count()) > 0 && !(await hub.isDisabled())).toBe(true);
}

/** "N of M models shown" as numbers. */
export async function shownCounts(page: Page): Promise<[number, number]> {
  const text = await page.locator('.counts').innerText();
  const m = text.replaceAll(',', '').match(/(\d+) of (\d+)/);
  if (!m) throw new Error(`no counts in "${text}"`);
  return [Number(m[1]), Number(m[2])];
}

/** The crawl worker has let go of its Web Lock (its loop has ended, so it asks nothing more) and the local Hub has
 * answered every request it received: from here on, any new request would be a defect. */
export async function crawlSettled(page: Page, hub: LocalHub): Promise<void> {
  const held = () =>
    page.evaluate(async () => {
      const { held } = await navigator.locks.query();
      return (held ?? []).some((l) => l.name === 'forkscope-crawl');
    });
  await expect.poll(held, { timeout: 30_000 }).toBe(false);
  await expect.poll(() => hub.pending(), { timeout: 30_000 }).toBe(0);
}

/** A model id (or any text) as a literal inside a RegExp: ids carry dots, slashes and pluses. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
