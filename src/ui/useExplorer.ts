// The thin React side of the explorer session (session/explorer-session.ts): one session for the component's
// life, opened on the Hub in use (and again when it changes), read through useSyncExternalStore, its actions
// handed to the panels with the crawl settings filled in from the Hub settings and the token.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { Seeds } from '../crawl/records.ts';
import type { LineageGraph } from '../graph/graph.ts';
import type { DataRef } from '../lineage/data-ref.ts';
import type { Lineage } from '../lineage/types.ts';
import { cacheName } from '../store/db.ts';
import type { CrawlSettings, RefreshKind } from '../workers/protocol.ts';
import { crawlWorker } from './session/crawl-owner.ts';
import { ExplorerSession } from './session/explorer-session.ts';
import type { ExplorerState, SnapshotMeta } from './session/explorer-state.ts';
import { layoutWorker } from './session/layout-owner.ts';
import type { HubSettings } from './settings.ts';

export type { CrawlPhase, ExplorerState, Layout, SnapshotMeta } from './session/explorer-state.ts';

export interface Explorer extends ExplorerState {
  graph: LineageGraph;
  startCrawl(seeds: Seeds, refresh?: RefreshKind): void;
  pause(): void;
  cancel(): void;
  resetCache(): Promise<void>;
  importSnapshot(lineage: Lineage, meta: SnapshotMeta): void;
  /** [#11] Opens a published dataset; `keep` makes it the cache (then `refresh` lists what is new since). */
  openData(ref: DataRef, options: { keep: boolean; refresh: boolean; quietMissing: boolean }): void;
  /** The graph view has drawn this layout version (a crawl's next partial graph waits for it). */
  layoutDrawn(version: number): void;
}

/** What the crawl worker is told about the Hub: its address and cache, the token, the quota. */
export function crawlSettings(settings: HubSettings, token: string | null): CrawlSettings {
  return {
    hubUrl: settings.hubUrl,
    dbName: cacheName(settings.hubUrl),
    ...(token ? { token } : {}),
    quota: settings.quota,
    windowMs: settings.windowSeconds * 1000,
    hubSizeEstimate: settings.hubSizeEstimate,
  };
}

export function useExplorer(settings: HubSettings, token: string | null, familyOrder: readonly string[]): Explorer {
  const [session] = useState(() => new ExplorerSession({ layout: layoutWorker, crawl: crawlWorker }));
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const hubUrl = settings.hubUrl;
  // Declared before the opening effect, so the cache's graph is laid out in this order from the start.
  useEffect(() => session.setFamilyOrder(familyOrder), [session, familyOrder]);
  useEffect(() => {
    void session.open(hubUrl);
    return session.close;
  }, [session, hubUrl]);
  return useMemo(
    () => ({
      ...state,
      graph: session.graph,
      startCrawl: (seeds: Seeds, refresh?: RefreshKind) =>
        session.startCrawl(seeds, crawlSettings(settings, token), refresh),
      pause: session.pause,
      cancel: session.cancel,
      resetCache: session.resetCache,
      importSnapshot: session.importSnapshot,
      layoutDrawn: session.layoutDrawn,
      openData: (ref: DataRef, options: { keep: boolean; refresh: boolean; quietMissing: boolean }) =>
        session.openData(ref, options, crawlSettings(settings, token)),
    }),
    [state, session, settings, token],
  );
}
