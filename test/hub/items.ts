// How the local Hub shapes a record into JSON, per hub-api.md §1.2-§1.3 and §2.6: default listing keys,
// `full`, `cardData`, `config`, and `expand` (only `_id`, `id` and the asked fields; 400 for unknown ones).
import type { Catalog } from './catalog.ts';
import type { HubRecord } from './records.ts';

export const INFO_EXPANDABLE = [
  'author',
  'baseModels',
  'cardData',
  'childrenModelCount',
  'config',
  'createdAt',
  'disabled',
  'downloads',
  'downloadsAllTime',
  'evalResults',
  'gated',
  'gguf',
  'inference',
  'inferenceProviderMapping',
  'lastModified',
  'library_name',
  'likes',
  'mask_token',
  'model-index',
  'pipeline_tag',
  'private',
  'resourceGroup',
  'safetensors',
  'sha',
  'siblings',
  'spaces',
  'tags',
  'transformersInfo',
  'trendingScore',
  'usedStorage',
  'widgetData',
  'xetEnabled',
] as const;

const LIST_REFUSED = new Set(['childrenModelCount', 'usedStorage']);
const LIST_DEFAULT = [
  '_id',
  'id',
  'likes',
  'trendingScore',
  'private',
  'downloads',
  'tags',
  'pipeline_tag',
  'library_name',
  'createdAt',
  'modelId',
];
const FULL_EXTRA = ['author', 'gated', 'lastModified', 'sha', 'siblings'];
const INFO_DEFAULT = [
  '_id',
  'id',
  'modelId',
  'author',
  'private',
  'disabled',
  'gated',
  'sha',
  'lastModified',
  'createdAt',
  'pipeline_tag',
  'library_name',
  'tags',
  'downloads',
  'likes',
  'cardData',
  'config',
  'siblings',
  'spaces',
  'safetensors',
];

export class ExpandError extends Error {}

/** Validates expand values for a route; throws with the Hub's style of message listing the allowed values. */
export function checkExpand(expand: string[], route: 'list' | 'info', listingBaseModels: boolean): void {
  const allowed: string[] = INFO_EXPANDABLE.filter(
    (f) => route === 'info' || (!LIST_REFUSED.has(f) && (listingBaseModels || f !== 'baseModels')),
  );
  expand.forEach((value, i) => {
    if (!allowed.includes(value)) throw new ExpandError(`"expand[${i}]" must be one of [${allowed.join(', ')}]`);
  });
}

export interface Shape {
  expand: string[];
  full?: boolean;
  cardData?: boolean;
  config?: boolean;
}

export function listItem(r: HubRecord, shape: Shape, catalog: Catalog): Record<string, unknown> {
  if (shape.expand.length > 0) return pick(r, ['_id', 'id', ...shape.expand], catalog);
  const keys = [...LIST_DEFAULT, ...(shape.full ? FULL_EXTRA : []), ...(shape.cardData ? ['cardData'] : [])];
  return pick(r, shape.config ? [...keys, 'config'] : keys, catalog);
}

export function infoItem(r: HubRecord, expand: string[], catalog: Catalog): Record<string, unknown> {
  return pick(r, expand.length > 0 ? ['_id', 'id', ...expand] : INFO_DEFAULT, catalog);
}

function pick(r: HubRecord, keys: readonly string[], catalog: Catalog): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = field(r, key, catalog);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function field(r: HubRecord, key: string, catalog: Catalog): unknown {
  switch (key) {
    case 'modelId':
      return r.id;
    case 'baseModels':
      return baseModels(r, catalog);
    case 'childrenModelCount':
      return catalog.childrenCount(r.id);
    case 'config':
      return { architectures: [archOf(r)], model_type: archOf(r).toLowerCase() };
    case 'spaces':
    case 'evalResults':
    case 'inferenceProviderMapping':
      return [];
    case 'usedStorage':
      return 1_000_000 + (r.downloads % 1_000_000);
    case 'xetEnabled':
      return true;
    case 'safetensors':
      return r.library_name === 'transformers'
        ? { parameters: { BF16: 7_615_616_512 }, total: 7_615_616_512 }
        : undefined;
    case 'gguf':
      return r.library_name === 'gguf' ? { total: 7_615_616_512, architecture: archOf(r) } : undefined;
    default:
      return (r as unknown as Record<string, unknown>)[key];
  }
}

function archOf(r: HubRecord): string {
  return r.tags.find((t) => /^(qwen|llama|mistral|gemma|phi|deepseek|glm|kimi|minimax|gpt2|bert)/.test(t)) ?? 'unknown';
}

/** `{relation, models:[{_id,id}]}` with one relation for all parents; absent when the model has none. */
function baseModels(r: HubRecord, catalog: Catalog): unknown {
  const models = r.parents
    .map((p) => catalog.ref(p.id))
    .filter((p): p is { _id: string; id: string } => p !== undefined);
  if (models.length === 0) return undefined;
  return { relation: r.parents[0]?.relation, models };
}
