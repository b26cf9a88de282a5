// The local Hub's query engine: tag/author indexes, descending sorts with `_id` as tie-breaker, keyset cursors
// encoded the way the real Hub encodes them (base64 of a Mongo `$or` query), and skip.
import type { HubDataset, HubRecord, Relation } from './records.ts';

export const SORT_KEYS = ['createdAt', 'downloads', 'likes', 'lastModified', 'trendingScore', 'id'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ListQuery {
  filters: string[];
  author?: string;
  search?: string;
  pipelineTag?: string;
  sort: SortKey;
  limit: number;
  skip: number;
  cursor?: string;
}

type Key = string | number;

export class Catalog {
  readonly byLower = new Map<string, HubRecord>();
  readonly aliases: Map<string, string>;
  private readonly publicRecords: HubRecord[];
  private readonly byTag = new Map<string, HubRecord[]>();
  private readonly byAuthor = new Map<string, HubRecord[]>();
  private readonly children = new Map<string, HubRecord[]>();
  private readonly sortedCache = new Map<string, HubRecord[]>();

  constructor(dataset: HubDataset) {
    this.aliases = dataset.aliases;
    // Disabled repos are not listed (their info route answers 403); private ones are seen by nobody.
    this.publicRecords = dataset.records.filter((r) => !r.private && !r.disabled);
    for (const r of dataset.records) this.byLower.set(r.id.toLowerCase(), r);
    for (const r of this.publicRecords) {
      for (const tag of r.tags) push(this.byTag, tag, r);
      push(this.byAuthor, r.author.toLowerCase(), r);
      for (const p of r.parents) if (p.id !== r.id) push(this.children, p.id.toLowerCase(), r);
    }
  }

  get size(): number {
    return this.publicRecords.length;
  }

  childrenCount(id: string): Record<Relation, number> {
    const counts = { adapter: 0, merge: 0, quantized: 0, finetune: 0 };
    for (const child of this.children.get(id.toLowerCase()) ?? [])
      for (const p of child.parents) if (p.id.toLowerCase() === id.toLowerCase()) counts[p.relation]++;
    return counts;
  }

  list(q: ListQuery): { items: HubRecord[]; next?: string } {
    const sorted = this.sorted(q);
    let start = q.cursor ? afterCursor(sorted, q.sort, decodeCursor(q.cursor, q.sort)) : 0;
    start += q.skip;
    const items = sorted.slice(start, start + q.limit);
    const last = items[items.length - 1];
    const hasMore = start + q.limit < sorted.length;
    return hasMore && last ? { items, next: encodeCursor(q.sort, last) } : { items };
  }

  private sorted(q: ListQuery): HubRecord[] {
    const cacheKey = JSON.stringify([q.filters, q.author, q.search, q.pipelineTag, q.sort]);
    const hit = this.sortedCache.get(cacheKey);
    if (hit) return hit;
    const result = this.candidates(q).sort((a, b) => compare(a, b, q.sort));
    if (this.sortedCache.size > 256) this.sortedCache.clear();
    this.sortedCache.set(cacheKey, result);
    return result;
  }

  private candidates(q: ListQuery): HubRecord[] {
    const pools: HubRecord[][] = q.filters.map((t) => this.byTag.get(t) ?? []);
    if (q.author) pools.push(this.byAuthor.get(q.author.toLowerCase()) ?? []);
    pools.sort((a, b) => a.length - b.length);
    let rows = pools[0] ? [...pools[0]] : [...this.publicRecords];
    for (const pool of pools.slice(1)) {
      const allowed = new Set(pool);
      rows = rows.filter((r) => allowed.has(r));
    }
    if (q.search) {
      const needle = q.search.toLowerCase();
      rows = rows.filter((r) => r.id.toLowerCase().includes(needle));
    }
    if (q.pipelineTag) rows = rows.filter((r) => r.pipeline_tag === q.pipelineTag);
    return rows;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function keyOf(r: HubRecord, sort: SortKey): Key {
  return r[sort];
}

/** Descending on the sort key, then `_id` ascending (the order the real cursors decode to). */
function compare(a: HubRecord, b: HubRecord, sort: SortKey): number {
  const ka = keyOf(a, sort);
  const kb = keyOf(b, sort);
  if (ka !== kb) return ka < kb ? 1 : -1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

function encodeCursor(sort: SortKey, last: HubRecord): string {
  const value = keyOf(last, sort);
  const query = { $or: [{ [sort]: value, _id: { $gt: last._id } }, { [sort]: { $lt: value } }] };
  return Buffer.from(JSON.stringify(query)).toString('base64');
}

export class CursorError extends Error {}

function decodeCursor(cursor: string, sort: SortKey): { value: Key; id: string } {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
    const first = (parsed as { $or?: Record<string, unknown>[] }).$or?.[0];
    const value = first?.[sort];
    const id = (first?._id as { $gt?: unknown } | undefined)?.$gt;
    if ((typeof value === 'string' || typeof value === 'number') && typeof id === 'string') return { value, id };
  } catch {
    // fall through to the error below
  }
  throw new CursorError('Invalid cursor');
}

/** Index of the first record strictly after the cursor position, by binary search over the sorted rows. */
function afterCursor(rows: HubRecord[], sort: SortKey, at: { value: Key; id: string }): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const r = rows[mid] as HubRecord;
    const k = keyOf(r, sort);
    const before = k > at.value || (k === at.value && r._id <= at.id);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
