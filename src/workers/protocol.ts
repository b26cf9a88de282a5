// Messages between the app and its workers. Every message is a plain, typed object; lineages travel in the
// columnar form whose typed arrays are transferred rather than copied.
import type { CrawlProgress } from '../crawl/progress.ts';
import type { Seeds } from '../crawl/records.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import type { HubDerivatives } from '../lineage/hub-derivatives.ts';
import type { LayoutInput } from '../layout/radial.ts';
import type { SnapshotInfo } from '../store/db.ts';
import type { DataRef } from '../lineage/data-ref.ts';
import type { DatasetProblem } from '../hub/dataset-files.ts';
import type { RetryKind } from '../hub/http.ts';

export interface CrawlSettings {
  hubUrl: string;
  /** The IndexedDB database of this Hub's cache. */
  dbName: string;
  token?: string;
  quota: number;
  windowMs: number;
  hubSizeEstimate: number;
}

/** A refresh of a finished crawl: `incremental` lists what changed since (it cannot see deletions), `full` sweeps
 * the whole Hub again and removes what it no longer lists. */
export type RefreshKind = 'incremental' | 'full';

export type CrawlCommand =
  | { type: 'start'; settings: CrawlSettings; seeds: Seeds; refresh?: RefreshKind }
  | { type: 'pause' }
  | { type: 'cancel' }
  /** The app has drawn partial lineage `seq`: the worker may build the next one. */
  | { type: 'shown'; seq: number }
  | OpenDataCommand;

/** Open a published lineage dataset (#11): load it, and when `keep`, make it the cache (snapshot and a crawl
 * journal seeded from it) and, when `refresh`, list what the Hub changed since its watermark. Without `keep` the
 * cache is left as it is and the data is only shown. */
export interface OpenDataCommand {
  type: 'open-data';
  settings: CrawlSettings;
  data: DataRef;
  keep: boolean;
  refresh: boolean;
}

/** What opening a dataset tells the page, besides the crawl events of its refresh. */
export type DataEvent =
  | { type: 'data-progress'; phase: 'resolving' | 'downloading' | 'decoding'; loaded: number; total: number }
  | { type: 'data-loaded'; lineage: ColumnarLineage; info: SnapshotInfo; kept: boolean; refreshing: boolean }
  | { type: 'data-failed'; kind: DatasetProblem | 'other-hub'; message: string };

/** What a finished crawl reports besides its graph: malformed listing items skipped (with the first one's
 * description), junk `base_model` entries not followed, and parents outside the families it did not read, as the
 * CLI prints them. */
export interface CrawlReport {
  malformed: number;
  firstMalformed: string | null;
  junk: number;
  unread: number;
}

/** What a finished crawl knows of deletions: what was asked (`run`), whether it swept the whole Hub (only a
 * sweep sees them), how many models the last full refresh removed, and when the last full sweep began. */
export interface CrawlDeletions {
  run: 'crawl' | RefreshKind;
  checked: boolean;
  removed: number;
  lastFullSweepAt: string | null;
  /** The refresh listed only models created since (published data): edits of older cards wait for a full one. */
  createdOnly: boolean;
}

/** A request the Hub did not answer usably, and when it is tried again. */
export interface RetryNotice {
  /** The request's path and query (credentials redacted). */
  url: string;
  attempt: number;
  maxAttempts: number;
  reason: string;
  /** What went wrong: 'unreachable' is a network error, 'timeout' no answer in time (hub/errors.ts). */
  kind: RetryKind;
  delayMs: number;
  /** Requests in a row that got no answer at all (hub/http.ts). */
  unansweredInARow: number;
}

export type CrawlEvent =
  | { type: 'progress'; progress: CrawlProgress }
  /** `seq`: the partial lineage's number, which the app's `shown` names. */
  | { type: 'partial'; lineage: ColumnarLineage; seq: number }
  | {
      type: 'done';
      lineage: ColumnarLineage;
      /** The description saved with the snapshot, so the app knows at once what the cache now holds. */
      info: SnapshotInfo;
      requests: number;
      report: CrawlReport;
      deletions: CrawlDeletions;
    }
  | { type: 'paused'; requests: number }
  /** What was crawled is kept as the snapshot; its description comes along, as with 'done'. */
  | { type: 'cancelled'; info: SnapshotInfo | null }
  | { type: 'busy'; message: string }
  /** The tab that held the crawl lock let it go: its crawl ended, and the cache holds what it saved. */
  | { type: 'lock-freed' }
  /** The Hub failed a request; the crawl waits and tries again. */
  | { type: 'retrying'; retry: RetryNotice }
  /** Something the researcher should know while the crawl goes on. */
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string }
  | DataEvent;

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
  /** Where the worker stores the positions it computes (the cache of this Hub, under the layout's key), or null
   * to store nothing. The page only reads positions; this worker alone writes them. */
  cache: { dbName: string; key: string } | null;
}

export type LayoutResponse =
  | {
      id: number;
      ok: true;
      /** x, y interleaved for every node, then every node's room (radialLayout). */
      placed: Float32Array;
      ms: number;
    }
  /** The layout could not be computed (id -1 when the request itself could not be read). */
  | { id: number; ok: false; message: string };

/** Typed arrays inside a columnar lineage, to hand to postMessage's transfer list. */
export function transferables(c: ColumnarLineage): ArrayBuffer[] {
  const arrays = [
    c.depth,
    c.downloads,
    c.likes,
    c.edges.parent,
    c.edges.child,
    c.edges.relation,
    c.edges.cycle,
    ...Object.values(c.dicts).map((d) => d.codes),
  ];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

/** A snapshot to read and check off the main thread: from an http(s) address or a file the user picked. */
export type SnapshotRequest = { type: 'url'; url: string } | { type: 'file'; file: File };

export type SnapshotEvent =
  | { type: 'progress'; bytes: number; total: number | null }
  | {
      type: 'done';
      lineage: ColumnarLineage;
      meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string; hubDerivatives?: HubDerivatives };
    }
  | { type: 'error'; message: string };
