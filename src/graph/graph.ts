// The one graphology graph of the app: models as nodes keyed by repo id, derivations as parent → child edges
// keyed `parent->child`, attributes as in types.ts.
import Graph from 'graphology';
import type { Lineage, LineageEdge, ModelNode } from './types.ts';

export type EdgeAttributes = Omit<LineageEdge, 'parent' | 'child'>;
export type LineageGraph = Graph<ModelNode, EdgeAttributes>;

export function createLineageGraph(lineage?: Lineage): LineageGraph {
  const graph: LineageGraph = new Graph<ModelNode, EdgeAttributes>({
    type: 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  if (lineage) mergeLineage(graph, lineage);
  return graph;
}

/** Adds or updates nodes and edges in place (the app keeps one graph for its whole life). */
export function mergeLineage(graph: LineageGraph, lineage: Lineage): void {
  for (const n of lineage.nodes) graph.mergeNode(n.id, n);
  for (const e of lineage.edges) {
    if (e.parent === e.child) continue;
    if (!graph.hasNode(e.parent) || !graph.hasNode(e.child))
      throw new Error(`graph/merge: edge ${e.parent} -> ${e.child} names an unknown node`);
    graph.mergeDirectedEdgeWithKey(`${e.parent}->${e.child}`, e.parent, e.child, {
      relation: e.relation,
      cycle: e.cycle,
    });
  }
}

export function lineageOf(graph: LineageGraph, nodes?: Iterable<string>): Lineage {
  const keep = nodes ? new Set(nodes) : null;
  const out: Lineage = { nodes: [], edges: [] };
  graph.forEachNode((id, attrs) => {
    if (!keep || keep.has(id)) out.nodes.push({ ...attrs });
  });
  graph.forEachEdge((_key, attrs, parent, child) => {
    if (!keep || (keep.has(parent) && keep.has(child))) out.edges.push({ parent, child, ...attrs });
  });
  return out;
}
