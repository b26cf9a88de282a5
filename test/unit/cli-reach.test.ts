// The command line's word on whether the Hub can be reached (src/cli/reach.ts): an outage is what the Hub client
// classified as no answer at all (a network error, a time-out), said once; any HTTP answer ends it; and a Hub silent
// for the whole give-up time aborts the crawl with a message that keeps the journal's way back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Reachability } from '../../src/cli/reach.ts';

const HUB = 'http://hub.test';

function reach(giveUpMs = 60_000) {
  const said: string[] = [];
  let now = 1_000_000;
  const r = new Reachability(
    HUB,
    giveUpMs,
    (s) => said.push(s),
    () => now,
  );
  return { r, said, later: (ms: number) => (now += ms) };
}

afterEach(() => void vi.useRealTimers());

describe('Reachability', () => {
  it('says once that the Hub cannot be reached, by the retry kind, and when it answers again', () => {
    const { r, said, later } = reach();
    r.retried({ kind: 'unreachable', reason: 'network error (fetch failed: ECONNREFUSED)', delayMs: 2_000 });
    r.retried({ kind: 'timeout', reason: 'no answer within 30 s', delayMs: 4_000 });
    expect(said).toEqual([
      `crawl: cannot reach the Hub at ${HUB} (network error (fetch failed: ECONNREFUSED)); retrying in 2 s, ` +
        'giving up after 60 s without an answer',
    ]);
    expect(r.unreachable).toBe(true);
    later(12_000);
    // A server error is an answer: the Hub is there, only busy.
    r.retried({ kind: 'server-error', reason: 'HTTP 504', delayMs: 1_000 });
    expect(said.at(-1)).toBe('crawl: the Hub answers again after 12 s');
    expect(r.unreachable).toBe(false);
    r.stop();
  });

  it('takes a rate limit, a bad body or a gateway time-out for answers, whatever their words', () => {
    const { r, said } = reach();
    r.retried({ kind: 'rate-limited', reason: 'HTTP 429', delayMs: 1_000 });
    r.retried({ kind: 'bad-body', reason: 'truncated JSON body', delayMs: 1_000 });
    r.retried({ kind: 'server-error', reason: 'HTTP 504 (gateway time-out)', delayMs: 1_000 });
    expect(said).toEqual([]);
    expect(r.unreachable).toBe(false);
  });

  it('aborts the crawl after the give-up time without an answer, and says how to resume', () => {
    vi.useFakeTimers();
    const { r, later } = reach(30_000);
    r.retried({ kind: 'unreachable', reason: 'network error (fetch failed)', delayMs: 2_000 });
    later(30_000);
    vi.advanceTimersByTime(30_000);
    expect(r.gaveUp).toBe(true);
    expect(r.controller.signal.aborted).toBe(true);
    expect(r.failure('crawl-out')).toBe(
      `crawl: stopped, the Hub at ${HUB} could not be reached for 30 s (last: network error (fetch failed)). ` +
        'What was crawled is kept in crawl-out: run the same command again to resume.',
    );
  });
});
