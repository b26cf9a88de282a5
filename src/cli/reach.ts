// Whether the Hub can be reached, as the command line sees it: the first attempt that finds no Hub (a network
// error or a time-out, not an HTTP answer: the retry's kind, as the Hub client classified it) is said at once, and
// when no answer has come for `giveUpMs` the crawl is aborted so the CLI can stop with a clear message, its journal
// kept. An answer (an HTTP status, a saved page) ends the outage.
import { gotNoAnswer } from '../hub/errors.ts';
import type { RetryInfo } from '../hub/http.ts';

export class Reachability {
  readonly controller = new AbortController();
  /** When the current outage began (ms since epoch), or null while the Hub answers. */
  private since: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastReason = '';
  gaveUp = false;

  constructor(
    private readonly hubUrl: string,
    private readonly giveUpMs: number,
    private readonly say: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** HubHttpOptions.onRetry: every failed attempt. */
  retried({ kind, reason, delayMs }: Pick<RetryInfo, 'kind' | 'reason' | 'delayMs'>): void {
    if (!gotNoAnswer(kind)) return this.answered();
    this.lastReason = reason;
    if (this.since !== null) return;
    this.since = this.now();
    this.say(
      `crawl: cannot reach the Hub at ${this.hubUrl} (${reason}); retrying in ${Math.ceil(delayMs / 1000)} s, ` +
        `giving up after ${Math.round(this.giveUpMs / 1000)} s without an answer`,
    );
    this.timer = setTimeout(() => {
      this.gaveUp = true;
      this.controller.abort(new Error('the Hub cannot be reached'));
    }, this.giveUpMs);
  }

  /** The Hub answered (a page saved, an HTTP status): the outage, if any, is over. */
  answered(): void {
    if (this.since === null) return;
    this.say(`crawl: the Hub answers again after ${Math.round((this.now() - this.since) / 1000)} s`);
    this.since = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Whether the crawl's failure is the Hub being out of reach (an outage still going on). */
  get unreachable(): boolean {
    return this.gaveUp || this.since !== null;
  }

  /** The message the CLI ends with when the Hub could not be reached. */
  failure(journalDir: string): string {
    const seconds = this.since === null ? 0 : Math.round((this.now() - this.since) / 1000);
    return (
      `crawl: stopped, the Hub at ${this.hubUrl} could not be reached for ${seconds} s (last: ${this.lastReason}). ` +
      `What was crawled is kept in ${journalDir}: run the same command again to resume.`
    );
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
