// The address bar, the one place that reads or writes the page's address and history. It reads through the one
// URL codec (view/url-codec.ts): once at start (main.tsx) and when Back or Forward brings back an entry. It writes
// what usePermalink encodes: a new history entry when the view's step changes (a pick, a focus, a selection: see
// view/history.ts), else the current entry, 250 ms after the last change and at most a second after the first, so
// panning and typing do not flood the history. `flush` makes a waiting write now (Copy link copies the view as it
// is, not as it was a moment ago).
import { decodeLink, type AppLink } from '../view/url-codec.ts';

/** What the writer needs of window.history and window.location (a test passes fakes). */
export interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}
export type LocationLike = Pick<Location, 'pathname' | 'href'>;

export const WRITE_DELAY_MS = 250;
/** The longest a change waits while others keep coming: so also at most one write a second (Safari refuses more
 * than 100 history writes in 30 s). */
export const WRITE_MAX_WAIT_MS = 1_000;

/** A history write the browser refuses (Safari, after a burst) is left out: the next change writes the view. */
function safely(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing to undo: the address keeps the last view it was given.
  }
}

/** The link the page is open on, decoded by the one codec. */
export function readAddress(): AppLink {
  return decodeLink(window.location.search);
}

/** Calls `restore` with the link of the entry Back or Forward brought back; returns the unsubscriber. */
export function onAddressRestored(restore: (link: AppLink) => void): () => void {
  const onPop = (): void => restore(readAddress());
  window.addEventListener('popstate', onPop);
  return () => window.removeEventListener('popstate', onPop);
}

export class AddressWriter {
  private pending: string | null = null;
  /** When the first change still waiting was made (ms). */
  private since: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The step Back or Forward just left, until the view brought back is written: an effect of a render made before
   * the move (React runs effects after the frame; a camera animation renders every frame) still carries it, and
   * must not push it again. */
  private left: string | null = null;

  /** `step`: the step of the view the current entry shows. */
  constructor(
    private step: string,
    private readonly history: HistoryLike = window.history,
    private readonly location: LocationLike = window.location,
  ) {}

  /** Writes the view's query: a new entry when its step differs from the current entry's, else (soon) this one. */
  write(query: string, step: string): void {
    if (this.left !== null) {
      if (step === this.left) return;
      this.left = null;
    }
    if (step === this.step) {
      // 250 ms after the last change, but never more than a second after the first one waiting: a camera that
      // keeps moving (the framing that follows a new layout renders every frame) held back a change made before
      // it, and a reload in between reopened the old view (a removed family came back and was crawled again).
      const now = Date.now();
      this.pending = query;
      this.since ??= now;
      clearTimeout(this.timer);
      const wait = Math.min(WRITE_DELAY_MS, this.since + WRITE_MAX_WAIT_MS - now);
      this.timer = setTimeout(() => this.flush(), Math.max(0, wait));
      return;
    }
    // The entry being left first gets what was still waiting for it (its last camera or filter).
    this.flush();
    this.step = step;
    safely(() => this.history.pushState(null, '', this.url(query)));
  }

  /** The address of the view as it is now: a waiting write is made first. */
  now(): string {
    this.flush();
    return this.location.href;
  }

  /** Makes a waiting write now. */
  flush(): void {
    clearTimeout(this.timer);
    [this.timer, this.since] = [undefined, null];
    const pending = this.pending;
    if (pending !== null) safely(() => this.history.replaceState(null, '', this.url(pending)));
    this.pending = null;
  }

  /** Back or Forward moved to another entry, whose step is now shown: what waited for the old entry is dropped
   * (it would overwrite the entry brought back). */
  restored(step: string): void {
    this.cancel();
    if (step !== this.step) this.left = this.step;
    this.step = step;
  }

  cancel(): void {
    clearTimeout(this.timer);
    [this.timer, this.since] = [undefined, null];
    this.pending = null;
  }

  private url(query: string): string {
    return query ? `?${query}` : this.location.pathname;
  }
}
