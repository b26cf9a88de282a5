// The one graphology graph of the app: models as nodes keyed by repo id, derivations as parent → child edges
// keyed by their two ends, attributes as in types.ts. Any string is a valid id (see safe-keys.ts).
import type { Lineage, LineageEdge, ModelNode } from '../lineage/types.ts';
import { inIdOrder } from '../lineage/columnar.ts';
import { SafeGraph } from './safe-keys.ts';

export type EdgeAttributes = Omit<LineageEdge, 'parent' | 'child'>;
/** A model plus its layout position, written once per layout (sigma needs positions on the graph itself). */
export type GraphNode = ModelNode & { x?: number; y?: number };
export type LineageGraph = SafeGraph<GraphNode, EdgeAttributes>;

export function createLineageGraph(lineage?: Lineage): LineageGraph {
  const graph: LineageGraph = new SafeGraph<GraphNode, EdgeAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  if (lineage) mergeLineage(graph, lineage);
  return graph;
}

/** Adds or updates nodes and edges in place (the app keeps one graph for its whole life). */
export function mergeLineage(graph: LineageGraph, lineage: Lineage): void {
  // New nodes and edges are added, known ones merged: adding skips the merge's copying of attributes, which is most
  // of the cost of building a 200,000-model graph (the app rebuilds it on every reopen and crawl result).
  // Into an empty graph, a lineage in id order (a decoded cache: one record per id) is added without asking first.
  if (graph.order === 0 && inIdOrder(lineage.nodes)) for (const n of lineage.nodes) graph.addNode(n.id, n);
  else
    for (const n of lineage.nodes) {
      if (graph.hasNode(n.id)) graph.mergeNode(n.id, n);
      else graph.addNode(n.id, n);
    }
  for (const e of lineage.edges) {
    if (e.parent === e.child) continue;
    if (!graph.hasNode(e.parent) || !graph.hasNode(e.child))
      throw new Error(`graph/merge: edge ${e.parent} -> ${e.child} names an unknown node`);
    const key = edgeKeyOf(e.parent, e.child);
    const attrs = { relation: e.relation, cycle: e.cycle };
    if (graph.hasEdge(key)) graph.mergeDirectedEdgeWithKey(key, e.parent, e.child, attrs);
    else graph.addDirectedEdgeWithKey(key, e.parent, e.child, attrs);
  }
}

/** An edge's key: injective for any two ids (a plain `a->b` would give `a->b` + `c` and `a` + `b->c` one key). */
export const edgeKeyOf = (parent: string, child: string): string => JSON.stringify([parent, child]);

export function lineageOf(graph: LineageGraph, nodes?: Iterable<string>): Lineage {
  const keep = nodes ? new Set(nodes) : null;
  const out: Lineage = { nodes: [], edges: [] };
  graph.forEachNode((id, { x: _x, y: _y, ...attrs }) => {
    if (!keep || keep.has(id)) out.nodes.push(attrs);
  });
  graph.forEachEdge((_key, attrs, parent, child) => {
    if (!keep || (keep.has(parent) && keep.has(child))) out.edges.push({ parent, child, ...attrs });
  });
  return out;
}

/** Writes layout positions onto the nodes in one batch (one re-index for the renderer). */
export function applyPositions(graph: LineageGraph, ids: readonly string[], xy: Float32Array): void {
  const index = new Map(ids.map((id, i) => [id, i]));
  graph.updateEachNodeAttributes((id, attrs) => {
    const i = index.get(id);
    attrs.x = i === undefined ? 0 : (xy[2 * i] as number);
    attrs.y = i === undefined ? 0 : (xy[2 * i + 1] as number);
    return attrs;
  });
}
