// The Hub HTTP layer in Chromium, against the local Hub on another origin: what a browser hides from it
// (redirects, answers without CORS headers) is handled as in Node. A renamed model is read through the browser's
// own redirect following; a redirect loop fails at once, saying "redirect"; the gateway's CORS-less 504 on a
// heavy listing is a network error that the layer gives back after two tries, so the listing can shrink its page.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub, type LocalHub } from '../hub/server.ts';
import { launchBrowser } from './browser.ts';

let hub: LocalHub;
let browser: Browser;
let page: Page;
let closePage: () => void;

/** HubHttp bundled for the browser by Vite, as the app bundles it. */
async function bundle(): Promise<string> {
  const entry = new URL('../../src/hub/http.ts', import.meta.url).pathname;
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'forkscopeHttp' } },
  });
  const chunk = (Array.isArray(out) ? out[0] : out) as { output: { type: string; code?: string }[] };
  return chunk.output.find((o) => o.type === 'chunk')?.code ?? '';
}

beforeAll(async () => {
  hub = await startLocalHub({
    dataset: generateHub({ size: 2000, seed: 3 }),
    quota: 1_000_000,
    redirectLoops: ['Qwen/Loop-7B'],
    heavyListingMaxLimit: 250,
    gatewayDelayMs: 50,
  });
  const code = await bundle();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/http.js' ? 'text/javascript' : 'text/html' });
    res.end(req.url === '/http.js' ? code : '<script src="/http.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closePage = () => server.close();
  browser = await launchBrowser();
  page = await browser.newPage();
  // localhost, not 127.0.0.1: another origin than the Hub's, so CORS applies as on the real Hub.
  await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
});

afterAll(async () => {
  await browser?.close();
  await hub?.close();
  closePage?.();
});

interface Outcome {
  status?: number;
  id?: string;
  kind?: string;
  message?: string;
  requests: number;
  retries: number;
}

/** Runs one getJson in the page (the function is sent as text: the test runner's transforms stay out of it). */
function getJson(path: string, options = '{}'): Promise<Outcome> {
  return page.evaluate(`(async () => {
    let retries = 0;
    const http = new forkscopeHttp.HubHttp({ hubUrl: ${JSON.stringify(hub.url)}, quota: 100000, windowMs: 300000,
      baseDelayMs: 10, onRetry: () => retries++ });
    try {
      const res = await http.getJson(${JSON.stringify(hub.url + path)}, undefined, ${options});
      return { status: res.status, id: res.body && res.body.id, requests: http.requests, retries };
    } catch (e) {
      return { kind: e.kind, message: e.message, requests: http.requests, retries };
    }
  })()`);
}

describe('the Hub HTTP layer in a browser', () => {
  it('reads a renamed model through the redirect the browser follows, every hop counted', async () => {
    hub.resetStats();
    const outcome = await getJson('/api/models/qwen/qwen2.5-7b');
    expect(outcome).toMatchObject({ status: 200, id: 'Qwen/Qwen2.5-7B', retries: 0 });
    // The hidden redirect once (manual), then the browser follows it: 307, 307, 200.
    expect(outcome.requests).toBe(hub.stats().requests);
  });

  it('fails at once on a redirect loop, saying redirect', async () => {
    const outcome = await getJson('/api/models/Qwen/Loop-7B');
    expect(outcome.kind).toBe('redirect');
    expect(outcome.message).toMatch(/redirects, and the browser could not follow the redirect/);
    expect(outcome.retries).toBe(1);
  });

  it("sees the gateway's CORS-less 504 as a network error, given back after two tries", async () => {
    hub.resetStats();
    const outcome = await getJson(
      '/api/models?limit=1000&expand=cardData',
      '{ giveBack: new Set([504]), networkTries: 2 }',
    );
    expect(outcome).toMatchObject({ kind: 'unreachable', requests: 2, retries: 1 });
    expect(outcome.message).toMatch(/network error .* after 2 tries/);
    expect(hub.stats().byStatus[504]).toBe(2);
    const light = await getJson('/api/models?limit=250&expand=cardData');
    expect(light).toMatchObject({ status: 200, retries: 0 });
  });
});
