// Messages between the app and its workers. Every message is a plain, typed object; lineages travel in the
// columnar form whose typed arrays are transferred rather than copied.
import type { CrawlProgress } from '../crawl/progress.ts';
import type { Seeds } from '../crawl/records.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import type { LayoutInput } from '../layout/radial.ts';

export interface CrawlSettings {
  hubUrl: string;
  /** The IndexedDB database of this Hub's cache. */
  dbName: string;
  token?: string;
  quota: number;
  windowMs: number;
  hubSizeEstimate: number;
}

export type CrawlCommand =
  { type: 'start'; settings: CrawlSettings; seeds: Seeds; refresh?: boolean } | { type: 'pause' } | { type: 'cancel' };

export type CrawlEvent =
  | { type: 'progress'; progress: CrawlProgress }
  | { type: 'partial'; lineage: ColumnarLineage }
  | { type: 'done'; lineage: ColumnarLineage; crawledAt: string; requests: number }
  | { type: 'paused'; requests: number }
  | { type: 'cancelled' }
  | { type: 'busy'; message: string }
  /** Something the researcher should know while the crawl goes on. */
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string };

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export interface LayoutResponse {
  id: number;
  /** x, y interleaved for every node, then every node's room (radialLayout). */
  placed: Float32Array;
  ms: number;
}

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
