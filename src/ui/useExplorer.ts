// The explorer session: one lineage graph for the app's life, the IndexedDB cache it opens with, the crawl and
// layout workers, and the render arrays the graph view draws. React state holds only what panels display.
// A cache that cannot be read or opened is reported (storeProblem) with resetCache as the way out: the whole
// database is deleted and opened anew, which also works for one a newer Forkscope upgraded.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrawlProgress } from '../crawl/progress.ts';
import type { Seeds } from '../crawl/records.ts';
import { createLineageGraph, mergeLineage, type LineageGraph } from '../graph/graph.ts';
import type { Lineage } from '../lineage/types.ts';
import { prepareLayout } from '../layout/input.ts';
import { decodeLineage } from '../lineage/columnar.ts';
import { cacheName, deleteCache, ForkscopeStore, StoreError, type SnapshotInfo } from '../store/db.ts';
import type { CrawlCommand, CrawlEvent, CrawlReport, RefreshKind, RetryNotice } from '../workers/protocol.ts';
import { crawlEventPatch } from './crawlEvents.ts';
import { runLayout } from './runLayout.ts';
import type { HubSettings } from './settings.ts';

export type CrawlPhase = 'opening' | 'idle' | 'crawling' | 'paused' | 'busy' | 'error';

export interface Layout {
  ids: string[];
  xy: Float32Array;
  /** Each model's room in layout units: discs within it never overlap. */
  room: Float32Array;
  version: number;
}

export interface ExplorerState {
  phase: CrawlPhase;
  progress: CrawlProgress | null;
  message: string | null;
  info: SnapshotInfo | null;
  layout: Layout | null;
  storeProblem: string | null;
  /** A snapshot file or link is shown instead of the cache; nothing is crawled then. */
  imported: boolean;
  /** The last request the Hub failed, while the crawl waits to try it again. */
  retry: RetryNotice | null;
  /** What the last finished crawl reported besides its graph. */
  report: CrawlReport | null;
}

/** What an imported snapshot says about itself. */
export type SnapshotMeta = Pick<SnapshotInfo, 'hub' | 'orgs' | 'roots' | 'crawledAt' | 'hubDerivatives'>;

export interface Explorer extends ExplorerState {
  graph: LineageGraph;
  startCrawl(seeds: Seeds, refresh?: RefreshKind): void;
  pause(): void;
  cancel(): void;
  resetCache(): Promise<void>;
  importSnapshot(lineage: Lineage, meta: SnapshotMeta): void;
}

const INITIAL: ExplorerState = {
  phase: 'opening',
  progress: null,
  message: null,
  info: null,
  layout: null,
  storeProblem: null,
  imported: false,
  retry: null,
  report: null,
};

