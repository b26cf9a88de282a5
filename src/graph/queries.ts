// Questions researchers ask of the lineage graph: ancestors, descendants to depth k, roots, family members,
// per-relation child counts (direct and transitive), subgraphs, and the path between two models.
// graphology-operators' subgraph and graphology-shortest-path keep node ids in plain objects (or copy into a graph
// without safe keys), so both are done here over Maps: every string is an id (see safe-keys.ts).
import { bfsFromNode } from 'graphology-traversal';
import { createLineageGraph, type LineageGraph } from './graph.ts';
import { mergeWins, NO_RELATION, relationCode, RELATIONS, type Relation } from '../lineage/relation.ts';

export type RelationCounts = Record<Relation, number>;

function assertNode(graph: LineageGraph, id: string, fn: string): void {
  if (!graph.hasNode(id)) throw new Error(`graph/${fn}: unknown node "${id}"`);
}

/** Every ancestor of a model, nearest first (through all parents of merges). */
export function ancestors(graph: LineageGraph, id: string): string[] {
  assertNode(graph, id, 'ancestors');
  const out: string[] = [];
  bfsFromNode(graph, id, (node) => void (node !== id && out.push(node)), { mode: 'inbound' });
  return out;
}

/** Descendants down to `maxDepth` generations (Infinity for all), nearest first. */
export function descendants(graph: LineageGraph, id: string, maxDepth = Infinity): string[] {
  assertNode(graph, id, 'descendants');
  const out: string[] = [];
  bfsFromNode(
    graph,
    id,
    (node, _attrs, depth) => {
      if (depth > maxDepth) return true;
      if (node !== id) out.push(node);
      return depth >= maxDepth;
    },
    { mode: 'outbound' },
  );
  return out;
}

/** One ancestry chain to a root, following the parent with the most downloads at each step (cycle-safe). */
export function ancestryChain(graph: LineageGraph, id: string): string[] {
  assertNode(graph, id, 'ancestryChain');
  const chain = [id];
  const seen = new Set(chain);
  for (let cur = id; ;) {
    const parents = graph.inNeighbors(cur).filter((p) => !seen.has(p));
    if (parents.length === 0) return chain.reverse();
    cur = parents.reduce((a, b) =>
      graph.getNodeAttribute(b, 'downloads') > graph.getNodeAttribute(a, 'downloads') ? b : a,
    );
    seen.add(cur);
    chain.push(cur);
  }
}

/** The relation by which a model derives from its parents: null for a root, 'merge' wins for merges. */
export function incomingRelation(graph: LineageGraph, id: string): Relation | null {
  let code = NO_RELATION;
  graph.forEachInEdge(id, (_e, attrs) => void (code = mergeWins(code, relationCode(attrs.relation))));
  return RELATIONS[code] ?? null;
}

export function roots(graph: LineageGraph): string[] {
  return graph.filterNodes((node) => graph.inDegree(node) === 0);
}

export function familyOf(graph: LineageGraph, family: string): string[] {
  return graph.filterNodes((_node, attrs) => attrs.family === family);
}

export function emptyCounts(): RelationCounts {
  return Object.fromEntries(RELATIONS.map((r) => [r, 0])) as RelationCounts;
}

/** Children per relation: direct (edges out of the model) and transitive (edges anywhere below it). With `keep`
 * (the time slider's month), only the models kept and the edges between them count, as the graph draws each model by
 * its own date: a kept model below one left out is counted, not the edge into it from the one left out. */
export function childCounts(
  graph: LineageGraph,
  id: string,
  keep: (id: string) => boolean = () => true,
): { direct: RelationCounts; transitive: RelationCounts } {
  assertNode(graph, id, 'childCounts');
  const direct = emptyCounts();
  graph.forEachOutEdge(id, (_e, attrs, _s, target) => void (keep(target) && direct[attrs.relation]++));
  const transitive = emptyCounts();
  const below = new Set([id, ...descendants(graph, id).filter(keep)]);
  for (const node of below)
    graph.forEachOutEdge(node, (_e, attrs, _s, target) => void (below.has(target) && transitive[attrs.relation]++));
  return { direct, transitive };
}

/** The lineage path from `from` down to `to` (or up, if `to` is an ancestor), or null if unrelated. */
export function lineagePath(graph: LineageGraph, from: string, to: string): string[] | null {
  assertNode(graph, from, 'lineagePath');
  assertNode(graph, to, 'lineagePath');
  return downwardPath(graph, from, to) ?? downwardPath(graph, to, from)?.reverse() ?? null;
}

/** A shortest path from `from` down to `to` along child edges (breadth-first), or null. */
function downwardPath(graph: LineageGraph, from: string, to: string): string[] | null {
  const previous = new Map<string, string | null>([[from, null]]);
  const queue = [from];
  for (let i = 0; i < queue.length && !previous.has(to); i++)
    graph.forEachOutNeighbor(queue[i] as string, (child) => {
      if (previous.has(child)) return;
      previous.set(child, queue[i] as string);
      queue.push(child);
    });
  if (!previous.has(to)) return null;
  const path: string[] = [];
  for (let at: string | null = to; at !== null; at = previous.get(at) ?? null) path.push(at);
  return path.reverse();
}

/** The induced subgraph on some models, as a new graph (positions kept). */
export function subgraph(graph: LineageGraph, ids: Iterable<string>): LineageGraph {
  const keep = new Set(ids);
  for (const id of keep) assertNode(graph, id, 'subgraph');
  const out = createLineageGraph();
  for (const id of keep) out.addNode(id, { ...graph.getNodeAttributes(id) });
  graph.forEachEdge((key, attrs, parent, child) => {
    if (keep.has(parent) && keep.has(child)) out.addDirectedEdgeWithKey(key, parent, child, { ...attrs });
  });
  return out;
}
