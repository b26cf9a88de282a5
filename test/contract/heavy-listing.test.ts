// Heavy listings (card data on 1,000-item pages) can time out at the Hub's gateway with a 504 (hub-api.md §3). The
// client halves its page size instead of repeating the same request, follows the cursor at the smaller size, and
// the crawl still finds every edge.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { seedJournal } from '../../src/crawl/seed.ts';
import { seedOfManifest } from '../../src/export/manifest.ts';
import { HubClient } from '../../src/hub/client.ts';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { syntheticHub, useHub } from './helpers.ts';
import { edgeRecall, reachableTruth } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = syntheticHub(6000, 3);
const hub = useHub(() => ({ dataset, quota: 1_000_000, heavyListingMaxLimit: 250 }));

describe('listings that time out at the gateway', () => {
  it('shrink the page until it answers, and the crawl misses nothing', async () => {
    hub().resetStats();
    const sizes: number[] = [];
    const client = new HubClient({
      hubUrl: hub().url,
      quota: 1_000_000,
      windowMs: 300_000,
      baseDelayMs: 5,
      onPageSize: (size) => sizes.push(size),
    });
    const left: number[] = [];
    const { lineage, state } = await new Crawler(client, new MemoryJournal(), {
      seeds: SEEDS,
      hubSizeEstimate: 6000,
      onProgress: (p) => void (p.phase === 'listing' && p.message.startsWith('swept') && left.push(p.queue)),
    }).run();
    // Pages left are counted at the page size in use: after the first 250-model page, 23 more.
    expect(left[0]).toBe(Math.ceil((6000 - 250) / 250));
    expect(state.phase).toBe('done');
    expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).missed).toEqual([]);
    // 1,000 → 500 → 250 at the first page; every ten good pages it tries twice the size once, and halves again.
    expect(sizes.slice(0, 2)).toEqual([500, 250]);
    expect(Math.min(...sizes)).toBe(250);
    const stats = hub().stats();
    const pages = Math.ceil(hub().catalog.size / 250);
    expect(stats.byStatus['504']).toBeLessThanOrEqual(2 + Math.ceil(pages / 10));
    expect(stats.listRequests).toBeLessThanOrEqual(pages + (stats.byStatus['504'] ?? 0) + 5);
  });

  it('start a later run over the journal at the size the last one was served at: its refresh meets no time-out', async () => {
    const journal = new MemoryJournal();
    const client = (): HubClient =>
      new HubClient({ hubUrl: hub().url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5 });
    await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 6000 }).run();
    expect(journal.state?.pageSize).toBe(250);
    hub().resetStats();
    const again = client();
    const { state } = await new Crawler(again, journal, { seeds: SEEDS, hubSizeEstimate: 6000 }).refresh();
    expect(state.phase).toBe('done');
    expect(hub().stats().listRequests).toBeGreaterThan(0);
    expect(hub().stats().byStatus['504']).toBeUndefined();
    expect(again.pageSize).toBe(250);
  });

  it("start a visitor's refresh over published data at the size its publisher was served: it meets no time-out", async () => {
    const published = await publishDemoSnapshot(hub());
    const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: DEMO_DATASET, fetch });
    expect(loaded.ref.revision).toBe(published.oid);
    expect(loaded.manifest.crawl.pageSize).toBe(250);
    const journal = new MemoryJournal();
    await seedJournal(journal, loaded.lineage, seedOfManifest(loaded.manifest, hub().url));
    hub().resetStats();
    const visitor = new HubClient({ hubUrl: hub().url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5 });
    const { state, lineage } = await new Crawler(visitor, journal, { seeds: SEEDS }).refresh();
    expect(state.phase).toBe('done');
    expect(lineage.nodes.length).toBeGreaterThan(loaded.lineage.nodes.length);
    expect(hub().stats().listRequests).toBeGreaterThan(0);
    expect(hub().stats().byStatus['504']).toBeUndefined();
    expect(visitor.pageSize).toBe(250);
  });

  it('keep the backoff for a 504 at the smallest page', async () => {
    const retries: { url: string; attempt: number; reason: string; delayMs: number }[] = [];
    const base = 20;
    const client = new HubClient({
      hubUrl: hub().url,
      quota: 1_000_000,
      windowMs: 300_000,
      baseDelayMs: base,
      onRetry: (r) => retries.push(r),
    });
    // 1,000 → 500 → 250 → 125 → 100 take four 504s without a wait; the next four come at the smallest page.
    hub().injectNext('timeout504', 8);
    const url = client.listingUrl({ author: 'Qwen', sort: 'createdAt' });
    const page = await client.listPage(url);
    expect(page.models.length).toBeGreaterThan(0);
    expect(client.pageSize).toBe(100);
    // Each of those is retried at 100 after a wait that doubles (with ±25% jitter): a backoff, not a hammering.
    expect(retries.map((r) => [r.attempt, r.reason])).toEqual([
      [1, 'HTTP 504'],
      [2, 'HTTP 504'],
      [3, 'HTTP 504'],
      [4, 'HTTP 504'],
    ]);
    for (const r of retries) {
      expect(new URL(r.url).searchParams.get('limit')).toBe('100');
      expect(r.delayMs).toBeGreaterThanOrEqual(0.75 * base * 2 ** (r.attempt - 1));
      expect(r.delayMs).toBeLessThanOrEqual(1.25 * base * 2 ** (r.attempt - 1));
    }
  });
});
