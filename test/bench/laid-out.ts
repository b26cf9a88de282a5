// A lineage laid out as the app lays it out (the radial layout over the prepared input, families in the app's
// default order), timed: the floors of the in-browser benchmarks (page/app-floor.ts) and the sigma 4 trial
// (sigma4/src/gen.ts) draw the same positions.
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import type { Lineage } from '../../src/lineage/types.ts';

export const FAMILY_ORDER = ['Qwen', 'meta-llama', 'other'];

/** The lineage's graph, the layout's prepared input, the positions (x, y per model, then each model's room) and how
 * long the layout took. */
export function laidOut(lineage: Lineage) {
  const graph = createLineageGraph(lineage);
  const prepared = prepareLayout(graph, FAMILY_ORDER);
  const n = prepared.ids.length;
  const placed = new Float32Array(3 * n);
  const t = performance.now();
  placed.set(radialLayout(prepared.input, placed.subarray(2 * n)));
  return { graph, prepared, placed, layoutMs: performance.now() - t };
}
