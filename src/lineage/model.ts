// What the crawler knows about one Hub model once its JSON has been validated: lineage from the Hub-computed
// tags, the raw card base_model entries (for parents the Hub could not resolve), and the metadata we display.
import { isRepoId } from './repo-id.ts';

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
  /** The Hub's ObjectId (`_id`), where the payload gave one; absent in journals written before it was kept. */
  objectId?: string | null;
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
  /** `base_model:*` tags that name no repo (local paths, unknown relation words); absent in older journals. */
  junkTags?: string[];
}

/** Parents named by `base_model:P` and `base_model:<relation>:P` tags; a plain tag alone gives `unknown`. */
export function parentsFromTags(tags: readonly string[], self: string): ParentRef[] {
  return readLineageTags(tags, self).parents;
}

/**
 * Reads the lineage tags. A tag's parent is a repo id only if it parses as one (PEFT writes
 * `base_model:adapter:<local path>`), and a relation word outside the four the Hub computes (`distill:X`) is never
 * read into the id: both are junk, reported and never followed (hub-api.md §9).
 */
export function readLineageTags(tags: readonly string[], self: string): { parents: ParentRef[]; junk: string[] } {
  const byId = new Map<string, Relation>();
  const junk: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith('base_model:')) continue;
    const rest = tag.slice('base_model:'.length);
    const colon = rest.indexOf(':');
    const word = colon >= 0 ? rest.slice(0, colon) : null;
    const kind = KIND_RELATIONS.find((r) => r === word);
    const id = kind ? rest.slice(kind.length + 1) : rest;
    if (!isRepoId(id)) {
      junk.push(tag);
      continue;
    }
    if (id.toLowerCase() === self.toLowerCase()) continue;
    if (kind) byId.set(id, kind);
    else if (!byId.has(id)) byId.set(id, 'unknown');
  }
  return { parents: [...byId].map(([id, relation]) => ({ id, relation })), junk };
}

export function licenseFromTags(tags: readonly string[]): string | null {
  const tag = tags.find((t) => t.startsWith('license:'));
  return tag ? tag.slice('license:'.length) : null;
}
