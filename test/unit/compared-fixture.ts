// Three small families whose cumulative counts are known, shared by the comparison and CLI tests.
import { createLineageGraph } from '../../src/graph/graph.ts';
import { edge, node } from './fixtures.ts';

/** Qwen: base → 3 derivatives (2 direct); meta-llama: base → 1; google: base → 2 (all direct). */
export function comparedGraph() {
  const ids = ['Qwen/b', 'u/q1', 'u/q2', 'u/q3', 'meta-llama/b', 'u/l1', 'google/b', 'u/g1', 'u/g2'];
  const family = (id: string) =>
    id.startsWith('u/q') || id.startsWith('Qwen')
      ? 'Qwen'
      : id.startsWith('u/l') || id.startsWith('meta')
        ? 'meta-llama'
        : 'google';
  const month: Record<string, string> = { 'u/q3': '2025-03-01', 'u/g2': '2025-02-01' };
  return createLineageGraph({
    nodes: ids.map((id) => node(id, { family: family(id), created_at: month[id] ?? '2025-01-01' })),
    edges: [
      edge('Qwen/b', 'u/q1'),
      edge('Qwen/b', 'u/q2'),
      edge('u/q1', 'u/q3'),
      edge('meta-llama/b', 'u/l1'),
      edge('google/b', 'u/g1'),
      edge('google/b', 'u/g2', 'quantized'),
    ],
  });
}
