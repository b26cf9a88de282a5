// When the page crawls by itself: when nothing is cached, or when the view's families differ from what the cache
// holds; never while the cache is unreadable, a snapshot is shown or linked, a token saved for another Hub waits for
// the researcher's answer (nothing is sent before it), or a published dataset is opening first (usePublishedData).
// No families means nothing to crawl: the cached graph stays rather than being replaced by an empty one.
import { useEffect } from 'react';
import type { Explorer } from './useExplorer.ts';

interface Options {
  explorer: Explorer;
  seeds: { orgs: string[]; roots: string[] };
  /** The link names a snapshot to show. */
  linkedSnapshot: boolean;
  /** A question about the token is open. */
  asking: boolean;
  /** A published dataset opens before any crawl. */
  holdCrawl: boolean;
}

export function useCrawlOnOpen({ explorer, seeds, linkedSnapshot, asking, holdCrawl }: Options): void {
  const { phase, info, storeProblem, imported } = explorer;
  const seedsKey = JSON.stringify(seeds);
  const crawledKey = info ? JSON.stringify({ orgs: info.orgs, roots: info.roots }) : null;
  useEffect(() => {
    if (phase !== 'idle' || storeProblem || imported || linkedSnapshot || asking || holdCrawl) return;
    if (crawledKey !== seedsKey && seeds.orgs.length + seeds.roots.length > 0) explorer.startCrawl(seeds);
  }, [phase, crawledKey, seedsKey, storeProblem, asking, holdCrawl]); // eslint-disable-line react-hooks/exhaustive-deps
}
