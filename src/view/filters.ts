// Whether a model passes the explorer's filters. Called for every model when filters change, so it allocates
// nothing and compares strings and numbers only.
import type { ModelNode, Relation } from '../lineage/types.ts';
import type { Filters } from './state.ts';
import type { LineageGraph } from '../graph/graph.ts';

export function passesFilters(node: ModelNode, relation: Relation | 'root', f: Filters): boolean {
  if (f.relations.length > 0 && (relation === 'root' || !f.relations.includes(relation))) return false;
  if (f.minDownloads !== null && node.downloads < f.minDownloads) return false;
  if (f.maxDownloads !== null && node.downloads > f.maxDownloads) return false;
  if (f.minLikes !== null && node.likes < f.minLikes) return false;
  if (f.maxLikes !== null && node.likes > f.maxLikes) return false;
  if (f.license !== null && node.license !== f.license) return false;
  if (f.pipeline !== null && node.pipeline_tag !== f.pipeline) return false;
  if (f.library !== null && node.library_name !== f.library) return false;
  if (f.createdFrom !== null && (node.created_at === '' || node.created_at.slice(0, 10) < f.createdFrom)) return false;
  if (f.createdTo !== null && (node.created_at === '' || node.created_at.slice(0, 10) > f.createdTo)) return false;
  if (f.minDepth !== null && node.depth < f.minDepth) return false;
  if (f.maxDepth !== null && node.depth > f.maxDepth) return false;
  if (f.asOf !== null && !existedBy(node, f.asOf)) return false;
  return true;
}

/** Whether a model existed by the end of month `asOf` (YYYY-MM), as the time slider shows it: undated ones stay. */
export function existedBy(node: Pick<ModelNode, 'created_at'>, asOf: string): boolean {
  return node.created_at === '' || node.created_at.slice(0, 7) <= asOf;
}

/** Which models of `graph` existed by the time slider's month (every one at all time, `asOf` null). */
export function madeBy(graph: LineageGraph, asOf: string | null): (id: string) => boolean {
  return asOf === null ? () => true : (id) => existedBy(graph.getNodeAttributes(id), asOf);
}
