// The statistics' columnar index: codes, months, relations and parent lists match the graph it was built from.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import {
  incomingOf,
  indexLineage,
  maskOf,
  monthCode,
  monthName,
  relationInScope,
} from '../../src/stats/lineage-index.ts';
import { edge, node, smallLineage } from './fixtures.ts';

describe('lineage index', () => {
  const lineage = smallLineage();
  lineage.nodes.push(node('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', { created_at: '' }), node('distil-org/plain'));
  lineage.edges.push(
    edge('Q/base', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'),
    edge('u/merge', 'Q/base', 'finetune', true),
  );
  const graph = createLineageGraph(lineage);
  const ix = indexLineage(graph, graph.nodes());
  const at = (id: string): number => ix.position.get(id) as number;

  it('codes months both ways, and marks unknown dates', () => {
    expect(monthName(monthCode('2024-09-16T10:00:00Z'))).toBe('2024-09');
    expect(monthName(monthCode('2025-12-31'))).toBe('2025-12');
    expect(monthCode('')).toBe(-1);
    expect(ix.month[at('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')]).toBe(-1);
  });

  it('keeps each model’s relation, family, author and parents, cycle edges flagged', () => {
    const relations = incomingOf(ix);
    expect(relations[at('u/merge')]).toBe('merge');
    expect(relations[at('L/base')]).toBe('root');
    expect(ix.families[ix.family[at('L/inst')] as number]).toBe('meta-llama');
    expect(ix.authors[ix.author[at('u/gguf')] as number]).toBe('u');
    const parentsOf = (id: string) =>
      Array.from(ix.parents.subarray(ix.parentStart[at(id)], ix.parentStart[at(id) + 1]), (p) => ix.ids[p]);
    expect(parentsOf('u/merge').sort()).toEqual(['L/base', 'Q/inst']);
    const cycle = ix.parentStart[at('Q/base')] as number;
    expect([ix.ids[ix.parents[cycle] as number], ix.edgeCycle[cycle]]).toEqual(['u/merge', 1]);
  });

  it('reads distillations from the name, not the org', () => {
    expect(ix.distilled[at('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B')]).toBe(1);
    expect(ix.distilled[at('distil-org/plain')]).toBe(0);
  });

  it('builds scopes from ids, ignoring unknown ones, and relations within a scope', () => {
    const mask = maskOf(ix, ['u/merge', 'L/base', 'not/there']);
    expect([...mask].reduce((a, b) => a + b, 0)).toBe(2);
    expect(relationInScope(ix, mask, at('u/merge'))).toBe(3); // merge, through L/base only
    expect(relationInScope(ix, mask, at('L/base'))).toBe(-1);
  });
});
