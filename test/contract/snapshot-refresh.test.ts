// A published snapshot brought up to date by the crawler's own refresh (#11): the journal seeded from the demo's
// snapshot (the Hub before its newest models) and refreshed from its watermark holds the same lineage as a cold
// crawl of the whole Hub, for a page per 1,000 models created since the watermark instead of a sweep; a family
// added afterwards is walked from what the cache has not expanded, not listed by author only.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { seedJournal } from '../../src/crawl/seed.ts';
import { seedOfManifest } from '../../src/export/manifest.ts';
import { HubClient } from '../../src/hub/client.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { loadPublishedSnapshot, type PublishedSnapshot } from '../../src/snapshot/load.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { syntheticHub, useHub } from './helpers.ts';

const hub = useHub(() => ({ dataset: syntheticHub(12_000, 5), quota: 100_000 }));
const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const client = () => new HubClient({ hubUrl: hub().url, quota: 100_000, windowMs: 300_000 });
const edges = (l: Lineage) => new Set(l.edges.map((e) => `${e.parent} ${e.child} ${e.relation}`));
const ids = (l: Lineage) => new Set(l.nodes.map((n) => n.id));

const THREE = { orgs: [...SEEDS.orgs, 'mistralai'], roots: [] };
let published: Awaited<ReturnType<typeof publishDemoSnapshot>> | undefined;

/** A journal seeded from the demo's published snapshot, as the app keeps it on a first visit. */
async function seededJournal(): Promise<{ journal: MemoryJournal; loaded: PublishedSnapshot }> {
  published ??= await publishDemoSnapshot(hub());
  const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: DEMO_DATASET, fetch });
  const journal = new MemoryJournal();
  await seedJournal(journal, loaded.lineage, seedOfManifest(loaded.manifest, hub().url));
  return { journal, loaded };
}

describe('a published snapshot refreshed from its watermark', () => {
  it('holds what a cold crawl of the whole Hub holds, for a few listings', async () => {
    const { journal, loaded } = await seededJournal();

    const before = hub().stats();
    const refreshed = await new Crawler(client(), journal, { seeds: SEEDS }).refresh();
    const listings = hub().stats().listRequests - before.listRequests;
    const cold = await new Crawler(client(), new MemoryJournal(), { seeds: SEEDS }).run();

    expect(refreshed.lineage.nodes.length).toBeGreaterThan(loaded.lineage.nodes.length);
    expect(ids(refreshed.lineage)).toEqual(ids(cold.lineage));
    expect(edges(refreshed.lineage)).toEqual(edges(cold.lineage));
    // Only what the Hub created since the watermark (an hour's margin) is listed: edits of older cards wait for a
    // full refresh, and the result says so.
    const since = new Date(Date.parse(published?.cutoff ?? '') - 3_600_000).toISOString();
    const created = hub().dataset.records.filter((r) => !r.private && r.createdAt >= since).length;
    const modified = hub().dataset.records.filter((r) => !r.private && r.lastModified >= since).length;
    expect(created).toBeLessThan(modified);
    expect(listings).toBeLessThanOrEqual(Math.ceil(created / 1000) + 1);
    expect(listings).toBeLessThan(cold.state.pages);
    expect(refreshed.deletions.createdOnly).toBe(true);
    expect(refreshed.state.strategy).toBe('walk');

    // A family added to the refreshed cache: walked from its org's models, as a cold crawl of all three finds it.
    const beforeAdd = hub().stats();
    const added = await new Crawler(client(), journal, { seeds: THREE }).run();
    const addListings = hub().stats().listRequests - beforeAdd.listRequests;
    const coldThree = await new Crawler(client(), new MemoryJournal(), { seeds: THREE }).run();
    const mistral = added.lineage.nodes.filter((n) => n.family === 'mistralai').length;
    expect(mistral).toBeGreaterThan(50);
    // About one listing per model of the new family (and its author listing); the families it had are not listed
    // again. (On the public Hub's size a walk of a family this small is far cheaper than a sweep.)
    expect(addListings).toBeLessThanOrEqual(mistral + 1);
    expect(ids(added.lineage)).toEqual(ids(coldThree.lineage));
    expect(edges(added.lineage)).toEqual(edges(coldThree.lineage));
  });

  it('still lists what the old families gained since the watermark when a family is added before any refresh', async () => {
    const { journal, loaded } = await seededJournal();
    const added = await new Crawler(client(), journal, { seeds: THREE }).run();
    // The walk skipped the old families' expanded models: the journal is still complete only up to the watermark,
    // where the next refresh starts. (On this small Hub everything newer fits on the refresh's first page, so the
    // lineages below would agree even from a later start: the start itself is the rule.)
    expect(added.state.startedAt).toBe(loaded.manifest.watermark);
    const refreshed = await new Crawler(client(), journal, { seeds: THREE }).refresh();
    const cold = await new Crawler(client(), new MemoryJournal(), { seeds: THREE }).run();
    expect(ids(refreshed.lineage)).toEqual(ids(cold.lineage));
    expect(edges(refreshed.lineage)).toEqual(edges(cold.lineage));
  });

  it('refreshes by what was modified once a walk for an added family handed over to a sweep of the Hub', async () => {
    const { journal } = await seededJournal();
    const swept = await new Crawler(client(), journal, { seeds: THREE, hubSizeEstimate: hub().catalog.size }).run();
    expect(swept.state.strategy).toBe('sweep');
    expect(swept.state.refreshBy).toBe('modified');
    const refreshed = await new Crawler(client(), journal, { seeds: THREE }).refresh();
    expect(refreshed.deletions.createdOnly).toBe(false);
  });
});
