// Opening a published lineage dataset (`OWNER/NAME[@REVISION]`), DOM-free so the app, a worker or a test can run
// it: pin the revision to a commit, read latest.json there, then the manifest and both Parquet tables (progress in
// bytes), check each table's SHA-256 against the manifest, and decode to a Lineage. Every failure is a
// DatasetReadError: `missing` (no such dataset, revision or file), `private` (401/403), `malformed` (a file that
// is not what it claims), `unreachable` (network, 5xx).
// Its own folder: the one place that joins the Hub's dataset reads (src/hub) with the snapshot codec (src/export).
// The app's crawl worker (src/workers/open-data.ts) loads with it, then seeds the crawl journal and refreshes.
import { datasetFile, datasetRevision, DatasetReadError, type DatasetSource } from '../hub/dataset-files.ts';
import {
  LATEST_PATH,
  parseLatest,
  parseManifest,
  sha256Hex,
  type Parsed,
  type SnapshotManifest,
} from '../export/manifest.ts';
import { ParquetTableError, readEdgesParquet, readNodesParquet } from '../export/parquet.ts';
import type { Lineage } from '../lineage/types.ts';

export { formatDataRef, parseDataRef, type DataRef } from '../lineage/data-ref.ts';

export { DatasetReadError };

export interface LoadProgress {
  phase: 'resolving' | 'downloading' | 'decoding';
  /** Bytes of the two tables received so far, and their total from the manifest. */
  loaded: number;
  total: number;
}

export interface PublishedSnapshot {
  lineage: Lineage;
  manifest: SnapshotManifest;
  /** The dataset and the commit it was read at: the revision a permalink pins. */
  ref: { repo: string; revision: string };
  /** The snapshot's folder inside the dataset, e.g. `snapshots/20261201T152000Z`. */
  folder: string;
  /** When it was published (latest.json). */
  publishedAt: string;
}

export interface LoadOptions extends DatasetSource {
  revision?: string;
  onProgress?: (p: LoadProgress) => void;
}

function parsed<T>(result: Parsed<T>): T {
  if (!result.ok) throw new DatasetReadError('malformed', result.error);
  return result.value;
}

async function jsonFile(s: DatasetSource, commit: string, path: string): Promise<unknown> {
  const bytes = await datasetFile(s, commit, path);
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new DatasetReadError('malformed', `${path} is not JSON`);
  }
}

export async function loadPublishedSnapshot(options: LoadOptions): Promise<PublishedSnapshot> {
  const { onProgress, revision = 'main', ...source } = options;
  onProgress?.({ phase: 'resolving', loaded: 0, total: 0 });
  const commit = await datasetRevision(source, revision);
  const latest = parsed(parseLatest(await jsonFile(source, commit, LATEST_PATH)));
  const manifest = parsed(parseManifest(await jsonFile(source, commit, `${latest.path}/manifest.json`)));
  const tables = [manifest.files.nodes, manifest.files.edges];
  const total = tables.reduce((s, t) => s + t.bytes, 0);
  let loaded = 0;
  onProgress?.({ phase: 'downloading', loaded, total });
  const [nodeBytes, edgeBytes] = await Promise.all(
    tables.map(async (t) => {
      const bytes = await datasetFile(source, commit, `${latest.path}/${t.path}`, (n) => {
        loaded += n;
        onProgress?.({ phase: 'downloading', loaded, total });
      });
      if (bytes.length !== t.bytes || (await sha256Hex(bytes)) !== t.sha256)
        throw new DatasetReadError('malformed', `${t.path}: its SHA-256 is not the manifest's (a changed or cut file)`);
      return bytes;
    }),
  );
  onProgress?.({ phase: 'decoding', loaded, total });
  let lineage: Lineage;
  try {
    lineage = {
      nodes: await readNodesParquet(nodeBytes as Uint8Array),
      edges: await readEdgesParquet(edgeBytes as Uint8Array),
    };
  } catch (e) {
    if (e instanceof ParquetTableError) throw new DatasetReadError('malformed', e.message);
    throw e;
  }
  const ids = new Set(lineage.nodes.map((n) => n.id));
  const stray = lineage.edges.find((e) => !ids.has(e.parent) || !ids.has(e.child));
  if (stray)
    throw new DatasetReadError('malformed', `edges.parquet: ${stray.parent} → ${stray.child} names an unknown model`);
  return {
    lineage,
    manifest,
    ref: { repo: source.repo, revision: commit },
    folder: latest.path,
    publishedAt: latest.publishedAt,
  };
}

export interface NewerSnapshot {
  revision: string;
  publishedAt: string;
  watermark: string;
}

/** Whether the dataset's `main` holds a newer snapshot than the commit `known`: one request when it does not
 * (the head is still that commit), two when it moved (its latest.json says what it holds now). */
export async function newerSnapshot(source: DatasetSource, known: string): Promise<NewerSnapshot | null> {
  const head = await datasetRevision(source, 'main');
  if (head === known) return null;
  const latest = parsed(parseLatest(await jsonFile(source, head, LATEST_PATH)));
  return { revision: head, publishedAt: latest.publishedAt, watermark: latest.watermark };
}
