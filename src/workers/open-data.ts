// Opening a published lineage dataset in the crawl worker (#11): the snapshot is read with progress in bytes
// (snapshot/load.ts), shown at once, then, when the page asks to keep it, saved as the cache with a crawl journal
// seeded from it (crawl/seed.ts), so the crawler's own refresh lists only what the Hub changed after its watermark
// and the crawl worker's usual events report it. A dataset that cannot be read says why, and the page crawls.
// The page draws the snapshot while the cache is written: at the public Hub's size, writing takes as long as drawing.
import type { Seeds } from '../crawl/records.ts';
import { seedJournal, type JournalContents } from '../crawl/seed.ts';
import { seedOfManifest } from '../export/manifest.ts';
import { encodeLineage, type ColumnarLineage } from '../lineage/columnar.ts';
import { formatDataRef } from '../lineage/data-ref.ts';
import { DatasetReadError, loadPublishedSnapshot, type PublishedSnapshot } from '../snapshot/load.ts';
import { ForkscopeStore, type SnapshotInfo } from '../store/db.ts';
import { transferables, type CrawlEvent, type OpenDataCommand } from './protocol.ts';

/** Progress at most this often, so the messages cost nothing next to the download. */
const PROGRESS_MS = 100;

type Post = (event: CrawlEvent, transfer?: Transferable[]) => void;

/** The cache's description of a loaded snapshot: its seeds, when it was crawled, and where it came from. */
export function dataInfo(loaded: PublishedSnapshot, hub: string): SnapshotInfo {
  const { manifest, lineage, ref } = loaded;
  return {
    v: 1,
    hub,
    orgs: manifest.seeds.orgs,
    roots: manifest.seeds.roots,
    crawledAt: manifest.crawl.finishedAt,
    nodes: lineage.nodes.length,
    edges: lineage.edges.length,
    dataset: {
      repo: ref.repo,
      revision: ref.revision,
      publishedAt: loaded.publishedAt,
      watermark: manifest.watermark,
      nodes: lineage.nodes.length,
    },
  };
}

/** What the refresh that follows starts from: the seeds, and the journal as it was just written. */
export interface KeptData {
  seeds: Seeds;
  journal: JournalContents;
}

/** Loads the dataset; keeps it as the cache when asked; returns what to refresh, or null when done. */
export async function openData(cmd: OpenDataCommand, post: Post): Promise<KeptData | null> {
  const { settings, data } = cmd;
  let last = 0;
  let loaded: PublishedSnapshot;
  try {
    loaded = await loadPublishedSnapshot({
      hubUrl: settings.hubUrl,
      repo: data.repo,
      fetch: globalThis.fetch.bind(globalThis),
      ...(settings.token ? { accessToken: settings.token } : {}),
      ...(data.revision ? { revision: data.revision } : {}),
      onProgress: (p) => {
        if (p.phase === 'downloading' && p.loaded < p.total && performance.now() - last < PROGRESS_MS) return;
        last = performance.now();
        post({ type: 'data-progress', ...p });
      },
    });
  } catch (e) {
    if (!(e instanceof DatasetReadError)) throw e;
    post({ type: 'data-failed', kind: e.kind, message: `${formatDataRef(data)}: ${e.message}` });
    return null;
  }
  if (new URL(loaded.manifest.hub).origin !== new URL(settings.hubUrl).origin) {
    const message = `${formatDataRef(data)} describes another Hub (${loaded.manifest.hub.slice(0, 200)}).`;
    post({ type: 'data-failed', kind: 'other-hub', message });
    return null;
  }
  const info = dataInfo(loaded, settings.hubUrl);
  const refreshing = cmd.keep && cmd.refresh;
  const lineage = encodeLineage(loaded.lineage);
  const event: CrawlEvent = { type: 'data-loaded', lineage, info, kept: cmd.keep, refreshing };
  if (!cmd.keep) {
    post(event, transferables(lineage));
    return null;
  }
  // Copied to the page (the cache keeps the same record): a copy of a few large blocks costs milliseconds.
  post(event);
  const journal = await keepAsCache(settings, loaded, lineage, info);
  return refreshing ? { seeds: loaded.manifest.seeds, journal } : null;
}

/** Writes the snapshot as the cache, with a crawl journal seeded from it; returns the journal as written. */
async function keepAsCache(
  settings: OpenDataCommand['settings'],
  loaded: PublishedSnapshot,
  lineage: ColumnarLineage,
  info: SnapshotInfo,
): Promise<JournalContents> {
  const store = await ForkscopeStore.open(settings.dbName);
  try {
    const journal = await seedJournal(
      store.journal(),
      loaded.lineage,
      seedOfManifest(loaded.manifest, settings.hubUrl),
    );
    await store.saveSnapshot(lineage, info);
    return journal;
  } finally {
    store.close();
  }
}
