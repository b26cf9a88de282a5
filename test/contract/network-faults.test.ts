// The Hub's network-level behaviours (hub-api.md §9) through the local Hub: stalled connections, the gateway's
// 504 without CORS headers on heavy listings (a network error in a browser), and a quota the client learns from
// `RateLimit-Policy`. Each crawl still finds every edge.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { HubClient, type HubClientOptions } from '../../src/hub/client.ts';
import type { HubTrouble } from '../../src/hub/http.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../hub/server.ts';
import { syntheticHub } from './helpers.ts';
import { edgeRecall, reachableTruth } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = syntheticHub(6000, 3);

async function withHub<T>(
  options: Omit<LocalHubOptions, 'dataset'>,
  run: (url: string, hub: LocalHub) => Promise<T>,
): Promise<T> {
  const hub = await startLocalHub({ dataset, quota: 1_000_000, ...options });
  try {
    return await run(hub.url, hub);
  } finally {
    await hub.close();
  }
}

async function crawl(options: HubClientOptions) {
  const client = new HubClient(options);
  const result = await new Crawler(client, new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 6000 }).run();
  return { client, ...result };
}

/** What a browser's fetch does with a cross-origin answer without CORS headers: a TypeError, the status unseen. */
const browserFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (!res.headers.get('access-control-allow-origin')) {
    await res.body?.cancel();
    throw new TypeError('Failed to fetch');
  }
  return res;
};

describe('stalled connections', () => {
  it('on demand: no answer at all, or headers and half a body, until the client gives up', async () => {
    const hub = await startLocalHub({ dataset, quota: 1_000_000 });
    try {
      const url = `${hub.url}/api/models?limit=1`;
      hub.injectNext('stall');
      await expect(fetch(url, { signal: AbortSignal.timeout(300) })).rejects.toThrow(/aborted|timeout/i);
      hub.injectNext('stallBody');
      const abort = new AbortController();
      const half = await fetch(url, { signal: abort.signal });
      expect(half.status).toBe(200);
      const reader = (half.body as ReadableStream<Uint8Array>).getReader();
      expect(new TextDecoder().decode((await reader.read()).value)).toMatch(/^\[\{"_id":/);
      // The rest never comes: the read is still pending when the client gives up.
      const rest = reader.read().then((r) => (r.done ? 'ended' : 'more'));
      setTimeout(() => abort.abort(new Error('client gave up')), 300);
      await expect(rest).rejects.toThrow('client gave up');
      hub.injectNext('gateway504');
      const gateway = await fetch(url, { headers: { Origin: 'https://lab.example' } });
      expect(gateway.status).toBe(504);
      expect(gateway.headers.get('access-control-allow-origin')).toBeNull();
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });

  it('are aborted by the request time-out and retried, and the crawl finds every edge', async () => {
    const troubles: HubTrouble[] = [];
    const { lineage, state } = await withHub({ faults: { stallRate: 0.2, seed: 5 } }, (url) =>
      crawl({
        hubUrl: url,
        quota: 1_000_000,
        windowMs: 300_000,
        baseDelayMs: 5,
        requestTimeoutMs: 250,
        onTrouble: (t) => troubles.push(t),
      }),
    );
    expect(state.phase).toBe('done');
    expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).missed).toEqual([]);
    const timeouts = troubles.filter((t) => t.kind === 'timeout');
    expect(timeouts.length).toBeGreaterThan(0);
    expect(timeouts[0]).toMatchObject({ reason: 'no answer within 250 ms', attempt: 1 });
  });
});

describe("the gateway's 504 on heavy listings", () => {
  it('comes after the delay, as HTML, without CORS headers', async () => {
    await withHub({ heavyListingMaxLimit: 250, gatewayDelayMs: 300 }, async (url) => {
      const order: string[] = [];
      const heavy = fetch(`${url}/api/models?limit=500&expand=cardData`, {
        headers: { Origin: 'https://lab.example' },
      }).then(async (res) => {
        order.push('heavy');
        return { res, text: await res.text() };
      });
      const light = await fetch(`${url}/api/models?limit=500`, { headers: { Origin: 'https://lab.example' } });
      order.push('light');
      expect(light.headers.get('access-control-allow-origin')).toBe('https://lab.example');
      const { res, text } = await heavy;
      expect(order).toEqual(['light', 'heavy']);
      expect(res.status).toBe(504);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('content-type')).toBe('text/html');
      expect(text).toContain('504 Gateway Time-out');
      const small = await fetch(`${url}/api/models?limit=250&expand=cardData`);
      expect(small.status).toBe(200);
    });
  });

  it('reads as a network error in a browser: the page shrinks after two tries (one for a size just grown back), and the crawl finds every edge', async () => {
    const sizes: number[] = [];
    await withHub({ heavyListingMaxLimit: 500, gatewayDelayMs: 20 }, async (url, hub) => {
      const { lineage, state } = await crawl({
        hubUrl: url,
        quota: 1_000_000,
        windowMs: 300_000,
        baseDelayMs: 5,
        fetch: browserFetch,
        onPageSize: (n) => sizes.push(n),
      });
      expect(state.phase).toBe('done');
      expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).missed).toEqual([]);
      // The first shrink to 500 cost two tries at 1,000 (a first failure may be the network's); each later one,
      // after the size grew back, one try (that size failed the gateway before).
      const shrinks = sizes.filter((n) => n === 500).length;
      expect(shrinks).toBeGreaterThan(1);
      expect(hub.stats().byStatus[504]).toBe(shrinks + 1);
    });
    expect(sizes[0]).toBe(500);
    expect(Math.min(...sizes)).toBe(500);
  });
});

describe('RateLimit-Policy', () => {
  it('gives the client the quota it was not told, so it never trips the limit', async () => {
    await withHub({ quota: 30, windowSeconds: 1 }, async (url) => {
      const client = new HubClient({ hubUrl: url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5 });
      const statuses: number[] = [];
      for (let i = 0; i < 80; i++) statuses.push((await client.http.getJson(`${url}/api/models?limit=1`)).status);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect([client.http.throttle.quota, client.http.throttle.windowMs]).toEqual([30, 1000]);
      const stats = (await (await fetch(`${url}/__hub/stats`)).json()) as { requests: number; byStatus: object };
      expect(stats.byStatus).toEqual({ 200: 80 });
      expect(stats.requests).toBe(80);
    });
  });
});
