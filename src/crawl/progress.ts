// What a running crawl reports to the UI, the worker and the CLI.
import type { CrawlState, Strategy } from './records.ts';

export interface CrawlProgress {
  phase: CrawlState['phase'] | 'refreshing';
  strategy: Strategy;
  /** Models the crawl keeps (all lineage candidates in a sweep; the family so far in a walk). */
  models: number;
  requests: number;
  pages: number;
  /** Walk: models still to expand; sweep: pages still to read (estimated); resolving: look-ups left. */
  queue: number;
  /** Time the rest would take under the quota, in milliseconds. */
  etaMs: number;
  /** `base_model:*` tags of kept models that name no repo (local paths, unknown relation words): never followed. */
  junkTags: number;
  message: string;
}

export type ProgressListener = (p: CrawlProgress) => void;
