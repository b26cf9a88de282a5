// The local Hub's query engine over a compact table (table.ts): filter pools (tag-index.ts), descending sorts
// with `_id` as tie-breaker on typed-array columns, keyset cursors encoded the way the real Hub encodes them
// (base64 of a Mongo `$or` query), and skip. Sorted listings are row numbers (4 bytes a model); records are made
// only for the page served.
import type { HubDataset, HubRecord, Relation } from './records.ts';
import { createRng } from './random.ts';
import { TableBuilder } from './table-builder.ts';
import { HubTable } from './table.ts';
import { TagIndex } from './tag-index.ts';

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
/** Sorted listings kept at once, in rows (a full listing of the public Hub's size is 3.1 million). */
const MAX_SORTED_ROWS = 16_000_000;

export class Catalog {
  readonly table: HubTable;
  readonly aliases: Map<string, string>;
  /** Case-insensitive look-up by lower-cased id (private and disabled models included). */
  readonly byLower: { get(lowerId: string): HubRecord | undefined } = { get: (id) => this.get(id) };
  private readonly index: TagIndex;
  private readonly sortedCache = new Map<string, Uint32Array>();
  private sortedRows = 0;

  constructor(source: HubDataset | HubTable) {
    this.table = source instanceof HubTable ? source : tableFromDataset(source);
    this.aliases = this.table.aliases;
    // Disabled repos are not listed (their info route answers 403); private ones are seen by nobody.
    this.index = new TagIndex(this.table);
  }

  get size(): number {
    return this.index.listed.length;
  }

  /** A model's record by id, case-insensitively. */
  get(id: string): HubRecord | undefined {
    const row = this.table.indexOf(id);
    return row < 0 ? undefined : this.table.record(row);
  }

  /** `_id` and canonical id of a model, without making its whole record. */
  ref(id: string): { _id: string; id: string } | undefined {
    const row = this.table.indexOf(id);
    return row < 0 ? undefined : { _id: this.table.objectIdText(row), id: this.table.id(row) };
  }

  childrenCount(id: string): Record<Relation, number> {
    const counts = { adapter: 0, merge: 0, quantized: 0, finetune: 0 };
    const t = this.table;
    const lower = id.toLowerCase();
    const start = t.cols.parentStart;
    const named = (e: number): string => t.parentName(t.parentRef[e] as number);
    for (const ref of this.refsNamed(lower)) {
      const children = this.index.children(ref);
      for (let i = 0; i < children.length; i++) {
        const child = children[i] as number;
        // Once per parent entry naming it (not the child itself), as the Hub's children counts do.
        for (let e = start[child] as number; e < (start[child + 1] as number); e++) {
          if (t.parentRef[e] !== ref || named(e) === t.id(child)) continue;
          for (let f = start[child] as number; f < (start[child + 1] as number); f++)
            if (named(f).toLowerCase() === lower) counts[t.relation(f)]++;
        }
      }
    }
    return counts;
  }

  list(q: ListQuery): { items: HubRecord[]; next?: string } {
    const sorted = this.sorted(q);
    let start = q.cursor ? this.afterCursor(sorted, q.sort, decodeCursor(q.cursor, q.sort)) : 0;
    start += q.skip;
    const rows = sorted.subarray(start, start + q.limit);
    const items = Array.from(rows, (row) => this.table.record(row));
    const last = rows[rows.length - 1];
    const hasMore = start + q.limit < sorted.length;
    return hasMore && last !== undefined ? { items, next: this.encodeCursor(q.sort, last) } : { items };
  }

  /** Parent refs whose name is `lower` case-insensitively: the model's row, and names that are no row. */
  private refsNamed(lower: string): number[] {
    const refs: number[] = [];
    const row = this.table.indexOf(lower);
    if (row >= 0) refs.push(row);
    for (let k = 1; k <= this.table.nameCount; k++)
      if (this.table.parentName(-k).toLowerCase() === lower) refs.push(-k);
    return refs;
  }

  private sorted(q: ListQuery): Uint32Array {
    const cacheKey = JSON.stringify([q.filters, q.author, q.search, q.pipelineTag, q.sort]);
    const hit = this.sortedCache.get(cacheKey);
    if (hit) return hit;
    const rows = this.candidates(q);
    this.sortRows(rows, q.sort);
    if (this.sortedCache.size > 256 || this.sortedRows + rows.length > MAX_SORTED_ROWS) {
      this.sortedCache.clear();
      this.sortedRows = 0;
    }
    this.sortedCache.set(cacheKey, rows);
    this.sortedRows += rows.length;
    return rows;
  }

