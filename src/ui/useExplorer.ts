// The explorer session: one lineage graph for the app's life, the IndexedDB cache it opens with, the crawl and
// layout workers, and the render arrays the graph view draws. React state holds only what panels display.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CrawlProgress } from '../crawl/progress.ts';
import type { Seeds } from '../crawl/records.ts';
import { createLineageGraph, mergeLineage, type LineageGraph } from '../graph/graph.ts';
import type { Lineage } from '../lineage/types.ts';
import { prepareLayout } from '../layout/input.ts';
import { decodeLineage } from '../lineage/columnar.ts';
import { cacheName, ForkscopeStore, StoreError, type SnapshotInfo } from '../store/db.ts';
import type { CrawlCommand, CrawlEvent, LayoutRequest, LayoutResponse } from '../workers/protocol.ts';
import type { HubSettings } from './settings.ts';
import type { Snapshot } from '../export/snapshot.ts';

export type CrawlPhase = 'opening' | 'idle' | 'crawling' | 'paused' | 'busy' | 'error';

export interface Layout {
  ids: string[];
  xy: Float32Array;
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
}

export interface Explorer extends ExplorerState {
  graph: LineageGraph;
  startCrawl(seeds: Seeds, refresh?: boolean): void;
  pause(): void;
  cancel(): void;
  resetCache(): Promise<void>;
  importSnapshot(snapshot: Snapshot): void;
}

export function useExplorer(settings: HubSettings, token: string | null, familyOrder: readonly string[]): Explorer {
  const [graph] = useState<LineageGraph>(() => createLineageGraph());
  const storeRef = useRef<ForkscopeStore | null>(null);
  const crawlRef = useRef<Worker | null>(null);
  const layoutRef = useRef<Worker | null>(null);
  const layoutSeq = useRef(0);
  const importedRef = useRef(false);
  const [state, setState] = useState<ExplorerState>({
    phase: 'opening',
    progress: null,
    message: null,
    info: null,
    layout: null,
    storeProblem: null,
    imported: false,
  });
  const patch = useCallback((p: Partial<ExplorerState>) => setState((s) => ({ ...s, ...p })), []);
  const hubUrl = settings.hubUrl;
  const familiesRef = useRef(familyOrder);
  useEffect(() => {
    familiesRef.current = familyOrder;
  }, [familyOrder]);

  const showLineage = useCallback(
    async (lineage: Lineage) => {
      // The layout is prepared on a scratch graph so the one on screen stays whole until positions arrive.
      const prepared = prepareLayout(createLineageGraph(lineage), familiesRef.current);
      const cached = await storeRef.current?.loadPositions(prepared.key).catch(() => null);
      const xy =
        cached && cached.length === 2 * prepared.ids.length
          ? cached
          : await runLayout(layoutRef.current, prepared.input, ++layoutSeq.current);
      if (!cached) void storeRef.current?.savePositions(prepared.key, xy).catch(() => undefined);
      graph.clear();
      mergeLineage(graph, lineage);
      setState((s) => ({ ...s, layout: { ids: prepared.ids, xy, version: (s.layout?.version ?? 0) + 1 } }));
    },
    [graph],
  );

  useEffect(() => {
    layoutRef.current = new Worker(new URL('../workers/layout.worker.ts', import.meta.url), { type: 'module' });
    const crawl = new Worker(new URL('../workers/crawl.worker.ts', import.meta.url), { type: 'module' });
    crawlRef.current = crawl;
    // Idle and the new snapshot's description arrive together: idle with the old one would look like a cache that
    // lacks these families and start the same crawl again.
    const settle = (message: string): void =>
      void Promise.resolve(storeRef.current?.loadSnapshotInfo())
        .catch(() => undefined)
        .then((info) => patch({ phase: 'idle', message, ...(info ? { info } : {}) }));
    crawl.onmessage = (e: MessageEvent<CrawlEvent>) => {
      const ev = e.data;
      if (ev.type === 'progress') patch({ phase: 'crawling', progress: ev.progress });
      else if (importedRef.current && (ev.type === 'partial' || ev.type === 'done' || ev.type === 'paused')) return;
      else if (ev.type === 'partial') void showLineage(decodeLineage(ev.lineage));
      else if (ev.type === 'done') {
        settle(`Crawl finished: ${ev.requests.toLocaleString('en')} requests spent.`);
        void showLineage(decodeLineage(ev.lineage));
      } else if (ev.type === 'paused')
        patch({ phase: 'paused', message: 'Crawl paused; everything fetched so far is kept.' });
      else if (ev.type === 'cancelled') settle('Crawl cancelled; what was crawled is kept.');
      else if (ev.type === 'busy') patch({ phase: 'busy', message: ev.message });
      else if (ev.type === 'notice') patch({ message: ev.message });
      else patch({ phase: 'error', message: ev.message });
    };
    let disposed = false;
    void (async () => {
      try {
        const store = await ForkscopeStore.open(cacheName(hubUrl), {
          onBlocked: () =>
            patch({ storeProblem: 'Another Forkscope tab holds an older cache version open: close it and reload.' }),
          onClosedForUpgrade: () =>
            patch({ storeProblem: 'A newer Forkscope opened in another tab; reload this one.' }),
        });
        if (disposed) return store.close();
        storeRef.current = store;
        const snap = await store.loadSnapshot();
        patch({ phase: 'idle', info: snap?.info ?? null });
        if (snap) await showLineage(snap.lineage);
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
    };
  }, [patch, showLineage, hubUrl]);

  const post = (cmd: CrawlCommand): void => crawlRef.current?.postMessage(cmd);
  const startCrawl = (seeds: Seeds, refresh = false): void => {
    patch({ phase: 'crawling', message: null });
    post({
      type: 'start',
      seeds,
      refresh,
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
  const importSnapshot = (snap: Snapshot): void => {
    // A running crawl is paused (its journal kept), and its results no longer replace what is shown.
    importedRef.current = true;
    crawlRef.current?.postMessage({ type: 'pause' } satisfies CrawlCommand);
    const info: SnapshotInfo = {
      v: 1,
      hub: snap.hub,
      orgs: snap.orgs,
      roots: snap.roots,
      crawledAt: snap.crawledAt,
      nodes: snap.nodes.length,
      edges: snap.edges.length,
    };
    patch({ imported: true, info, message: `Showing an imported snapshot of ${snap.hub}; nothing is crawled.` });
    void showLineage({ nodes: snap.nodes, edges: snap.edges });
  };
  const resetCache = async (): Promise<void> => {
    await storeRef.current?.clear();
    graph.clear();
    patch({ storeProblem: null, info: null, layout: null, message: 'Cache emptied.' });
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

function runLayout(worker: Worker | null, input: LayoutRequest['input'], id: number): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new Error('layout worker missing'));
    const onMessage = (e: MessageEvent<LayoutResponse>): void => {
      if (e.data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      resolve(e.data.xy);
    };
    worker.addEventListener('message', onMessage);
    const buffers = [input.depth, input.family, input.downloads, input.rank, input.edgeParent, input.edgeChild].map(
      (a) => a.buffer as ArrayBuffer,
    );
    worker.postMessage({ id, input } satisfies LayoutRequest, buffers);
  });
}
