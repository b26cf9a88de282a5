// Deletions and cache identity: a full refresh sweeps the Hub again and removes from the families the models it
// no longer lists, saying how many; an incremental refresh says it cannot see deletions and when the last full
// sweep ran. A journal is reused only for the Hub it came from, even when another Hub answers at the address.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { generateHub } from '../hub/generate.ts';
import { loadRealHub } from '../hub/real-data.ts';
import { truthFromRecords, type HubDataset } from '../hub/records.ts';
import { startLocalHub, type LocalHub } from '../hub/server.ts';
import type { ProgressListener } from '../../src/crawl/progress.ts';
import { expectFaithful, reachableTruth } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const base = generateHub({ size: 5000, seed: 8 });

/** The same Hub without some models (deleted since the first crawl). */
function without(ds: HubDataset, ids: readonly string[]): HubDataset {
  const gone = new Set(ids);
  const records = ds.records.filter((r) => !gone.has(r.id));
  return { ...ds, records, truth: truthFromRecords(records) };
}

async function crawlThenServe(
  first: HubDataset,
  second: HubDataset,
): Promise<{ hub: LocalHub; journal: MemoryJournal; crawler: (onProgress?: ProgressListener) => Crawler }> {
  const hub1 = await startLocalHub({ dataset: first, quota: 1_000_000 });
  const port = hub1.port;
  const journal = new MemoryJournal();
  const crawler = (onProgress?: ProgressListener) =>
    new Crawler(
      new HubClient({ hubUrl: `http://127.0.0.1:${port}`, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 1 }),
      journal,
      { seeds: SEEDS, hubSizeEstimate: 20_000, ...(onProgress ? { onProgress } : {}) },
    );
  const firstRun = await crawler().run();
  expect(firstRun.deletions).toMatchObject({ checked: true, removed: 0 });
  await hub1.close();
  const hub = await startLocalHub({ dataset: second, quota: 1_000_000, port });
  return { hub, journal, crawler };
}

describe('deletions', () => {
  it('an incremental refresh cannot see them and says so; a full refresh removes them and says how many', async () => {
    const family = reachableTruth(base, SEEDS).map((e) => e.child);
    const parents = new Set(base.truth.map((e) => e.parent));
    const deleted = [...new Set(family)].filter((id) => !parents.has(id) && !id.includes('Qwen/')).slice(0, 3);
    expect(deleted).toHaveLength(3);
    const { hub, journal, crawler } = await crawlThenServe(base, without(base, deleted));
    try {
      const firstSweep = journal.state?.lastFullSweepAt;
      expect(firstSweep).toBeTruthy();
      const incremental = await crawler().refresh();
      expect(incremental.deletions).toEqual({
        checked: false,
        removed: 0,
        lastFullSweepAt: firstSweep,
        createdOnly: false,
      });
      expect(incremental.hubChanged).toBe(false);
      expect(incremental.lineage.nodes.filter((n) => deleted.includes(n.id))).toHaveLength(3);

      hub.resetStats();
      const full = await crawler().fullRefresh();
      expect(full.deletions.checked).toBe(true);
      expect(full.deletions.removed).toBe(3);
      expect(full.deletions.lastFullSweepAt).not.toBe(firstSweep);
      expect(full.lineage.nodes.filter((n) => deleted.includes(n.id))).toEqual([]);
      expectFaithful(full.lineage, without(base, deleted), SEEDS);
      expect(hub.stats().listRequests).toBe(Math.ceil(hub.catalog.size / 1000));
      expect(journal.records.some((r) => r.t === 'removed' && r.ids.length === 3)).toBe(true);
      // Later refreshes remember when the last full sweep ran.
      const after = await crawler().refresh();
      expect(after.deletions).toEqual({
        checked: false,
        removed: 3,
        lastFullSweepAt: full.deletions.lastFullSweepAt,
        createdOnly: false,
      });
    } finally {
      await hub.close();
    }
  });
});

describe('cache identity', () => {
  it('never mixes two Hubs served at one address: the journal of the first is cleared, and that is said', async () => {
    const real = loadRealHub();
    const { hub, journal, crawler } = await crawlThenServe(base, real);
    try {
      const sentinel = journal.state?.identity;
      expect(sentinel?.objectId).toMatch(/^[0-9a-f]{24}$/);
      const messages: string[] = [];
      const result = await crawler((p) => messages.push(p.message)).refresh();
      expect(result.hubChanged).toBe(true);
      expect(journal.state?.identity?.objectId).not.toBe(sentinel?.objectId);
      const realIds = new Set(real.records.map((r) => r.id.toLowerCase()));
      const foreign = result.lineage.nodes.filter((n) => n.status === 'ok' && !realIds.has(n.id.toLowerCase()));
      expect(foreign.map((n) => n.id)).toEqual([]);
      expect(result.lineage.nodes.find((n) => n.id === FIXTURE.chainTip)).toBeUndefined();
      expectFaithful(result.lineage, real, SEEDS);
      expect(messages[0]).toMatch(/another Hub answers at this address/);
    } finally {
      await hub.close();
    }
  });
});
