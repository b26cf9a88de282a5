// Node: builds the synthetic lineage laid out as the app's benchmarks lay it out (../../laid-out.ts) and writes
// graph.export() JSON, with and without a `label` on every node.
import { writeFileSync } from 'node:fs';
import { applyPositions } from '../../../../src/graph/graph.ts';
import { laidOut } from '../../laid-out.ts';
import { syntheticLineage } from '../../synthetic.ts';

const size = Number(process.argv[2] ?? 200000);
const { graph, prepared, placed, layoutMs } = laidOut(syntheticLineage(size, 6));
const n = prepared.ids.length;
console.log(`layout ${n} nodes, ${graph.size} edges in ${layoutMs.toFixed(0)} ms`);
applyPositions(graph, prepared.ids, placed.subarray(0, 2 * n));
const plain = graph.export();
writeFileSync(`out/graph-${size}.json`, JSON.stringify(plain));
// The app labels a model with its name (the part after the author).
for (const node of plain.nodes) (node.attributes as Record<string, unknown>).label = String(node.key).split('/')[1];
writeFileSync(`out/graph-${size}-labels.json`, JSON.stringify(plain));
