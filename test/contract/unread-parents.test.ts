// A refresh of published data meets a new cross-family merge (#11): its parent outside the families, named by the
// Hub's own tag, is not looked up (one request each, about 160 on the public Hub's size) but kept as an `unread`
// node with its edge; a second refresh does not ask either; a full refresh, which sweeps the Hub, reads it.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { seedJournal } from '../../src/crawl/seed.ts';
import { HubClient } from '../../src/hub/client.ts';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { makeRecord } from '../hub/builder.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { generateHub } from '../hub/generate.ts';
import { truthFromRecords, type HubDataset, type HubRecord } from '../hub/records.ts';
import { useHub } from './helpers.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
/** Another lab's base model, older than the snapshot, that no model of the families named before it. */
const OUTSIDE = 'outside-lab/Base-7B';
/** Made after the snapshot: a merge of a Qwen model and OUTSIDE. */
const MERGE = 'merger/Qwen2.5-7B-Outside-Merge';

function withCrossFamilyMerge(base: HubDataset): HubDataset {
  const newest = Math.max(...base.records.map((r) => Date.parse(r.createdAt)));
  const record = (id: string, createdAt: number, parents: HubRecord['parents'], counter: number): HubRecord =>
    makeRecord(
      { id, createdAt, parents },
      { lastModified: createdAt, downloads: 4321, downloadsAllTime: 9999, likes: 12, trendingScore: 0 },
      counter,
    );
  const outside = record(OUTSIDE, Date.parse('2024-03-01T00:00:00Z'), [], 9_000_001);
  const merge = record(
    MERGE,
    newest + 3_600_000,
    [
      { id: FIXTURE.qwenInstruct, relation: 'merge' },
      { id: OUTSIDE, relation: 'merge' },
    ],
    9_000_002,
  );
  const records = [...base.records, outside, merge];
  const family = new Map([...base.family, [OUTSIDE, 'outside'], [MERGE, 'qwen']]);
  return { records, aliases: base.aliases, truth: truthFromRecords(records), family };
}

const dataset = withCrossFamilyMerge(generateHub({ size: 8_000, seed: 11 }));
const hub = useHub(() => ({ dataset, quota: 1_000_000 }));
const client = () => new HubClient({ hubUrl: hub().url, quota: 1_000_000, windowMs: 300_000 });
const asked = (): string[] => Object.keys(hub().stats().infoById);

describe('a refresh of published data that meets a new cross-family merge', () => {
  it('does not look up the parent outside the families: it is an unread node, read by a full refresh', async () => {
    await publishDemoSnapshot(hub());
    const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: DEMO_DATASET, fetch });
    const { manifest } = loaded;
    expect(loaded.lineage.nodes.map((n) => n.id)).not.toContain(OUTSIDE);
    expect(loaded.lineage.nodes.map((n) => n.id)).not.toContain(MERGE);
    const journal = new MemoryJournal();
    const seed = { hub: hub().url, seeds: manifest.seeds, watermark: manifest.watermark };
    await seedJournal(journal, loaded.lineage, { ...seed, finishedAt: manifest.crawl.finishedAt });

    hub().resetStats();
    const refreshed = await new Crawler(client(), journal, { seeds: SEEDS }).refresh();
    expect(asked()).not.toContain(OUTSIDE.toLowerCase());
    // What is still read is a seed org's model no listing showed (disabled, private): a family member's status.
    expect(asked().filter((id) => !/^(qwen|meta-llama)\//.test(id))).toEqual([]);
    const node = refreshed.lineage.nodes.find((n) => n.id === OUTSIDE);
    expect(node).toMatchObject({ status: 'unread', family: 'other', downloads: 0, created_at: '', license: '' });
    expect(refreshed.lineage.edges).toContainEqual({ parent: OUTSIDE, child: MERGE, relation: 'merge', cycle: false });
    expect(refreshed.lineage.nodes.find((n) => n.id === MERGE)?.family).toBe('Qwen');

    // Asked again (a later visit, a resume), it still does not ask.
    hub().resetStats();
    const again = await new Crawler(client(), journal, { seeds: SEEDS }).refresh();
    expect(asked()).not.toContain(OUTSIDE.toLowerCase());
    expect(again.lineage.nodes.find((n) => n.id === OUTSIDE)?.status).toBe('unread');

    // A full refresh sweeps the Hub, which lists the parent: its details are read, with no look-up either.
    hub().resetStats();
    const swept = await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: hub().catalog.size });
    const full = await swept.fullRefresh();
    expect(asked()).not.toContain(OUTSIDE.toLowerCase());
    expect(full.lineage.nodes.find((n) => n.id === OUTSIDE)).toMatchObject({ status: 'ok', downloads: 4321 });
  });
});
