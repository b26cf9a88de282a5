// `npm start` and `npm run demo` serve the app from Vite's dev server, where React runs in development mode inside
// StrictMode: every effect is mounted, cleaned up and mounted again, and a warning is a console error. The rest of
// the suite runs the production build, which hides an effect whose clean-up is not a function (one crashed both
// commands at their first page). Here a newcomer's first page: served by the dev server, it crawls the local Hub
// and draws the forests without a single console error.
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub, type LocalHub } from '../hub/server.ts';
import { launchBrowser, watchErrors } from './browser.ts';
import { waitForCrawl } from './app.ts';
import { expectGraphDrawn } from './visual.ts';

let dev: ViteDevServer | undefined;
let hub: LocalHub | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  const configFile = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
  [dev, hub, browser] = await Promise.all([
    // Port 0: any free port, so a demo left running on 5173 does not collide.
    createServer({ configFile, server: { port: 0, strictPort: false }, logLevel: 'error' }).then((s) => s.listen()),
    startLocalHub({ dataset: generateHub({ size: 1500, seed: 3 }), quota: 100_000 }),
    launchBrowser(),
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  await dev?.close();
});

describe('the dev server (npm start, npm run demo)', () => {
  it('serves an app that crawls and draws without a console error', async () => {
    const url = dev?.resolvedUrls?.local[0];
    if (!url || !hub || !browser) throw new Error('dev server, Hub or browser not started');
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    const errors = watchErrors(page);
    await page.goto(`${url}?hub=${encodeURIComponent(hub.url)}`);
    // The first page compiles the app's modules on demand: slower than the built app, hence the longer wait. The
    // error screen ends the wait at once, and the errors say why.
    const finished = page.getByTestId('crawl-status').getByText(/Crawl finished/);
    await finished.or(page.getByText('Forkscope stopped')).waitFor({ timeout: 180_000 });
    expect(errors).toEqual([]);
    await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
  });
});
