// How a page of crawl records is kept in IndexedDB: its JSON, deflated. Chromium's IndexedDB (LevelDB) spent more
// CPU compacting a sweep's pages stored as objects (about 70 KB a page, 110 MB at 800,000 models) than the crawl
// worker spent on everything else together: deflated they are about a seventh of that, and the crawl in the browser
// took a fifth less wall time (README, "real size"). Pages of the first format (records as objects) are still read.
import type { CrawlRecord } from '../crawl/records.ts';

/** A journal page as stored: v1 holds the records as objects, v2 their JSON deflated (`deflate-raw`). */
export type StoredJournalPage = { v: 1; records: CrawlRecord[] } | { v: 2; deflated: ArrayBuffer };

/** The page to store for these records. */
export async function packJournalPage(records: readonly CrawlRecord[]): Promise<StoredJournalPage> {
  const json = new TextEncoder().encode(JSON.stringify(records));
  return { v: 2, deflated: await pump(json, new CompressionStream('deflate-raw')) };
}

/**
 * The records a stored page holds, not yet validated (parseJournal does that); throws a plain Error saying what is
 * wrong when the page is of no known version or cannot be inflated or parsed.
 */
export async function unpackJournalPage(stored: unknown): Promise<unknown> {
  const page = stored as { v?: unknown; records?: unknown; deflated?: unknown } | null;
  if (typeof page !== 'object' || page === null) throw new Error('is not a journal page');
  if (page.v === 1) return page.records;
  if (page.v !== 2 || !(page.deflated instanceof ArrayBuffer)) throw new Error('is not a journal page of this version');
  let text: string;
  try {
    const bytes = await pump(new Uint8Array(page.deflated), new DecompressionStream('deflate-raw'));
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('cannot be inflated');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('is not JSON once inflated');
  }
}

/** Runs bytes through a (de)compression stream. The writer's own rejections are left to the reading side, which
 * sees the same failure. */
async function pump(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<ArrayBuffer> {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return new Response(stream.readable).arrayBuffer();
}
