// The browser's history and the workers' owners in Chromium: a pick and a focus are history entries that Back
// undoes one at a time (Forward brings them back); Copy link right after a change copies the view as it is, not
// the address written a moment before; a layout worker that cannot run is named instead of waited on.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE } from '../hub/fixtures.ts';
import { openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';

const env = useE2E({}, 2000);
const param = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);

describe('history entries and worker failures', () => {
  it('undoes a focus, then a pick, with Back; copies the view as it is now', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env().appUrl).origin });
    const { page, errors } = await openApp(env(), context);
    await waitForCrawl(page);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(100);
    const details = page.getByTestId('node-details');

    // A pick, then a focus: two new entries.
    await page.getByTestId('search-input').fill(FIXTURE.qwenBase);
    await page.getByTestId('search-input').press('Enter');
    await details.getByRole('heading', { name: FIXTURE.qwenBase }).waitFor();
    await expect.poll(() => param(page, 's')).toBe(FIXTURE.qwenBase);
    const [before] = await shownCounts(page);
    await page.getByRole('button', { name: 'Focus on this subtree' }).click();
    await page.locator('.focus-bar').getByText(FIXTURE.qwenBase).waitFor();
    await expect.poll(() => param(page, 'f')).toBe(FIXTURE.qwenBase);
    await expect.poll(async () => (await shownCounts(page))[0]).toBeLessThan(before);

    // Back undoes the focus, and keeps the pick.
    await page.goBack();
    await expect.poll(() => page.locator('.focus-bar').count()).toBe(0);
    await expect.poll(async () => (await shownCounts(page))[0]).toBe(before);
    await expect(details.getByRole('heading', { name: FIXTURE.qwenBase }).count()).resolves.toBe(1);
    expect([param(page, 'f'), param(page, 's')]).toEqual([null, FIXTURE.qwenBase]);
    // Back again undoes the pick.
    await page.goBack();
    await expect.poll(() => details.count()).toBe(0);
    expect(param(page, 's')).toBeNull();
    // Forward brings the pick back.
    await page.goForward();
    await details.getByRole('heading', { name: FIXTURE.qwenBase }).waitFor();
    await expect.poll(() => param(page, 's')).toBe(FIXTURE.qwenBase);
    expect(param(page, 'f')).toBeNull();

    // A filter typed and Copy link clicked at once, well within the address bar's 250 ms: the link has the filter.
    await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="filter-minDownloads"]');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      if (!input || !setValue) throw new Error('no downloads filter');
      setValue.call(input, '200');
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // React renders the change in a microtask queued before this one.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      document.querySelector<HTMLButtonElement>('[data-testid="copy-permalink"]')?.click();
    });
    await page.getByTestId('done-note').getByText('Link copied: it reopens this exact view.').waitFor();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.searchParams.get('dmin')).toBe('200');
    expect(copied.searchParams.get('s')).toBe(FIXTURE.qwenBase);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names a layout worker that cannot run instead of leaving the view waiting', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    // The layout worker's script is replaced by one that throws as it loads.
    await context.route(/layout\.worker-[\w-]+\.js$/, (route) =>
      route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("layout worker broken on purpose");' }),
    );
    const { page } = await openApp(env(), context);
    const alert = page.getByRole('alert');
    await alert.getByText(/The layout failed: .*broken on purpose/).waitFor({ timeout: 90_000 });
    await expect(alert.innerText()).resolves.toMatch(/The graph cannot be drawn\./);
    // Nothing was laid out, so nothing is drawn.
    await expect(shownCounts(page)).resolves.toEqual([0, 0]);
    await context.close();
  });
});
