// Builds HubRecords the way the Hub would show them: tags computed from resolved parents, cardData kept raw,
// ObjectIds that match createdAt, unique case-insensitive ids. The record rule (makeRecord) and its random draws
// (drawExtras) are shared by this array builder (fixtures, real data, tests) and the compact table (table.ts),
// which keeps the draws in columns and makes the same record again when a listing serves it.
import { LEGACY_CREATED_AT, lineageTags, objectId, type HubRecord, type Relation } from './records.ts';
import type { Rng } from './random.ts';

export interface RecordSpec {
  id: string;
  createdAt: number;
  parents?: { id: string; relation: Relation }[];
  /** Raw `base_model` as the uploader wrote it; defaults to the parents' ids. */
  cardBase?: string | string[];
  explicitRelation?: boolean;
  arch?: string;
  license?: string;
  library?: string;
  pipeline?: string;
  extraTags?: string[];
  gated?: false | 'auto' | 'manual';
  private?: boolean;
  disabled?: boolean;
  downloads?: number;
  /** Forces the legacy date; any repo created before it gets it anyway. */
  legacyCreatedAt?: boolean;
}

/** The random part of a record, drawn in this order from the builder's stream. */
export interface RecordExtras {
  lastModified: number;
  downloads: number;
  downloadsAllTime: number;
  likes: number;
  trendingScore: number;
}

/** Where fixtures and generators put models: the array builder below or the compact table builder. */
export interface RecordSink {
  add(spec: RecordSpec, family: string): unknown;
  alias(oldId: string, canonical: string): void;
}

const DAY = 86_400_000;
const MODIFIED_UNTIL = Date.UTC(2026, 10, 1);
const LEGACY_MS = Date.parse(LEGACY_CREATED_AT);

const LIBRARY_TAGS: Record<string, string[]> = {
  transformers: ['transformers', 'safetensors'],
  peft: ['peft', 'safetensors', 'lora'],
  gguf: ['gguf'],
  mlx: ['mlx', 'safetensors'],
};

export function drawExtras(rng: Rng, spec: RecordSpec): RecordExtras {
  const modified = spec.createdAt + rng.int(90) * DAY;
  const downloads = spec.downloads ?? rng.heavy(20);
  const downloadsAllTime = downloads * (1 + rng.int(20));
  const likes = Math.floor(Math.sqrt(downloads) * rng.next());
  const trendingScore = rng.chance(0.05) ? rng.int(200) : 0;
  return { lastModified: Math.min(modified, MODIFIED_UNTIL), downloads, downloadsAllTime, likes, trendingScore };
}

/** The record the Hub shows for a spec, its draws and its place in creation order (the ObjectId counter). */
export function makeRecord(spec: RecordSpec, x: RecordExtras, counter: number): HubRecord {
  const parents = spec.parents ?? [];
  const library = spec.library ?? 'transformers';
  const license = spec.license ?? 'apache-2.0';
  const pipeline = spec.pipeline ?? 'text-generation';
  const tags = [
    ...(LIBRARY_TAGS[library] ?? [library]),
    ...(spec.arch ? [spec.arch] : []),
    pipeline,
    ...(pipeline === 'text-generation' ? ['conversational'] : []),
    ...(spec.extraTags ?? []),
    ...lineageTags(parents),
    `license:${license}`,
    'endpoints_compatible',
    'region:us',
  ];
  // Repos made before the Hub stored creation dates all show the same legacy date; their ObjectId keeps the real one.
  const legacy = spec.legacyCreatedAt === true || spec.createdAt < LEGACY_MS;
  const card: Record<string, unknown> = { license, library_name: library, pipeline_tag: pipeline };
  const cardBase = spec.cardBase ?? baseOf(parents);
  if (cardBase !== undefined) card.base_model = cardBase;
  if (spec.explicitRelation && parents[0]) card.base_model_relation = parents[0].relation;
  return {
    _id: objectId(spec.createdAt, counter),
    id: spec.id,
    author: spec.id.split('/')[0] ?? spec.id,
    createdAt: legacy ? LEGACY_CREATED_AT : new Date(spec.createdAt).toISOString(),
    lastModified: new Date(x.lastModified).toISOString(),
    downloads: x.downloads,
    downloadsAllTime: x.downloadsAllTime,
    likes: x.likes,
    trendingScore: x.trendingScore,
    private: spec.private ?? false,
    gated: spec.gated ?? false,
    disabled: spec.disabled ?? false,
    pipeline_tag: pipeline,
    library_name: library,
    tags,
    cardData: card,
    sha: sha(counter),
    siblings: [{ rfilename: 'README.md' }, { rfilename: library === 'gguf' ? 'model-Q4_K_M.gguf' : 'config.json' }],
    parents,
  };
}

export class DatasetBuilder implements RecordSink {
  readonly records: HubRecord[] = [];
  readonly byLower = new Map<string, HubRecord>();
  readonly aliases = new Map<string, string>();
  readonly family = new Map<string, string>();
  private counter = 0;

  constructor(private readonly rng: Rng) {}

  has(id: string): boolean {
    return this.byLower.has(id.toLowerCase());
  }

  get(id: string): HubRecord | undefined {
    return this.byLower.get(id.toLowerCase());
  }

  add(spec: RecordSpec, family: string): HubRecord {
    const record = makeRecord(spec, drawExtras(this.rng, spec), ++this.counter);
    this.records.push(record);
    this.byLower.set(spec.id.toLowerCase(), record);
    this.family.set(spec.id, family);
    return record;
  }

  /** Rename a model: old name redirects (307) to the new canonical id. */
  alias(oldId: string, canonical: string): void {
    this.aliases.set(oldId.toLowerCase(), canonical);
  }
}

function baseOf(parents: readonly { id: string }[]): string | string[] | undefined {
  if (parents.length === 0) return undefined;
  if (parents.length === 1) return parents[0]?.id;
  return parents.map((p) => p.id);
}

function sha(n: number): string {
  return (n * 2654435761).toString(16).padStart(8, '0').repeat(5).slice(0, 40);
}
