// Pins the rate limiter, the Hub's headers on every response, CORS, and the injected faults (hub-api.md §4, §7.4-6).
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { getJson, syntheticHub, useHub } from './helpers.ts';

const EXPOSE =
  'X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash';
const hub = useHub(() => ({ dataset: syntheticHub(1000), quota: 6, tokenQuota: 9, windowSeconds: 300 }));

describe('rate limit', () => {
  it('counts every request (redirects and errors too) and answers 429 with the Hub message past the quota', async () => {
    hub().resetStats();
    const paths: string[] = [
      FIXTURE.qwenInstruct,
      FIXTURE.llamaOldName,
      FIXTURE.deletedParent,
      `${FIXTURE.qwenBase}?expand=foo`,
      FIXTURE.qwenBase,
    ];
    const remaining: string[] = [];
    for (const p of paths) {
      const { headers } = await getJson(`${hub().url}/api/models/${p}`);
      remaining.push(headers.get('ratelimit') ?? '');
      expect(headers.get('ratelimit-policy')).toBe('"fixed window";"api";q=6;w=300');
    }
    expect(remaining.map((r) => r.match(/r=(\d+)/)?.[1])).toEqual(['5', '4', '3', '2', '1']);
    await getJson(`${hub().url}/api/models?limit=1`);
    const over = await getJson(`${hub().url}/api/models?limit=1`);
    expect(over.status).toBe(429);
    expect((over.body as { error: string }).error).toMatch(
      /^We had to rate limit you, you hit the quota of 6 api requests per 5 minutes/,
    );
    expect(over.headers.get('ratelimit')).toMatch(/^"api";r=0;t=\d+$/);
    expect(over.headers.get('retry-after')).toBeNull();
    expect(hub().stats().requests).toBe(7);
    expect(hub().stats().byStatus).toMatchObject({ 200: 3, 307: 1, 400: 1, 401: 1, 429: 1 });
  });

  it('gives a token its own, larger bucket', async () => {
    hub().resetStats();
    for (let i = 0; i < 6; i++) await getJson(`${hub().url}/api/models?limit=1`);
    const auth = { headers: { Authorization: 'Bearer hf_tokenA1' } };
    const withToken = await getJson(`${hub().url}/api/models?limit=1`, auth);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('ratelimit-policy')).toContain('q=9');
  });
});

describe('CORS and headers', () => {
  it('reflects the Origin, varies on it and exposes exactly the Hub list, so RateLimit stays unreadable', async () => {
    hub().resetStats();
    const { headers } = await getJson(`${hub().url}/api/models?limit=1`, {
      headers: { Origin: 'https://lab.example' },
    });
    expect(headers.get('access-control-allow-origin')).toBe('https://lab.example');
    expect(headers.get('vary')).toBe('Origin');
    expect(headers.get('access-control-expose-headers')).toBe(EXPOSE);
    expect(EXPOSE.toLowerCase()).not.toContain('ratelimit');
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('x-request-id')).toBeTruthy();
    const none = await getJson(`${hub().url}/api/models?limit=1`);
    expect(none.headers.get('access-control-allow-origin')).toBe('https://huggingface.co');
  });

  it('answers the preflight for Authorization', async () => {
    const res = await fetch(`${hub().url}/api/models?limit=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://lab.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
  });
});

describe('faults on demand', () => {
  it('drops connections, truncates bodies, answers 5xx/504 and 429s without CORS', async () => {
    hub().resetStats();
    const url = `${hub().url}/api/models?limit=1`;
    hub().injectNext('drop');
    await expect(fetch(url)).rejects.toThrow();
    hub().injectNext('truncate');
    const truncated = await fetch(url);
    expect(truncated.status).toBe(200);
    await expect(truncated.json()).rejects.toThrow();
    hub().injectNext('timeout504');
    const gateway = await fetch(url);
    expect(gateway.status).toBe(504);
    expect(await gateway.text()).toContain('Gateway Time-out');
    hub().injectNext('error503');
    expect((await fetch(url)).status).toBe(503);
    hub().injectNext('rateLimitNoCors');
    const noCors = await fetch(url, { headers: { Origin: 'https://lab.example' } });
    expect(noCors.status).toBe(429);
    expect(noCors.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(url)).status).toBe(200);
  });
});
