// Parsers of what the store reads back from IndexedDB: the snapshot's description, the layout noted for it, and the
// crawl journal (state plus pages of records). The journal's throw a StoreCorruptError naming what is wrong; the
// description and the note, which the graph can do without, read as null when they are not one this version wrote.
import { parseRecords } from '../crawl/record-check.ts';
import { parseCrawlState, type CrawlRecord, type CrawlState } from '../crawl/records.ts';
import { parseHubDerivatives, type HubDerivatives } from '../lineage/hub-derivatives.ts';
import { isRepoId } from '../lineage/repo-id.ts';
import { StoreCorruptError } from './errors.ts';

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
  /** The published lineage dataset the graph was opened from (then maybe refreshed): absent for a crawl. */
  dataset?: DataOrigin;
}

export interface DataOrigin {
  /** `owner/name` of the dataset. */
  repo: string;
  /** The commit it was read at: what a permalink pins. */
  revision: string;
  publishedAt: string;
  /** Models created from here on came from the refresh, not the snapshot. */
  watermark: string;
  /** Models the snapshot held, so the status can say what refreshes added. */
  nodes: number;
}

function isDataOrigin(v: unknown): v is DataOrigin {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<Record<keyof DataOrigin, unknown>>;
  const time = (t: unknown): boolean => typeof t === 'string' && Number.isFinite(Date.parse(t));
  return (
    typeof d.repo === 'string' &&
    isRepoId(d.repo) &&
    typeof d.revision === 'string' &&
    /^[0-9a-f]{40}$/.test(d.revision) &&
    time(d.publishedAt) &&
    time(d.watermark) &&
    count(d.nodes)
  );
}

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const count = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** The snapshot's description, or null when it is not one this version wrote. */
export function parseSnapshotInfo(raw: unknown): SnapshotInfo | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const i = raw as Partial<Record<keyof SnapshotInfo, unknown>>;
  if (i.v !== 1 || typeof i.hub !== 'string' || typeof i.crawledAt !== 'string') return null;
  if (!strings(i.orgs) || !strings(i.roots) || !count(i.nodes) || !count(i.edges)) return null;
  // A table that does not parse is dropped (the Hub-wide shares are then not offered); the graph still opens.
  const { hubDerivatives, dataset, ...rest } = i;
  return {
    ...(rest as SnapshotInfo),
    ...(hubDerivatives !== undefined && parseHubDerivatives(hubDerivatives).ok
      ? { hubDerivatives: hubDerivatives as HubDerivatives }
      : {}),
    // A dataset origin that does not parse is dropped: the graph still opens, as a crawl's would.
    ...(isDataOrigin(dataset) ? { dataset } : {}),
  };
}

/** The layout key under which the cached snapshot's positions are stored, noted by the page once it had them
 * (db.ts noteSnapshotLayout), with the family order the key was made for: a reopen looks the positions up by it
 * instead of preparing the layout's input to compute the key. The snapshot is named by its description. */
export interface SnapshotLayout {
  families: string[];
  key: string;
}

/** What names a saved snapshot within its cache (one cache per Hub): a save writes a new crawl time. */
type SnapshotStamp = Pick<SnapshotInfo, 'crawledAt' | 'nodes' | 'edges'>;

interface SnapshotLayoutNote extends SnapshotLayout, SnapshotStamp {
  v: 1;
}

export function layoutNote(info: SnapshotInfo, layout: SnapshotLayout): SnapshotLayoutNote {
  const { crawledAt, nodes, edges } = info;
  return { v: 1, crawledAt, nodes, edges, families: [...layout.families], key: layout.key };
}

/** Whether two descriptions (or a note's stamp) name the same saved snapshot. */
export function sameSnapshot(a: Partial<Record<keyof SnapshotStamp, unknown>>, b: SnapshotStamp): boolean {
  return a.crawledAt === b.crawledAt && a.nodes === b.nodes && a.edges === b.edges;
}

/** The layout noted for the snapshot `info` describes, or null when none is, or the note is not one of this version. */
export function parseLayoutNote(raw: unknown, info: SnapshotInfo): SnapshotLayout | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const n = raw as Partial<Record<keyof SnapshotLayoutNote, unknown>>;
  if (n.v !== 1 || typeof n.key !== 'string' || !strings(n.families)) return null;
  if (!sameSnapshot(n, info)) return null;
  return { families: n.families, key: n.key };
}

/** The saved crawl: null when there is none; the pages (each one's records as unpacked, not yet checked) must be
 * valid and have a state to belong to. */
export function parseJournal(
  rawState: unknown,
  pages: readonly unknown[],
): { state: CrawlState; records: CrawlRecord[] } | null {
  if (rawState === undefined && pages.length === 0) return null;
  if (rawState === undefined) throw new StoreCorruptError('state', `${pages.length} saved pages but no crawl state`);
  const state = parseCrawlState(rawState);
  if (!state) throw new StoreCorruptError('state', 'the crawl state is not one this version can resume');
  const records: CrawlRecord[] = [];
  pages.forEach((page, i) => {
    const parsed = parseRecords(page);
    if (!parsed.ok) throw new StoreCorruptError('journal', `page ${i + 1}, ${parsed.reason}`);
    for (const r of parsed.records) records.push(r);
  });
  return { state, records };
}
