// Smoke test: the built app opens in Chromium and shows its shell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, serveDist, watchErrors } from './browser.ts';
import { checkView } from './visual.ts';

let browser: Browser;
let app: { url: string; close(): Promise<void> };

beforeAll(async () => {
  [browser, app] = await Promise.all([launchBrowser(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('app shell', () => {
  it('opens with its title, the graph area, search and crawl status', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(app.url);
    await expect(page.title()).resolves.toBe('Forkscope');
    for (const id of ['graph', 'search-input', 'crawl-status']) await page.getByTestId(id).waitFor();
    await checkView(page, 'shell', { graph: false, baseline: true });
    expect(errors).toEqual([]);
  });
});
