// What each crawl-worker event changes in the explorer's state, and the words the status uses for a Hub that
// fails (what is retried and when) and for what a finished crawl reported (malformed items, junk entries).
import type { CrawlDeletions, CrawlEvent, CrawlReport, RetryNotice } from '../workers/protocol.ts';
import type { ExplorerState } from './session/explorer-state.ts';

export function crawlEventPatch(ev: CrawlEvent): Partial<ExplorerState> | null {
  switch (ev.type) {
    case 'progress':
      return { phase: 'crawling', progress: ev.progress, retry: null };
    case 'partial':
      return null;
    case 'done':
      // The cache's description comes with the event: were it read later, the app would see the old one in
      // between and start the same crawl again (which replays the journal and loses this crawl's report).
      return {
        phase: 'idle',
        info: ev.info,
        retry: null,
        report: ev.report,
        message: `Crawl finished: ${ev.requests.toLocaleString('en')} requests spent.${describeDeletions(ev.deletions)}`,
      };
    case 'paused':
      return { phase: 'paused', retry: null, message: 'Crawl paused; everything fetched so far is kept.' };
    case 'cancelled':
      return {
        phase: 'idle',
        retry: null,
        message: 'Crawl cancelled; what was crawled is kept.',
        ...(ev.info ? { info: ev.info } : {}),
      };
    case 'busy':
      return { phase: 'busy', message: ev.message };
    case 'lock-freed':
      // The phase turns idle with the cache's description (the session's showCache), not before: in between,
      // the app would take the old description for a cache to crawl again.
      return { message: "The other tab's crawl ended; this tab shows what it saved." };
    case 'notice':
      return { message: ev.message };
    case 'retrying':
      return { retry: ev.retry };
    case 'error':
      return { phase: 'error', retry: null, message: ev.message };
    // [open-data, #11] Opening a published dataset: useExplorer handles these.
    case 'data-progress':
    case 'data-loaded':
    case 'data-failed':
      return null;
  }
}

/** Requests in a row without any answer after which the Hub is said to be out of reach (a few seconds). */
const UNREACHABLE_AFTER = 3;

/** Whether a retry is told as a problem, or only as what the crawl is doing: one or two requests without an answer
 * the browser can read are most likely a gateway's time-out on a large listing page, which the real Hub sends on
 * every crawl that asks for 1,000 models with card data (hub-api.md §9) and the crawler answers by asking for
 * smaller pages; a new visit must not open on an alarm for it. */
export function isRetryProblem(r: RetryNotice): boolean {
  return r.kind !== 'unreachable' || r.unansweredInARow >= UNREACHABLE_AFTER;
}

/** "The Hub at X cannot be reached (…); the listing page is tried again in 4 s (attempt 3 of 8)." A browser reads a
 * gateway's time-out without CORS headers as a network error too, and the real Hub sends those on heavy listings
 * (hub-api.md §9; the crawler then asks for a smaller page): one or two are told as answers the browser could not
 * read, only more in a row, with nothing answered between them, as a Hub out of reach. */
export function describeRetry(r: RetryNotice, hubUrl: string): string {
  const network = r.kind === 'unreachable';
  const unreachable = network && isRetryProblem(r);
  const what = r.url.startsWith('/api/models?')
    ? 'the listing page'
    : r.url.startsWith('/api/models/')
      ? `the model ${decodeURIComponent(r.url.slice('/api/models/'.length).split('?')[0] ?? '').slice(0, 120)}`
      : 'the request';
  const seconds = Math.max(1, Math.round(r.delayMs / 1000));
  const problem = unreachable
    ? `cannot be reached (${r.reason})`
    : network
      ? `gave no answer the browser can read (${r.reason}: most likely a gateway's time-out, or out of reach)`
      : r.kind === 'timeout'
        ? `gave ${r.reason}`
        : `answered ${r.reason}`;
  return `The Hub at ${hubUrl} ${problem}; ${what} is tried again in ${seconds} s (attempt ${r.attempt + 1} of ${r.maxAttempts}). What is shown stays.`;
}

/** What a refresh could see of deletions: an incremental one none (and when the last full sweep ran), a full one
 * how many models it removed. Empty for a first crawl. */
export function describeDeletions(d: CrawlDeletions): string {
  if (d.run === 'full' && d.checked)
    return ` Full sweep: ${d.removed.toLocaleString('en')} removed (models the Hub no longer lists).`;
  if (d.run !== 'incremental' || d.checked) return '';
  if (d.createdOnly)
    return ' Only newly created models were listed (this cache began as published data): deletions and edits of older cards wait for a full refresh.';
  const last = d.lastFullSweepAt ? `ran ${utcMinute(d.lastFullSweepAt)} UTC` : 'is not on record';
  return ` A refresh lists only what changed, so it cannot see deletions: models deleted from the Hub stay until a full refresh (the last full sweep ${last}).`;
}

/** "2026-12-01 18:04" from an ISO time. */
export function utcMinute(iso: string): string {
  return iso.slice(0, 16).replace('T', ' ');
}

/** "3 malformed listing items skipped (first: …); 12 junk base_model entries not followed; 16 parents outside the
 * families, named by lineage tags, not read (…)." or null. */
export function describeReport(r: CrawlReport | null): string | null {
  if (!r || (r.malformed === 0 && r.junk === 0 && r.unread === 0)) return null;
  const parts: string[] = [];
  if (r.malformed > 0)
    parts.push(
      `${r.malformed.toLocaleString('en')} malformed listing item${r.malformed === 1 ? '' : 's'} skipped${r.firstMalformed ? ` (first: ${r.firstMalformed})` : ''}`,
    );
  if (r.junk > 0)
    parts.push(
      `${r.junk.toLocaleString('en')} junk base_model entr${r.junk === 1 ? 'y' : 'ies'} (local paths, foreign URLs) not followed`,
    );
  if (r.unread > 0)
    parts.push(
      `${r.unread.toLocaleString('en')} parent${r.unread === 1 ? '' : 's'} outside the families, named by lineage tags, not read (a full refresh reads them)`,
    );
  return `${parts.join('; ')}.`;
}
