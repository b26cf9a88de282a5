// The crawl in the browser: pause and resume, a tab closed mid-crawl that resumes from IndexedDB without
// fetching again what it had, and a corrupted cache that gets a clear message and a way forward.
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';

const env = useE2E({ latencyMs: 250 }, 20_000);
const pages = (): number => Math.ceil(env().hub.catalog.size / 1000);

describe('crawl control in the browser', () => {
  it('pauses, resumes, and finishes without fetching a page twice', async () => {
    env().hub.resetStats();
    const { page, errors } = await openApp(env());
    await page.getByRole('progressbar', { name: 'Crawl progress' }).waitFor();
    await expect.poll(() => env().hub.stats().listRequests).toBeGreaterThanOrEqual(3);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText(/Crawl paused; everything fetched so far is kept/).waitFor();
    // The request in flight when the pause came still reaches the Hub (and counts there); then nothing more.
    await page.waitForTimeout(800);
    const atPause = env().hub.stats().listRequests;
    await page.waitForTimeout(1200);
    expect(env().hub.stats().listRequests).toBe(atPause);
    await screenshot(page, 'crawl-paused');
    await page.getByRole('button', { name: 'Resume crawl' }).click();
    await waitForCrawl(page);
    expect(env().hub.stats().listRequests).toBeLessThanOrEqual(pages() + 1);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(5000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('resumes after the tab is closed mid-crawl, from what IndexedDB kept', async () => {
    env().hub.resetStats();
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const first = await openApp(env(), context);
    await expect.poll(() => env().hub.stats().listRequests, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await first.page.close();
    const spent = env().hub.stats().listRequests;
    const second = await openApp(env(), context);
    await waitForCrawl(second.page);
    // Only the page in flight when the tab closed may be read twice.
    expect(env().hub.stats().listRequests).toBeLessThanOrEqual(pages() + 1);
    expect(spent).toBeLessThan(pages());
    expect(second.errors).toEqual([]);
    await context.close();
  });

  it('says so when the cache is unreadable, and starts again from an emptied one', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const { page } = await openApp(env(), context);
    await waitForCrawl(page);
    await page.evaluate(async (name) => {
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('snapshot', 'readwrite');
          tx.objectStore('snapshot').put({ v: 1, count: 'garbage' }, 'graph');
          tx.oncomplete = () => (open.result.close(), resolve());
        };
      });
    }, `forkscope ${env().hub.url}`);
    await page.reload();
    await page
      .getByRole('alert')
      .getByText(/cached graph is unreadable/)
      .waitFor();
    await screenshot(page, 'cache-corrupt');
    await page.getByRole('button', { name: 'Empty the cache and crawl again' }).click();
    await waitForCrawl(page);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(5000);
    await context.close();
  });
});
