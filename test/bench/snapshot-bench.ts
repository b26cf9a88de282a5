// Snapshot bytes and load time: the Parquet tables of a published snapshot against the JSON snapshot of the same
// lineage (bytes per model; our Parquet read against JSON.parse, medians of three), and the whole published load
// through the local Hub (revision, latest.json, manifest, both tables with hash checks, decode).
import { edgesParquet, nodesParquet, readEdgesParquet, readNodesParquet } from '../../src/export/parquet.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { publishSnapshot } from '../../src/cli/publish.ts';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub } from '../hub/server.ts';
import { syntheticLineage } from './synthetic.ts';

export interface SnapshotBench {
  models: number;
  parquetBytes: number;
  jsonBytes: number;
  writeMs: number;
  parquetReadMs: number;
  jsonParseMs: number;
  publishedLoadMs: number;
  publishedRequests: number;
}

async function median(times: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)] as number;
}

export async function snapshotBench(size: number): Promise<SnapshotBench> {
  const lineage = syntheticLineage(size, 7);
  let t = performance.now();
  const nodes = nodesParquet(lineage.nodes);
  const edges = edgesParquet(lineage.edges);
  const writeMs = performance.now() - t;
  const snapshot = makeSnapshot(lineage, {
    hub: 'http://bench',
    orgs: ['Qwen', 'meta-llama'],
    roots: [],
    crawledAt: '2026-12-01T00:00:00.000Z',
  });
  const json = JSON.stringify(snapshot);
  const parquetReadMs = await median(3, async () => [await readNodesParquet(nodes), await readEdgesParquet(edges)]);
  const jsonParseMs = await median(3, () => JSON.parse(json));
  const hub = await startLocalHub({ dataset: generateHub({ size: 1000, seed: 1 }), quota: 1_000_000 });
  try {
    const crawl = { startedAt: snapshot.crawledAt, finishedAt: snapshot.crawledAt };
    await publishSnapshot({ snapshot, crawl, repo: 'bench/lineage', hubUrl: hub.url, token: 'hf_bench_token' });
    hub.resetStats();
    t = performance.now();
    const loaded = await loadPublishedSnapshot({ hubUrl: hub.url, repo: 'bench/lineage', fetch });
    const publishedLoadMs = performance.now() - t;
    if (loaded.lineage.nodes.length !== size) throw new Error('snapshot bench: the published load lost models');
    return {
      models: size,
      parquetBytes: nodes.length + edges.length,
      jsonBytes: new TextEncoder().encode(json).length,
      writeMs,
      parquetReadMs,
      jsonParseMs,
      publishedLoadMs,
      publishedRequests: hub.stats().requests,
    };
  } finally {
    await hub.close();
  }
}
