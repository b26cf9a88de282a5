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

describe('quota and waits read from the Hub (Node can read RateLimit and RateLimit-Policy)', () => {
  it('takes the quota and window from RateLimit-Policy', async () => {
    const clock = fakeClock();
    const t = new Throttle({ quota: 500, windowMs: 300_000, ...clock });
    t.observe('"api";r=9;t=60', '"fixed window";"api";q=10;w=60');
    expect([t.quota, t.windowMs, t.budget]).toEqual([10, 60_000, 9]);
    for (let i = 0; i < 9; i++) await t.acquire();
    expect(clock.now()).toBe(0);
    await t.acquire();
    expect(clock.now()).toBe(60_000);
  });

  it('holds every request t+1 s after r=0, and waits t+1 s after a 429', async () => {
    const clock = fakeClock();
    const fetchedAt: number[] = [];
    const delays: number[] = [];
    const answers = [
      () => respond(200, '[]', { ratelimit: '"api";r=0;t=7', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' }),
      () => respond(429, '{"error":"rate"}', { ratelimit: '"api";r=0;t=20' }),
      () => respond(200, '[]', { ratelimit: '"api";r=499;t=280' }),
    ];
    const http = new HubHttp({
      hubUrl: 'http://hub.test',
      quota: 500,
      windowMs: 300_000,
      clock,
      fetch: async () => {
        fetchedAt.push(clock.now());
        return (answers.shift() as () => Response)();
      },
      onRetry: (r) => delays.push(r.delayMs),
    });
    await http.getJson('http://hub.test/api/models');
    await http.getJson('http://hub.test/api/models');
    expect(fetchedAt).toEqual([0, 8_000, 29_000]);
    expect(delays).toEqual([21_000]);
  });

  it('backs off exponentially, within the jitter, and the waits told are the waits slept', async () => {
    const slept: number[] = [];
    const clock = { now: () => 0, sleep: async (ms: number) => void slept.push(ms) };
    const delays: number[] = [];
    const http = new HubHttp({
      hubUrl: 'http://hub.test',
      quota: 100,
      windowMs: 1000,
      baseDelayMs: 1000,
      maxAttempts: 5,
      clock,
      fetch: async () => respond(503, '{}'),
      onRetry: (r) => delays.push(r.delayMs),
    });
    await expect(http.getJson('http://hub.test/api/models')).rejects.toThrow(/HTTP 503 after 5 attempts/);
    expect(slept).toEqual(delays);
    expect(delays).toHaveLength(4);
    delays.forEach((d, i) => {
      expect(d).toBeGreaterThanOrEqual(750 * 2 ** i);
      expect(d).toBeLessThanOrEqual(1250 * 2 ** i);
    });
  });
});
