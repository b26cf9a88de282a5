// The lineage data model shared by the graph, the store, the exports and the UI: models as nodes,
// derivations as typed parent → child edges. Attribute names match the CSV columns of DESIGN.md §2.
import type { Relation } from './model.ts';

export type { Relation };
/** What the crawl learnt of a model: `ok`, read from the Hub; `missing`, named as a parent but refused (deleted,
 * private, unreadable); `disabled`, the Hub said "Access to this resource is disabled."; `unread`, a parent outside
 * the crawled families that the Hub's own `base_model` tags name (so it exists) and the crawl did not read: its
 * counts, dates, pipeline, library and license are unknown, not zero or empty. */
export const STATUSES = ['ok', 'missing', 'disabled', 'unread'] as const;
export type Status = (typeof STATUSES)[number];

export function isStatus(v: unknown): v is Status {
  return (STATUSES as readonly unknown[]).includes(v);
}

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

/** A node of which only the id is known (a refused or unread parent; the reader's blank row): its author is the
 * id's owner, every count 0 and every text empty. */
export function blankNode(id: string, family: string, status: Status): ModelNode {
  return {
    id,
    author: id.split('/')[0] ?? id,
    family,
    depth: 0,
    downloads: 0,
    likes: 0,
    created_at: '',
    last_modified: '',
    pipeline_tag: '',
    library_name: '',
    license: '',
    gated: '',
    status,
  };
}

/** One node per id, a later record merged over an earlier one (as the graph merges them), in first-seen order. */
export function nodesById(nodes: readonly ModelNode[]): Map<string, ModelNode> {
  const byId = new Map<string, ModelNode>();
  for (const n of nodes) {
    const before = byId.get(n.id);
    byId.set(n.id, before ? { ...before, ...n } : n);
  }
  return byId;
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
/** A node's count as exports write it: null (an empty cell, a Parquet null, no GEXF/GraphML value) for an `unread`
 * node, whose counts the crawl never saw; in memory they are 0 and the status says so. */
export function knownCount(n: ModelNode, column: 'downloads' | 'likes'): number | null {
  return n.status === 'unread' ? null : n[column];
}

export type NodeColumn = (typeof NODE_COLUMNS)[number];

/** A nodes.csv column's value as exports write it (null: no value, an unread node's counts). */
export function nodeCell(n: ModelNode, column: NodeColumn): string | number | null {
  return column === 'downloads' || column === 'likes' ? knownCount(n, column) : n[column];
}

export const EDGE_COLUMNS = ['parent', 'child', 'relation'] as const;
