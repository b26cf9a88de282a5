// Crawl benchmark: our crawler and the naive one on the same local Hub in the same run: requests, the time
// each would take under the real anonymous quota (500 per 5 minutes), and edge recall against the ground truth.
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { edgeRecall, reachableTruth } from '../contract/truth.ts';
import { generateHub } from '../hub/generate.ts';
import { startLocalHub } from '../hub/server.ts';
import { naiveCrawl } from './naive.ts';

export interface CrawlBenchResult {
  hubModels: number;
  familyModels: number;
  truthEdges: number;
  ours: { requests: number; recall: number; wallMs: number };
  naive: { requests: number; recall: number; wallMs: number };
}

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };

export async function crawlBench(hubSize: number): Promise<CrawlBenchResult> {
  const dataset = generateHub({ size: hubSize, seed: 2026 });
  const hub = await startLocalHub({ dataset, quota: 100_000_000 });
  const client = (): HubClient => new HubClient({ hubUrl: hub.url, quota: 100_000_000, windowMs: 300_000 });
  try {
    const truth = reachableTruth(dataset, SEEDS);
    const familyModels = new Set(truth.flatMap((e) => [e.parent, e.child])).size;
    let t = performance.now();
    const ours = await new Crawler(client(), new MemoryJournal(), {
      seeds: SEEDS,
      hubSizeEstimate: hub.catalog.size,
    }).run();
    const oursMs = performance.now() - t;
    const oursRequests = hub.stats().requests;
    hub.resetStats();
    t = performance.now();
    const naive = await naiveCrawl(client(), SEEDS.orgs);
    const naiveMs = performance.now() - t;
    return {
      hubModels: hub.catalog.size,
      familyModels,
      truthEdges: truth.length,
      ours: { requests: oursRequests, recall: edgeRecall(ours.lineage.edges, truth).recall, wallMs: oursMs },
      naive: { requests: hub.stats().requests, recall: edgeRecall(naive.edges, truth).recall, wallMs: naiveMs },
    };
  } finally {
    await hub.close();
  }
}

/** Seconds a number of requests takes under a quota per window, sent as fast as the quota allows. */
export function secondsUnderQuota(requests: number, quota = 500, windowSeconds = 300): number {
  return Math.max(0, Math.ceil(requests / quota) - 1) * windowSeconds;
}
