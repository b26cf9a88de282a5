// The seeded synthetic Hub: official roots, the fixtures, then derivatives grown by preferential attachment with
// the real relation mix (adapter 42%, finetune 33%, quantized 18%, merge 7%), leaves mostly quantized/adapters,
// cross-family merges, renames, and unrelated models; the real Hub's quirks (quirks.ts) on top. Generated models
// are kept as numbers in a compact table (table.ts; about 150 bytes a model, so the public Hub's 3.1 million fit
// in well under a gigabyte) and their records are made when served; generateHub materialises them all for the
// tests' small Hubs.
import type { RecordSpec } from './builder.ts';
import { FAMILIES, QUANTIZERS, WORDS, type FamilySpec } from './families.ts';
import { addFixtures } from './fixtures.ts';
import { NumberList } from './columns.ts';
import { addQuirkFixtures, drawQuirk } from './quirks.ts';
import { derivativeMix, type HubProfileName } from './profiles.ts';
import { createRng, type Rng } from './random.ts';
import { LEGACY_CREATED_AT, truthFromRecords, type HubDataset, type Relation } from './records.ts';
import { TableBuilder } from './table-builder.ts';
import type { HubTable, Profile } from './table.ts';

export interface GenerateOptions {
  size: number;
  seed: number;
  /** 'real' gives the public Hub's proportions (profiles.ts); the default keeps the families' own shares. */
  profile?: HubProfileName;
}

const END = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;
/** Chance that a new child of each relation may itself get children (~8% of finetunes, ~1% of leaves-by-nature). */
const FERTILITY: Record<Relation, number> = { finetune: 0.16, merge: 0.1, adapter: 0.01, quantized: 0.006 };
const UNRELATED_KINDS = [
  ['sentence-similarity', 'bert', 'sentence-transformers'],
  ['text-to-image', 'stable-diffusion', 'diffusers'],
  ['automatic-speech-recognition', 'whisper', 'transformers'],
  ['text-classification', 'roberta', 'transformers'],
] as const;

interface FamilyState {
  spec: FamilySpec;
  /** Preferential-attachment urn of rows: once per child a model has, plus once when it became fertile. */
  urn: NumberList<Int32Array>;
}

interface Draw {
  b: TableBuilder;
  rng: Rng;
  /** The quirks' own stream, drawn model by model in creation order. */
  quirks: Rng;
  users: string[];
  profiles: Map<string, Profile>;
  /** The public Hub's proportions only: models that would be born after END are spread over END's day, in row
   * order (a child's row comes after its parents'), instead of all at END's first millisecond. A snapshot cut
   * before the newest 1% then leaves out 1%, as on the Hub, where creation times are distinct. */
  spreadLastDay: number | null;
  /** DerivativeMix.crossFamilyParent. */
  crossFamilyParent: number;
}

/** Every record of the synthetic Hub, with its ground truth (for the tests' Hubs of up to a few 100,000). */
export function generateHub(options: GenerateOptions): HubDataset {
  return materialise(generateHubTable(options));
}

/** A table's records, aliases, families and ground truth, as arrays and maps. */
export function materialise(table: HubTable): HubDataset {
  const records = Array.from({ length: table.length }, (_, row) => table.record(row));
  const family = new Map(records.map((r, row) => [r.id, table.family(row)]));
  return { records, aliases: table.aliases, truth: truthFromRecords(records), family };
}