  /** The listed models the query asks for, in a new array the caller may sort. */
  private candidates(q: ListQuery): Uint32Array {
    const pools = q.filters.map((tag) => this.index.tagged(tag));
    if (q.author) pools.push(this.index.byAuthor(q.author.toLowerCase()));
    pools.sort((a, b) => a.length - b.length);
    let rows = (pools[0] ?? this.index.listed).slice();
    for (const pool of pools.slice(1)) rows = rows.filter((row) => contains(pool, row));
    if (q.search) {
      const needle = q.search.toLowerCase();
      rows = rows.filter((row) => this.table.id(row).toLowerCase().includes(needle));
    }
    if (q.pipelineTag) {
      const code = this.table.pipelineCode(q.pipelineTag);
      rows = rows.filter((row) => this.table.cols.pipeline[row] === code);
    }
    return rows;
  }

  /** Descending on the sort key, then `_id` ascending (the order the real cursors decode to). */
  private sortRows(rows: Uint32Array, sort: SortKey): void {
    const { oidHi, oidLo } = this.table.cols;
    const byObjectId = (a: number, b: number): number =>
      oidHi[a] !== oidHi[b]
        ? (oidHi[a] as number) - (oidHi[b] as number)
        : (oidLo[a] as number) < (oidLo[b] as number)
          ? -1
          : oidLo[a] === oidLo[b]
            ? 0
            : 1;
    if (sort === 'id') {
      const ids = new Map(Array.from(rows, (row) => [row, this.table.id(row)]));
      const desc = (a: number, b: number): number => ((ids.get(a) as string) < (ids.get(b) as string) ? 1 : -1);
      rows.sort((a, b) => (ids.get(a) !== ids.get(b) ? desc(a, b) : byObjectId(a, b)));
      return;
    }
    const k = this.column(sort);
    rows.sort((a, b) => (k[a] !== k[b] ? ((k[a] as number) < (k[b] as number) ? 1 : -1) : byObjectId(a, b)));
  }

  private column(sort: Exclude<SortKey, 'id'>): Float64Array {
    const c = this.table.cols;
    return (
      { createdAt: c.created, lastModified: c.modified, downloads: c.downloads, likes: c.likes }[sort as string] ??
      c.trending
    );
  }

  /** The sort key as the record shows it (cursors carry it). */
  private keyOf(row: number, sort: SortKey): Key {
    if (sort === 'createdAt') return this.table.createdAtText(row);
    if (sort === 'lastModified') return this.table.lastModifiedText(row);
    if (sort === 'id') return this.table.id(row);
    return this.column(sort)[row] as number;
  }

  private encodeCursor(sort: SortKey, last: number): string {
    const value = this.keyOf(last, sort);
    const _id = this.table.objectIdText(last);
    const query = { $or: [{ [sort]: value, _id: { $gt: _id } }, { [sort]: { $lt: value } }] };
    return Buffer.from(JSON.stringify(query)).toString('base64');
  }

  /** Index of the first row strictly after the cursor position, by binary search over the sorted rows. */
  private afterCursor(rows: Uint32Array, sort: SortKey, at: { value: Key; id: string }): number {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const row = rows[mid] as number;
      const k = this.keyOf(row, sort);
      const before = k > at.value || (k === at.value && this.table.objectIdText(row) <= at.id);
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A Hub's records as a table of explicit rows (the catalog serves every Hub from a table). */
export function tableFromDataset(ds: HubDataset): HubTable {
  // Explicit records carry their draws: the builder's stream is never read.
  const b = new TableBuilder(createRng(1), ds.records.length);
  for (const r of ds.records) b.addRecord(r, ds.family.get(r.id) ?? '');
  for (const [from, to] of ds.aliases) b.alias(from, to);
  return b.seal();
}

/** Whether a row is in an ascending pool. */
function contains(pool: Uint32Array, row: number): boolean {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pool[mid] as number) < row) lo = mid + 1;
    else hi = mid;
  }
  return pool[lo] === row;
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
