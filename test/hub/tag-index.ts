// The catalog's filter pools over a HubTable: which listed models carry a tag, and which have an author. The
// lineage tags (`base_model:X`, `base_model:<relation>:X`) come from a children index built from the parents,
// the other tags from the interned plain tag lists (a scan of one column), so no per-tag lists of millions of
// models are kept; each pool is made when first asked for and kept while it is small.
import type { HubTable } from './table.ts';
import { RELATIONS, type Relation } from './records.ts';

const LINEAGE = 'base_model:';
const MAX_CACHED_ROWS = 4_000_000;

export class TagIndex {
  /** Listed models, in table order. */
  readonly listed: Uint32Array;
  /** Per parent row, its listed children, once per parent entry (self-references included: tags have them). */
  private readonly childStart: Uint32Array;
  private readonly childRows: Uint32Array;
  /** The same for parent names that are no row, by name ref. */
  private readonly nameChildren = new Map<number, number[]>();
  private readonly cache = new Map<string, Uint32Array>();
  private cachedRows = 0;

  constructor(private readonly t: HubTable) {
    const listed: number[] = [];
    const count = new Uint32Array(t.length + 1);
    const start = t.cols.parentStart;
    for (let row = 0; row < t.length; row++) {
      if (!t.isListed(row)) continue;
      listed.push(row);
      for (let e = start[row] as number; e < (start[row + 1] as number); e++) {
        const ref = t.parentRef[e] as number;
        if (ref >= 0) count[ref + 1] = (count[ref + 1] as number) + 1;
        else (this.nameChildren.get(ref) ?? this.nameChildren.set(ref, []).get(ref))?.push(row);
      }
    }
    this.listed = Uint32Array.from(listed);
    for (let i = 1; i <= t.length; i++) count[i] = (count[i] as number) + (count[i - 1] as number);
    this.childStart = count.slice();
    this.childRows = new Uint32Array(count[t.length] as number);
    for (const row of this.listed)
      for (let e = start[row] as number; e < (start[row + 1] as number); e++) {
        const ref = t.parentRef[e] as number;
        if (ref >= 0) this.childRows[(count[ref] = (count[ref] as number) + 1) - 1] = row;
      }
  }

  /** Listed children of a parent ref, once per parent entry that names it. */
  children(ref: number): ArrayLike<number> {
    if (ref < 0) return this.nameChildren.get(ref) ?? [];
    return this.childRows.subarray(this.childStart[ref], this.childStart[ref + 1]);
  }

  /** Listed models carrying `tag`, in table order. */
  tagged(tag: string): Uint32Array {
    return this.cached(`t:${tag}`, () => {
      const rows: number[] = [];
      if (tag.startsWith(LINEAGE)) {
        const rest = tag.slice(LINEAGE.length);
        this.lineage(rest, undefined, rows);
        const colon = rest.indexOf(':');
        const word = rest.slice(0, colon) as Relation;
        if (colon > 0 && RELATIONS.includes(word)) this.lineage(rest.slice(colon + 1), word, rows);
      }
      const codes = this.t.plainCodesWith(tag);
      if (codes.size > 0)
        for (const row of this.listed) if (codes.has(this.t.cols.plain[row] as number)) rows.push(row);
      return unique(rows);
    });
  }

  /** Listed models of an author (lower-cased), in table order. */
  byAuthor(lowerAuthor: string): Uint32Array {
    return this.cached(`a:${lowerAuthor}`, () => {
      const code = this.t.authorCode(lowerAuthor);
      const rows: number[] = [];
      if (code !== undefined) for (const row of this.listed) if (this.t.cols.author[row] === code) rows.push(row);
      return Uint32Array.from(rows);
    });
  }

  /** Children whose parent entry names exactly `name` (with `relation`, when given). */
  private lineage(name: string, relation: Relation | undefined, out: number[]): void {
    const ref = this.t.refOf(name);
    if (ref === undefined) return;
    const start = this.t.cols.parentStart;
    const children = this.children(ref);
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as number;
      if (relation === undefined) out.push(child);
      else
        for (let e = start[child] as number; e < (start[child + 1] as number); e++)
          if (this.t.parentRef[e] === ref && this.t.relation(e) === relation) out.push(child);
    }
  }

  private cached(key: string, make: () => Uint32Array): Uint32Array {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const rows = make();
    if (this.cachedRows + rows.length > MAX_CACHED_ROWS || this.cache.size > 4096) {
      this.cache.clear();
      this.cachedRows = 0;
    }
    this.cache.set(key, rows);
    this.cachedRows += rows.length;
    return rows;
  }
}

function unique(rows: number[]): Uint32Array {
  const sorted = Uint32Array.from(rows).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i] as number;
  return sorted.slice(0, n);
}
