// What the crawl's phases (listing.ts, lookups.ts) share with the Crawler that runs them: what is known, the
// client, the options, the saved state, and the one way to change them (save: journal first, then memory).
import type { HubClient } from '../hub/client.ts';
import type { Knowledge } from './knowledge.ts';
import type { CrawlOptions } from './options.ts';
import type { CrawlRecord, CrawlState } from './records.ts';

export interface CrawlContext {
  readonly k: Knowledge;
  readonly client: HubClient;
  readonly options: CrawlOptions;
  /** Malformed listing items met by this run. */
  readonly parseErrors: string[];
  state(): CrawlState;
  /** Appends records and the patched state to the journal, and applies them to what is known. */
  save(records: CrawlRecord[], patch: Partial<CrawlState>): Promise<void>;
  report(message: string, queue: number): void;
}
