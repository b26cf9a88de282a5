// The only importer of idb: Forkscope's IndexedDB schema (versioned, with migrations), the crawl journal written
// page by page during a crawl, the columnar graph snapshot read on start-up, and cached layout positions.
// Every write is one transaction, so two tabs, a closed tab or a killed worker never leave half a page behind.
// Every read is validated: a damaged record gives a StoreCorruptError saying what is wrong, never a raw error, and
// deleteCache() removes a cache whatever its state (damaged, or written by a newer Forkscope).
import { deleteDB, openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { CrawlJournal, CrawlRecord, CrawlState } from '../crawl/records.ts';
import type { Lineage } from '../lineage/types.ts';
import { decodeLineage, type ColumnarLineage } from '../lineage/columnar.ts';
import { StoreCorruptError, StoreError } from './errors.ts';
import { atomically, guard } from './tx.ts';
import {
  layoutNote,
  parseJournal,
  parseLayoutNote,
  parseSnapshotInfo,
  sameSnapshot,
  type DataOrigin,
  type SnapshotInfo,
  type SnapshotLayout,
} from './validate.ts';
import { packJournalPage, unpackJournalPage, type StoredJournalPage } from './journal-page.ts';

export { StoreCorruptError, StoreError, type DataOrigin, type SnapshotInfo, type SnapshotLayout };

export const DB_VERSION = 1;

/** One cache per Hub: a graph crawled from one Hub never shows as another's. */
export function cacheName(hubUrl: string): string {
  return `forkscope ${hubUrl}`;
}

interface ForkscopeSchema extends DBSchema {
  meta: { key: string; value: unknown };
  journal: { key: number; value: StoredJournalPage };
  snapshot: { key: string; value: ColumnarLineage };
  positions: { key: string; value: { v: 1; xy: Float32Array } };
}

const STORES = ['meta', 'journal', 'snapshot', 'positions'] as const;
/** The meta record noting the cached snapshot's layout key. */
const LAYOUT_NOTE = 'snapshot-layout';

export interface CachedSnapshot {
  lineage: Lineage;
  columnar: ColumnarLineage;
  info: SnapshotInfo;
  layout: SnapshotLayout | null;
}

/** Connections this context holds open, by database name: deleteCache closes them so the deletion can go on. */
const openConnections = new Map<string, Set<IDBPDatabase<ForkscopeSchema>>>();

export class ForkscopeStore {
  private constructor(
    private readonly db: IDBPDatabase<ForkscopeSchema>,
    private readonly name: string,
  ) {}

  /** Opens (and migrates) the cache. `onBlocked`: an older tab keeps the upgrade waiting; `onClosedForUpgrade`:
   * this tab gave way to a newer version (or a deletion) asked for elsewhere. */
  static async open(
    name = 'forkscope',
    events: { onBlocked?: () => void; onClosedForUpgrade?: () => void } = {},
  ): Promise<ForkscopeStore> {
    let db: IDBPDatabase<ForkscopeSchema>;
    try {
      db = await openDB<ForkscopeSchema>(name, DB_VERSION, {
        upgrade(db, oldVersion) {
          // Migrations run in order; each step brings the schema from one version to the next.
          if (oldVersion < 1)
            for (const store of STORES) db.createObjectStore(store, store === 'journal' ? { autoIncrement: true } : {});
        },
        blocked() {
          events.onBlocked?.();
        },
        blocking(_current, _next, event) {
          (event.target as IDBDatabase).close();
          openConnections.get(name)?.delete(db);
          events.onClosedForUpgrade?.();
        },
      });
    } catch (e) {
      if ((e as { name?: string }).name === 'VersionError')
        throw new StoreError(
          'newer',
          'The browser cache was written by a newer Forkscope. Empty the cache to use this version, or open the newer one.',
        );
      throw new StoreError('unavailable', `The browser cache (IndexedDB) cannot be opened: ${(e as Error).message}`);
    }
    const missing = STORES.filter((s) => !db.objectStoreNames.contains(s));
    if (missing.length > 0) {
      db.close();
      throw new StoreCorruptError('schema', `no ${missing.join(', ')} store`);
    }
    if (!openConnections.has(name)) openConnections.set(name, new Set());
    openConnections.get(name)?.add(db);
    return new ForkscopeStore(db, name);
  }

  close(): void {
    openConnections.get(this.name)?.delete(this.db);
    this.db.close();
  }

  /** Saves the cached graph, encoded (the crawl worker encodes it once, for this and for the page). The record is
   * copied when the put is made, so the caller may transfer its buffers once this is called. */
  async saveSnapshot(columnar: ColumnarLineage, info: SnapshotInfo): Promise<void> {
    await guard(async () => {
      const tx = this.db.transaction(['snapshot', 'meta'], 'readwrite');
      await atomically(tx, [
        () => tx.objectStore('snapshot').put(columnar, 'graph'),
        () => tx.objectStore('meta').put(info, 'snapshot-info'),
        // The layout noted for the snapshot replaced goes with it, in the same transaction.
        () => tx.objectStore('meta').delete(LAYOUT_NOTE),
      ]);
    });
  }

  /** The cached graph, or null when there is none; StoreCorruptError when it cannot be read. With it, the layout
   * noted for it (noteSnapshotLayout), if any. */
  async loadSnapshot(): Promise<CachedSnapshot | null> {
    const tx = this.db.transaction(['snapshot', 'meta']);
    const [raw, info, note] = await Promise.all([
      tx.objectStore('snapshot').get('graph'),
      tx.objectStore('meta').get('snapshot-info'),
      tx.objectStore('meta').get(LAYOUT_NOTE),
    ]);
    if (raw === undefined) return null;
    const parsed = parseSnapshotInfo(info);
    if (!parsed) throw new StoreCorruptError('snapshot', 'its description is missing or of another version');
    let lineage: Lineage;
    try {
      lineage = decodeLineage(raw);
    } catch (e) {
      throw new StoreCorruptError('snapshot', (e as Error).message);
    }
    if (lineage.nodes.length !== parsed.nodes || lineage.edges.length !== parsed.edges)
      throw new StoreCorruptError(
        'snapshot',
        `${lineage.nodes.length} models where its description says ${parsed.nodes}`,
      );
    // The checked record, too: it travels to workers in a few large blocks (the dynamics worker takes it).
    return { lineage, columnar: raw as ColumnarLineage, info: parsed, layout: parseLayoutNote(note, parsed) };
  }

  /** Notes the layout key of the snapshot `info` describes, unless another snapshot has been saved since: in one
   * transaction with that check, so a note never names a snapshot it was not made for (a crawl in another tab). */
  async noteSnapshotLayout(info: SnapshotInfo, layout: SnapshotLayout): Promise<void> {
    await guard(async () => {
      const tx = this.db.transaction('meta', 'readwrite');
      // Awaited only when a note is put: a transaction that fails otherwise is reported by the read that fails.
      tx.done.catch(() => undefined);
      const current = parseSnapshotInfo(await tx.store.get('snapshot-info'));
      if (current && sameSnapshot(current, info))
        await atomically(tx, [() => tx.store.put(layoutNote(info, layout), LAYOUT_NOTE)]);
    });
  }

  /** The cached graph's description alone (no decoding of the graph), or null when there is none or it is bad. */
  async loadSnapshotInfo(): Promise<SnapshotInfo | null> {
    return parseSnapshotInfo(await this.db.get('meta', 'snapshot-info'));
  }

  async savePositions(key: string, xy: Float32Array): Promise<void> {
    await guard(() => this.db.put('positions', { v: 1, xy }, key));
  }

  /** Cached layout positions: a derived cache, so anything but finite numbers reads as none (laid out again).
   * The layout worker writes them (x, y per model, then each model's room: 3 numbers a model, so an odd count is
   * fine); the reader checks the count against its models. */
  async loadPositions(key: string): Promise<Float32Array | null> {
    const value = (await this.db.get('positions', key)) as { v?: unknown; xy?: unknown } | undefined;
    const xy = value?.v === 1 && value.xy instanceof Float32Array ? value.xy : null;
    return xy && xy.every(Number.isFinite) ? xy : null;
  }

  /** Empties everything: the way forward from an unwanted cache (deleteCache also handles broken ones). */
  async clear(): Promise<void> {
    const tx = this.db.transaction([...STORES], 'readwrite');
    await atomically(
      tx,
      STORES.map((s) => () => tx.objectStore(s).clear()),
    );
  }

  journal(): CrawlJournal {
    return new IdbJournal(this.db);
  }
}

/**
 * Deletes the cache of a Hub whatever state it is in: damaged, of a newer version, or open here. Connections of
 * this context are closed first; those of other tabs close themselves (versionchange), and `onBlocked` says when
 * one does not (the deletion then waits for it to close).
 */
export async function deleteCache(hubUrl: string, events: { onBlocked?: () => void } = {}): Promise<void> {
  const name = cacheName(hubUrl);
  for (const db of openConnections.get(name) ?? []) db.close();
  openConnections.delete(name);
  try {
    await deleteDB(name, { blocked: () => events.onBlocked?.() });
  } catch (e) {
    throw new StoreError('unavailable', `The browser cache could not be deleted: ${(e as Error).message}`);
  }
}

class IdbJournal implements CrawlJournal {
  constructor(private readonly db: IDBPDatabase<ForkscopeSchema>) {}

  /** The saved crawl, or null; StoreCorruptError when its state or a page is damaged (a resume would be wrong). */
  async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    const tx = this.db.transaction(['journal', 'meta']);
    const [stored, rawState] = await Promise.all([
      tx.objectStore('journal').getAll(),
      tx.objectStore('meta').get('crawl-state'),
    ]);
    const pages = await Promise.all(
      stored.map((page, i) =>
        unpackJournalPage(page).catch((e: unknown) => {
          throw new StoreCorruptError('journal', `page ${i + 1} ${(e as Error).message}`);
        }),
      ),
    );
    return parseJournal(rawState, pages);
  }

  /** One transaction: the page and the state after it are both saved, or neither. */
  async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    // Packed before the transaction opens: an IndexedDB transaction ends when a task passes with nothing asked.
    const page = records.length > 0 ? await packJournalPage(records) : null;
    await guard(async () => {
      const tx = this.db.transaction(['journal', 'meta'], 'readwrite');
      await atomically(tx, [
        () => tx.objectStore('meta').put(state, 'crawl-state'),
        ...(page ? [() => tx.objectStore('journal').add(page)] : []),
      ]);
    });
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(['journal', 'meta'], 'readwrite');
    await atomically(tx, [() => tx.objectStore('journal').clear(), () => tx.objectStore('meta').delete('crawl-state')]);
  }
}
