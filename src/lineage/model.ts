// What the crawler knows about one Hub model once its JSON has been validated: lineage from the Hub-computed
// tags, the raw card base_model entries (for parents the Hub could not resolve), and the metadata we display.

import type { Relation } from './relation.ts';

// The relation vocabulary lives in relation.ts; re-exported here for the modules that import it from the model.
export { RELATIONS, type Relation } from './relation.ts';
const KIND_RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;

export interface ParentRef {
  id: string;
  relation: Relation;
}

export interface HubModel {
  id: string;
  author: string;
  createdAt: string | null;
  lastModified: string | null;
  downloads: number;
  likes: number;
  pipelineTag: string | null;
  libraryName: string | null;
  license: string | null;
  gated: false | 'auto' | 'manual';
  disabled: boolean;
  /** Direct parents the Hub resolved (one per `base_model:*` tag pair), in tag order. */
  parents: ParentRef[];
  /** `cardData.base_model` entries, trimmed, as strings; may hold junk and old names. */
  cardBase: string[];
  /** `cardData.base_model_relation`, when the uploader set one. */
  cardRelation: Relation | null;
}

/** Parents named by `base_model:P` and `base_model:<relation>:P` tags; a plain tag alone gives `unknown`. */
export function parentsFromTags(tags: readonly string[], self: string): ParentRef[] {
  const byId = new Map<string, Relation>();
  for (const tag of tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const kind = KIND_RELATIONS.find((r) => rest.startsWith(`${r}:`));
    const id = kind ? rest.slice(kind.length + 1) : rest;
    if (!id || id.toLowerCase() === self.toLowerCase()) continue;
    if (kind) byId.set(id, kind);
    else if (!byId.has(id)) byId.set(id, 'unknown');
  }
  return [...byId].map(([id, relation]) => ({ id, relation }));
}

export function licenseFromTags(tags: readonly string[]): string | null {
  const tag = tags.find((t) => t.startsWith('license:'));
  return tag ? tag.slice('license:'.length) : null;
}
