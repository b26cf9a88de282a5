// The throttle keeps under the quota by itself; the HTTP layer retries what the Hub can throw at it.
import { describe, expect, it } from 'vitest';
import { Throttle } from '../../src/hub/throttle.ts';
import { HubHttp } from '../../src/hub/http.ts';

function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('Throttle', () => {
  it('never lets more than the budget through in any window', async () => {
    const clock = fakeClock();
    const t = new Throttle({ quota: 50, windowMs: 1000, margin: 5, ...clock });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await t.acquire();
      times.push(clock.now());
    }
    for (let i = 45; i < times.length; i++)
      expect((times[i] as number) - (times[i - 45] as number)).toBeGreaterThanOrEqual(1000);
    expect(clock.now()).toBeGreaterThanOrEqual(4000);
  });

  it('holds everything after a spent RateLimit header until the reset', async () => {
    const clock = fakeClock();
    const t = new Throttle({ quota: 500, windowMs: 300_000, ...clock });
    t.observe('"api";r=0;t=42');
    await t.acquire();
    expect(clock.now()).toBe(43_000);
  });
});

const respond = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

describe('HubHttp', () => {
  it('retries 429, 5xx, network errors and truncated JSON, then returns the good answer', async () => {
    const answers: (() => Response)[] = [
      () => respond(429, '{"error":"rate"}', { ratelimit: '"api";r=0;t=0' }),
      () => respond(503, '{}'),
      () => {
        throw new TypeError('Failed to fetch');
      },
      () => respond(200, '[{"id":"a/b"'),
      () => respond(200, '[{"id":"a/b"}]'),
    ];
    const retries: string[] = [];
    const http = new HubHttp({
      hubUrl: 'http://hub.test',
      quota: 100,
      windowMs: 1000,
      baseDelayMs: 1,
      fetch: async () => (answers.shift() as () => Response)(),
      onRetry: (r) => retries.push(r.reason),
    });
    const res = await http.getJson('http://hub.test/api/models');
    expect(res.body).toEqual([{ id: 'a/b' }]);
    expect(retries).toEqual(['HTTP 429', 'HTTP 503', 'network error (Failed to fetch)', 'truncated JSON body']);
    expect(http.requests).toBe(5);
  });

  it('gives up after maxAttempts with a clear error, and can be cancelled', async () => {
    const http = new HubHttp({
      hubUrl: 'http://hub.test',
      quota: 100,
      windowMs: 1000,
      baseDelayMs: 1,
      maxAttempts: 3,
      fetch: async () => respond(500, '{}'),
    });
    await expect(http.getJson('http://hub.test/api/models')).rejects.toThrow(/HTTP 500 after 3 attempts/);
    const abort = new AbortController();
    abort.abort(new Error('cancelled by the user'));
    await expect(http.getJson('http://hub.test/api/models', abort.signal)).rejects.toThrow(/cancelled/);
  });

  it('sends the token to the configured Hub only', async () => {
    const seen: [string, string | null][] = [];
    const http = new HubHttp({
      hubUrl: 'http://hub.test',
      token: 'hf_secret',
      quota: 100,
      windowMs: 1000,
      fetch: async (url, init) => {
        seen.push([String(url), new Headers(init?.headers).get('authorization')]);
        return respond(200, '[]');
      },
    });
    await http.getJson('http://hub.test/api/models');
    await http.fetch('http://elsewhere.test/x', { headers: { authorization: 'Bearer hf_secret' } });
    expect(seen).toEqual([
      ['http://hub.test/api/models', 'Bearer hf_secret'],
      ['http://elsewhere.test/x', null],
    ]);
  });
});
