// A published lineage snapshot for the demo: the real crawler runs against the local Hub as it was before its
// newest 1% of models were created (a second, temporary Hub serving only the older records, the crawl's clock set
// to that moment), and the result is published to the running Hub's dataset repo through `npm run publish`'s
// code. The snapshot's watermark is that moment, so an app that loads it and refreshes sees the newest 1% arrive.
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { HubClient } from '../../src/hub/client.ts';
import { publishSnapshot, type Published } from '../../src/cli/publish.ts';
import { DEFAULT_DATASET } from '../../src/snapshot/default.ts';
import { truthFromRecords, type HubDataset } from './records.ts';
import { materialise } from './generate.ts';
import { startLocalHub, type HubSource, type LocalHub } from './server.ts';

/** The app's default dataset (src/snapshot/default.ts), so the demo opens it without a setting or a link. */
export const DEMO_DATASET = DEFAULT_DATASET;
/** The demo publisher's token (the local Hub takes any hf_ token; this one owns the demo dataset). */
export const DEMO_TOKEN = 'hf_forkscope_demo_publisher';

export interface DemoSnapshotOptions {
  repo?: string;
  /** The share of newest models left out of the snapshot (default 1%). */
  newestShare?: number;
  orgs?: string[];
}

/** The Hub's records as they stood just before `cutoff`: models created then or later are not there yet. */
export function hubAsOf(dataset: HubDataset, cutoff: string): HubDataset {
  const records = dataset.records.filter((r) => r.createdAt < cutoff);
  const ids = new Set(records.map((r) => r.id));
  const aliases = new Map([...dataset.aliases].filter(([, to]) => ids.has(to)));
  return { records, aliases, truth: truthFromRecords(records), family: dataset.family };
}

/** The creation time of the newest `share` of the Hub's models: every model made before it is older. Models that
 * share a creation time (the generator stamps its last day on many) are all left out, so it can be more. */
export function cutoffBefore(dataset: HubDataset, share: number): string {
  const times = dataset.records.map((r) => r.createdAt).sort();
  return times[Math.min(times.length - 1, Math.floor(times.length * (1 - share)))] as string;
}

export async function publishDemoSnapshot(
  hub: LocalHub<HubSource>,
  options: DemoSnapshotOptions = {},
): Promise<Published & { cutoff: string; seconds: number; requests: number }> {
  const started = performance.now();
  const dataset = 'records' in hub.dataset ? hub.dataset : materialise(hub.dataset);
  const cutoff = cutoffBefore(dataset, options.newestShare ?? 0.01);
  // Its gateway times out the same heavy listings as the running Hub's: the page size the publisher is served, which
  // the manifest carries, is then the one a visitor's refresh is served too (without the wait for each time-out).
  const earlier = await startLocalHub({
    dataset: hubAsOf(dataset, cutoff),
    quota: 1_000_000,
    ...(hub.heavyListingMaxLimit !== undefined && { heavyListingMaxLimit: hub.heavyListingMaxLimit }),
  });
  try {
    const orgs = options.orgs ?? ['Qwen', 'meta-llama'];
    const client = new HubClient({ hubUrl: earlier.url, quota: 1_000_000, windowMs: 300_000 });
    const at = new Date(cutoff);
    const crawler = new Crawler(client, new MemoryJournal(), {
      seeds: { orgs, roots: [] },
      hubSizeEstimate: earlier.catalog.size,
      now: () => at,
    });
    const result = await crawler.run();
    const snapshot = makeSnapshot(result.lineage, { hub: hub.url, orgs, roots: [], crawledAt: cutoff });
    const published = await publishSnapshot({
      snapshot,
      crawl: {
        startedAt: at.toISOString(),
        finishedAt: at.toISOString(),
        ...(result.state.pageSize && { pageSize: result.state.pageSize }),
      },
      repo: options.repo ?? DEMO_DATASET,
      hubUrl: hub.url,
      token: DEMO_TOKEN,
    });
    return { ...published, cutoff, seconds: (performance.now() - started) / 1000, requests: result.state.requests };
  } finally {
    await earlier.close();
  }
}