/** The synthetic Hub as a compact table (the real-size benchmark's 3.1 million models). */
export function generateHubTable({ size, seed, profile }: GenerateOptions): HubTable {
  const rng = createRng(seed);
  const b = new TableBuilder(rng, size + 256);
  const states = FAMILIES.map((spec) => addRoots(b, spec));
  addFixtures(b);
  addQuirkFixtures(b);
  const users = Array.from({ length: Math.max(50, Math.floor(size / 12)) }, (_, i) => `user${i.toString(36)}`);
  const spreadLastDay = profile === 'real' ? size : null;
  const mix = derivativeMix(profile);
  const quirks = createRng(seed ^ 0x51f15eed);
  const d: Draw = {
    b,
    rng,
    quirks,
    users,
    profiles: new Map(),
    spreadLastDay,
    crossFamilyParent: mix.crossFamilyParent,
  };
  const totalShare = mix.shares.reduce((s, x) => s + x, 0);
  while (b.rows < size) {
    if (rng.chance(mix.unrelatedShare)) addUnrelated(d);
    else addDerivative(d, states, pickFamily(rng, states, mix.shares, totalShare));
  }
  const table = b.seal();
  addRenames(table, rng);
  return table;
}

function addRoots(b: TableBuilder, spec: FamilySpec): FamilyState {
  const urn = new NumberList(new Int32Array(1024), (n) => new Int32Array(n));
  for (const root of spec.roots) {
    const parent = root.parent ? [{ id: `${spec.org}/${root.parent}`, relation: 'finetune' as const }] : [];
    const row = b.add(
      {
        id: `${spec.org}/${root.name}`,
        createdAt: Date.parse(`${root.createdAt}T10:00:00Z`),
        parents: parent,
        arch: spec.arch,
        license: spec.license,
        gated: spec.gated,
        downloads: 200_000 + Math.floor(root.weight * 400_000),
      } satisfies RecordSpec,
      spec.family,
    );
    for (let i = 0; i < root.weight * 40; i++) urn.push(row);
  }
  return { spec, urn };
}

function pickFamily(rng: Rng, states: readonly FamilyState[], shares: number[], totalShare: number): FamilyState {
  let x = rng.next() * totalShare;
  for (const [i, s] of states.entries()) if ((x -= shares[i] ?? 0) <= 0) return s;
  return states[0] as FamilyState;
}

function pickRelation(rng: Rng): Relation {
  const x = rng.next();
  return x < 0.42 ? 'adapter' : x < 0.75 ? 'finetune' : x < 0.93 ? 'quantized' : 'merge';
}

function pickRow(rng: Rng, urn: NumberList<Int32Array>): number {
  return urn.items[rng.int(urn.length)] as number;
}

function addDerivative(d: Draw, states: FamilyState[], st: FamilyState): void {
  const { b, rng } = d;
  const relation = pickRelation(rng);
  const primary = pickRow(rng, st.urn);
  const parents = [primary];
  if (relation === 'merge') {
    const count = 2 + Math.min(5, Math.floor(rng.heavy(0.6)));
    for (let i = 1; i < count; i++) {
      const from = rng.chance(d.crossFamilyParent) ? rng.pick(states) : st;
      const other = pickRow(rng, from.urn);
      if (!parents.includes(other)) parents.push(other);
    }
  }
  const bornAfter = Math.max(...parents.map((row) => b.createdOf(row)));
  const born = bornAfter + DAY + Math.floor(rng.heavy(40) * DAY);
  const createdAt = born < END ? born : END + (d.spreadLastDay ? Math.floor((b.rows / d.spreadLastDay) * DAY) : 0);
  const primaryId = b.id(primary);
  const shortName = primaryId.split('/')[1] ?? primaryId;
  const author = relation === 'quantized' && rng.chance(0.6) ? rng.pick(QUANTIZERS) : rng.pick(d.users);
  const quantLib = rng.chance(0.6) ? 'gguf' : rng.chance(0.4) ? 'mlx' : 'transformers';
  const library = relation === 'adapter' ? 'peft' : relation === 'quantized' ? quantLib : 'transformers';
  const id = b.uniqueId(`${author}/${shortName.slice(0, 60)}-${suffix(rng, relation, library)}`);
  const mess = parents.map(() => messOf(rng));
  const explicitRelation = rng.chance(0.3);
  const license = rng.chance(0.85) ? st.spec.license : rng.pick(['apache-2.0', 'mit', 'cc-by-nc-4.0', 'other']);
  const extra = relation === 'merge' ? 'merge' : relation === 'quantized' && library !== 'gguf' ? '4bit' : '';
  const row = b.addGenerated({
    id,
    author,
    createdAt,
    parents,
    relation,
    mess,
    explicitRelation,
    profile: profileOf(d, library, st.spec.arch, 'text-generation', license, extra),
    family: st.spec.family,
    quirk: drawQuirk(d.quirks, relation, true, LEGACY_CREATED_AT),
  });
  for (const p of parents) st.urn.push(p);
  if (rng.chance(FERTILITY[relation])) st.urn.push(row);
}

