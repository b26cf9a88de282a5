// A large synthetic lineage (families of preferential-attachment trees with the real relation mix and
// realistic ids and metadata), built directly in memory for the store, layout and render benchmarks.
import type { Lineage, LineageEdge, ModelNode, Relation } from '../../src/lineage/types.ts';
import { createRng } from '../hub/random.ts';

const FAMILIES = [
  {
    org: 'Qwen',
    share: 0.65,
    roots: ['Qwen2.5-7B', 'Qwen2.5-7B-Instruct', 'Qwen3-8B', 'Qwen3-0.6B', 'Qwen2.5-0.5B-Instruct'],
  },
  {
    org: 'meta-llama',
    share: 0.35,
    roots: ['Llama-3.1-8B', 'Llama-3.1-8B-Instruct', 'Llama-2-7b-chat-hf', 'Llama-3.2-1B-Instruct'],
  },
];
const LICENSES = ['apache-2.0', 'llama3.1', 'mit', 'other', 'cc-by-nc-4.0'];

export function syntheticLineage(size: number, seed = 1): Lineage {
  const rng = createRng(seed);
  const nodes: ModelNode[] = [];
  const edges: LineageEdge[] = [];
  const node = (id: string, family: string, depth: number, day: number): ModelNode => ({
    id,
    author: id.split('/')[0] as string,
    family,
    depth,
    downloads: rng.heavy(20),
    likes: rng.heavy(2),
    created_at: new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString(),
    last_modified: '',
    pipeline_tag: 'text-generation',
    library_name: rng.pick(['transformers', 'peft', 'gguf', 'mlx']),
    license: rng.pick(LICENSES),
    gated: '',
    status: 'ok',
  });
  for (const f of FAMILIES) {
    const urn: number[] = [];
    for (const r of f.roots) {
      urn.push(...Array.from({ length: 30 }, () => nodes.length));
      nodes.push(node(`${f.org}/${r}`, f.org, 0, rng.int(300)));
    }
    const target = nodes.length + Math.floor(size * f.share) - f.roots.length;
    while (nodes.length < target) {
      const parent = urn[rng.int(urn.length)] as number;
      const x = rng.next();
      const relation: Relation = x < 0.42 ? 'adapter' : x < 0.75 ? 'finetune' : x < 0.93 ? 'quantized' : 'merge';
      const p = nodes[parent] as ModelNode;
      const id = `user${rng.int(size).toString(36)}/${(p.id.split('/')[1] as string).slice(0, 40)}-${relation}-${nodes.length.toString(36)}`;
      urn.push(parent);
      if (relation === 'finetune' && rng.chance(0.15)) urn.push(nodes.length);
      edges.push({ parent: p.id, child: id, relation, cycle: false });
      nodes.push(node(id, f.org, p.depth + 1, rng.int(1000)));
    }
  }
  return { nodes, edges };
}
