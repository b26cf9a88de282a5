// The lineage data model shared by the graph, the store, the exports and the UI: models as nodes,
// derivations as typed parent → child edges. Attribute names match the CSV columns of DESIGN.md §2.
import type { Relation } from './model.ts';

export type { Relation };
export type Status = 'ok' | 'missing' | 'disabled';

export interface ModelNode {
  id: string;
  author: string;
  family: string;
  depth: number;
  downloads: number;
  likes: number;
  created_at: string;
  last_modified: string;
  pipeline_tag: string;
  library_name: string;
  license: string;
  gated: '' | 'auto' | 'manual';
  status: Status;
}

export interface LineageEdge {
  parent: string;
  child: string;
  relation: Relation;
  /** True for the edge that closes a cycle (A → B → A); layouts and depths ignore it. */
  cycle: boolean;
}

export interface Lineage {
  nodes: ModelNode[];
  edges: LineageEdge[];
}

export const NODE_COLUMNS = [
  'id',
  'author',
  'family',
  'depth',
  'downloads',
  'likes',
  'created_at',
  'pipeline_tag',
  'library_name',
  'license',
  'status',
] as const;
export const EDGE_COLUMNS = ['parent', 'child', 'relation'] as const;
