// What the crawl worker tells the app while a crawl runs, at a pace the app can follow. Progress goes out at most
// every PROGRESS_GAP_MS (the latest one always arrives, a moment late at worst): a page takes milliseconds, and
// re-rendering the app for each one costs more than the page. A partial lineage is built and sent only once the
// app has drawn the previous one (`shown`: the app says so after the frame that drew it), and then after a pause that
// grows with what the last one cost on both sides (building it here; laying it out, building the graph, sigma
// processing it and the frame there), so that on paper a twentieth of the crawl goes to
// them. On paper: that cost is wall time, while the crawl goes on on the same cores. Measured on the 3.1-million-model
// Hub (README, `realsize`), partial results took about 8% of the browser's crawl at a twentieth, 18% at a tenth.
import type { CrawlProgress } from '../crawl/progress.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import { transferables, type CrawlEvent } from './protocol.ts';

export const PROGRESS_GAP_MS = 200;
/** The shortest pause between two partial lineages, however cheap they are. */
export const PARTIAL_GAP_MS = 3000;
/** A partial lineage is followed by a pause of this many times what it cost, so it takes a twentieth on paper. */
export const PARTIAL_COST_FACTOR = 19;

/** Partial lineages are numbered across the worker's life: the app may answer for one of a crawl that has ended
 * (paused, then resumed in the same worker) after the next crawl sent its first, and that answer is for none of
 * the next crawl's. */
let partialsSent = 0;

export interface UpdateClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: UpdateClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class CrawlUpdates {
  private lastProgressAt = -Infinity;
  private pendingProgress: CrawlProgress | null = null;
  private timer: unknown = null;
  /** The partial lineage the app has not drawn yet: its number, when it was sent and what building it cost. */
  private unshown: { seq: number; sentAt: number; buildMs: number } | null = null;
  private nextPartialAt = -Infinity;
  private stopped = false;

  constructor(
    private readonly post: (event: CrawlEvent, transfer?: Transferable[]) => void,
    /** The lineage known so far, encoded for transfer; null when none is to be sent (a refresh). */
    private readonly partial: (() => ColumnarLineage) | null,
    private readonly clock: UpdateClock = realClock,
  ) {}

  /** A page or look-up is done: tells the progress (now, or the latest one at the end of the gap), and sends a
   * partial lineage when one is due. */
  progress(progress: CrawlProgress): void {
    if (this.stopped) return;
    this.sendProgress(progress);
    const now = this.clock.now();
    if (!this.partial || this.unshown || now < this.nextPartialAt) return;
    const lineage = this.partial();
    const sentAt = this.clock.now();
    const seq = ++partialsSent;
    this.post({ type: 'partial', lineage, seq }, transferables(lineage));
    this.unshown = { seq, sentAt, buildMs: sentAt - now };
  }

  /** The app has drawn partial lineage `seq` (an answer for another is ignored). */
  shown(seq: number): void {
    if (this.unshown?.seq !== seq) return;
    const now = this.clock.now();
    const cost = this.unshown.buildMs + (now - this.unshown.sentAt);
    this.nextPartialAt = now + Math.max(PARTIAL_GAP_MS, PARTIAL_COST_FACTOR * cost);
    this.unshown = null;
  }

  /** The crawl has ended (its last event follows): nothing more is sent, not even progress held back. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pendingProgress = null;
  }

  private sendProgress(progress: CrawlProgress): void {
    const now = this.clock.now();
    if (now - this.lastProgressAt >= PROGRESS_GAP_MS && this.timer === null) {
      this.lastProgressAt = now;
      this.post({ type: 'progress', progress });
      return;
    }
    this.pendingProgress = progress;
    if (this.timer !== null) return;
    const wait = Math.max(0, this.lastProgressAt + PROGRESS_GAP_MS - now);
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      const latest = this.pendingProgress;
      this.pendingProgress = null;
      if (!latest || this.stopped) return;
      this.lastProgressAt = this.clock.now();
      this.post({ type: 'progress', progress: latest });
    }, wait);
  }
}
