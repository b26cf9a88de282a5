// The one graphology graph of the app: models as nodes keyed by repo id, derivations as parent → child edges (at
// most one per pair, found by its two ends; their keys are graphology's own), attributes as in types.ts. Any string
// is a valid id (see safe-keys.ts).
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
  // Edges are found by their two ends (the graph is simple), so they take graphology's own short keys: a key made of
  // both ids was a long new string to build and hash per edge, about a sixth of building a 500,000-model graph.
  // Into a graph without edges (a reopen, a crawl's result), each edge is first simply added: graphology checks its
  // ends before it changes anything, so only an edge it refuses (a self-loop, a duplicate, an unknown end) takes the
  // careful path. Into a graph that has edges most would be refused, and a refusal costs more than asking first.
  const addFirst = graph.size === 0;
  for (const e of lineage.edges) {
    const attrs = { relation: e.relation, cycle: e.cycle };
    if (!addFirst || !addedAsNew(graph, e, attrs)) mergeEdge(graph, e, attrs);
  }
}

function addedAsNew(graph: LineageGraph, e: LineageEdge, attrs: EdgeAttributes): boolean {
  try {
    graph.addDirectedEdge(e.parent, e.child, attrs);
    return true;
  } catch {
    return false;
  }
}

function mergeEdge(graph: LineageGraph, e: LineageEdge, attrs: EdgeAttributes): void {
  if (e.parent === e.child) return;
  if (!graph.hasNode(e.parent) || !graph.hasNode(e.child))
    throw new Error(`graph/merge: edge ${e.parent} -> ${e.child} names an unknown node`);
  graph.mergeDirectedEdge(e.parent, e.child, attrs);
}

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
  // A graph built from the lineage that was laid out holds its nodes in the order of `ids`: the k-th node visited is
  // ids[k], found without a map of every id (built and dropped on each layout, it cost 0.2–0.3 s at 500,000 models).
  let index: Map<string, number> | null = null;
  let k = 0;
  const positionOf = (id: string): number | undefined => {
    if (ids[k] === id) return k++;
    index ??= new Map(ids.map((v, i) => [v, i]));
    return index.get(id);
  };
  graph.updateEachNodeAttributes((id, attrs) => {
    const i = positionOf(id);
    attrs.x = i === undefined ? 0 : (xy[2 * i] as number);
    attrs.y = i === undefined ? 0 : (xy[2 * i + 1] as number);
    return attrs;
  });
}
