// Each request has its own time-out; redirects are followed hop by hop and a loop fails at once, saying
// "redirect"; in a browser (redirects hidden) a redirect that cannot be followed fails after one probe; the
// User-Agent goes where the caller gives it; a Hub that cannot be reached is told at once.
import { describe, expect, it } from 'vitest';
import { HubHttp, HubHttpError, type HubHttpOptions, type HubTrouble } from '../../src/hub/http.ts';
import { FORKSCOPE_VERSION, forkscopeUserAgent } from '../../src/hub/user-agent.ts';
import pkg from '../../package.json' with { type: 'json' };

const json = (body: string, status = 200, headers: Record<string, string> = {}): Response =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

/** A fetch that never answers until its signal aborts, as a stalled connection. */
const stalled = (_url: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
  new Promise((_, reject) => {
    if (init?.signal?.aborted) reject(init.signal.reason as Error);
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error));
  });

/** Headers arrive, then the body stalls until the signal aborts (what fetch does with a stalled body). */
function stalledBody(init?: RequestInit): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('[{"id":"a/'));
      init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason));
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
}

function http(fetch: typeof globalThis.fetch, extra: Partial<HubHttpOptions> = {}): HubHttp {
  return new HubHttp({ hubUrl: 'http://hub.test', quota: 1000, windowMs: 1000, baseDelayMs: 1, fetch, ...extra });
}

describe('request time-outs', () => {
  it('abort a stalled connection and retry it like a network error', async () => {
    const answers = [stalled, (_u: RequestInfo | URL, i?: RequestInit) => Promise.resolve(stalledBody(i))];
    const troubles: HubTrouble[] = [];
    const h = http(async (u, i) => (answers.shift() ?? (async () => json('[{"id":"a/b"}]')))(u, i), {
      requestTimeoutMs: 30,
      slowNoticeMs: 5,
      onTrouble: (t) => troubles.push(t),
    });
    const res = await h.getJson('http://hub.test/api/models');
    expect(res.body).toEqual([{ id: 'a/b' }]);
    expect(h.requests).toBe(3);
    const retries = troubles.filter((t) => t.kind === 'timeout');
    expect(retries.map((t) => (t.kind === 'timeout' ? [t.attempt, t.reason] : []))).toEqual([
      [1, 'no answer within 30 ms'],
      [2, 'no answer within 30 ms'],
    ]);
    expect(troubles.some((t) => t.kind === 'slow' && t.timeoutMs === 30)).toBe(true);
    expect(troubles.at(-1)).toMatchObject({ kind: 'recovered', url: 'http://hub.test/api/models' });
  });

  it('give up after maxAttempts with a message that says so, and the caller can still cancel', async () => {
    const h = http(stalled, { requestTimeoutMs: 20, maxAttempts: 2 });
    await expect(h.getJson('http://hub.test/api/models')).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(/no answer within 20 ms after 2 attempts/) as unknown,
    });
    const abort = new AbortController();
    const pending = http(stalled).getJson('http://hub.test/api/models', abort.signal);
    abort.abort(new Error('cancelled by the user'));
    await expect(pending).rejects.toThrow('cancelled by the user');
  });
});

