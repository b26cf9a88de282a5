// The address bar, the one place that reads or writes the page's address and history. It reads through the one
// URL codec (view/url-codec.ts): once at start (main.tsx) and when Back or Forward brings back an entry. It writes
// what usePermalink encodes: a new history entry when the view's step changes (a pick, a focus, a selection: see
// view/history.ts), else the current entry, at most 250 ms after a change, so panning and typing do not flood the
// history. `flush` makes a waiting write now (Copy link copies the view as it is, not as it was 250 ms ago).
import { decodeLink, type AppLink } from '../view/url-codec.ts';

/** What the writer needs of window.history and window.location (a test passes fakes). */
export interface HistoryLike {
  pushState(data: unknown, unused: string, url: string): void;
  replaceState(data: unknown, unused: string, url: string): void;
}
export type LocationLike = Pick<Location, 'pathname' | 'href'>;

export const WRITE_DELAY_MS = 250;

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
      // The write waits from the first change it holds, not the last: a camera that keeps moving (the framing
      // that follows a new layout renders every frame) would otherwise hold back a change made before it, and
      // a reload in between reopened the old view (a removed family came back and was crawled again).
      this.pending = query;
      this.timer ??= setTimeout(() => this.flush(), WRITE_DELAY_MS);
      return;
    }
    // The entry being left first gets what was still waiting for it (its last camera or filter).
    this.flush();
    this.step = step;
    this.history.pushState(null, '', this.url(query));
  }

  /** The address of the view as it is now: a waiting write is made first. */
  now(): string {
    this.flush();
    return this.location.href;
  }

  /** Makes a waiting write now. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending !== null) this.history.replaceState(null, '', this.url(this.pending));
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
    this.timer = undefined;
    this.pending = null;
  }

  private url(query: string): string {
    return query ? `?${query}` : this.location.pathname;
  }
}
