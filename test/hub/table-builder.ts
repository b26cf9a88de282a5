// Writes a HubTable (table.ts): explicit rows from a spec or a record (fixtures, real data, test Hubs), and
// generated rows from the generator's draws, kept as numbers. Parents named before they exist (a fixture's
// 2-cycle) are resolved when the table is sealed; names that never become a row stay names.
import { drawExtras, makeRecord, type RecordExtras, type RecordSink, type RecordSpec } from './builder.ts';
import { allocColumns, FLAG, Interner, NumberList, trimColumns, type Columns } from './columns.ts';
import { IdStore } from './id-store.ts';
import type { Quirk } from './quirks.ts';
import type { Rng } from './random.ts';
import { HubTable, QUIRK_TAGS, type Profile } from './table.ts';
import { LEGACY_CREATED_AT, lineageTags, RELATIONS, type HubRecord, type Relation } from './records.ts';

const LEGACY_MS = Date.parse(LEGACY_CREATED_AT);
const NO_EXTRAS: RecordExtras = { lastModified: 0, downloads: 0, downloadsAllTime: 0, likes: 0, trendingScore: 0 };

export interface GeneratedRow {
  id: string;
  /** The id's owner, when the generator has it at hand (saves splitting the id). */
  author?: string;
  createdAt: number;
  /** Parent rows, all with one relation, and how the card names each (table.ts MESS). */
  parents: number[];
  relation?: Relation;
  mess: number[];
  explicitRelation: boolean;
  profile: Profile;
  family: string;
  quirk: Quirk;
}

export class TableBuilder implements RecordSink {
  readonly aliases = new Map<string, string>();
  private readonly ids: IdStore;
  private cols: Columns;
  private capacity: number;
  private length = 0;
  private counter = 0;
  private readonly explicit = new Map<number, HubRecord>();
  private readonly parentRef = new NumberList(new Int32Array(1024), (n) => new Int32Array(n));
  private readonly parentRel = new NumberList(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly parentMess = new NumberList(new Uint8Array(1024), (n) => new Uint8Array(n));
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  private readonly authors = new Interner();
  private readonly pipelines = new Interner();
  private readonly plains = new Interner<string[]>();
  private readonly families = new Interner();
  private readonly profiles = new Interner<Profile>();
  private readonly profileKeys = new WeakMap<Profile, number>();
  private readonly generatedPlains = new Map<number, number>();

  constructor(
    private readonly rng: Rng,
    expected = 1024,
  ) {
    this.capacity = Math.max(16, expected);
    this.ids = new IdStore(this.capacity);
    this.cols = allocColumns(this.capacity);
  }

  get rows(): number {
    return this.length;
  }

  id(row: number): string {
    return this.ids.get(row);
  }

  has(id: string): boolean {
    return this.ids.indexOf(id) >= 0;
  }

  /** `createdAt` as shown (ms) of a row. */
  createdOf(row: number): number {
    return this.cols.created[row] as number;
  }

  /** A free id close to the one asked for (the Hub's ids are unique case-insensitively, renames included). */
  uniqueId(id: string): string {
    const free = (c: string): boolean => !this.has(c) && !this.aliases.has(c.toLowerCase());
    if (free(id)) return id;
    for (let n = 2; ; n++) if (free(`${id}-${n}`)) return `${id}-${n}`;
  }

  alias(oldId: string, canonical: string): void {
    this.aliases.set(oldId.toLowerCase(), canonical);
  }

  /** An explicit row from a spec, drawing its extras from the builder's stream as DatasetBuilder does. */
  add(spec: RecordSpec, family: string): number {
    return this.addRecord(makeRecord(spec, drawExtras(this.rng, spec), ++this.counter), family);
  }

  /** An explicit row that keeps the record given. */
  addRecord(r: HubRecord, family: string): number {
    const row = this.open(r.id, family);
    const c = this.cols;
    this.explicit.set(row, r);
    c.created[row] = Date.parse(r.createdAt);
    c.modified[row] = Date.parse(r.lastModified);
    c.downloads[row] = r.downloads;
    c.allTime[row] = r.downloadsAllTime;
    c.likes[row] = r.likes;
    c.trending[row] = r.trendingScore;
    c.oidHi[row] = Number.parseInt(r._id.slice(0, 8), 16);
    c.oidLo[row] = Number.parseInt(r._id.slice(8), 16);
    c.author[row] = this.authors.code(r.author.toLowerCase(), () => r.author.toLowerCase());
    c.pipeline[row] = this.pipelines.code(r.pipeline_tag ?? '', () => r.pipeline_tag ?? '');
    const plain = withoutLineage(r.tags, r.parents);
    c.plain[row] = this.plains.code(JSON.stringify(plain), () => plain);
    c.flags[row] = FLAG.explicit | (r.private ? FLAG.private : 0) | (r.disabled ? FLAG.disabled : 0);
    for (const p of r.parents) this.parent(this.nameRef(p.id), RELATIONS.indexOf(p.relation), 0);
    c.parentStart[row + 1] = this.parentRef.length;
    return row;
  }

  /** A generated row: its draws in columns, its record made again when served. */
  addGenerated(g: GeneratedRow): number {
    if (g.createdAt < LEGACY_MS) throw new Error('hub/table: generated models are made after the legacy date');
    const x = drawExtras(this.rng, { id: g.id, createdAt: g.createdAt });
    const counter = ++this.counter;
    const row = this.open(g.id, g.family);
    const c = this.cols;
    const author = g.author ?? g.id.split('/')[0] ?? g.id;
    c.created[row] = g.createdAt;
    c.modified[row] = x.lastModified;
    c.downloads[row] = x.downloads;
    c.allTime[row] = x.downloadsAllTime;
    c.likes[row] = x.likes;
    c.trending[row] = x.trendingScore;
    c.oidHi[row] = Math.floor((g.quirk.legacyCreated ?? g.createdAt) / 1000);
    c.oidLo[row] = counter;
    c.author[row] = this.authors.code(author.toLowerCase(), () => author.toLowerCase());
    c.pipeline[row] = this.pipelines.code(g.profile.pipeline, () => g.profile.pipeline);
    const profile = this.profileCode(g.profile);
    const tag = g.quirk.tag ? QUIRK_TAGS.indexOf(g.quirk.tag as (typeof QUIRK_TAGS)[number]) : 0;
    if (tag < 0) throw new Error(`hub/table: unknown quirk tag ${g.quirk.tag}`);
    c.profile[row] = profile;
    c.quirkTag[row] = tag;
    c.plain[row] = this.plainOf(profile, tag, g);
    if (g.quirk.legacyCreated !== undefined) c.created[row] = LEGACY_MS;
    c.flags[row] =
      (g.explicitRelation ? FLAG.explicitRelation : 0) |
      (g.quirk.disabled ? FLAG.disabled : 0) |
      (g.quirk.legacyCreated !== undefined ? FLAG.legacyQuirk : 0);
    const relation = RELATIONS.indexOf(g.relation ?? 'finetune');
    g.parents.forEach((p, i) => this.parent(p, relation, g.mess[i] ?? 0));
    c.parentStart[row + 1] = this.parentRef.length;
    return row;
  }

  /** The finished table: parents named before they existed are resolved to their rows, spare room given back. */
  seal(): HubTable {
    const refs = this.parentRef.trimmed();
    for (let e = 0; e < refs.length; e++) {
      const ref = refs[e] as number;
      if (ref >= 0) continue;
      const name = this.names[-ref - 1] as string;
      const row = this.ids.indexOf(name);
      if (row >= 0 && this.ids.get(row) === name) refs[e] = row;
    }
    return new HubTable({
      ids: this.ids,
      cols: trimColumns(this.cols, this.length),
      length: this.length,
      explicit: this.explicit,
      parentRef: refs,
      parentRel: this.parentRel.trimmed(),
      parentMess: this.parentMess.trimmed(),
      names: this.names,
      nameIndex: this.nameIndex,
      aliases: this.aliases,
      authors: this.authors,
      pipelines: this.pipelines,
      plains: this.plains,
      families: this.families,
      profiles: this.profiles,
    });
  }

  private open(id: string, family: string): number {
    if (this.length === this.capacity) {
      this.cols = allocColumns(this.capacity * 2, this.cols, this.length);
      this.capacity *= 2;
    }
    const row = this.ids.add(id);
    this.cols.family[row] = this.families.code(family, () => family);
    this.cols.parentStart[row + 1] = this.parentRef.length;
    this.length++;
    return row;
  }

  private parent(ref: number, relation: number, mess: number): void {
    this.parentRef.push(ref);
    this.parentRel.push(relation);
    this.parentMess.push(mess);
  }

  /** A parent named by id: a name ref now (the row may come later), resolved in seal(). */
  private nameRef(name: string): number {
    let k = this.nameIndex.get(name);
    if (k === undefined) {
      k = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, k);
    }
    return -k - 1;
  }

