// The crawler's options and results, and the state a new crawl starts from (strategy chosen from the seeds).
import type { Lineage } from '../lineage/types.ts';
import type { Knowledge } from './knowledge.ts';
import type { ProgressListener } from './progress.ts';
import type { CrawlState, Seeds, Strategy } from './records.ts';

export interface CrawlOptions {
  seeds: Seeds;
  strategy?: Strategy | 'auto';
  /** Models on the Hub, for the sweep's cost and ETA (the real Hub: about 3.2 million). */
  hubSizeEstimate?: number;
  signal?: AbortSignal;
  onProgress?: ProgressListener;
  now?: () => Date;
}

export interface CrawlResult {
  lineage: Lineage;
  knowledge: Knowledge;
  state: CrawlState;
  parseErrors: string[];
  /** `base_model:*` tags of kept models that name no repo, with a few examples: reported, never followed. */
  junkTags: { count: number; examples: { child: string; tag: string }[] };
  /** Whether this run swept the whole Hub (and so could see deletions), how many models the last full refresh
   * removed, when the last full sweep began (null: never, or a journal too old to say), and whether a refresh
   * lists only models created since (a journal seeded from published data: edits of older cards are not seen). */
  deletions: { checked: boolean; removed: number; lastFullSweepAt: string | null; createdOnly: boolean };
  /** The journal at this address was written from another Hub: it was cleared and the crawl started afresh. */
  hubChanged: boolean;
}

/** Models on the real Hub (3.1 million counted in October 2026), for the sweep's cost and ETA. */
export const REAL_HUB_SIZE = 3_200_000;

/** A new crawl: a sweep when orgs are seeded (or asked for), else a walk. */
export function freshState(
  hub: string,
  seeds: Seeds,
  requests: number,
  asked: CrawlOptions['strategy'],
  now: Date,
): CrawlState {
  const strategy: Strategy = asked && asked !== 'auto' ? asked : seeds.orgs.length > 0 ? 'sweep' : 'walk';
  return {
    v: 1,
    hub,
    seeds,
    strategy,
    phase: 'listing',
    next: null,
    // Written out, since a new crawl over a journal patches its state: a finished listing must not carry over.
    listed: false,
    swept: 0,
    queue: [],
    walkSeeded: false,
    walkFrom: requests,
    looked: [],
    orgsCovered: strategy === 'sweep' ? [...seeds.orgs] : [],
    requests,
    pages: 0,
    startedAt: now.toISOString(),
    finishedAt: null,
    refreshSince: null,
  };
}
