// The published snapshot's manifest and the `latest.json` pointer of a lineage dataset, and the files one
// publication writes. A dataset holds `snapshots/<UTC time>/{nodes.parquet, edges.parquet, manifest.json}` per
// publication, one commit each, and `latest.json` naming the newest folder; the commit oid is the version.
// The manifest says what the tables hold (Hub, seeds, crawl times, counts), where a later refresh starts
// (watermark), and the SHA-256 of each table, so a reader can tell a whole download from a broken one.
import type { Lineage } from '../lineage/types.ts';
import { edgesParquet, nodesParquet } from './parquet.ts';

export const MANIFEST_FORMAT = 'forkscope-lineage-snapshot';
export const LATEST_FORMAT = 'forkscope-lineage-latest';
export const LATEST_PATH = 'latest.json';

export interface TableFile {
  /** The file's name, inside the manifest's folder. */
  path: string;
  bytes: number;
  rows: number;
  sha256: string;
}

export interface SnapshotManifest {
  format: typeof MANIFEST_FORMAT;
  v: 1;
  hub: string;
  seeds: { orgs: string[]; roots: string[] };
  crawl: PublishedCrawl;
  /** Models created at or after this time may be missing: the crawl's sweep began here (hub-api.md §9, models uploaded
   * during a sweep land ahead of its cursor), so a refresh lists what the Hub created since. */
  watermark: string;
  counts: { nodes: number; edges: number };
  files: { nodes: TableFile; edges: TableFile };
}

/** The crawl a snapshot was published from. */
export interface PublishedCrawl {
  startedAt: string;
  finishedAt: string;
  /** The listing page size the Hub last served that crawl: a visitor's refresh starts there, not at 1,000-model
   * pages, which time out at the gateway with card data (hub-api.md §9), tens of seconds each. */
  pageSize?: number;
}