export function useExplorer(settings: HubSettings, token: string | null, familyOrder: readonly string[]): Explorer {
  const [graph] = useState<LineageGraph>(() => createLineageGraph());
  const storeRef = useRef<ForkscopeStore | null>(null);
  const crawlRef = useRef<Worker | null>(null);
  const layoutRef = useRef<Worker | null>(null);
  const layoutSeq = useRef(0);
  const shownSeq = useRef(0);
  const importedRef = useRef(false);
  const resetRef = useRef(false);
  const [epoch, setEpoch] = useState(0);
  const [state, setState] = useState<ExplorerState>(INITIAL);
  const patch = useCallback((p: Partial<ExplorerState>) => setState((s) => ({ ...s, ...p })), []);
  const hubUrl = settings.hubUrl;
  const familiesRef = useRef(familyOrder);
  useEffect(() => {
    familiesRef.current = familyOrder;
  }, [familyOrder]);

  /** Lays out and shows a lineage; of overlapping calls only the latest is drawn, and once a snapshot is
   * imported only its own (`imported`) ones are. */
  const showLineage = useCallback(
    async (lineage: Lineage, imported = false) => {
      if (importedRef.current && !imported) return;
      const seq = ++shownSeq.current;
      // The layout is prepared on a scratch graph so the one on screen stays whole until positions arrive.
      const prepared = prepareLayout(createLineageGraph(lineage), familiesRef.current);
      const cached = await storeRef.current?.loadPositions(prepared.key).catch(() => null);
      const n = prepared.ids.length;
      // Positions cached before room was kept (2 numbers a model) are laid out again.
      const fresh =
        cached?.length === 3 * n ? null : await runLayout(layoutRef.current, prepared.input, ++layoutSeq.current);
      const placed = fresh ?? (cached as Float32Array);
      if (fresh) void storeRef.current?.savePositions(prepared.key, fresh).catch(() => undefined);
      if (seq !== shownSeq.current || (importedRef.current && !imported)) return;
      graph.clear();
      mergeLineage(graph, lineage);
      const [xy, room] = [placed.subarray(0, 2 * n), placed.subarray(2 * n)];
      setState((s) => ({ ...s, layout: { ids: prepared.ids, xy, room, version: (s.layout?.version ?? 0) + 1 } }));
    },
    [graph],
  );

  /** Reads the cached graph and shows it (not once a snapshot is imported: that one stays). */
  const showCache = useCallback(async () => {
    const store = storeRef.current;
    if (!store) return;
    const snap = await store.loadSnapshot();
    if (importedRef.current) return patch({ phase: 'idle' });
    patch({ phase: 'idle', info: snap?.info ?? null });
    if (snap) await showLineage(snap.lineage);
  }, [patch, showLineage]);

  useEffect(() => {
    layoutRef.current = new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' });
    const crawl = new Worker(new URL('../workers/crawl.worker.ts', import.meta.url), { type: 'module' });
    crawlRef.current = crawl;
    crawl.onmessage = (e: MessageEvent<CrawlEvent>) => {
      const ev = e.data;
      const replacesView =
        ev.type === 'partial' || ev.type === 'done' || ev.type === 'paused' || ev.type === 'cancelled';
      if (importedRef.current && replacesView) return;
      if (ev.type === 'done') void showLineage(decodeLineage(ev.lineage));
      // The worker builds the next partial lineage only once this one is drawn (crawl-updates.ts).
      if (ev.type === 'partial')
        void showLineage(decodeLineage(ev.lineage)).finally(() =>
          crawl.postMessage({ type: 'shown' } satisfies CrawlCommand),
        );
      if (ev.type === 'lock-freed') void showCache().catch(() => undefined);
      const next = crawlEventPatch(ev);
      if (next) patch(next);
    };
    let disposed = false;
    const name = cacheName(hubUrl);
    void (async () => {
      try {
        if (resetRef.current) {
          resetRef.current = false;
          await deleteCache(hubUrl, {
            onBlocked: () =>
              patch({ storeProblem: 'Another Forkscope tab keeps the cache open: close it to empty the cache.' }),
          });
        }
        const store = await ForkscopeStore.open(name, {
          onBlocked: () =>
            patch({ storeProblem: 'Another Forkscope tab holds an older cache version open: close it and reload.' }),
          onClosedForUpgrade: () =>
            patch({ storeProblem: 'A newer Forkscope opened in another tab; reload this one.' }),
        });
        if (disposed) return store.close();
        storeRef.current = store;
        await showCache();
      } catch (e) {
        const message = e instanceof StoreError ? e.message : `The cache could not be read: ${(e as Error).message}`;
        patch({ phase: 'idle', storeProblem: message });
      }
    })();
    return () => {
      disposed = true;
      crawl.terminate();
      layoutRef.current?.terminate();
      storeRef.current?.close();
      storeRef.current = null;
    };
  }, [patch, showLineage, showCache, hubUrl, epoch]);

  const post = (cmd: CrawlCommand): void => crawlRef.current?.postMessage(cmd);
  const startCrawl = (seeds: Seeds, refresh?: RefreshKind): void => {
    patch({ phase: 'crawling', message: null, retry: null });
    post({
      type: 'start',
      seeds,
      ...(refresh ? { refresh } : {}),
      settings: {
        hubUrl: settings.hubUrl,
        dbName: cacheName(settings.hubUrl),
        ...(token ? { token } : {}),
        quota: settings.quota,
        windowMs: settings.windowSeconds * 1000,
        hubSizeEstimate: settings.hubSizeEstimate,
      },
    });
  };
  const importSnapshot = (lineage: Lineage, meta: SnapshotMeta): void => {
    // A running crawl is paused (its journal kept), and its results no longer replace what is shown.
    importedRef.current = true;
    crawlRef.current?.postMessage({ type: 'pause' } satisfies CrawlCommand);
    const info: SnapshotInfo = { v: 1, ...meta, nodes: lineage.nodes.length, edges: lineage.edges.length };
    patch({ imported: true, info, message: `Showing an imported snapshot of ${meta.hub}; nothing is crawled.` });
    void showLineage(lineage, true);
  };
  const resetCache = async (): Promise<void> => {
    // The workers and the connection close, the database is deleted, and the cache opens anew (empty).
    resetRef.current = true;
    graph.clear();
    setState({ ...INITIAL, message: 'Cache emptied.' });
    setEpoch((n) => n + 1);
  };
  return {
    ...state,
    graph,
    startCrawl,
    pause: () => post({ type: 'pause' }),
    cancel: () => post({ type: 'cancel' }),
    resetCache,
    importSnapshot,
  };
}
