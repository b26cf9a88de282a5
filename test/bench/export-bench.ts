// GEXF export of a large lineage, streamed to a file as the CLI can, against JSON.stringify of the same lineage
// (what the snapshot export costs); peak heap is sampled while it runs.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gexfChunks } from '../../src/export/gexf.ts';
import { syntheticLineage } from './synthetic.ts';

export async function exportBench(
  size: number,
): Promise<{ gexfMs: number; gexfBytes: number; jsonMs: number; peakHeapMb: number }> {
  const lineage = syntheticLineage(size, 9);
  const dir = await mkdtemp(join(tmpdir(), 'forkscope-gexf-bench-'));
  let peak = process.memoryUsage().heapUsed;
  const start = performance.now();
  const out = createWriteStream(join(dir, 'bench.gexf'));
  let bytes = 0;
  for (const chunk of gexfChunks(lineage)) {
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  out.end();
  await once(out, 'finish');
  const gexfMs = performance.now() - start;
  const t = performance.now();
  JSON.stringify(lineage);
  const jsonMs = performance.now() - t;
  await rm(dir, { recursive: true, force: true });
  return { gexfMs, gexfBytes: bytes, jsonMs, peakHeapMb: peak / 1e6 };
}