  /** The plain tag list of a profile and quirk tag (keyed by number: this runs once per generated model). */
  private plainOf(profile: number, tag: number, g: GeneratedRow): number {
    const key = profile * QUIRK_TAGS.length + tag;
    let code = this.generatedPlains.get(key);
    if (code === undefined) {
      code = this.plains.code(`p${key}`, () => plainTags(g.profile, g.quirk.tag));
      this.generatedPlains.set(key, code);
    }
    return code;
  }

  private profileCode(p: Profile): number {
    const known = this.profileKeys.get(p);
    if (known !== undefined) return known;
    const code = this.profiles.code([p.library, p.arch, p.pipeline, p.license, ...p.extraTags].join('|'), () => p);
    this.profileKeys.set(p, code);
    return code;
  }
}

/** The tags of a generated row other than those its parents give. */
function plainTags(p: Profile, quirkTag?: string): string[] {
  const spec = { id: 'x/x', createdAt: LEGACY_MS, ...p };
  const tags = makeRecord(spec, NO_EXTRAS, 0).tags;
  return quirkTag ? [...tags, quirkTag] : tags;
}

/** A record's tags less one of each lineage tag its parents give. */
function withoutLineage(tags: readonly string[], parents: HubRecord['parents']): string[] {
  const left = new Map<string, number>();
  for (const t of lineageTags(parents)) left.set(t, (left.get(t) ?? 0) + 1);
  return tags.filter((t) => {
    const n = left.get(t) ?? 0;
    if (n > 0) left.set(t, n - 1);
    return n === 0;
  });
}
