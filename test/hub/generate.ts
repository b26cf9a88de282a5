// The seeded synthetic Hub: official roots, the fixtures, then derivatives grown by preferential attachment with
// the real relation mix (adapter 42%, finetune 33%, quantized 18%, merge 7%), leaves mostly quantized/adapters,
// cross-family merges, renames, and unrelated models; the real Hub's quirks (quirks.ts) on top. 200,000 models
// generate in about a second.
import { DatasetBuilder } from './builder.ts';
import { FAMILIES, QUANTIZERS, WORDS, type FamilySpec } from './families.ts';
import { addFixtures } from './fixtures.ts';
import { addQuirkFixtures, applyQuirks } from './quirks.ts';
import { derivativeMix, type HubProfileName } from './profiles.ts';
import { createRng, type Rng } from './random.ts';
import { LEGACY_CREATED_AT, truthFromRecords, type HubDataset, type Relation } from './records.ts';

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

interface FamilyState {
  spec: FamilySpec;
  /** Preferential-attachment urn: a model appears once per child it has, plus once when it became fertile. */
  urn: string[];
}

export function generateHub({ size, seed, profile }: GenerateOptions): HubDataset {
  const rng = createRng(seed);
  const b = new DatasetBuilder(rng);
  const states = FAMILIES.map((spec) => addRoots(b, spec));
  addFixtures(b);
  addQuirkFixtures(b);
  const generatedFrom = b.records.length;
  const users = Array.from({ length: Math.max(50, Math.floor(size / 12)) }, (_, i) => `user${i.toString(36)}`);
  const mix = derivativeMix(profile);
  const totalShare = mix.shares.reduce((s, x) => s + x, 0);
  while (b.records.length < size) {
    if (rng.chance(mix.unrelatedShare)) addUnrelated(b, rng, users);
    else addDerivative(b, rng, users, states, pickFamily(rng, states, mix.shares, totalShare));
  }
  addRenames(b, rng);
  applyQuirks(b.records.slice(generatedFrom), createRng(seed ^ 0x51f15eed), LEGACY_CREATED_AT);
  return { records: b.records, aliases: b.aliases, truth: truthFromRecords(b.records), family: b.family };
}

function addRoots(b: DatasetBuilder, spec: FamilySpec): FamilyState {
  const urn: string[] = [];
  for (const root of spec.roots) {
    const id = `${spec.org}/${root.name}`;
    const parent = root.parent ? [{ id: `${spec.org}/${root.parent}`, relation: 'finetune' as const }] : [];
    b.add(
      {
        id,
        createdAt: Date.parse(`${root.createdAt}T10:00:00Z`),
        parents: parent,
        arch: spec.arch,
        license: spec.license,
        gated: spec.gated,
        downloads: 200_000 + Math.floor(root.weight * 400_000),
      },
      spec.family,
    );
    for (let i = 0; i < root.weight * 40; i++) urn.push(id);
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

function addDerivative(b: DatasetBuilder, rng: Rng, users: string[], states: FamilyState[], st: FamilyState): void {
  const relation = pickRelation(rng);
  const primary = rng.pick(st.urn);
  const parentIds = [primary];
  if (relation === 'merge') {
    const count = 2 + Math.min(5, Math.floor(rng.heavy(0.6)));
    for (let i = 1; i < count; i++) {
      const from = rng.chance(0.2) ? rng.pick(states) : st;
      const other = rng.pick(from.urn);
      if (!parentIds.includes(other)) parentIds.push(other);
    }
  }
  const parents = parentIds.map((id) => ({ id, relation }));
  const bornAfter = Math.max(...parentIds.map((id) => Date.parse(b.get(id)?.createdAt ?? '2024-01-01')));
  const createdAt = Math.min(END, bornAfter + DAY + Math.floor(rng.heavy(40) * DAY));
  const shortName = primary.split('/')[1] ?? primary;
  const author = relation === 'quantized' && rng.chance(0.6) ? rng.pick(QUANTIZERS) : rng.pick(users);
  const quantLib = rng.chance(0.6) ? 'gguf' : rng.chance(0.4) ? 'mlx' : 'transformers';
  const library = relation === 'adapter' ? 'peft' : relation === 'quantized' ? quantLib : 'transformers';
  const id = b.uniqueId(`${author}/${shortName.slice(0, 60)}-${suffix(rng, relation, library)}`);
  b.add(
    {
      id,
      createdAt,
      parents,
      cardBase: messyCardBase(rng, parentIds),
      explicitRelation: rng.chance(0.3),
      arch: st.spec.arch,
      license: rng.chance(0.85) ? st.spec.license : rng.pick(['apache-2.0', 'mit', 'cc-by-nc-4.0', 'other']),
      library,
      extraTags:
        relation === 'merge' ? ['mergekit', 'merge'] : relation === 'quantized' && library !== 'gguf' ? ['4-bit'] : [],
    },
    st.spec.family,
  );
  for (const p of parentIds) st.urn.push(p);
  if (rng.chance(FERTILITY[relation])) st.urn.push(id);
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

/** What uploaders really write: mostly the ids, sometimes URLs, stray whitespace or the wrong case. */
function messyCardBase(rng: Rng, parentIds: string[]): string | string[] {
  const messy = parentIds.map((id) => {
    const x = rng.next();
    if (x < 0.01) return `https://huggingface.co/${id}`;
    if (x < 0.02) return ` ${id}  `;
    if (x < 0.03) return id.toLowerCase();
    return id;
  });
  return messy.length === 1 ? (messy[0] as string) : messy;
}

function addUnrelated(b: DatasetBuilder, rng: Rng, users: string[]): void {
  const kind = rng.pick([
    ['sentence-similarity', 'bert', 'sentence-transformers'],
    ['text-to-image', 'stable-diffusion', 'diffusers'],
    ['automatic-speech-recognition', 'whisper', 'transformers'],
    ['text-classification', 'roberta', 'transformers'],
  ] as const);
  const id = b.uniqueId(`${rng.pick(users)}/${kind[1]}-${rng.pick(WORDS)}-${rng.int(1000)}`);
  const createdAt = Date.UTC(2023, 0, 1) + rng.int(Math.floor((END - Date.UTC(2023, 0, 1)) / DAY)) * DAY;
  b.add({ id, createdAt, pipeline: kind[0], arch: kind[1], library: kind[2], license: 'mit' }, 'none');
}

/** A few derivatives that have children get renamed (transferred); children's cards keep the old name. */
function addRenames(b: DatasetBuilder, rng: Rng): void {
  const withChildren = new Set(b.records.flatMap((r) => r.parents.map((p) => p.id)));
  const candidates = b.records.filter(
    (r) => withChildren.has(r.id) && !r.id.includes('Qwen/') && !r.id.startsWith('meta-llama/'),
  );
  for (let i = 0; i < Math.min(20, candidates.length); i++) {
    const target = rng.pick(candidates);
    const oldName = `${target.author}/old-${target.id.split('/')[1] ?? 'x'}`;
    if (!b.has(oldName)) b.alias(oldName, target.id);
  }
}
