// What a hover lights up and what stays marked, and which models a change of visibility or labels touches: the
// renderer refreshes only those (a renamed parent's thousands of edges are not among them).
import { describe, expect, it } from 'vitest';
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { changedModels, LitModels } from '../../src/render/lit.ts';
import { RELATION_COLORS } from '../../src/view/encoding.ts';
import { smallLineage } from './fixtures.ts';

const graph = createLineageGraph(smallLineage());

describe('changedModels', () => {
  it('tells the models whose visibility flipped from those only renamed', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const before = { visible: Uint8Array.from([1, 1, 0, 1]), label: ['a', 'b (+3 quant.)', 'c', 'd'] };
    const after = { visible: Uint8Array.from([1, 0, 1, 1]), label: ['a', 'b (+2 quant.)', 'c', 'd (+1 quant.)'] };
    expect(changedModels(ids, before, after)).toEqual({ flipped: ['b', 'c'], renamed: ['d'] });
    expect(changedModels(ids, after, after)).toEqual({ flipped: [], renamed: [] });
  });
});

describe('LitModels', () => {
  it('lights a lineage and its edges among lit models, and gives what was lit before to draw again', () => {
    const lit = new LitModels();
    const first = lit.light(graph, ['Q/base', 'Q/inst', 'u/ft1'], ['Q/base', 'Q/inst'], ['Q/base'], 'Q/inst');
    expect(first.nodes).toEqual(['Q/base', 'Q/inst', 'u/ft1']);
    expect(first.edges).toHaveLength(2);
    expect(lit.forced()).toEqual(['Q/inst']);
    const node = { highlighted: false, forceLabel: false, zIndex: 0 } as NodeDisplayData;
    lit.styleNode('Q/base', node);
    expect(node).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 1 });
    const edge = { color: '', size: 1, zIndex: 0 } as unknown as EdgeDisplayData;
    lit.styleEdge(graph, first.edges[0] as string, edge, '#ddd');
    expect(edge).toMatchObject({ color: RELATION_COLORS.finetune, size: 2 });
    const cleared = lit.light(graph, null, [], [], null);
    expect(cleared.nodes).toEqual(['Q/base', 'Q/inst', 'u/ft1']);
    expect(lit.forced()).toEqual([]);
    lit.styleEdge(graph, first.edges[0] as string, edge, '#ddd');
    expect(edge.color).toBe('#ddd');
  });

  it('marks models on top, forced labelled, and says when the marks did not change', () => {
    const lit = new LitModels();
    expect(lit.mark(['u/q4'])).toEqual(['u/q4']);
    expect(lit.mark(['u/q4'])).toBeNull();
    expect(lit.mark(['u/lora'])).toEqual(['u/q4', 'u/lora']);
    const node = { zIndex: 0 } as NodeDisplayData;
    lit.styleNode('u/lora', node);
    expect(node).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 2 });
    expect(lit.forced()).toEqual(['u/lora']);
  });
});
