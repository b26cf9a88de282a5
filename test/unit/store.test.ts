// The IndexedDB store under fake-indexeddb: snapshot round trip, journal append/load, corrupt data, two connections
// appending at once (two real tabs sharing one cache are in test/e2e/crawl-control.e2e.ts).
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ForkscopeStore, StoreError } from '../../src/store/db.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import { smallLineage } from './fixtures.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { snapshotInfo, crawlState, hubModel } from './journal-fixtures.ts';
import type { CrawlRecord } from '../../src/crawl/records.ts';
import { openDB } from 'idb';

let n = 0;
const fresh = () => `forkscope-test-${++n}`;
const info = snapshotInfo;
const state = crawlState;

describe('columnar snapshot codec', () => {
  it('round-trips a lineage, its models in id order and one per id (merged as the graph merges them)', () => {
    const lineage = smallLineage();
    lineage.edges[0] = { ...lineage.edges[0]!, cycle: true };
    expect(decodeLineage(structuredClone(encodeLineage(lineage)))).toEqual(inIdOrder(lineage));
    expect(decodeLineage(encodeLineage({ nodes: [], edges: [] }))).toEqual({ nodes: [], edges: [] });
    const [first] = lineage.nodes;
    const twice = { ...lineage, nodes: [...lineage.nodes, { ...first!, downloads: 12345 }] };
    const back = decodeLineage(encodeLineage(twice));
    expect(back.nodes).toHaveLength(lineage.nodes.length);
    expect(back.nodes.find((n) => n.id === first!.id)?.downloads).toBe(12345);
  });

  it('refuses damaged records with a clear message', () => {
    const good = encodeLineage(smallLineage());
    expect(() => decodeLineage({ ...good, v: 9 })).toThrow(/unreadable \(version 9/);
    expect(() => decodeLineage({ ...good, count: 50 })).toThrow(/unreadable/);
    const bad = structuredClone(good);
    bad.edges.child[0] = 999;
    expect(() => decodeLineage(bad)).toThrow(/edge out of range/);
  });
});

describe('ForkscopeStore', () => {
  it('saves and reloads the snapshot and positions', async () => {
    const store = await ForkscopeStore.open(fresh());
    expect(await store.loadSnapshot()).toBeNull();
    await store.saveSnapshot(encodeLineage(smallLineage()), info);
    const back = await store.loadSnapshot();
    expect(back?.lineage).toEqual(inIdOrder(smallLineage()));
    expect(back?.info).toEqual(info);
    expect(await store.loadSnapshotInfo()).toEqual(info);
    await store.savePositions('k', new Float32Array([1, 2]));
    expect(Array.from((await store.loadPositions('k')) ?? [])).toEqual([1, 2]);
    store.close();
  });

  it('notes the layout key of the snapshot it holds, never of another, and drops the note with the snapshot', async () => {
    const name = fresh();
    const store = await ForkscopeStore.open(name);
    const layout = { families: ['Qwen', 'other'], key: 'radial-v1-9-8-abc' };
    // Nothing to note before a snapshot is saved, nor for a snapshot the cache no longer holds.
    await store.noteSnapshotLayout(info, layout);
    await store.saveSnapshot(encodeLineage(smallLineage()), info);
    expect((await store.loadSnapshot())?.layout).toBeNull();
    await store.noteSnapshotLayout({ ...info, crawledAt: '2026-11-21T00:00:00Z' }, layout);
    expect((await store.loadSnapshot())?.layout).toBeNull();
    await store.noteSnapshotLayout(info, layout);
    expect((await store.loadSnapshot())?.layout).toEqual(layout);
    // A new snapshot (a crawl, a refresh) drops the note in the transaction that saves it, even one described alike.
    await store.saveSnapshot(encodeLineage(smallLineage()), info);
    expect((await store.loadSnapshot())?.layout).toBeNull();
    await store.noteSnapshotLayout(info, layout);
    const next = { ...info, crawledAt: '2026-11-23T00:00:00Z' };
    await store.saveSnapshot(encodeLineage(smallLineage()), next);
    expect((await store.loadSnapshot())?.layout).toBeNull();
    store.close();
    // A note that is not one this version wrote reads as none: the positions are then found by preparing the layout.
    const raw = await openDB(name);
    const valid = { v: 1, crawledAt: next.crawledAt, nodes: 9, edges: 8, ...layout };
    const damaged = [
      { key: 7 },
      { v: 2 },
      { families: 'Qwen' },
      { nodes: 10 },
      { edges: 9 },
      { crawledAt: info.crawledAt },
    ].map((d) => ({ ...valid, ...d }));
    for (const note of [valid, ...damaged, 'radial-v1', null]) {
      await raw.put('meta', note, 'snapshot-layout');
      const reopened = await ForkscopeStore.open(name);
      expect((await reopened.loadSnapshot())?.layout).toEqual(note === valid ? layout : null);
      reopened.close();
    }
    raw.close();
  });

  it('keeps the journal page by page and the latest state', async () => {
    const store = await ForkscopeStore.open(fresh());
    const journal = store.journal();
    expect(await journal.load()).toBeNull();
    await journal.append([{ t: 'alias', from: 'a/old', to: 'a/new' }], state(1));
    await journal.append([], state(2));
    await journal.append([{ t: 'missing', id: 'x/y', status: 401, relation: 'unknown' }], state(3));
    const loaded = await journal.load();
    expect(loaded?.state.pages).toBe(3);
    expect(loaded?.records).toHaveLength(2);
    await journal.clear();
    expect(await journal.load()).toBeNull();
    store.close();
  });

  it('keeps each page deflated, and still reads pages of the first format', async () => {
    const name = fresh();
    const store = await ForkscopeStore.open(name);
    const page: CrawlRecord[] = [
      {
        t: 'model',
        model: { ...hubModel('Zoë/Qwen-ü-7B'), parents: [{ id: 'Qwen/Qwen2.5-7B', relation: 'adapter' }] },
      },
      { t: 'junk', child: 'Zoë/Qwen-ü-7B', raw: 'base_model:adapter:/workspace/out/checkpoint-500' },
    ];
    await store.journal().append(page, state(1));
    const raw = await openDB(name);
    const stored = (await raw.get('journal', 1)) as { v: number; deflated: ArrayBuffer };
    expect(stored.v).toBe(2);
    expect(stored.deflated.byteLength).toBeLessThan(JSON.stringify(page).length);
    await raw.add('journal', { v: 1, records: [{ t: 'looked', id: 'x/y' }] });
    raw.close();
    expect((await store.journal().load())?.records).toEqual([...page, { t: 'looked', id: 'x/y' }]);
    store.close();
  });

  it('reports a corrupted snapshot as StoreError("corrupt") and can be cleared', async () => {
    const name = fresh();
    const store = await ForkscopeStore.open(name);
    await store.saveSnapshot(encodeLineage(smallLineage()), info);
    const raw = await openDB(name);
    await raw.put('snapshot', { v: 1, count: 'garbage' }, 'graph');
    raw.close();
    await expect(store.loadSnapshot()).rejects.toMatchObject({ kind: 'corrupt' });
    await expect(store.loadSnapshot()).rejects.toBeInstanceOf(StoreError);
    await store.clear();
    expect(await store.loadSnapshot()).toBeNull();
    store.close();
  });

  it('lets two connections append to one journal at once without losing a page', async () => {
    const name = fresh();
    const [a, b] = await Promise.all([ForkscopeStore.open(name), ForkscopeStore.open(name)]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).journal().append([{ t: 'alias', from: `a/${i}`, to: 'a/x' }], state(i)),
      ),
    );
    const loaded = await b.journal().load();
    expect(loaded?.records).toHaveLength(20);
    expect(new Set(loaded?.records.map((r) => (r.t === 'alias' ? r.from : '')))).toEqual(
      new Set(Array.from({ length: 20 }, (_, i) => `a/${i}`)),
    );
    a.close();
    b.close();
  });
});

/** What the columnar codec gives back: the same models in id order. */
function inIdOrder(lineage: Lineage): Lineage {
  return { nodes: [...lineage.nodes].sort((a, b) => (a.id < b.id ? -1 : 1)), edges: lineage.edges };
}
