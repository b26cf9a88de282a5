// A bad cache can always be emptied: a database a newer Forkscope made, a journal record that breaks the crawl,
// and ids named like JavaScript built-ins never leave a blank page or a button that does nothing; emptying
// starts a crawl that finishes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, watchErrors } from './browser.ts';
import { shownCounts, useE2E, waitForCrawl } from './app.ts';

const env = useE2E({}, 2000);
const dbName = (): string => `forkscope ${env().hub.url}`;
const appAt = (): string => `${env().appUrl}?hub=${encodeURIComponent(env().hub.url)}`;

/** A page of the app's origin that is not the app, to prepare IndexedDB before the app first opens it. */
async function blankPage(): Promise<Page> {
  env().files.set('/blank.json', '{}');
  const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
  const page = await context.newPage();
  await page.goto(`${env().appUrl}blank.json`);
  return page;
}

describe('a bad cache has a way out', () => {
  it('empties a database of a newer version from the banner, and crawls again', async () => {
    const page = await blankPage();
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name, 99);
          open.onupgradeneeded = () => open.result.createObjectStore('from-the-future');
          open.onsuccess = () => (open.result.close(), resolve());
          open.onerror = () => reject(open.error);
        }),
      dbName(),
    );
    await page.goto(appAt());
    const alert = page.getByRole('alert');
    await alert.getByText(/written by a newer Forkscope/).waitFor();
    await screenshot(page, 'cache-newer-version');
    await alert.getByRole('button', { name: 'Empty the cache and crawl again' }).click();
    await waitForCrawl(page);
    await expect.poll(async () => (await shownCounts(page))[1], { timeout: 30_000 }).toBeGreaterThan(500);
    const version = await page.evaluate(
      (name) => indexedDB.databases().then((dbs) => dbs.find((d) => d.name === name)?.version),
      dbName(),
    );
    expect(version).toBe(1);
    await page.context().close();
  });

  it('offers to empty the cache when a journal record breaks the crawl, and that crawl then finishes', async () => {
    const page = await blankPage();
    const errors = watchErrors(page);
    await page.goto(appAt());
    await waitForCrawl(page);
    // A started refresh finds a journal whose saved state is fine and whose record is not.
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const tx = open.result.transaction('journal', 'readwrite');
            tx.objectStore('journal').add({ v: 1, records: [null, { t: 'model', model: 7 }] });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
      dbName(),
    );
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    const status = page.getByTestId('crawl-status');
    // Either the store skips the bad record (and the refresh finishes), or the crawl fails with the way out.
    const finished = status.getByText(/Crawl finished/);
    const way = status.getByRole('button', { name: 'Empty the cache and crawl again' });
    await finished.or(way).first().waitFor({ timeout: 90_000 });
    if (await way.isVisible()) {
      await screenshot(page, 'cache-bad-journal');
      await way.click();
      await waitForCrawl(page);
    }
    await expect.poll(async () => (await shownCounts(page))[1], { timeout: 30_000 }).toBeGreaterThan(500);
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await page.context().close();
  });

  it('draws a cache whose ids are named like JavaScript built-ins', async () => {
    const page = await blankPage();
    await page.evaluate(seedBuiltinIds, dbName());
    await page.goto(appAt());
    // Every id is a key, never a property name: the graph opens, all six models drawn, no way-out banner needed.
    await expect.poll(async () => (await shownCounts(page).catch(() => [0, 0]))[1]).toBe(6);
    await screenshot(page, 'cache-builtin-ids');
    expect(await page.getByTestId('crash').isVisible()).toBe(false);
    expect(
      await page
        .getByRole('alert')
        .getByText(/Empty the cache/)
        .isVisible(),
    ).toBe(false);
    await page.context().close();
  });
});

/** Writes a valid cache (schema version 1, columnar snapshot) whose model ids are JavaScript built-in names. */
function seedBuiltinIds(name: string): Promise<void> {
  const ids = ['Qwen/Qwen2.5-7B', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];
  const n = ids.length;
  const dict = (value: string) => ({ values: [value], codes: new Uint32Array(n) });
  const graph = {
    v: 1,
    count: n,
    text: {
      id: ids.join('\n'),
      created_at: ids.map(() => '2025-01-01T00:00:00.000Z').join('\n'),
      last_modified: ids.map(() => '2025-01-01T00:00:00.000Z').join('\n'),
    },
    dicts: {
      author: { values: ['Qwen', '__proto__'], codes: Uint32Array.from(ids, (_, i) => (i === 0 ? 0 : 1)) },
      family: { values: ['Qwen', '__proto__'], codes: Uint32Array.from(ids, (_, i) => (i === 0 ? 0 : 1)) },
      pipeline_tag: dict('constructor'),
      library_name: dict('__proto__'),
      license: dict('toString'),
      gated: dict(''),
      status: dict('ok'),
    },
    depth: Uint32Array.from(ids, (_, i) => (i === 0 ? 0 : 1)),
    downloads: new Float64Array(n).fill(10),
    likes: new Float64Array(n),
    edges: {
      parent: new Uint32Array(n - 1),
      child: Uint32Array.from({ length: n - 1 }, (_, i) => i + 1),
      relation: Uint8Array.from({ length: n - 1 }, (_, i) => i % 4),
      cycle: new Uint8Array(n - 1),
    },
  };
  const info = {
    v: 1,
    hub: name.slice('forkscope '.length),
    orgs: ['Qwen', 'meta-llama'],
    roots: [],
    crawledAt: '2026-01-01T00:00:00.000Z',
    nodes: n,
    edges: n - 1,
  };
  return new Promise<void>((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('meta');
      db.createObjectStore('journal', { autoIncrement: true });
      db.createObjectStore('snapshot');
      db.createObjectStore('positions');
    };
    open.onsuccess = () => {
      const tx = open.result.transaction(['snapshot', 'meta'], 'readwrite');
      tx.objectStore('snapshot').put(graph, 'graph');
      tx.objectStore('meta').put(info, 'snapshot-info');
      tx.oncomplete = () => (open.result.close(), resolve());
      tx.onerror = () => reject(tx.error);
    };
    open.onerror = () => reject(open.error);
  });
}
