// The only importer of idb: Forkscope's IndexedDB schema (versioned, with migrations), the crawl journal written
// page by page during a crawl, the columnar graph snapshot read on start-up, and cached layout positions.
// Every write is one transaction, so two tabs, a closed tab or a killed worker never leave half a page behind.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CrawlJournal, CrawlRecord, CrawlState } from '../crawl/records.ts';
import { parseCrawlState } from '../crawl/records.ts';
import type { Lineage } from '../lineage/types.ts';
import { parseHubDerivatives, type HubDerivatives } from '../lineage/hub-derivatives.ts';
import { decodeLineage, encodeLineage, type ColumnarLineage } from '../lineage/columnar.ts';

export const DB_VERSION = 1;

/** One cache per Hub: a graph crawled from one Hub never shows as another's. */
export function cacheName(hubUrl: string): string {
  return `forkscope ${hubUrl}`;
}

export interface SnapshotInfo {
  v: 1;
  hub: string;
  orgs: string[];
  roots: string[];
  crawledAt: string;
  nodes: number;
  edges: number;
  /** The Hub-wide count of new derivatives, when the crawl swept the Hub. */
  hubDerivatives?: HubDerivatives;
}

interface ForkscopeSchema extends DBSchema {
  meta: { key: string; value: unknown };
  journal: { key: number; value: { v: 1; records: CrawlRecord[] } };
  snapshot: { key: string; value: ColumnarLineage };
  positions: { key: string; value: { v: 1; xy: Float32Array } };
}

export class StoreError extends Error {
  constructor(
    readonly kind: 'quota' | 'corrupt' | 'blocked' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export class ForkscopeStore {
  private constructor(private readonly db: IDBPDatabase<ForkscopeSchema>) {}

  /** Opens (and migrates) the cache. `onBlocked`: an older tab keeps the upgrade waiting; `onClosedForUpgrade`:
   * this tab gave way to a newer version opened elsewhere. */
  static async open(
    name = 'forkscope',
    events: { onBlocked?: () => void; onClosedForUpgrade?: () => void } = {},
  ): Promise<ForkscopeStore> {
    try {
      const db = await openDB<ForkscopeSchema>(name, DB_VERSION, {
        upgrade(db, oldVersion) {
          // Migrations run in order; each step brings the schema from one version to the next.
          if (oldVersion < 1) {
            db.createObjectStore('meta');
            db.createObjectStore('journal', { autoIncrement: true });
            db.createObjectStore('snapshot');
            db.createObjectStore('positions');
          }
        },
        blocked() {
          events.onBlocked?.();
        },
        blocking(_current, _next, event) {
          (event.target as IDBDatabase).close();
          events.onClosedForUpgrade?.();
        },
      });
      return new ForkscopeStore(db);
    } catch (e) {
      if (e instanceof StoreError) throw e;
      throw new StoreError('unavailable', `The browser cache (IndexedDB) cannot be opened: ${(e as Error).message}`);
    }
  }

  close(): void {
    this.db.close();
  }

  async saveSnapshot(lineage: Lineage, info: SnapshotInfo): Promise<void> {
    await guard(async () => {
      const tx = this.db.transaction(['snapshot', 'meta'], 'readwrite');
      await Promise.all([
        tx.objectStore('snapshot').put(encodeLineage(lineage), 'graph'),
        tx.objectStore('meta').put(info, 'snapshot-info'),
        tx.done,
      ]);
    });
  }

  /** The cached graph, or null when there is none; StoreError('corrupt') when it cannot be read. */
  async loadSnapshot(): Promise<{ lineage: Lineage; info: SnapshotInfo } | null> {
    const tx = this.db.transaction(['snapshot', 'meta']);
    const [raw, info] = await Promise.all([
      tx.objectStore('snapshot').get('graph'),
      tx.objectStore('meta').get('snapshot-info'),
    ]);
    if (raw === undefined) return null;
    try {
      const parsed = parseSnapshotInfo(info);
      if (!parsed) throw new Error('its description is missing or of another version');
      return { lineage: decodeLineage(raw), info: parsed };
    } catch (e) {
      throw new StoreError('corrupt', (e as Error).message);
    }
  }

  /** The cached graph's description alone (no decoding of the graph), or null. */
  async loadSnapshotInfo(): Promise<SnapshotInfo | null> {
    return parseSnapshotInfo(await this.db.get('meta', 'snapshot-info'));
  }

  async savePositions(key: string, xy: Float32Array): Promise<void> {
    await guard(() => this.db.put('positions', { v: 1, xy }, key));
  }

  async loadPositions(key: string): Promise<Float32Array | null> {
    const value = await this.db.get('positions', key);
    return value?.v === 1 && value.xy instanceof Float32Array ? value.xy : null;
  }

  /** Empties everything: the way forward from a corrupted or unwanted cache. */
  async clear(): Promise<void> {
    const tx = this.db.transaction(['meta', 'journal', 'snapshot', 'positions'], 'readwrite');
    await Promise.all([
      ...(['meta', 'journal', 'snapshot', 'positions'] as const).map((s) => tx.objectStore(s).clear()),
      tx.done,
    ]);
  }

  journal(): CrawlJournal {
    return new IdbJournal(this.db);
  }
}

class IdbJournal implements CrawlJournal {
  constructor(private readonly db: IDBPDatabase<ForkscopeSchema>) {}

  async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    const tx = this.db.transaction(['journal', 'meta']);
    const [batches, rawState] = await Promise.all([
      tx.objectStore('journal').getAll(),
      tx.objectStore('meta').get('crawl-state'),
    ]);
    const state = parseCrawlState(rawState);
    if (!state) return null;
    const records: CrawlRecord[] = [];
    for (const batch of batches)
      if (batch.v === 1 && Array.isArray(batch.records)) for (const r of batch.records) records.push(r);
    return { state, records };
  }

  async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    await guard(async () => {
      const tx = this.db.transaction(['journal', 'meta'], 'readwrite');
      const writes: Promise<unknown>[] = [tx.objectStore('meta').put(state, 'crawl-state')];
      if (records.length > 0) writes.push(tx.objectStore('journal').add({ v: 1, records }));
      await Promise.all([...writes, tx.done]);
    });
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['journal', 'meta'], 'readwrite');
    await Promise.all([tx.objectStore('journal').clear(), tx.objectStore('meta').delete('crawl-state'), tx.done]);
  }
}

function parseSnapshotInfo(raw: unknown): SnapshotInfo | null {
  const i = raw as Partial<SnapshotInfo> | undefined;
  if (!i || i.v !== 1 || typeof i.hub !== 'string' || typeof i.crawledAt !== 'string') return null;
  if (!Array.isArray(i.orgs) || !Array.isArray(i.roots) || typeof i.nodes !== 'number') return null;
  // A table that does not parse is dropped (the Hub-wide shares are then not offered), the graph still opens.
  if (i.hubDerivatives !== undefined && !parseHubDerivatives(i.hubDerivatives).ok) {
    const { hubDerivatives: _dropped, ...rest } = i;
    return rest as SnapshotInfo;
  }
  return i as SnapshotInfo;
}

async function guard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError')
      throw new StoreError(
        'quota',
        'The browser refused to store more (storage quota). What is crawled stays on screen; free some space or export a snapshot.',
      );
    throw e;
  }
}
