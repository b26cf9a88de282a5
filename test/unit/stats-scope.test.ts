// Statistics of a family or a selection on the small lineage of fixtures.ts, every answer counted by hand.
import { describe, expect, it } from 'vitest';
import { computeDepths } from '../../src/graph/depth.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import {
  crossFamilyMerges,
  distillations,
  distillationPairs,
  familyKey,
  mergePairs,
  pairCounts,
} from '../../src/stats/crossings.ts';
import { everything, indexLineage, maskOf } from '../../src/stats/lineage-index.ts';
import { licenseChanges, licenseTier, licenseTransitions } from '../../src/stats/licenses.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { edge, node, smallLineage } from './fixtures.ts';

function withDepths(lineage: Lineage): Lineage {
  const { depth } = computeDepths(
    lineage.nodes.map((n) => n.id),
    lineage.edges,
  );
  for (const n of lineage.nodes) n.depth = depth.get(n.id) ?? 0;
  return lineage;
}

const LICENSES: Record<string, string> = {
  'L/base': 'llama3',
  'L/inst': 'apache-2.0',
  'u/merge': 'cc-by-nc-4.0',
  'u/gguf': 'other',
  'u/lora': '',
};

function statsGraph() {
  const lineage = smallLineage();
  for (const n of lineage.nodes) n.license = LICENSES[n.id] ?? n.license;
  lineage.nodes.push(
    node('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'),
    node('bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF'),
    node('u/tiny-distil', { family: 'meta-llama' }),
    node('u/Distill-merge'),
  );
  lineage.edges.push(
    edge('Q/base', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'),
    edge('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'bartowski/DeepSeek-R1-Distill-Qwen-7B-GGUF', 'quantized'),
    edge('L/inst', 'u/tiny-distil'),
    edge('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'u/Distill-merge', 'merge'),
    edge('L/inst', 'u/Distill-merge', 'merge'),
  );
  return createLineageGraph(withDepths(lineage));
}

describe('scope structure', () => {
  const graph = createLineageGraph(withDepths(smallLineage()));
  const ix = indexLineage(graph, graph.nodes());

  it('sizes, depths and the relation mix of the whole graph', () => {
    const s = scopeStructure(ix, everything(ix), ['Q', 'L']);
    expect(s).toMatchObject({ models: 9, derivatives: 7, roots: 2, edges: 8, downloads: 52 });
    expect(s.depth).toEqual([
      { depth: 0, models: 2 },
      { depth: 1, models: 3 }, // u/merge is one below its shallowest parent, L/base
      { depth: 2, models: 2 },
      { depth: 3, models: 2 },
    ]);
    expect(s.relations).toEqual([
      { relation: 'finetune', models: 3 },
      { relation: 'adapter', models: 1 },
      { relation: 'quantized', models: 2 },
      { relation: 'merge', models: 1 },
    ]);
  });

  it('fan-out, subtree downloads (merges counted once) and re-uploaders', () => {
    const s = scopeStructure(ix, everything(ix), ['Q', 'L']);
    expect(s.fanOut.map((f) => [f.id, f.children])).toEqual([
      ['Q/inst', 3],
      ['L/base', 2],
      ['u/ft1', 2],
      ['Q/base', 1],
    ]);
    expect(s.fanOut[0]).toMatchObject({ finetune: 1, quantized: 1, merge: 1, adapter: 0 });
    expect(s.subtrees).toEqual([
      { id: 'Q/base', models: 7, downloads: 40 },
      { id: 'Q/inst', models: 6, downloads: 34 },
      { id: 'L/base', models: 3, downloads: 19 },
      { id: 'u/ft1', models: 3, downloads: 17 },
    ]);
    expect(s.reuploaders).toEqual([
      { author: 'u', models: 5, finetune: 1, quantized: 2, adapter: 1, merge: 1, unknown: 0 },
    ]);
  });

  it('counts only edges inside a selection', () => {
    const s = scopeStructure(ix, maskOf(ix, ['u/ft1', 'u/gguf', 'u/lora']), []);
    expect(s).toMatchObject({ models: 3, derivatives: 2, roots: 1, edges: 2 });
    expect(s.fanOut.map((f) => f.id)).toEqual(['u/ft1']);
    expect(s.subtrees).toEqual([{ id: 'u/ft1', models: 3, downloads: 17 }]);
  });
});

describe('license changes', () => {
  it('sorts Hub license ids into tiers, and leaves the unknown unrated', () => {
    const tiers = ['bsd-3-clause', 'cc-by-4.0', 'cc-by-sa-4.0', 'gpl-3.0', 'llama3.1', 'creativeml-openrail-m'];
    expect(tiers.map(licenseTier)).toEqual([
      'permissive',
      'permissive',
      'copyleft',
      'copyleft',
      'restricted',
      'restricted',
    ]);
    expect(['constructor', '__proto__', 'toString'].map(licenseTier)).toEqual([null, null, null]);
    expect(['cc-by-nc-sa-4.0', 'cc-by-nd-4.0', 'other', 'foo', '', 'unknown'].map(licenseTier)).toEqual([
      'non-commercial',
      'non-commercial',
      'restricted',
      null,
      null,
      null,
    ]);
  });

  it('finds edges whose child claims a different license, more permissive ones first', () => {
    const ix = indexLineage(statsGraph(), statsGraph().nodes());
    const changes = licenseChanges(ix, everything(ix));
    expect(changes.map((c) => [c.parent, c.child, c.direction])).toEqual([
      ['L/base', 'L/inst', 'more permissive'],
      ['u/ft1', 'u/gguf', 'less permissive'],
      ['Q/inst', 'u/merge', 'less permissive'],
      ['L/base', 'u/merge', 'less permissive'],
    ]);
    expect(licenseTransitions(changes)[0]).toEqual({
      from: 'apache-2.0',
      to: 'cc-by-nc-4.0',
      direction: 'less permissive',
      edges: 1,
    });
    expect(licenseChanges(ix, maskOf(ix, ['L/inst']))).toHaveLength(1);
  });
});

describe('where families meet', () => {
  const graph = statsGraph();
  const ix = indexLineage(graph, graph.nodes());
  const all = everything(ix);

  it('finds merges of parents from different families', () => {
    const merges = crossFamilyMerges(ix, all);
    expect(merges.map((m) => [m.model, m.parentFamilies])).toEqual([
      ['u/Distill-merge', ['Qwen', 'meta-llama']],
      ['u/merge', ['Qwen', 'meta-llama']],
    ]);
    expect(merges[1]).toEqual({
      model: 'u/merge',
      family: 'Qwen',
      parentFamilies: ['Qwen', 'meta-llama'],
      parents: ['L/base', 'Q/inst'],
    });
    expect(pairCounts(mergePairs(merges))).toEqual([{ pair: 'Qwen × meta-llama', models: 2 }]);
  });

  it('finds distillations and the teacher family their names give away, not their quantized copies or merges', () => {
    const ds = distillations(ix, all);
    expect(ds).toEqual([
      { model: 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', relation: 'finetune', base: 'Qwen', teachers: ['deepseek'] },
      { model: 'u/tiny-distil', relation: 'finetune', base: 'meta-llama', teachers: [] },
    ]);
    expect(pairCounts(distillationPairs(ds))).toEqual([{ pair: 'deepseek → Qwen', models: 1 }]);
    expect(['meta-llama', 'Qwen', 'deepseek-ai', 'zai-org', 'some-org'].map(familyKey)).toEqual([
      'llama',
      'qwen',
      'deepseek',
      'glm',
      'some-org',
    ]);
  });
});
