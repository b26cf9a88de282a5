// The models the explorer encodes, read by position: model i is ids[i], with its record, its parents (positions,
// with the edge's relation) in the graph's order, and its number of children. The encodings (encoding.ts,
// visibility.ts) are written once over these rows. The rows come from the laid-out records themselves when they hold
// one record per id in the layout's order (a decoded cache or crawl result: no lookup by id at all), else from the
// graph, id by id.
import type { LineageGraph } from '../graph/graph.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import { inEdgesOf } from '../lineage/in-edges.ts';
import { relationCode } from '../lineage/relation.ts';
import type { Lineage, ModelNode } from '../lineage/types.ts';

export interface ModelRows {
  readonly ids: readonly string[];
  /** Model i's record, as the graph holds it (read it, never change it). */
  node(i: number): ModelNode;
  /** Model i's parents: parents[parentStart[i] .. parentStart[i + 1]) (-1 for a parent outside `ids`), in the order
   * the graph lists them, with their edge's relation code (an index in RELATIONS). */
  readonly parentStart: Int32Array;
  readonly parents: Int32Array;
  readonly edgeRelation: Int8Array;
  /** How many children each model has. */
  readonly childCount: Int32Array;
}

/** The rows of `ids`, asking the graph for each model by id. */
export function rowsOfGraph(graph: LineageGraph, ids: readonly string[]): ModelRows {
  const n = ids.length;
  const position = new Map<string, number>();
  for (let i = 0; i < n; i++) position.set(ids[i] as string, i);
  const nodes = ids.map((id) => graph.getNodeAttributes(id));
  const parentStart = new Int32Array(n + 1);
  const parents: number[] = [];
  const relations: number[] = [];
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    parentStart[i] = parents.length;
    graph.forEachInEdge(id, (_e, a, parent) => {
      parents.push(position.get(parent) ?? -1);
      relations.push(relationCode(a.relation));
    });
    childCount[i] = graph.outDegree(id);
  }
  parentStart[n] = parents.length;
  const edgeRelation = Int8Array.from(relations);
  return {
    ids,
    node: (i) => nodes[i] as ModelNode,
    parentStart,
    parents: Int32Array.from(parents),
    edgeRelation,
    childCount,
  };
}

/** The rows of a laid-out lineage (`ids`, the layout's order; the graph made from `lineage`): by position from its
 * records and stored columns when they hold one record per id in that order, else from the graph. */
export function rowsOfLayout(
  graph: LineageGraph,
  ids: readonly string[],
  lineage: Lineage,
  columnar: ColumnarLineage | null,
): ModelRows {
  const { nodes } = lineage;
  if (!columnar || !inStep(ids, nodes, columnar)) return rowsOfGraph(graph, ids);
  const { start: parentStart, parent: parents, relation: edgeRelation } = inEdgesOf(columnar, ids);
  const childCount = new Int32Array(ids.length);
  for (const p of parents) childCount[p] = (childCount[p] as number) + 1;
  return { ids, node: (i) => nodes[i] as ModelNode, parentStart, parents, edgeRelation, childCount };
}

/** Whether record i and column row i are model ids[i], for every i. */
function inStep(ids: readonly string[], nodes: readonly ModelNode[], columnar: ColumnarLineage): boolean {
  if (nodes.length !== ids.length || columnar.count !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if ((nodes[i] as ModelNode).id !== ids[i]) return false;
  return true;
}
