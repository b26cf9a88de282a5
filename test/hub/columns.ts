// The compact table's columns: one typed array per field, one slot per model, grown by doubling while a Hub is
// built. Numbers only; strings live in the id store (id-store.ts) and in small interned lists (table.ts).

export interface Columns {
  /** `createdAt` as the Hub shows it (the legacy date for old repos), in ms: the listing's sort key. */
  created: Float64Array;
  modified: Float64Array;
  downloads: Float64Array;
  allTime: Float64Array;
  likes: Float64Array;
  trending: Float64Array;
  /** The ObjectId's time (its first 4 bytes) and counter (its last 8): their order is the `_id` order. */
  oidHi: Uint32Array;
  oidLo: Float64Array;
  author: Uint32Array;
  pipeline: Uint32Array;
  /** The model's tags other than the lineage tags its parents give (interned lists, for filters). */
  plain: Uint32Array;
  family: Uint16Array;
  /** Generated rows: their library/architecture/pipeline/license/extra tags (interned), and quirk tag. */
  profile: Uint16Array;
  quirkTag: Uint8Array;
  flags: Uint8Array;
  /** Where each row's parents start in the parent arrays (row + 1 is where they end). */
  parentStart: Uint32Array;
}

export const FLAG = { private: 1, disabled: 2, explicitRelation: 4, explicit: 8, legacyQuirk: 16 } as const;

type Ctor = new (n: number) => Float64Array | Uint32Array | Uint16Array | Uint8Array;
const KINDS: Record<keyof Columns, Ctor> = {
  created: Float64Array,
  modified: Float64Array,
  downloads: Float64Array,
  allTime: Float64Array,
  likes: Float64Array,
  trending: Float64Array,
  oidHi: Uint32Array,
  oidLo: Float64Array,
  author: Uint32Array,
  pipeline: Uint32Array,
  plain: Uint32Array,
  family: Uint16Array,
  profile: Uint16Array,
  quirkTag: Uint8Array,
  flags: Uint8Array,
  parentStart: Uint32Array,
};

/** Columns for `capacity` rows holding the first `keep` rows of `from` (parentStart has one slot more). */
export function allocColumns(capacity: number, from?: Columns, keep = 0): Columns {
  const out: Partial<Record<keyof Columns, Float64Array | Uint32Array | Uint16Array | Uint8Array>> = {};
  for (const [key, Kind] of Object.entries(KINDS) as [keyof Columns, Ctor][]) {
    const extra = key === 'parentStart' ? 1 : 0;
    const column = new Kind(capacity + extra);
    const old = from?.[key];
    if (old) column.set(old.subarray(0, keep + extra) as never);
    out[key] = column;
  }
  return out as Columns;
}

/** The columns cut to `length` rows: copies when much of the builder's capacity is spare (to give it back),
 * views otherwise (a copy would double the memory of a Hub of millions for a moment). */
export function trimColumns(c: Columns, length: number): Columns {
  if (c.created.length - length > length / 8) return allocColumns(length, c, length);
  const out: Partial<Record<keyof Columns, Float64Array | Uint32Array | Uint16Array | Uint8Array>> = {};
  for (const key of Object.keys(KINDS) as (keyof Columns)[])
    out[key] = c[key].subarray(0, length + (key === 'parentStart' ? 1 : 0));
  return out as Columns;
}

/** A growable list of numbers in a typed array (the parents of all rows, end to end). */
export class NumberList<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public items: T,
    private readonly make: (n: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.items.length) {
      const next = this.make(this.items.length * 2);
      next.set(this.items);
      this.items = next;
    }
    this.items[this.length++] = value;
  }

  trimmed(): T {
    return this.items.slice(0, this.length) as T;
  }
}

/** Strings interned to small codes, in order of first use. */
export class Interner<T = string> {
  readonly values: T[] = [];
  private readonly codes = new Map<string, number>();

  code(key: string, value: () => T): number {
    let c = this.codes.get(key);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value());
      this.codes.set(key, c);
    }
    return c;
  }

  find(key: string): number | undefined {
    return this.codes.get(key);
  }
}
