// The explorer's encodings read the models by position (src/view/rows.ts): from the laid-out records and stored
// columns on a reopen, from the graph id by id otherwise. Both must give every encoding exactly as the graph does, on
// a lineage with the awkward cases (repeated edges, self-loops, a cycle edge, merges, parents whose ids JavaScript
// lists first), and records out of the layout's order must never be read by position.
import { describe, expect, it, vi } from 'vitest';
import { createLineageGraph, type LineageGraph } from '../../src/graph/graph.ts';
import { incomingRelation } from '../../src/graph/queries.ts';
import { prepareLayoutOf } from '../../src/layout/input.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import { inEdgesOf } from '../../src/lineage/in-edges.ts';
import { RELATIONS } from '../../src/lineage/relation.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import {
  computeColors,
  computeFolding,
  computeSizes,
  descendantShares,
  incomingRelations,
  labelsWithFolds,
} from '../../src/view/encoding.ts';
import { familyDiscs } from '../../src/view/framing.ts';
import { rowsOfGraph, rowsOfLayout, type ModelRows } from '../../src/view/rows.ts';
import { COLOR_BY, emptyFilters, SIZE_BY, type Filters } from '../../src/view/state.ts';
import { computeVisible, withoutFolded } from '../../src/view/visibility.ts';
import { syntheticLineage } from '../bench/synthetic.ts';
import { edge, node, smallLineage } from './fixtures.ts';

const FAMILIES = ['Qwen', 'meta-llama'];

function awkwardLineage(): Lineage {
  const lineage = syntheticLineage(1200, 5);
  const small = smallLineage();
  // "12" and "7" are array-index keys: graphology lists them before the other parents, whatever the edge order.
  lineage.nodes.push(...small.nodes, node('12', { family: 'other' }), node('7'), node('x/two'), node('x/three'));
  lineage.edges.push(
    ...small.edges,
    edge('Q/base', 'x/two', 'adapter'),
    edge('12', 'x/two', 'finetune'),
    edge('L/base', 'x/three', 'quantized'),
    edge('12', 'x/three', 'adapter'),
    edge('7', 'x/three', 'finetune'),
    edge('Q/base', 'x/three', 'quantized'),
    // A repeated edge (its last relation wins, in its first place), a self-loop, and a cycle edge.
    edge('L/base', 'L/inst', 'merge'),
    edge('L/base', 'L/inst', 'adapter'),
    edge('x/two', 'x/two', 'merge'),
    edge('u/merge', 'Q/base', 'finetune', true),
  );
  return lineage;
}

/** What the app holds after a reopen: the decoded cache, its columns, the graph made from it, the layout's ids. */
function reopened() {
  const columnar = encodeLineage(awkwardLineage());
  const lineage = decodeLineage(columnar);
  const graph = createLineageGraph(lineage);
  const { ids } = prepareLayoutOf(lineage, FAMILIES, columnar);
  return { columnar, lineage, graph, ids };
}

/** Every encoding the explorer draws, over some rows. */
function encodings(graph: LineageGraph, rows: ModelRows) {
  const relations = incomingRelations(rows);
  const folding = computeFolding(rows, relations);
  const shares = descendantShares(rows, (i) => rows.node(i).depth);
  const filters: Partial<Filters>[] = [
    {},
    { relations: ['quantized', 'merge'], minDownloads: 3 },
    { license: 'mit', createdFrom: '2024-03-01', asOf: '2024-09', maxDepth: 2 },
  ];
  return {
    relations,
    folding,
    shares: [...shares],
    colors: COLOR_BY.map((by) => computeColors(rows, by, relations, FAMILIES)),
    sizes: SIZE_BY.map((by) => [...computeSizes(rows, by, shares)]),
    labels: labelsWithFolds(rows.ids, folding),
    discs: familyDiscs(rows),
    visible: [
      ...filters.map((f) =>
        withoutFolded(computeVisible(graph, rows, relations, { ...emptyFilters(), ...f }, null), folding),
      ),
      computeVisible(graph, rows, relations, emptyFilters(), 'Q/inst'),
    ],
  };
}

describe('the encodings read by position', () => {
  it('read the graph id by id as the graph says: relations, parents, children', () => {
    const { graph, ids } = reopened();
    const rows = rowsOfGraph(graph, ids);
    const relations = incomingRelations(rows);
    ids.forEach((id, i) => {
      expect(relations[i], id).toBe(incomingRelation(graph, id) ?? 'root');
      const parents = [...rows.parents.subarray(rows.parentStart[i], rows.parentStart[i + 1])];
      expect(
        parents.map((p) => ids[p]),
        id,
      ).toEqual(graph.inNeighbors(id));
      expect(rows.childCount[i], id).toBe(graph.outDegree(id));
      expect(rows.node(i)).toBe(graph.getNodeAttributes(id));
    });
    expect(relations[ids.indexOf('x/two')]).toBe('finetune');
    expect(relations[ids.indexOf('x/three')]).toBe('finetune');
    expect(relations[ids.indexOf('L/inst')]).toBe('adapter');
  });

  it('from the reopened records and columns, with no lookup by id, give what the graph gives', () => {
    const { columnar, lineage, graph, ids } = reopened();
    const byId = encodings(graph, rowsOfGraph(graph, ids));
    const asked = [
      vi.spyOn(graph, 'getNodeAttributes'),
      vi.spyOn(graph, 'getNodeAttribute'),
      vi.spyOn(graph, 'forEachInEdge'),
    ];
    const rows = rowsOfLayout(graph, ids, lineage, columnar);
    for (const spy of asked) expect(spy).not.toHaveBeenCalled();
    ids.forEach((id, i) => expect(rows.node(i).id).toBe(id));
    expect(encodings(graph, rows)).toEqual(byId);
    // The awkward cases are there: folded leaves, a merge, a repeated edge's last relation.
    expect(byId.folding.quantizations + byId.folding.adapters).toBeGreaterThan(10);
    expect(byId.relations).toContain('merge');
    expect(byId.visible[1]?.some((v) => v === 0) && byId.visible[1]?.some((v) => v === 1)).toBe(true);
  });

  it('lists each child’s parents in the graph’s order, the edge kept once with its last relation', () => {
    const { columnar, lineage, graph } = reopened();
    const ids = lineage.nodes.map((n) => n.id);
    const edges = inEdgesOf(columnar, ids);
    ids.forEach((id, i) => {
      const got: [string, string, boolean][] = [];
      for (let e = edges.start[i] as number; e < (edges.start[i + 1] as number); e++)
        got.push([
          ids[edges.parent[e] as number] as string,
          RELATIONS[edges.relation[e] as number] as string,
          edges.cycle[e] === 1,
        ]);
      const want: [string, string, boolean][] = [];
      graph.forEachInEdge(id, (_e, a, parent) => want.push([parent, a.relation, a.cycle]));
      expect(got, id).toEqual(want);
    });
  });

  it('are read from the graph when the records are not in the layout’s order', () => {
    const { columnar, lineage, graph, ids } = reopened();
    const byId = encodings(graph, rowsOfGraph(graph, ids));
    const shifted: Lineage = { nodes: [...lineage.nodes.slice(1), lineage.nodes[0]!], edges: lineage.edges };
    expect(encodings(graph, rowsOfLayout(graph, ids, shifted, columnar))).toEqual(byId);
    // Without the columns (an imported snapshot) too.
    expect(encodings(graph, rowsOfLayout(graph, ids, lineage, null))).toEqual(byId);
  });
});
