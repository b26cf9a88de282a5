// The demo's published snapshot: the real crawler against the local Hub as it was before its newest models,
// published to the running Hub, opens in the app's loader with the cut-off as its watermark and none of the
// newer models, which the running Hub does serve (what a refresh from the watermark will add).
import { describe, expect, it } from 'vitest';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { syntheticHub, useHub } from './helpers.ts';

const hub = useHub(() => ({ dataset: syntheticHub(3_000, 2), quota: 100_000 }));

describe('the demo snapshot', () => {
  it('is the crawl of the Hub before its newest models, published and loadable', async () => {
    const published = await publishDemoSnapshot(hub());
    const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: DEMO_DATASET, fetch });
    expect(loaded.ref.revision).toBe(published.oid);
    expect(loaded.manifest.watermark).toBe(new Date(published.cutoff).toISOString());
    expect(loaded.manifest.hub).toBe(hub().url);
    const ids = new Set(loaded.lineage.nodes.map((n) => n.id));
    expect(ids.has('Qwen/Qwen2.5-7B-Instruct')).toBe(true);
    expect(loaded.lineage.nodes.filter((n) => n.created_at >= published.cutoff)).toEqual([]);
    const newer = hub().dataset.truth.filter((e) => {
      const child = hub().catalog.byLower.get(e.child.toLowerCase());
      return child && child.createdAt >= published.cutoff && ids.has(e.parent);
    });
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.some((e) => ids.has(e.child))).toBe(false);
  });
});
