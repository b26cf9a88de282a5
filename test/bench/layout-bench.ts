// Layout benchmark: the radial tree layout against ForceAtlas2 (graphology's own) on the same graph, in the
// same process; the runner scales FA2's timed iterations to 100.
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createLineageGraph } from '../../src/graph/graph.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';

export function layoutBench(
  lineage: Lineage,
  fa2Iterations: number,
): { nodes: number; radialMs: number; fa2Ms: number } {
  const graph = createLineageGraph(lineage);
  let t = performance.now();
  const prepared = prepareLayout(graph, ['Qwen', 'meta-llama', 'other']);
  radialLayout(prepared.input);
  const radialMs = performance.now() - t;
  // FA2 needs starting positions: the usual random ones.
  let seed = 1;
  const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000;
  graph.updateEachNodeAttributes((_id, a) => ({ ...a, x: rand(), y: rand() }));
  t = performance.now();
  forceAtlas2.assign(graph, {
    iterations: fa2Iterations,
    settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true },
  });
  return { nodes: graph.order, radialMs, fa2Ms: performance.now() - t };
}
