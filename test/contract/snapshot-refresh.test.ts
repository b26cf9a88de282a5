// A published snapshot brought up to date by the crawler's own refresh (#11): the journal seeded from the demo's
// snapshot (the Hub before its newest models) and refreshed from its watermark holds the same lineage as a cold
// crawl of the whole Hub, for a page per 1,000 models changed since the watermark instead of a sweep.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { seedJournal } from '../../src/crawl/seed.ts';
import { HubClient } from '../../src/hub/client.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { syntheticHub, useHub } from './helpers.ts';

const hub = useHub(() => ({ dataset: syntheticHub(12_000, 5), quota: 100_000 }));
const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const client = () => new HubClient({ hubUrl: hub().url, quota: 100_000, windowMs: 300_000 });
const edges = (l: Lineage) => new Set(l.edges.map((e) => `${e.parent} ${e.child} ${e.relation}`));
const ids = (l: Lineage) => new Set(l.nodes.map((n) => n.id));

describe('a published snapshot refreshed from its watermark', () => {
  it('holds what a cold crawl of the whole Hub holds, for a few listings', async () => {
    const published = await publishDemoSnapshot(hub());
    const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: DEMO_DATASET, fetch });
    const { manifest } = loaded;
    const journal = new MemoryJournal();
    const seed = { hub: hub().url, seeds: manifest.seeds, watermark: manifest.watermark };
    await seedJournal(journal, loaded.lineage, { ...seed, finishedAt: manifest.crawl.finishedAt });

    const before = hub().stats();
    const refreshed = await new Crawler(client(), journal, { seeds: SEEDS }).refresh();
    const listings = hub().stats().listRequests - before.listRequests;
    const cold = await new Crawler(client(), new MemoryJournal(), { seeds: SEEDS }).run();

    expect(refreshed.lineage.nodes.length).toBeGreaterThan(loaded.lineage.nodes.length);
    expect(ids(refreshed.lineage)).toEqual(ids(cold.lineage));
    expect(edges(refreshed.lineage)).toEqual(edges(cold.lineage));
    const since = new Date(Date.parse(published.cutoff) - 3_600_000).toISOString();
    const changed = hub().dataset.records.filter((r) => !r.private && r.lastModified >= since).length;
    expect(listings).toBeLessThanOrEqual(Math.ceil(changed / 1000) + 1);
    expect(listings).toBeLessThan(cold.state.pages);
  });
});
