// Crawl states and journal records shared by the journal tests (file and IndexedDB).
import type { CrawlState } from '../../src/crawl/records.ts';
import type { HubModel } from '../../src/lineage/model.ts';
import type { SnapshotInfo } from '../../src/store/db.ts';

/** The description of the small lineage in fixtures.ts, as the store keeps it. */
export const snapshotInfo: SnapshotInfo = {
  v: 1,
  hub: 'http://hub.test',
  orgs: ['Qwen'],
  roots: [],
  crawledAt: '2026-11-22T00:00:00Z',
  nodes: 9,
  edges: 8,
};

export function crawlState(pages: number): CrawlState {
  return {
    v: 1,
    hub: 'http://hub.test',
    seeds: { orgs: ['Qwen'], roots: [] },
    strategy: 'sweep',
    phase: 'listing',
    next: `http://hub.test/p${pages}`,
    queue: [],
    looked: [],
    orgsCovered: ['Qwen'],
    requests: pages,
    pages,
    startedAt: '2026-11-22T00:00:00Z',
    finishedAt: null,
    refreshSince: null,
  };
}

export function hubModel(id: string, license: string | null = null): HubModel {
  return {
    id,
    author: id.split('/')[0] as string,
    createdAt: '2025-01-01T00:00:00.000Z',
    lastModified: null,
    downloads: id.length,
    likes: 0,
    pipelineTag: null,
    libraryName: null,
    license,
    gated: false,
    disabled: false,
    parents: [{ id: 'Qwen/base', relation: 'finetune' }],
    cardBase: [],
    cardRelation: null,
  };
}
