// The listing page size. Heavy listings (1,000 items with card data) time out at the Hub's gateway
// (hub-api.md §1.4, §9): the size halves on each time-out down to MIN_PAGE and doubles back after a run of good
// pages. A size that timed out again right after growing back waits twice as long before the next try, so a Hub
// that cannot serve large pages costs a few failed pages per listing, not one every ten pages.

export const MAX_PAGE = 1000;
export const MIN_PAGE = 100;
const GOOD_PAGES_TO_GROW = 10;
const MAX_GROW_BACKOFF = 5;

export class PageSize {
  size = MAX_PAGE;
  /** The size of the last page served (before a growth it led to): where a later run should start. */
  served = MAX_PAGE;
  private good = 0;
  private justGrew = false;
  private failedGrowths = 0;

  /** Starts at a size an earlier run reached (rounded into MIN_PAGE..MAX_PAGE; a number that is none, ignored). */
  startAt(size: number): void {
    if (!Number.isFinite(size)) return;
    this.size = Math.min(MAX_PAGE, Math.max(MIN_PAGE, Math.round(size)));
    this.served = this.size;
    this.good = 0;
    this.justGrew = false;
  }

  /** The size was just raised and has not yet served a page: a failure now most likely means it is too large. */
  get onTrial(): boolean {
    return this.justGrew;
  }

  /** Halves the size after a time-out; false when it is already the smallest. */
  shrink(): boolean {
    this.good = 0;
    if (this.justGrew) this.failedGrowths = Math.min(MAX_GROW_BACKOFF, this.failedGrowths + 1);
    this.justGrew = false;
    if (this.size <= MIN_PAGE) return false;
    this.size = Math.max(MIN_PAGE, Math.floor(this.size / 2));
    return true;
  }

  /** Counts a good page; true when the size grew. */
  grow(): boolean {
    this.served = this.size;
    this.justGrew = false;
    if (this.size >= MAX_PAGE || ++this.good < GOOD_PAGES_TO_GROW * 2 ** this.failedGrowths) return false;
    this.good = 0;
    this.size = Math.min(MAX_PAGE, this.size * 2);
    this.justGrew = true;
    return true;
  }
}

/** The listing URL asking for `limit` items (the cursor is a position, so any page size can follow it). */
export function withLimit(url: string, limit: number): string {
  const u = new URL(url);
  if (u.searchParams.get('limit') === String(limit)) return url;
  u.searchParams.set('limit', String(limit));
  return u.href;
}
