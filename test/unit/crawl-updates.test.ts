// The crawl worker's pacing of what it tells the app: progress at most every PROGRESS_GAP_MS with the latest
// always delivered (never after the crawl's last event), and a partial lineage only once the app has drawn the
// previous one, after a pause that grows with what that one cost.
import { describe, expect, it } from 'vitest';
import type { CrawlProgress } from '../../src/crawl/progress.ts';
import { encodeLineage } from '../../src/lineage/columnar.ts';
import {
  CrawlUpdates,
  PARTIAL_COST_FACTOR,
  PARTIAL_GAP_MS,
  PROGRESS_GAP_MS,
  type UpdateClock,
} from '../../src/workers/crawl-updates.ts';
import type { CrawlEvent } from '../../src/workers/protocol.ts';

/** A clock moved by hand, with timers that fire as it passes them. */
class HandClock implements UpdateClock {
  t = 0;
  private timers = new Map<number, { at: number; fn: () => void }>();
  private seq = 0;
  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): unknown => {
    this.timers.set(++this.seq, { at: this.t + ms, fn });
    return this.seq;
  };
  clearTimeout = (handle: unknown): void => void this.timers.delete(handle as number);
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter(([, x]) => x.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = due[1].at;
      due[1].fn();
    }
    this.t = end;
  }
}

const progress = (pages: number): CrawlProgress => ({
  phase: 'listing',
  strategy: 'sweep',
  models: pages * 10,
  requests: pages,
  pages,
  queue: 100 - pages,
  etaMs: 0,
  junkTags: 0,
  message: `swept ${pages} pages`,
});

function setup(buildMs = 0, partialsWanted = true) {
  const clock = new HandClock();
  const events: CrawlEvent[] = [];
  let builds = 0;
  const build = () => {
    builds++;
    clock.t += buildMs;
    return encodeLineage({ nodes: [], edges: [] });
  };
  const updates = new CrawlUpdates((e) => events.push(e), partialsWanted ? build : null, clock);
  const pagesTold = (): number[] => events.flatMap((e) => (e.type === 'progress' ? [e.progress.pages] : []));
  const partials = (): number => events.filter((e) => e.type === 'partial').length;
  /** The number of the last partial lineage sent, which the app's answer names. */
  const lastSeq = (): number => events.flatMap((e) => (e.type === 'partial' ? [e.seq] : [])).at(-1) ?? -1;
  return { clock, events, updates, pagesTold, partials, lastSeq, builds: () => builds };
}

describe('progress', () => {
  it('goes out at most once a gap, and the latest one always arrives', () => {
    const { clock, updates, pagesTold } = setup();
    for (let page = 1; page <= 50; page++) {
      updates.progress(progress(page));
      clock.advance(10);
    }
    const told = pagesTold();
    expect(told[0]).toBe(1);
    expect(told.length).toBeLessThanOrEqual(Math.ceil((50 * 10) / PROGRESS_GAP_MS) + 1);
    clock.advance(PROGRESS_GAP_MS);
    expect(pagesTold().at(-1)).toBe(50);
    // Told in order, none twice.
    expect(pagesTold()).toEqual([...new Set(pagesTold())].sort((a, b) => a - b));
  });

  it('holds nothing back once the crawl has ended: its last event stays the last', () => {
    const { clock, updates, pagesTold } = setup();
    updates.progress(progress(1));
    updates.progress(progress(2));
    updates.stop();
    clock.advance(10 * PROGRESS_GAP_MS);
    updates.progress(progress(3));
    expect(pagesTold()).toEqual([1]);
  });
});

describe('partial lineages', () => {
  it('wait for the app to draw the last one, then for a pause that grows with their cost', () => {
    const { clock, updates, partials, builds, lastSeq } = setup(1000);
    updates.progress(progress(1));
    expect(partials()).toBe(1);
    // Not drawn yet: no second one is built, however many pages come and however much later.
    for (let page = 2; page < 40; page++) {
      clock.advance(50);
      updates.progress(progress(page));
    }
    updates.progress(progress(40));
    expect(builds()).toBe(1);
    // Drawn 2 s after it was sent: it cost 1 s here and 2 s there, so the next waits 19 times 3 s.
    clock.advance(2000 - 38 * 50);
    const drawnAt = clock.t;
    updates.shown(lastSeq());
    clock.advance(PARTIAL_COST_FACTOR * 3000 - 1);
    updates.progress(progress(41));
    expect(partials()).toBe(1);
    clock.advance(1);
    updates.progress(progress(42));
    expect(partials()).toBe(2);
    expect(clock.t - 1000 - drawnAt).toBe(57_000);
  });

  it('come no closer than the shortest pause, however cheap', () => {
    const { clock, updates, partials, lastSeq } = setup(0);
    updates.progress(progress(1));
    updates.shown(lastSeq());
    clock.advance(PARTIAL_GAP_MS - 1);
    updates.progress(progress(2));
    expect(partials()).toBe(1);
    clock.advance(1);
    updates.progress(progress(3));
    expect(partials()).toBe(2);
  });

  it("ignore the app's answer for another partial lineage: an earlier crawl's, drawn after this one began", () => {
    const earlier = setup(0);
    earlier.updates.progress(progress(1));
    const { clock, updates, partials, lastSeq } = setup(0);
    updates.progress(progress(1));
    updates.shown(earlier.lastSeq());
    // Had that answer counted, the next one would come after the shortest pause.
    clock.advance(PARTIAL_GAP_MS);
    updates.progress(progress(2));
    expect(partials()).toBe(1);
    // Drawn PARTIAL_GAP_MS after it was sent: the next waits 19 times that.
    updates.shown(lastSeq());
    clock.advance(PARTIAL_COST_FACTOR * PARTIAL_GAP_MS);
    updates.progress(progress(3));
    expect(partials()).toBe(2);
  });

  it('are never built for a refresh, whose page already shows the whole families; progress still goes out', () => {
    const { clock, updates, partials, builds, pagesTold, lastSeq } = setup(1000, false);
    for (let page = 1; page <= 20; page++) {
      updates.progress(progress(page));
      updates.shown(lastSeq());
      clock.advance(10 * PARTIAL_GAP_MS);
    }
    expect([partials(), builds()]).toEqual([0, 0]);
    expect(pagesTold().at(-1)).toBe(20);
  });
});
