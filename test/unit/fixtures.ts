// Small lineages with known answers, shared by unit tests.
import type { Lineage, LineageEdge, ModelNode, Relation } from '../../src/lineage/types.ts';

export function node(id: string, extra: Partial<ModelNode> = {}): ModelNode {
  return {
    id,
    author: id.split('/')[0] ?? id,
    family: 'Qwen',
    depth: 0,
    downloads: 0,
    likes: 0,
    created_at: '2025-01-01T00:00:00.000Z',
    last_modified: '',
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    license: 'apache-2.0',
    gated: '',
    status: 'ok',
    ...extra,
  };
}

export function edge(parent: string, child: string, relation: Relation = 'finetune', cycle = false): LineageEdge {
  return { parent, child, relation, cycle };
}

/** Q/base → Q/inst → {u/ft1 → {u/gguf, u/lora}, u/q4}; u/merge of Q/inst + L/base; L/base → L/inst. */
export function smallLineage(): Lineage {
  const ids = ['Q/base', 'Q/inst', 'u/ft1', 'u/gguf', 'u/lora', 'u/q4', 'u/merge', 'L/base', 'L/inst'];
  return {
    nodes: ids.map((id) => node(id, { family: id.startsWith('L/') ? 'meta-llama' : 'Qwen', downloads: id.length })),
    edges: [
      edge('Q/base', 'Q/inst'),
      edge('Q/inst', 'u/ft1'),
      edge('u/ft1', 'u/gguf', 'quantized'),
      edge('u/ft1', 'u/lora', 'adapter'),
      edge('Q/inst', 'u/q4', 'quantized'),
      edge('Q/inst', 'u/merge', 'merge'),
      edge('L/base', 'u/merge', 'merge'),
      edge('L/base', 'L/inst'),
    ],
  };
}