export interface LatestPointer {
  format: typeof LATEST_FORMAT;
  v: 1;
  /** The folder of the newest snapshot, e.g. `snapshots/20261201T152000Z`. */
  path: string;
  watermark: string;
  publishedAt: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const HEX64 = /^[0-9a-f]{64}$/;
/** A table's file name: one path segment, so a manifest can only name files of its own folder. */
const FILE_NAME = /^[\w][\w.-]*\.parquet$/;
/** A snapshot folder: `snapshots/` and one safe segment, never `..`. */
const FOLDER = /^snapshots\/[\w][\w.-]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isTime = (v: unknown): v is string => typeof v === 'string' && ISO.test(v) && Number.isFinite(Date.parse(v));
/** A listing page size the Hub serves (its maximum is 1,000). */
const isPageSize = (v: unknown): v is number => isCount(v) && v >= 1 && v <= 1000;

function tableProblem(v: unknown): string | null {
  if (!isObject(v)) return 'not an object';
  if (typeof v.path !== 'string' || !FILE_NAME.test(v.path)) return 'path is not a .parquet file name';
  if (!isCount(v.bytes) || !isCount(v.rows)) return 'bytes or rows is not a count';
  if (typeof v.sha256 !== 'string' || !HEX64.test(v.sha256)) return 'sha256 is not 64 hex digits';
  return null;
}

export function parseManifest(raw: unknown): Parsed<SnapshotManifest> {
  const fail = (error: string): Parsed<SnapshotManifest> => ({ ok: false, error: `manifest: ${error}` });
  if (!isObject(raw)) return fail('not a JSON object');
  if (raw.format !== MANIFEST_FORMAT) return fail('not a Forkscope lineage snapshot (format field)');
  if (raw.v !== 1) return fail(`version ${String(raw.v)} is not supported`);
  if (typeof raw.hub !== 'string' || !/^https?:\/\//.test(raw.hub)) return fail('hub is not an http(s) address');
  const { seeds, crawl, counts, files } = raw;
  if (!isObject(seeds) || !isStrings(seeds.orgs) || !isStrings(seeds.roots)) return fail('seeds missing');
  if (!isObject(crawl) || !isTime(crawl.startedAt) || !isTime(crawl.finishedAt)) return fail('crawl times missing');
  if (!isTime(raw.watermark)) return fail('watermark is not a UTC time');
  if (!isObject(counts) || !isCount(counts.nodes) || !isCount(counts.edges)) return fail('counts missing');
  if (!isObject(files)) return fail('files missing');
  for (const t of ['nodes', 'edges'] as const) {
    const why = tableProblem(files[t]);
    if (why) return fail(`files.${t}: ${why}`);
  }
  const m = raw as unknown as SnapshotManifest;
  if (m.files.nodes.rows !== m.counts.nodes || m.files.edges.rows !== m.counts.edges)
    return fail('counts disagree with the tables');
  // A page size is a hint: one that is not a page size is dropped, not a reason to refuse the data.
  const { startedAt, finishedAt, pageSize } = m.crawl;
  return { ok: true, value: { ...m, crawl: { startedAt, finishedAt, ...(isPageSize(pageSize) && { pageSize }) } } };
}

/** What a visitor's crawl journal is seeded with from a manifest (crawl/seed.ts's SnapshotSeed): the Hub its
 * refresh lists (`hubUrl`, the app's), the seeds, the watermark it lists from, and the page size it starts at. */
export function seedOfManifest(m: SnapshotManifest, hubUrl: string) {
  const { finishedAt, pageSize } = m.crawl;
  return { hub: hubUrl, seeds: m.seeds, watermark: m.watermark, finishedAt, ...(pageSize && { pageSize }) };
}

export function parseLatest(raw: unknown): Parsed<LatestPointer> {
  const fail = (error: string): Parsed<LatestPointer> => ({ ok: false, error: `${LATEST_PATH}: ${error}` });
  if (!isObject(raw)) return fail('not a JSON object');
  if (raw.format !== LATEST_FORMAT) return fail('not a Forkscope pointer (format field)');
  if (raw.v !== 1) return fail(`version ${String(raw.v)} is not supported`);
  if (typeof raw.path !== 'string' || !FOLDER.test(raw.path)) return fail('path is not a snapshots/ folder');
  if (!isTime(raw.watermark) || !isTime(raw.publishedAt)) return fail('watermark or publishedAt missing');
  return { ok: true, value: raw as unknown as LatestPointer };
}

/** SHA-256 as hex, by Web Crypto (present in browsers, workers and Node 20). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `snapshots/20261201T152000Z`: a folder name that sorts by time and is safe on every file system. */
export function snapshotFolder(publishedAt: Date): string {
  return `snapshots/${publishedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}`;
}

export interface PublicationMeta {
  hub: string;
  seeds: { orgs: string[]; roots: string[] };
  crawl: PublishedCrawl;
  publishedAt: Date;
}

export interface PublicationFile {
  path: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** The files of one publication: the two tables and the manifest in a dated folder, and the new `latest.json`. */
export async function publicationFiles(
  lineage: Lineage,
  meta: PublicationMeta,
): Promise<{ files: PublicationFile[]; manifest: SnapshotManifest; latest: LatestPointer }> {
  const folder = snapshotFolder(meta.publishedAt);
  const nodes = nodesParquet(lineage.nodes);
  const edges = edgesParquet(lineage.edges);
  const table = async (path: string, bytes: Uint8Array, rows: number): Promise<TableFile> => ({
    path,
    bytes: bytes.length,
    rows,
    sha256: await sha256Hex(bytes),
  });
  const manifest: SnapshotManifest = {
    format: MANIFEST_FORMAT,
    v: 1,
    hub: meta.hub,
    seeds: meta.seeds,
    crawl: meta.crawl,
    watermark: meta.crawl.startedAt,
    counts: { nodes: lineage.nodes.length, edges: lineage.edges.length },
    files: {
      nodes: await table('nodes.parquet', nodes, lineage.nodes.length),
      edges: await table('edges.parquet', edges, lineage.edges.length),
    },
  };
  const latest: LatestPointer = {
    format: LATEST_FORMAT,
    v: 1,
    path: folder,
    watermark: manifest.watermark,
    publishedAt: meta.publishedAt.toISOString(),
  };
  const json = (v: unknown): Uint8Array<ArrayBuffer> => new TextEncoder().encode(`${JSON.stringify(v, null, 2)}\n`);
  return {
    manifest,
    latest,
    files: [
      { path: `${folder}/nodes.parquet`, bytes: nodes },
      { path: `${folder}/edges.parquet`, bytes: edges },
      { path: `${folder}/manifest.json`, bytes: json(manifest) },
      { path: LATEST_PATH, bytes: json(latest) },
    ],
  };
}
