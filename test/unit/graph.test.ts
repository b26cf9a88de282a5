// Graph model and queries on lineages with known answers.
import { describe, expect, it } from 'vitest';
import { computeDepths } from '../../src/graph/depth.ts';
import { createLineageGraph, lineageOf, mergeLineage } from '../../src/graph/graph.ts';
import {
  ancestors,
  ancestryChain,
  childCounts,
  descendants,
  familyOf,
  lineagePath,
  roots,
  subgraph,
} from '../../src/graph/queries.ts';
import { edge, node, smallLineage } from './fixtures.ts';

const g = createLineageGraph(smallLineage());

describe('lineage graph queries', () => {
  it('finds ancestors through every parent of a merge', () => {
    expect(ancestors(g, 'u/merge').sort()).toEqual(['L/base', 'Q/base', 'Q/inst']);
    expect(ancestryChain(g, 'u/gguf')).toEqual(['Q/base', 'Q/inst', 'u/ft1', 'u/gguf']);
  });

  it('finds descendants to depth k', () => {
    expect(descendants(g, 'Q/inst', 1).sort()).toEqual(['u/ft1', 'u/merge', 'u/q4']);
    expect(descendants(g, 'Q/inst').sort()).toEqual(['u/ft1', 'u/gguf', 'u/lora', 'u/merge', 'u/q4']);
    expect(descendants(g, 'Q/base', 0)).toEqual([]);
  });

  it('counts children per relation, direct and transitive', () => {
    const { direct, transitive } = childCounts(g, 'Q/inst');
    expect(direct).toMatchObject({ finetune: 1, quantized: 1, merge: 1, adapter: 0 });
    expect(transitive).toMatchObject({ finetune: 1, quantized: 2, merge: 1, adapter: 1 });
  });

  it('counts only the models kept (the time slider’s month) and the edges between them', () => {
    // u/ft1 left out: the edges into its quantization and adapter go with it, though those two are kept.
    const { direct, transitive } = childCounts(g, 'Q/inst', (id) => id !== 'u/ft1');
    expect(direct).toMatchObject({ finetune: 0, quantized: 1, merge: 1, adapter: 0 });
    expect(transitive).toMatchObject({ finetune: 0, quantized: 1, merge: 1, adapter: 0 });
    // A kept model below one left out is still counted where its edge comes from a kept model.
    expect(childCounts(g, 'Q/base', (id) => id !== 'Q/inst').transitive).toMatchObject({
      finetune: 0,
      quantized: 1,
      adapter: 1,
      merge: 0,
    });
    expect(childCounts(g, 'Q/inst', (id) => id !== 'u/gguf').transitive).toMatchObject({ quantized: 1, adapter: 1 });
  });

  it('lists roots and families, finds paths and cuts subgraphs', () => {
    expect(roots(g).sort()).toEqual(['L/base', 'Q/base']);
    expect(familyOf(g, 'meta-llama').sort()).toEqual(['L/base', 'L/inst']);
    expect(lineagePath(g, 'Q/base', 'u/lora')).toEqual(['Q/base', 'Q/inst', 'u/ft1', 'u/lora']);
    expect(lineagePath(g, 'u/lora', 'Q/base')).toEqual(['u/lora', 'u/ft1', 'Q/inst', 'Q/base']);
    expect(lineagePath(g, 'L/inst', 'u/lora')).toBeNull();
    const sub = subgraph(g, ['Q/inst', 'u/ft1', 'u/gguf']);
    expect(sub.order).toBe(3);
    expect(sub.size).toBe(2);
    expect(() => subgraph(g, ['nope/x'])).toThrow('graph/subgraph: unknown node "nope/x"');
  });

  it('round-trips through lineageOf and refuses edges to unknown nodes', () => {
    const back = lineageOf(g);
    expect(back.nodes).toHaveLength(9);
    expect(back.edges).toHaveLength(8);
    expect(() => createLineageGraph({ nodes: [node('a/b')], edges: [edge('a/b', 'c/d')] })).toThrow(/unknown node/);
  });

  it('keeps one edge per parent and child, the later record winning, and drops self-loops, into any graph', () => {
    const nodes = [node('a/p'), node('a/c')];
    const edges = [edge('a/p', 'a/c', 'finetune'), edge('a/c', 'a/c'), edge('a/p', 'a/c', 'merge', true)];
    const fresh = createLineageGraph({ nodes, edges });
    const grown = createLineageGraph({ nodes, edges: [edge('a/p', 'a/c', 'adapter')] });
    mergeLineage(grown, { nodes, edges });
    for (const g of [fresh, grown]) {
      expect(g.size).toBe(1);
      expect(g.getEdgeAttributes(g.edge('a/p', 'a/c') as string)).toEqual({ relation: 'merge', cycle: true });
      expect(lineageOf(g).edges).toEqual([edge('a/p', 'a/c', 'merge', true)]);
    }
  });
});

describe('computeDepths', () => {
  it('gives roots 0 and children their shallowest parent + 1', () => {
    const { depth } = computeDepths(
      smallLineage().nodes.map((n) => n.id),
      smallLineage().edges,
    );
    expect(Object.fromEntries(depth)).toMatchObject({
      'Q/base': 0,
      'Q/inst': 1,
      'u/ft1': 2,
      'u/gguf': 3,
      'u/merge': 1,
      'L/inst': 1,
    });
  });

  it('survives cycles and marks the edge that closes them', () => {
    const { depth, backEdges } = computeDepths(
      ['r/0', 'c/a', 'c/b', 'x/1', 'x/2'],
      [edge('r/0', 'c/a'), edge('c/a', 'c/b'), edge('c/b', 'c/a'), edge('x/1', 'x/2'), edge('x/2', 'x/1')],
    );
    expect(depth.get('c/b')).toBe(2);
    expect(backEdges.size).toBe(2);
    expect(depth.has('x/1') && depth.has('x/2')).toBe(true);
  });
});
