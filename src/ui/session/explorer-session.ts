// The explorer session, free of React and of the DOM: one lineage graph for the app's life, the IndexedDB cache of
// the Hub in use (the crawl and layout workers write it; the page only notes its snapshot's layout key:
// placement.ts), the two workers' owners, and the state the panels show. Like Gephi Lite's renderless controllers,
// it is plain state plus actions; the UI subscribes (subscribe/getSnapshot, for useSyncExternalStore) and calls
// actions. ui/useExplorer.ts is the thin hook.
// A cache that cannot be read or opened is reported (storeProblem) with resetCache as the way out: the whole
// database is deleted and opened anew, which also works for one a newer Forkscope upgraded.
import type { Seeds } from '../../crawl/records.ts';
import { createLineageGraph, mergeLineage, type LineageGraph } from '../../graph/graph.ts';
import { decodeLineage, type ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import { cacheName, deleteCache, ForkscopeStore, StoreError, type SnapshotInfo } from '../../store/db.ts';
import type { DataRef } from '../../lineage/data-ref.ts';
import type { CrawlEvent, CrawlSettings, RefreshKind } from '../../workers/protocol.ts';
import { crawlEventPatch, describeDeletions } from '../crawlEvents.ts';
import { dataLoadAfter, describeDataRefresh, type DataLoad } from '../dataEvents.ts';
import { CrawlOwner } from './crawl-owner.ts';
import { DrawWaits } from './draw-waits.ts';
import { INITIAL_STATE, type ExplorerState, type SnapshotMeta } from './explorer-state.ts';
import { LayoutOwner } from './layout-owner.ts';
import { placeLineage, type CacheSnapshot, type Placement } from './placement.ts';
import type { WorkerLike } from './worker-owner.ts';

export interface SessionWorkers {
  layout(): WorkerLike;
  crawl(): WorkerLike;
}

export class ExplorerSession {
  readonly graph: LineageGraph = createLineageGraph();
  private state: ExplorerState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  private store: ForkscopeStore | null = null;
  private layout: LayoutOwner | null = null;
  private crawl: CrawlOwner | null = null;
  private hubUrl: string | null = null;
  /** Bumped by every open and close: work begun under an earlier one lands nowhere. */
  private generation = 0;
  private shownSeq = 0;
  private imported = false;
  private familyOrder: readonly string[] = ['other'];
  /** [#11] The dataset being opened, and the models its snapshot held while its refresh runs. */
  private opening: { ref: DataRef; quietMissing: boolean; before: number | null } | null = null;
  /** Layouts handed out and not yet reported drawn by the graph view. */
  private readonly drawWaits = new DrawWaits();

  constructor(private readonly workers: SessionWorkers) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ExplorerState => this.state;

  /** Families in legend order: the layout places their discs in this order. */
  readonly setFamilyOrder = (order: readonly string[]): void => {
    this.familyOrder = order;
  };

  /** Opens the cache of a Hub (closing what was open) and shows what it holds; `reset` deletes it first. */
  readonly open = async (hubUrl: string, reset = false): Promise<void> => {
    this.close();
    const generation = this.generation;
    this.hubUrl = hubUrl;
    this.layout = new LayoutOwner(this.workers.layout);
    this.crawl = new CrawlOwner(this.workers.crawl, (ev) => {
      if (generation === this.generation) this.onCrawlEvent(ev);
    });
    try {
      if (reset)
        await deleteCache(hubUrl, {
          onBlocked: () =>
            this.patch({ storeProblem: 'Another Forkscope tab keeps the cache open: close it to empty the cache.' }),
        });
      const store = await ForkscopeStore.open(cacheName(hubUrl), {
        onBlocked: () =>
          this.patch({ storeProblem: 'Another Forkscope tab holds an older cache version open: close it and reload.' }),
        onClosedForUpgrade: () =>
          this.patch({ storeProblem: 'A newer Forkscope opened in another tab; reload this one.' }),
      });
      if (generation !== this.generation) return store.close();
      this.store = store;
      this.patch({ dataLoad: null }); // [#11] a new cache (another Hub, or emptied) has opened no dataset yet
      await this.showCache();
    } catch (e) {
      if (generation !== this.generation) return;
      const message = e instanceof StoreError ? e.message : `The cache could not be read: ${(e as Error).message}`;
      this.patch({ phase: 'idle', storeProblem: message });
    }
  };

  /** The graph view has drawn layout `version` (and a frame has gone to the screen since). */
  readonly layoutDrawn = (version: number): void => this.drawWaits.drawn(version);

  /** Ends both workers and closes the cache; nothing begun before lands afterwards. */
  readonly close = (): void => {
    this.generation++;
    this.drawWaits.releaseAll();
    this.crawl?.end();
    this.layout?.end();
    this.store?.close();
    [this.crawl, this.layout, this.store] = [null, null, null];
  };

  readonly startCrawl = (seeds: Seeds, settings: CrawlSettings, refresh?: RefreshKind): void => {
    this.patch({ phase: 'crawling', message: null, retry: null });
    this.crawl?.send({ type: 'start', seeds, ...(refresh ? { refresh } : {}), settings });
  };

  /** [#11] Opens a published dataset; `keep` makes it the cache (then `refresh` lists what is new since). */
  readonly openData = (
    ref: DataRef,
    options: { keep: boolean; refresh: boolean; quietMissing: boolean },
    settings: CrawlSettings,
  ): void => {
    this.opening = { ref, quietMissing: options.quietMissing, before: null };
    const dataLoad: DataLoad = { state: 'loading', ref, phase: 'resolving', loaded: 0, total: 0 };
    this.patch({ phase: 'opening', message: null, retry: null, dataLoad });
    this.crawl?.send({ type: 'open-data', data: ref, keep: options.keep, refresh: options.refresh, settings });
  };

  readonly pause = (): void => this.crawl?.send({ type: 'pause' });
  readonly cancel = (): void => this.crawl?.send({ type: 'cancel' });

  /** Shows a snapshot instead of the cache. A running crawl is paused (its journal kept), and its results no
   * longer replace what is shown. */
  readonly importSnapshot = (lineage: Lineage, meta: SnapshotMeta): void => {
    this.imported = true;
    this.crawl?.send({ type: 'pause' });
    const info: SnapshotInfo = { v: 1, ...meta, nodes: lineage.nodes.length, edges: lineage.edges.length };
    const message = `Showing an imported snapshot of ${meta.hub}; nothing is crawled (open the page without it to go back to the cache).`;
    this.patch({ imported: true, info, message });
    void this.show(lineage, true);
  };

  /** The workers and the connection close, the database is deleted, and the cache opens anew (empty). What was
   * shown, an imported snapshot included, goes with it. */
  readonly resetCache = async (): Promise<void> => {
    const hubUrl = this.hubUrl;
    if (hubUrl === null) return;
    this.close();
    this.imported = false;
    this.graph.clear();
    this.set({ ...INITIAL_STATE, message: 'Cache emptied.' });
    await this.open(hubUrl, true);
  };

  private onCrawlEvent(ev: CrawlEvent): void {
    const replacesView = ev.type === 'partial' || ev.type === 'done' || ev.type === 'paused' || ev.type === 'cancelled';
    if (this.imported && replacesView) return;
    // A crawl's result is the snapshot it saved: its layout key is noted once known.
    if (ev.type === 'done')
      void this.show(decodeLineage(ev.lineage), false, ev.lineage, { info: ev.info, layout: null });
    // The worker builds the next partial lineage only once this one is on screen (workers/crawl-updates.ts).
    if (ev.type === 'partial') {
      const crawl = this.crawl;
      void this.show(decodeLineage(ev.lineage), false, ev.lineage)
        .then((version) => (version === null ? undefined : this.drawWaits.until(version)))
        .finally(() => crawl?.send({ type: 'shown', seq: ev.seq }));
    }
    if (this.onDataEvent(ev)) return;
    if (ev.type === 'lock-freed') void this.showCache().catch(() => undefined);
    const next = crawlEventPatch(ev);
    if (next) this.patch(next);
  }

  /** [#11] Data events: the snapshot is shown at once (as the cache, or only shown); a refresh says what it added.
   * True when the event is handled. */
  private onDataEvent(ev: CrawlEvent): boolean {
    const opening = this.opening;
    if (opening && (ev.type === 'data-progress' || ev.type === 'data-loaded' || ev.type === 'data-failed')) {
      const dataLoad = dataLoadAfter(ev, opening.ref, opening.quietMissing);
      if (ev.type === 'data-failed') this.patch({ phase: 'idle', dataLoad });
      else if (ev.type === 'data-progress') this.patch({ dataLoad });
      else {
        opening.before = ev.refreshing ? ev.info.nodes : null;
        if (!ev.kept) this.imported = true;
        this.patch({ dataLoad, info: ev.info, imported: !ev.kept, phase: ev.refreshing ? 'crawling' : 'idle' });
        const snapshot = ev.kept ? { info: ev.info, layout: null } : null;
        void this.show(decodeLineage(ev.lineage), !ev.kept, ev.lineage, snapshot);
      }
      return true;
    }
    if (ev.type === 'done' && opening?.before != null) {
      const message = `${describeDataRefresh(ev.info, opening.before, ev.requests)}${describeDeletions(ev.deletions)}`;
      opening.before = null;
      this.patch({ ...crawlEventPatch(ev), message });
      return true;
    }
    return false;
  }

  /** Reads the cached graph and shows it (not once a snapshot is imported: that one stays). */
  private async showCache(): Promise<void> {
    const store = this.store;
    if (!store) return;
    const generation = this.generation;
    const snap = await store.loadSnapshot();
    if (generation !== this.generation) return;
    if (this.imported) return this.patch({ phase: 'idle' });
    this.patch({ phase: 'idle', info: snap?.info ?? null });
    if (snap) await this.show(snap.lineage, false, snap.columnar, { info: snap.info, layout: snap.layout });
  }

  /** Lays out and shows a lineage; of overlapping calls only the latest is drawn, and once a snapshot is imported
   * only its own (`imported`) ones are. Cached positions are read here; new ones are computed and stored by the
   * layout worker (placement.ts). A layout that fails leaves what is shown and says why (layoutProblem).
   * `snapshot`: the lineage is the cache's snapshot, so its layout key can be looked up and noted. Resolves to the
   * version of the layout handed out, or null when none was. */
  private async show(
    lineage: Lineage,
    imported = false,
    columnar: ColumnarLineage | null = null,
    snapshot: CacheSnapshot | null = null,
  ): Promise<number | null> {
    if (this.imported && !imported) return null;
    const [seq, generation] = [++this.shownSeq, this.generation];
    const current = (): boolean =>
      seq === this.shownSeq && generation === this.generation && (imported || !this.imported);
    // The layout is prepared from the lineage itself, so the graph on screen stays whole until positions arrive.
    const { familyOrder, store, layout, hubUrl } = this;
    let placement: Placement | null;
    try {
      placement = await placeLineage({ lineage, columnar, familyOrder, snapshot, store, layout, hubUrl });
    } catch (e) {
      const left = this.state.layout ? 'What is shown is the last graph laid out.' : 'The graph cannot be drawn.';
      if (current()) this.patch({ layoutProblem: `${(e as Error).message} ${left}` });
      return null;
    }
    if (!placement || !current()) return null;
    const { ids, placed } = placement;
    this.graph.clear();
    mergeLineage(this.graph, lineage);
    const [xy, room] = [placed.subarray(0, 2 * ids.length), placed.subarray(2 * ids.length)];
    const version = (this.state.layout?.version ?? 0) + 1;
    this.patch({ layoutProblem: null, layout: { ids, xy, room, version, lineage, columnar } });
    return version;
  }

  private patch(p: Partial<ExplorerState>): void {
    this.set({ ...this.state, ...p });
  }

  private set(next: ExplorerState): void {
    this.state = next;
    for (const listener of [...this.listeners]) listener();
  }
}
