// The crawl in the browser: pause and resume, a tab closed mid-crawl that resumes from IndexedDB without
// fetching again what it had, and a corrupted cache that gets a clear message and a way forward.
import { describe, expect, it } from 'vitest';
import { crawlSettled, openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { checkView } from './visual.ts';

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
    // The request in flight when the pause came may still reach the Hub (and counts there); once the worker's crawl
    // has ended and the Hub has answered everything, nothing more is asked while the view is looked at.
    await crawlSettled(page, env().hub);
    const atPause = env().hub.stats().listRequests;
    await checkView(page, 'crawl-paused', { graph: false });
    await expect(page.getByText(/Crawl paused/).count()).resolves.toBe(1);
    expect(env().hub.stats().listRequests).toBe(atPause);
    await page.getByRole('button', { name: 'Resume crawl' }).click();
    await waitForCrawl(page);
    // The worker fetches the next page while it saves the last (listing.ts): the page being saved and the one in
    // flight when the crawl stopped may both be read again, never more.
    expect(env().hub.stats().listRequests).toBeLessThanOrEqual(pages() + 2);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(5000);
    await checkView(page, 'crawl-resumed', { graph: { colours: 2 }, baseline: true });
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
    // Only the page being saved and the one fetched ahead of it when the tab closed may be read twice.
    expect(env().hub.stats().listRequests).toBeLessThanOrEqual(pages() + 2);
    expect(spent).toBeLessThan(pages());
    await checkView(second.page, 'crawl-resumed-after-close', { graph: { colours: 2 } });
    expect(second.errors).toEqual([]);
    await context.close();
  });

  it('lets one of two tabs sharing a cache crawl, and the other read what it crawled', async () => {
    env().hub.resetStats();
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const first = await openApp(env(), context);
    await expect.poll(() => env().hub.stats().listRequests, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    // A second tab of the same browser profile opens while the first one crawls (held at the Hub, so it is still
    // crawling however slow the machine): it must not crawl too.
    const release = env().hub.hold();
    const second = await openApp(env(), context);
    await second.page.getByText(/Another Forkscope tab is crawling this cache/).waitFor({ timeout: 60_000 });
    release();
    const status = await waitForCrawl(first.page);
    expect(env().hub.stats().listRequests).toBeLessThanOrEqual(pages() + 1);
    // The finished crawl's size, from its own description: the graph on screen may still be the last partial
    // result for a moment (it is laid out after the status says "finished"), so it is waited for, not read.
    const total = Number(status.match(/([\d,]+) models, [\d,]+ edges/)?.[1]?.replaceAll(',', ''));
    expect(total).toBeGreaterThan(5000);
    await expect.poll(async () => (await shownCounts(first.page))[1]).toBe(total);
    // Reloaded, the second tab shows the first one's crawl from the shared cache without asking the Hub.
    const spent = env().hub.stats().requests;
    await second.page.reload();
    await expect.poll(async () => (await shownCounts(second.page).catch(() => [0, 0]))[1]).toBe(total);
    await checkView(second.page, 'two-tabs-second', { graph: { colours: 2 } });
    expect(env().hub.stats().requests).toBe(spent);
    expect([...first.errors, ...second.errors]).toEqual([]);
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
    await checkView(page, 'cache-corrupt', { graph: false, baseline: true });
    await page.getByRole('button', { name: 'Empty the cache and crawl again' }).click();
    await waitForCrawl(page);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(5000);
    await checkView(page, 'cache-recrawled', { graph: { colours: 2 } });
    await context.close();
  });
});