/** One shared Profile per combination, so millions of rows hold a 2-byte code. */
function profileOf(d: Draw, library: string, arch: string, pipeline: string, license: string, extra: string): Profile {
  const key = `${library}|${arch}|${pipeline}|${license}|${extra}`;
  let p = d.profiles.get(key);
  if (!p) {
    const extraTags = extra === 'merge' ? ['mergekit', 'merge'] : extra === '4bit' ? ['4-bit'] : [];
    p = { library, arch, pipeline, license, extraTags };
    d.profiles.set(key, p);
  }
  return p;
}

/** Repo-name suffixes as uploaders use them, matching the library (GGUF repos are named ...-GGUF). */
function suffix(rng: Rng, relation: Relation, library: string): string {
  const word = rng.pick(WORDS);
  if (relation === 'quantized' && library === 'gguf') return rng.pick(['GGUF', 'i1-GGUF', 'Q8_0-GGUF']);
  if (relation === 'quantized' && library === 'mlx') return rng.pick(['4bit', 'mlx-8bit']);
  if (relation === 'quantized') return rng.pick(['AWQ', 'GPTQ-Int4', 'FP8']);
  if (relation === 'adapter') return `lora-${word}`;
  if (relation === 'merge') return `${word}-merge`;
  return `${word}-sft`;
}

/** What uploaders really write for a parent (table.ts MESS): mostly the id, sometimes a URL, stray whitespace
 * or the wrong case. */
function messOf(rng: Rng): number {
  const x = rng.next();
  return x < 0.01 ? 1 : x < 0.02 ? 2 : x < 0.03 ? 3 : 0;
}

function addUnrelated(d: Draw): void {
  const { b, rng } = d;
  const kind = rng.pick(UNRELATED_KINDS);
  const author = rng.pick(d.users);
  const id = b.uniqueId(`${author}/${kind[1]}-${rng.pick(WORDS)}-${rng.int(1000)}`);
  const createdAt = Date.UTC(2023, 0, 1) + rng.int(Math.floor((END - Date.UTC(2023, 0, 1)) / DAY)) * DAY;
  b.addGenerated({
    id,
    author,
    createdAt,
    parents: [],
    mess: [],
    explicitRelation: false,
    profile: profileOf(d, kind[2], kind[1], kind[0], 'mit', ''),
    family: 'none',
    quirk: drawQuirk(d.quirks, undefined, false, LEGACY_CREATED_AT),
  });
}

/** A few derivatives that have children get renamed (transferred); children's cards keep the old name. */
function addRenames(t: HubTable, rng: Rng): void {
  const withChildren = new Uint8Array(t.length);
  for (const ref of t.parentRef) if (ref >= 0) withChildren[ref] = 1;
  const candidates: string[] = [];
  for (let row = 0; row < t.length; row++) {
    if (!withChildren[row]) continue;
    const id = t.id(row);
    if (!id.includes('Qwen/') && !id.startsWith('meta-llama/')) candidates.push(id);
  }
  for (let i = 0; i < Math.min(20, candidates.length); i++) {
    const target = rng.pick(candidates);
    const oldName = `${target.split('/')[0] ?? target}/old-${target.split('/')[1] ?? 'x'}`;
    if (t.indexOf(oldName) < 0) t.aliases.set(oldName.toLowerCase(), target);
  }
}
