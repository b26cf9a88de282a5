// Node: builds the synthetic lineage with the app's own graph + radial layout (as test/bench/page/app-floor.ts
// laidOut/syntheticFloor do) and writes graph.export() JSON, with and without a `label` on every node.
import { writeFileSync } from 'node:fs';
import { applyPositions, createLineageGraph } from '../../../../src/graph/graph.ts';
import { prepareLayout } from '../../../../src/layout/input.ts';
import { radialLayout } from '../../../../src/layout/radial.ts';
import { syntheticLineage } from '../../synthetic.ts';

const FAMILY_ORDER = ['Qwen', 'meta-llama', 'other'];
const size = Number(process.argv[2] ?? 200000);
const lineage = syntheticLineage(size, 6);
const graph = createLineageGraph(lineage);
const prepared = prepareLayout(graph, FAMILY_ORDER);
const n = prepared.ids.length;
const placed = new Float32Array(3 * n);
const t = performance.now();
placed.set(radialLayout(prepared.input, placed.subarray(2 * n)));
console.log(`layout ${n} nodes, ${graph.size} edges in ${(performance.now() - t).toFixed(0)} ms`);
applyPositions(graph, prepared.ids, placed.subarray(0, 2 * n));
const plain = graph.export();
writeFileSync(`out/graph-${size}.json`, JSON.stringify(plain));
// The app labels a model with its name (the part after the author).
for (const node of plain.nodes) (node.attributes as Record<string, unknown>).label = String(node.key).split('/')[1];
writeFileSync(`out/graph-${size}-labels.json`, JSON.stringify(plain));
