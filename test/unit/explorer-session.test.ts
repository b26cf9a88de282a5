// The explorer session in Node (fake-indexeddb, fake workers): it opens the cache and shows it, reads positions
// the layout worker stored and never writes any itself, names a layout or crawl worker that fails instead of
// waiting, and its subscribe/getSnapshot pair is what useSyncExternalStore needs.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { LAYOUT_KEY_VERSION, prepareLayout } from '../../src/layout/input.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { encodeLineage } from '../../src/lineage/columnar.ts';
import { cacheName, ForkscopeStore } from '../../src/store/db.ts';
import { ExplorerSession } from '../../src/ui/session/explorer-session.ts';
import type { ExplorerState } from '../../src/ui/session/explorer-state.ts';
import type { CrawlSettings } from '../../src/workers/protocol.ts';
import { smallLineage } from './fixtures.ts';
import { FakeWorker, inProcessLayout, workerFactory } from './fake-workers.ts';
import { snapshotInfo } from './journal-fixtures.ts';

let n = 0;
/** A first crawl's deletions report: none checked. */
const deletions = { run: 'crawl', checked: false, removed: 0, lastFullSweepAt: null, createdOnly: false };
const freshHub = (): string => `http://hub-${++n}.test`;
const seeds = { orgs: ['Qwen'], roots: [] };
const settings = (hubUrl: string): CrawlSettings => ({
  hubUrl,
  dbName: cacheName(hubUrl),
  quota: 1000,
  windowMs: 300_000,
  hubSizeEstimate: 1000,
});

/** The session's state once it satisfies `ok` (a test that never gets there fails by its timeout). */
function until(session: ExplorerSession, ok: (s: ExplorerState) => boolean): Promise<ExplorerState> {
  return new Promise((resolve) => {
    const check = (): void => {
      const s = session.getSnapshot();
      if (!ok(s)) return;
      stop();
      resolve(s);
    };
    const stop = session.subscribe(check);
    check();
  });
}

/** A session opened on the cache of `hub`, with this family order and layout worker, and what it first shows. */
async function openedOn(hub: string, order: readonly string[], layout = inProcessLayout()) {
  const session = new ExplorerSession({ layout: layout.create, crawl: workerFactory().create });
  session.setFamilyOrder(order);
  void session.open(hub);
  return { session, shown: await until(session, (s) => s.layout !== null) };
}

async function cacheWithGraph(hubUrl: string): Promise<void> {
  const store = await ForkscopeStore.open(cacheName(hubUrl));
  await store.saveSnapshot(encodeLineage(smallLineage()), snapshotInfo);
  store.close();
}

const layoutOrder = (): string[] =>
  smallLineage()
    .nodes.map((m) => m.id)
    .sort();
const layoutKey = (): string => prepareLayout(createLineageGraph(smallLineage()), ['Qwen', 'other']).key;

