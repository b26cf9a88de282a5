// The local Hub's models as a compact table (columns.ts): what the catalog sorts and filters on is in typed
// arrays, and a model's JSON record is made only when a listing or a model page serves it. Two kinds of rows:
// explicit rows keep the HubRecord they were given (fixtures, real data, the small Hubs of the tests), generated
// rows keep their draws and are made again with the same record rule (builder.ts makeRecord) on demand.
import { makeRecord, type RecordSpec } from './builder.ts';
import { FLAG, type Columns, type Interner } from './columns.ts';
import type { IdStore } from './id-store.ts';
import { applyQuirk, LOCAL_PATH_TAGS, UNKNOWN_RELATION_TAG, type Quirk } from './quirks.ts';
import { LEGACY_CREATED_AT, RELATIONS, type HubRecord, type Relation } from './records.ts';

/** What generated rows share: the record fields that come from their kind, not from their draws. */
export interface Profile {
  library: string;
  arch: string;
  pipeline: string;
  license: string;
  extraTags: string[];
}

/** A quirk tag's code in the `quirkTag` column (0: none). */
export const QUIRK_TAGS = ['', LOCAL_PATH_TAGS[0], LOCAL_PATH_TAGS[1], UNKNOWN_RELATION_TAG] as const;
/** How an uploader wrote a parent in the card (generated rows): as is, as a URL, with spaces, lower-cased. */
export const MESS = ['plain', 'url', 'spaced', 'lower'] as const;

export interface TableParts {
  ids: IdStore;
  cols: Columns;
  length: number;
  explicit: Map<number, HubRecord>;
  parentRef: Int32Array;
  parentRel: Uint8Array;
  parentMess: Uint8Array;
  /** Parent names that are no row (negative refs: -1 is names[0]), and each name's place in it. */
  names: string[];
  nameIndex: Map<string, number>;
  aliases: Map<string, string>;
  authors: Interner;
  pipelines: Interner;
  plains: Interner<string[]>;
  families: Interner;
  profiles: Interner<Profile>;
}

export class HubTable {
  readonly length: number;
  readonly cols: Columns;
  readonly parentRef: Int32Array;
  readonly parentRel: Uint8Array;
  readonly aliases: Map<string, string>;

  constructor(private readonly p: TableParts) {
    this.length = p.length;
    this.cols = p.cols;
    this.parentRef = p.parentRef;
    this.parentRel = p.parentRel;
    this.aliases = p.aliases;
  }

  id(row: number): string {
    return this.p.ids.get(row);
  }

  /** The row of an id, case-insensitively, or -1. */
  indexOf(id: string): number {
    return this.p.ids.indexOf(id);
  }

  /** A parent as named in the parent arrays: a row, or a name that is no row. */
  parentName(ref: number): string {
    return ref >= 0 ? this.id(ref) : (this.p.names[-ref - 1] as string);
  }

  /** The ref of an exact parent name (a row whose id is exactly it, else a name no row has), or undefined. */
  refOf(name: string): number | undefined {
    const row = this.indexOf(name);
    if (row >= 0 && this.id(row) === name) return row;
    const k = this.p.nameIndex.get(name);
    return k === undefined ? undefined : -k - 1;
  }

  /** How many parent names are no row (refs -1 … -count). */
  get nameCount(): number {
    return this.p.names.length;
  }

  relation(edge: number): Relation {
    return RELATIONS[this.parentRel[edge] as number] as Relation;
  }

  isListed(row: number): boolean {
    return ((this.cols.flags[row] as number) & (FLAG.private | FLAG.disabled)) === 0;
  }

  isPrivate(row: number): boolean {
    return ((this.cols.flags[row] as number) & FLAG.private) !== 0;
  }

  family(row: number): string {
    return this.p.families.values[this.cols.family[row] as number] as string;
  }

  authorCode(lowerAuthor: string): number | undefined {
    return this.p.authors.find(lowerAuthor);
  }

  pipelineCode(tag: string): number | undefined {
    return this.p.pipelines.find(tag);
  }

  /** Codes of the plain tag lists that hold `tag`. */
  plainCodesWith(tag: string): Set<number> {
    const codes = new Set<number>();
    this.p.plains.values.forEach((list, code) => list.includes(tag) && codes.add(code));
    return codes;
  }

  /** The listing's key values as the record shows them (cursors carry these). */
  createdAtText(row: number): string {
    return this.p.explicit.get(row)?.createdAt ?? new Date(this.cols.created[row] as number).toISOString();
  }

  lastModifiedText(row: number): string {
    return this.p.explicit.get(row)?.lastModified ?? new Date(this.cols.modified[row] as number).toISOString();
  }

  objectIdText(row: number): string {
    const explicit = this.p.explicit.get(row);
    if (explicit) return explicit._id;
    const hi = (this.cols.oidHi[row] as number).toString(16).padStart(8, '0');
    return hi + (this.cols.oidLo[row] as number).toString(16).padStart(16, '0').slice(-16);
  }

  /** Edges a crawl can see (hub's truth): parents of listed models, self-references aside. */
  edgeCount(): number {
    let n = 0;
    for (let row = 0; row < this.length; row++) {
      if (!this.isListed(row)) continue;
      for (let e = this.cols.parentStart[row] as number; e < (this.cols.parentStart[row + 1] as number); e++)
        if (this.parentName(this.parentRef[e] as number) !== this.id(row)) n++;
    }
    return n;
  }

  /** The model's record: the one given for an explicit row, a new one made from its columns otherwise. */
  record(row: number): HubRecord {
    return this.p.explicit.get(row) ?? this.generated(row);
  }

  private generated(row: number): HubRecord {
    const c = this.cols;
    const flags = c.flags[row] as number;
    const prof = this.p.profiles.values[c.profile[row] as number] as Profile;
    const parents: { id: string; relation: Relation }[] = [];
    const messy: string[] = [];
    for (let e = c.parentStart[row] as number; e < (c.parentStart[row + 1] as number); e++) {
      const id = this.parentName(this.parentRef[e] as number);
      parents.push({ id, relation: this.relation(e) });
      messy.push(messyId(id, this.p.parentMess[e] as number));
    }
    const spec: RecordSpec = {
      id: this.id(row),
      createdAt: c.created[row] as number,
      parents,
      explicitRelation: (flags & FLAG.explicitRelation) !== 0,
      ...prof,
    };
    if (messy.length > 0) spec.cardBase = messy.length === 1 ? (messy[0] as string) : messy;
    const record = makeRecord(
      spec,
      {
        lastModified: c.modified[row] as number,
        downloads: c.downloads[row] as number,
        downloadsAllTime: c.allTime[row] as number,
        likes: c.likes[row] as number,
        trendingScore: c.trending[row] as number,
      },
      c.oidLo[row] as number,
    );
    const quirk: Quirk = {};
    if (flags & FLAG.legacyQuirk) quirk.legacyCreated = (c.oidHi[row] as number) * 1000;
    if (flags & FLAG.disabled) quirk.disabled = true;
    if (c.quirkTag[row]) quirk.tag = QUIRK_TAGS[c.quirkTag[row] as number];
    applyQuirk(record, quirk, LEGACY_CREATED_AT);
    return record;
  }
}

/** A parent id as an uploader wrote it in the card (the generator draws which way). */
export function messyId(id: string, mess: number): string {
  if (mess === 1) return `https://huggingface.co/${id}`;
  if (mess === 2) return ` ${id}  `;
  if (mess === 3) return id.toLowerCase();
  return id;
}
