// The local Hub's data model: one HubRecord per repo, the alias table (renames, legacy names) and the ground truth
// that tests and benchmarks compare a crawl against. Shared by the synthetic generator and the real-data loader.

export type Relation = 'finetune' | 'adapter' | 'quantized' | 'merge';
export const RELATIONS: readonly Relation[] = ['finetune', 'adapter', 'quantized', 'merge'];

export interface HubRecord {
  _id: string;
  id: string;
  author: string;
  createdAt: string;
  lastModified: string;
  downloads: number;
  downloadsAllTime: number;
  likes: number;
  trendingScore: number;
  private: boolean;
  gated: false | 'auto' | 'manual';
  disabled: boolean;
  pipeline_tag?: string;
  library_name?: string;
  tags: string[];
  cardData?: Record<string, unknown>;
  sha: string;
  siblings: { rfilename: string }[];
  /** Resolved direct parents (canonical ids) as the Hub's lineage service sees them; drives tags and baseModels. */
  parents: { id: string; relation: Relation }[];
}

export interface TruthEdge {
  parent: string;
  child: string;
  relation: Relation;
}

export interface HubDataset {
  records: HubRecord[];
  /** lower-case old name → canonical id (renames, transfers, legacy single names). */
  aliases: Map<string, string>;
  /** Every edge a crawl can see, as the Hub's tags state it: none into private or disabled (unlisted) repos. */
  truth: TruthEdge[];
  /** canonical id → family label of the generator (or of hub-data). */
  family: Map<string, string>;
}

/** The tags the Hub computes for a model's lineage: a plain and a kind tag per resolved parent (hub-api.md §2.2). */
export function lineageTags(parents: readonly { id: string; relation: Relation }[]): string[] {
  const tags: string[] = [];
  for (const p of parents) tags.push(`base_model:${p.id}`, `base_model:${p.relation}:${p.id}`);
  return tags;
}

/** `createdAt` of every repo created before the Hub stored creation dates (before March 2022, hub-api.md §9). */
export const LEGACY_CREATED_AT = '2022-03-02T23:29:04.000Z';

/** A 24-hex ObjectId whose first 4 bytes are the creation time, as on the Hub. */
export function objectId(createdAtMs: number, counter: number): string {
  const seconds = Math.floor(createdAtMs / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + counter.toString(16).padStart(16, '0').slice(-16);
}

export function truthFromRecords(records: readonly HubRecord[]): TruthEdge[] {
  const edges: TruthEdge[] = [];
  for (const r of records) {
    if (r.private || r.disabled) continue;
    for (const p of r.parents) if (p.id !== r.id) edges.push({ parent: p.id, child: r.id, relation: p.relation });
  }
  return edges;
}
