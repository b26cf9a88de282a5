// Deletions in the browser: a model deleted from the Hub after a crawl stays through a Refresh, which says it
// cannot see deletions and when the last full sweep ran; "Full refresh" asks first (what it costs, what it
// removes), then sweeps the whole Hub again, removes the model and says "1 removed".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHub } from '../hub/generate.ts';
import { truthFromRecords, type HubDataset } from '../hub/records.ts';
import { startLocalHub, type LocalHub } from '../hub/server.ts';
import { reachableTruth } from '../contract/truth.ts';
import { launchBrowser, serveDist, watchErrors } from './browser.ts';
import { shownCounts, waitForCrawl } from './app.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = generateHub({ size: 5000, seed: 11 });

let hub: LocalHub;
let browser: Browser;
let app: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  [hub, browser, app] = await Promise.all([startLocalHub({ dataset, quota: 100_000 }), launchBrowser(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await app?.close();
});

/** A family model no other model names as a parent, outside Qwen's org, and not the model the cache's journal
 * checks the Hub's identity by (the lowest ObjectId), so the Hub stays "the same Hub" without it. */
function deletableLeaf(ds: HubDataset): string {
  const parents = new Set(ds.truth.map((e) => e.parent));
  const sentinel = [...ds.records].sort((a, b) => (a._id < b._id ? -1 : 1))[0]?.id;
  const leaf = reachableTruth(ds, SEEDS)
    .map((e) => e.child)
    .find((id) => !parents.has(id) && !id.startsWith('Qwen/') && id !== sentinel);
  if (!leaf) throw new Error('no deletable leaf in the dataset');
  return leaf;
}

/** The same Hub, at the same address, without one model (deleted since the crawl). */
async function deleteOnHub(id: string): Promise<void> {
  const port = hub.port;
  await hub.close();
  const records = dataset.records.filter((r) => r.id !== id);
  hub = await startLocalHub({
    dataset: { ...dataset, records, truth: truthFromRecords(records) },
    quota: 100_000,
    port,
  });
}

/** Whether the search finds the model (the graph holds it): the exact id is always its first hit. */
async function found(page: Page, id: string): Promise<boolean> {
  const input = page.getByTestId('search-input');
  await input.fill(id);
  const first = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        requestAnimationFrame(() => resolve(document.querySelector('#hit-0 span')?.textContent ?? '')),
      ),
  );
  await input.fill('');
  return first === id;
}

describe('deletions in the app', () => {
  it('Refresh says it cannot see them; Full refresh, once confirmed, removes the model and says "1 removed"', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 850 } })).newPage();
    const errors = watchErrors(page);
    await page.goto(`${app.url}?hub=${encodeURIComponent(hub.url)}`);
    await waitForCrawl(page);
    const gone = deletableLeaf(dataset);
    await expect.poll(() => found(page, gone)).toBe(true);
    const [, total] = await shownCounts(page);
    await deleteOnHub(gone);

    const status = page.getByTestId('crawl-status');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await status.getByText(/cannot see deletions/).waitFor({ timeout: 90_000 });
    await expect(status.innerText()).resolves.toMatch(/the last full sweep ran \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(await found(page, gone)).toBe(true);
    expect((await shownCounts(page))[1]).toBe(total);

    // The confirmation says what a full refresh costs and does; "Not now" changes nothing.
    await page.getByRole('button', { name: 'Full refresh' }).click();
    const question = page.getByRole('alertdialog', { name: 'Full refresh' });
    await expect(question.innerText()).resolves.toMatch(/sweeps the whole Hub again: about [\d,]+ requests/);
    await expect(question.innerText()).resolves.toMatch(/removes from the families the models the Hub no longer lists/);
    hub.resetStats();
    await question.getByRole('button', { name: 'Not now' }).click();
    await expect(question.count()).resolves.toBe(0);
    expect(hub.stats().requests).toBe(0);

    await page.getByRole('button', { name: 'Full refresh' }).click();
    await question.getByRole('button', { name: 'Sweep the whole Hub' }).click();
    await status.getByText(/Full sweep: 1 removed/).waitFor({ timeout: 90_000 });
    await expect.poll(async () => (await shownCounts(page))[1]).toBe(total - 1);
    expect(await found(page, gone)).toBe(false);
    expect(hub.stats().listRequests).toBeGreaterThanOrEqual(Math.ceil(hub.catalog.size / 1000));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