describe('the explorer session', () => {
  it('shows the cache, reads the positions the layout worker stored, and never stores any itself', async () => {
    const hub = freshHub();
    await cacheWithGraph(hub);
    const layout = inProcessLayout();
    const session = new ExplorerSession({ layout: layout.create, crawl: workerFactory().create });
    session.setFamilyOrder(['Qwen', 'other']);
    const seen: ExplorerState[] = [];
    const stop = session.subscribe(() => seen.push(session.getSnapshot()));
    void session.open(hub);
    const shown = await until(session, (s) => s.layout !== null);
    expect(shown).toMatchObject({ phase: 'idle', info: snapshotInfo, storeProblem: null, layoutProblem: null });
    expect(shown.layout?.ids).toEqual(layoutOrder());
    expect([shown.layout?.xy.length, shown.layout?.room.length]).toEqual([18, 9]);
    expect(session.graph.order).toBe(9);
    // Every change is a new snapshot object; after unsubscribing nothing more is told.
    expect(new Set(seen).size).toBe(seen.length);
    stop();
    await layout.stored();
    const store = await ForkscopeStore.open(cacheName(hub));
    expect((await store.loadPositions(layoutKey()))?.length).toBe(27);
    store.close();
    session.close();

    // Reopened: the positions come from the cache and no layout worker is started.
    const again = inProcessLayout();
    const reopened = await openedOn(hub, ['Qwen', 'other'], again);
    expect(Array.from(reopened.shown.layout?.xy ?? [])).toEqual(Array.from(shown.layout?.xy ?? []));
    expect(again.made).toHaveLength(0);
    reopened.session.close();
  });

  it("notes the cached snapshot's layout key once it has it, and a reopen takes the positions under that key", async () => {
    const hub = freshHub();
    await cacheWithGraph(hub);
    const families = ['Qwen', 'other'];
    const layout = inProcessLayout();
    const first = await openedOn(hub, families, layout);
    await layout.stored();
    first.session.close();
    const store = await ForkscopeStore.open(cacheName(hub));
    await expect.poll(async () => (await store.loadSnapshot())?.layout).toEqual({ families, key: layoutKey() });
    // Positions kept under another key, noted for the snapshot: a reopen that finds them used the note.
    const mine = Float32Array.from({ length: 27 }, (_, i) => i + 0.5);
    const noted = `${LAYOUT_KEY_VERSION}-noted`;
    await store.savePositions(noted, mine);
    await store.noteSnapshotLayout(snapshotInfo, { families, key: noted });
    store.close();
    const again = inProcessLayout();
    const reopened = await openedOn(hub, families, again);
    expect(Array.from(reopened.shown.layout?.xy ?? [])).toEqual(Array.from(mine.subarray(0, 18)));
    expect(reopened.shown.layout?.ids).toEqual(layoutOrder());
    expect(again.made).toHaveLength(0);
    reopened.session.close();
    // A note made for another family order, or another layout, is not used: the positions are found by preparing.
    for (const [order, key] of [
      [['other', 'Qwen'], noted],
      [families, 'radial-v0-noted'],
    ] as const) {
      const store = await ForkscopeStore.open(cacheName(hub));
      await store.savePositions(key, mine);
      await store.noteSnapshotLayout(snapshotInfo, { families, key });
      store.close();
      const other = await openedOn(hub, order);
      expect(Array.from(other.shown.layout?.xy ?? [])).not.toEqual(Array.from(mine.subarray(0, 18)));
      other.session.close();
    }
  });

  it('writes no positions when the layout worker stores none: the page only reads the cache', async () => {
    const hub = freshHub();
    await cacheWithGraph(hub);
    const layout = inProcessLayout({ store: false });
    const session = new ExplorerSession({ layout: layout.create, crawl: workerFactory().create });
    session.setFamilyOrder(['Qwen', 'other']);
    void session.open(hub);
    await until(session, (s) => s.layout !== null);
    const store = await ForkscopeStore.open(cacheName(hub));
    expect(await store.loadPositions(layoutKey())).toBeNull();
    store.close();
    session.close();
  });

  it.each([
    ['throws', (w: FakeWorker) => w.fail('boom'), /The layout failed: boom\./, true],
    [
      'sends what cannot be read',
      (w: FakeWorker) => w.dispatch(new Event('messageerror')),
      /The layout failed: a message from the worker could not be read\./,
      true,
    ],
    [
      'cannot use the request',
      (w: FakeWorker) => w.send({ id: -1, ok: false, message: 'the layout request has no id' }),
      /The layout failed: the layout request has no id\./,
      false,
    ],
  ])('names a layout worker that %s instead of waiting', async (_, act, words, ended) => {
    const hub = freshHub();
    await cacheWithGraph(hub);
    const layout = workerFactory((_data, w) => act(w));
    const session = new ExplorerSession({ layout: layout.create, crawl: workerFactory().create });
    void session.open(hub);
    const failed = await until(session, (s) => s.layoutProblem !== null);
    expect(failed.layoutProblem).toMatch(words);
    expect(failed.layoutProblem).toMatch(/The graph cannot be drawn\.$/);
    expect(failed.layout).toBeNull();
    expect(layout.made[0]?.terminated).toBe(ended);
    // The next layout goes to a fresh worker when the last one was ended, else to the same one.
    session.importSnapshot(smallLineage(), { hub, orgs: ['Qwen'], roots: [], crawledAt: snapshotInfo.crawledAt });
    await expect.poll(() => layout.made.flatMap((w) => w.posted).length).toBe(2);
    expect(layout.made).toHaveLength(ended ? 2 : 1);
    session.close();
  });

  it('runs a crawl through its worker, shows what it finds, and names a crawl worker that fails', async () => {
    const hub = freshHub();
    const layout = inProcessLayout();
    const crawl = workerFactory();
    const session = new ExplorerSession({ layout: layout.create, crawl: crawl.create });
    void session.open(hub);
    await until(session, (s) => s.phase === 'idle');
    // Pause and cancel never start a worker.
    session.pause();
    expect(crawl.made).toHaveLength(0);
    session.startCrawl(seeds, settings(hub));
    expect(crawl.made).toHaveLength(1);
    expect(crawl.made[0]?.posted).toEqual([{ type: 'start', seeds, settings: settings(hub) }]);
    const lineage = smallLineage();
    const info = { ...snapshotInfo, hub };
    crawl.made[0]?.send({ type: 'done', lineage: encodeLineage(lineage), info, requests: 7, report: null, deletions });
    const done = await until(session, (s) => s.layout !== null);
    expect(done).toMatchObject({ phase: 'idle', info, message: 'Crawl finished: 7 requests spent.' });

    session.startCrawl(seeds, settings(hub), 'incremental');
    crawl.made[0]?.fail('out of memory');
    const failed = await until(session, (s) => s.phase === 'error');
    expect(failed.message).toBe(
      'The crawl stopped: out of memory. Everything fetched so far is kept; resume to go on.',
    );
    expect(crawl.made[0]?.terminated).toBe(true);
    session.startCrawl(seeds, settings(hub));
    expect(crawl.made).toHaveLength(2);
    session.close();
    expect(crawl.made[1]?.terminated).toBe(true);
  });

  it('tells the crawl a partial graph is shown once the graph view has drawn it, or at once when none is drawn', async () => {
    const hub = freshHub();
    const crawl = workerFactory();
    // The layout worker answers its first request (through an in-process one) and throws on the second.
    const working = inProcessLayout({ store: false });
    let asked = 0;
    const layout = workerFactory((data, worker) => {
      if (asked++ > 0) return worker.fail('boom');
      const inner = working.create();
      inner.addEventListener('message', (e) => worker.send((e as MessageEvent).data));
      inner.postMessage(data);
    });
    const session = new ExplorerSession({ layout: layout.create, crawl: crawl.create });
    void session.open(hub);
    await until(session, (s) => s.phase === 'idle');
    session.startCrawl(seeds, settings(hub));
    const worker = crawl.made[0] as FakeWorker;
    const answers = (): unknown[] => worker.posted.filter((m) => (m as { type: string }).type === 'shown');
    worker.send({ type: 'partial', lineage: encodeLineage(smallLineage()), seq: 7 });
    const laidOut = await until(session, (s) => s.layout !== null);
    const version = laidOut.layout?.version ?? -1;
    // The session's own chain, from handing the layout out to waiting on its drawing, runs within this task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(answers()).toEqual([]);
    session.layoutDrawn(version);
    await expect.poll(answers).toEqual([{ type: 'shown', seq: 7 }]);
    // A partial graph that cannot be laid out is drawn by nobody: it is answered at once.
    worker.send({ type: 'partial', lineage: encodeLineage(smallLineage()), seq: 8 });
    await until(session, (s) => s.layoutProblem !== null);
    await expect.poll(answers).toEqual([
      { type: 'shown', seq: 7 },
      { type: 'shown', seq: 8 },
    ]);
    session.close();
  });

  it('opens a published dataset through the crawl worker, shows it at once, and says what its refresh added', async () => {
    const hub = freshHub();
    const crawl = workerFactory();
    const session = new ExplorerSession({ layout: inProcessLayout().create, crawl: crawl.create });
    void session.open(hub);
    await until(session, (s) => s.phase === 'idle');
    const ref = { repo: 'forkscope/lineage' };
    // The first thing a fresh visit sends may be the dataset: it starts the worker as a crawl does.
    session.openData(ref, { keep: true, refresh: true, quietMissing: true }, settings(hub));
    expect(crawl.made).toHaveLength(1);
    expect(crawl.made[0]?.posted).toEqual([
      { type: 'open-data', data: ref, keep: true, refresh: true, settings: settings(hub) },
    ]);
    expect(session.getSnapshot()).toMatchObject({ phase: 'opening', dataLoad: { state: 'loading' } });
    const lineage = smallLineage();
    const info = { ...snapshotInfo, hub, nodes: lineage.nodes.length, edges: lineage.edges.length };
    const loaded = { type: 'data-loaded', lineage: encodeLineage(lineage), info, kept: true, refreshing: true };
    crawl.made[0]?.send(loaded);
    const shown = await until(session, (s) => s.layout !== null);
    expect(shown).toMatchObject({
      phase: 'crawling',
      imported: false,
      dataLoad: { state: 'loaded', refreshing: true },
    });
    const after = { ...info, nodes: info.nodes + 2 };
    crawl.made[0]?.send({
      type: 'done',
      lineage: encodeLineage(lineage),
      info: after,
      requests: 3,
      report: null,
      deletions,
    });
    const done = await until(session, (s) => s.phase === 'idle');
    expect(done.message).toBe('The refresh added 2 models in 3 requests.');
    session.close();
  });

  it('keeps an imported snapshot on screen while crawl results arrive, and empties the cache on reset', async () => {
    const hub = freshHub();
    await cacheWithGraph(hub);
    const crawl = workerFactory();
    const session = new ExplorerSession({ layout: inProcessLayout().create, crawl: crawl.create });
    void session.open(hub);
    await until(session, (s) => s.layout?.ids.length === 9);
    session.startCrawl(seeds, settings(hub));
    const small = { nodes: smallLineage().nodes.slice(0, 2), edges: smallLineage().edges.slice(0, 1) };
    session.importSnapshot(small, { hub, orgs: ['Qwen'], roots: [], crawledAt: snapshotInfo.crawledAt });
    expect(crawl.made[0]?.posted.at(-1)).toEqual({ type: 'pause' });
    await until(session, (s) => s.layout?.ids.length === 2);
    crawl.made[0]?.send({ type: 'partial', lineage: encodeLineage(smallLineage()), seq: 1 });
    crawl.made[0]?.send({ type: 'paused', requests: 3 });
    await new Promise((r) => setTimeout(r, 0));
    expect(session.getSnapshot()).toMatchObject({ imported: true, phase: 'crawling' });
    expect(session.getSnapshot().layout?.ids).toHaveLength(2);

    await session.resetCache();
    expect(session.getSnapshot()).toMatchObject({ phase: 'idle', info: null, layout: null, imported: false });
    expect(session.getSnapshot().message).toBe('Cache emptied.');
    expect(session.graph.order).toBe(0);
    const store = await ForkscopeStore.open(cacheName(hub));
    expect(await store.loadSnapshot()).toBeNull();
    store.close();
    session.close();
  });
});