describe('redirects', () => {
  it('are followed hop by hop where readable, each hop counted', async () => {
    const seen: string[] = [];
    const h = http(async (u, init) => {
      seen.push(`${String(u)} ${init?.redirect}`);
      return String(u).endsWith('/old')
        ? new Response(null, { status: 307, headers: { location: '/api/models/a/new' } })
        : json('{"id":"a/new"}');
    });
    const res = await h.getJson('http://hub.test/api/models/a/old');
    expect(res).toMatchObject({ status: 200, url: 'http://hub.test/api/models/a/new', body: { id: 'a/new' } });
    expect(seen).toEqual(['http://hub.test/api/models/a/old manual', 'http://hub.test/api/models/a/new manual']);
    expect(h.requests).toBe(2);
  });

  it('fail at once on a loop, saying redirect, without retrying', async () => {
    let calls = 0;
    const h = http(async (u) => {
      calls++;
      const next = String(u).endsWith('/revision/main') ? '/api/models/a/b' : '/api/models/a/b/revision/main';
      return new Response(null, { status: 307, headers: { location: next } });
    });
    const error = await h.getJson('http://hub.test/api/models/a/b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubHttpError);
    expect(error).toMatchObject({ kind: 'redirect', status: 307 });
    expect((error as Error).message).toBe(
      'hub: redirect loop at http://hub.test: /api/models/a/b -> /api/models/a/b/revision/main -> /api/models/a/b',
    );
    expect(calls).toBe(2);
  });

  it('fail on too many hops', async () => {
    let n = 0;
    const h = http(async () => new Response(null, { status: 302, headers: { location: `/hop/${++n}` } }));
    await expect(h.getJson('http://hub.test/api/models/x/y')).rejects.toThrow(/too many redirects/);
    expect(n).toBe(11);
  });

  it('in a browser are left to the browser, and one it cannot follow fails after a single probe', async () => {
    const modes: string[] = [];
    const delays: number[] = [];
    const opaque = (): Response => {
      const r = new Response(null, { status: 200 });
      Object.defineProperties(r, { type: { value: 'opaqueredirect' }, status: { value: 0 } });
      return r;
    };
    const h = http(
      async (u, init) => {
        modes.push(init?.redirect ?? '');
        if (String(u).endsWith('/ok')) return json('{}');
        if (init?.redirect === 'manual') return opaque();
        throw new TypeError('Failed to fetch');
      },
      { onRetry: (r) => delays.push(r.delayMs) },
    );
    const error = await h.getJson('http://hub.test/api/models/a/b').catch((e: unknown) => e);
    expect((error as HubHttpError).kind).toBe('redirect');
    expect((error as Error).message).toMatch(/redirects, and the browser could not follow the redirect/);
    // manual (hidden) → follow (fails) → manual probe (hidden again): redirect, not 8 retries.
    expect(modes).toEqual(['manual', 'follow', 'manual']);
    expect(delays).toHaveLength(1);
    await h.getJson('http://hub.test/api/models/ok');
    expect(modes.at(-1)).toBe('follow');
  });
});

describe('User-Agent', () => {
  it('names Forkscope and the version of package.json, where given', async () => {
    expect(FORKSCOPE_VERSION).toBe(pkg.version);
    const agents: (string | null)[] = [];
    const fetch = async (_u: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      agents.push(new Headers(init?.headers).get('user-agent'));
      return json('[]');
    };
    await http(fetch, { userAgent: forkscopeUserAgent('node/22') }).getJson('http://hub.test/api/models');
    await http(fetch).getJson('http://hub.test/api/models');
    expect(agents).toEqual([`forkscope/${pkg.version}; node/22`, null]);
  });
});

describe('an unreachable Hub', () => {
  it('is told at once, with what is retried and when', async () => {
    const troubles: HubTrouble[] = [];
    const slept: number[] = [];
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    const h = http(
      async () => {
        throw refused;
      },
      {
        maxAttempts: 3,
        baseDelayMs: 100,
        clock: { now: () => 0, sleep: async (ms) => void slept.push(ms) },
        onTrouble: (t) => troubles.push(t),
      },
    );
    await expect(h.getJson('http://hub.test/api/models?token=hf_x')).rejects.toMatchObject({
      kind: 'unreachable',
      message: expect.stringMatching(
        /ECONNREFUSED.*after 3 attempts: http:\/\/hub.test\/api\/models\?token=\*\*\*$/,
      ) as unknown,
    });
    expect(troubles.map((t) => t.kind === 'unreachable' && [t.attempt, t.maxAttempts, t.reason])).toEqual([
      [1, 3, 'network error (fetch failed: connect ECONNREFUSED 127.0.0.1:9)'],
      [2, 3, 'network error (fetch failed: connect ECONNREFUSED 127.0.0.1:9)'],
    ]);
    // A refused connection is no hidden 429: plain backoff (100 ms, then 200 ms, ±25%), and the waits told are
    // the waits slept.
    const told = troubles.map((t) => (t.kind === 'unreachable' ? t.retryInMs : NaN));
    expect(told).toEqual(slept);
    expect(told[0]).toBeGreaterThanOrEqual(75);
    expect(told[0]).toBeLessThanOrEqual(125);
    expect(told[1]).toBeGreaterThanOrEqual(150);
    expect(told[1]).toBeLessThanOrEqual(250);
  });
});
