// A request without any answer: the Hub counts how many came in a row, across requests (an answer of any status
// ends the run), and the app says "cannot be reached" only after a few, since a browser reads a gateway's time-out
// without CORS headers as a network error too (hub-api.md §9).
import { describe, expect, it } from 'vitest';
import { HubHttp, type RetryInfo, type RetryKind } from '../../src/hub/http.ts';
import { describeRetry, isRetryProblem } from '../../src/ui/crawlEvents.ts';

const refused = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
const answered = (status: number) => (): Promise<Response> =>
  Promise.resolve(new Response('[]', { status, headers: { 'content-type': 'application/json' } }));

describe('requests without an answer', () => {
  it('are counted in a row across requests, and an answer of any status ends the run', async () => {
    const answers = [refused, refused, answered(504), refused, answered(200), refused, refused, refused, answered(200)];
    const retries: RetryInfo[] = [];
    const h = new HubHttp({
      hubUrl: 'http://hub.test',
      quota: 1000,
      windowMs: 1000,
      baseDelayMs: 1,
      fetch: () => (answers.shift() ?? answered(200))(),
      onRetry: (r) => retries.push(r),
    });
    await h.getJson('http://hub.test/api/models?a');
    await h.getJson('http://hub.test/api/models?b');
    expect(retries.map((r) => [r.attempt, r.unansweredInARow])).toEqual([
      [1, 1],
      [2, 2],
      [3, 0],
      [4, 1],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('are told as a problem only once the Hub looks out of reach; any other failure is one at once', () => {
    const notice = { url: '/api/models?limit=1000', attempt: 1, maxAttempts: 8, delayMs: 1000, reason: 'x' };
    const problem = (kind: RetryKind, unansweredInARow: number) =>
      isRetryProblem({ ...notice, kind, unansweredInARow });
    expect([1, 2, 3].map((n) => problem('unreachable', n))).toEqual([false, false, true]);
    expect([problem('server-error', 0), problem('rate-limited', 0), problem('timeout', 1)]).toEqual([true, true, true]);
  });

  it('are told as an answer the browser cannot read, then as a Hub out of reach', () => {
    const notice = { url: '/api/models?limit=1000', attempt: 1, maxAttempts: 8, delayMs: 1000 };
    const reason = 'network error (Failed to fetch)';
    const words = (unansweredInARow: number, why = reason, kind: RetryKind = 'unreachable') =>
      describeRetry({ ...notice, reason: why, kind, unansweredInARow }, 'http://hub.test');
    expect(words(1)).toBe(
      'The Hub at http://hub.test gave no answer the browser can read (network error (Failed to fetch): most ' +
        "likely a gateway's time-out, or out of reach); the listing page is tried again in 1 s (attempt 2 of 8). " +
        'What is shown stays.',
    );
    expect(words(2)).toContain('gave no answer the browser can read');
    expect(words(3)).toMatch(/^The Hub at http:\/\/hub\.test cannot be reached \(network error \(Failed to fetch\)\);/);
    expect(words(0, 'HTTP 504', 'server-error')).toMatch(
      /^The Hub at http:\/\/hub\.test answered HTTP 504; the listing page/,
    );
    expect(words(5, 'no answer within 30 s', 'timeout')).toMatch(
      /^The Hub at http:\/\/hub\.test gave no answer within 30 s;/,
    );
  });
});
