// A token is bound to the Hub it was entered for: saved "for this tab session" or "on this browser" for Hub A,
// a link naming Hub B never sends it to B (the app asks first, in the page), and A still gets it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, watchErrors } from './browser.ts';
import { useE2E, waitForCrawl } from './app.ts';
import { recordingProxy, type RecordingHub } from './recording-proxy.ts';

const env = useE2E({}, 3000);
const TOKEN = 'hf_e2eTokenForHubA123';
let a: RecordingHub;
let b: RecordingHub;
let c: RecordingHub;

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    recordingProxy(env().hub.url),
    recordingProxy(env().hub.url),
    recordingProxy(env().hub.url),
  ]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), c?.close()]);
});

const at = (hub: RecordingHub): string => `${env().appUrl}?hub=${encodeURIComponent(hub.url)}`;

async function saveToken(page: Page, persistence: 'session' | 'local'): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByTestId('settings-token').fill(TOKEN);
  await page.getByTestId('settings-persist').selectOption(persistence);
  await page.getByRole('button', { name: 'Save' }).click();
}

describe('a saved token stays with its Hub', () => {
  it('kept for the tab session: a link to another Hub crawls without it, and its own Hub still gets it', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(at(a));
    await waitForCrawl(page);
    await saveToken(page, 'session');
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await waitForCrawl(page);
    expect(a.authorizations.length).toBeGreaterThan(0);
    expect(new Set(a.authorizations)).toEqual(new Set([`Bearer ${TOKEN}`]));

    // The same tab opens a link naming Hub B: nothing is sent until the question is answered.
    await page.goto(at(b));
    const question = page.getByTestId('token-question');
    await question.waitFor();
    await expect(question.innerText()).resolves.toContain(a.url);
    expect(b.requests).toBe(0);
    await screenshot(page, 'token-question');
    await question.getByRole('button', { name: 'Crawl without the token' }).click();
    await waitForCrawl(page);
    expect(b.requests).toBeGreaterThan(0);
    expect(b.authorizations).toEqual([]);

    // Back on Hub A (same tab session), the token is still sent there, without a question.
    const before = a.authorizations.length;
    await page.goto(at(a));
    await page.getByRole('button', { name: 'Refresh', exact: true }).click();
    await waitForCrawl(page);
    expect(await page.getByTestId('token-question').count()).toBe(0);
    expect(a.authorizations.length).toBeGreaterThan(before);
    expect(b.authorizations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('kept on this browser: another tab opening a link to Hub C sends it only after the researcher agrees', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const first = await context.newPage();
    await first.goto(at(a));
    await waitForCrawl(first);
    await saveToken(first, 'local');
    await first.close();

    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(at(c));
    const question = page.getByTestId('token-question');
    await question.waitFor();
    expect(c.requests).toBe(0);
    await question.getByRole('button', { name: `Send the token to ${c.url}` }).click();
    await waitForCrawl(page);
    expect(c.authorizations.length).toBeGreaterThan(0);
    expect(b.authorizations).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
