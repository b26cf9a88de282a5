// Listing pages: a network error on a heavy page (a CORS-less gateway 504 in a browser) shrinks the page after at
// most two tries at that size; `Link`s that loop or leave the Hub are reported errors; the page size grows back
// more slowly after each failed growth.
import { describe, expect, it } from 'vitest';
import { HubClient } from '../../src/hub/client.ts';
import { HubHttpError } from '../../src/hub/http.ts';
import { parseNextLink } from '../../src/hub/listing.ts';
import { MAX_PAGE, PageSize } from '../../src/hub/page-size.ts';

const HUB = 'http://hub.test';
const page = (items: number, link?: string): Response =>
  new Response(JSON.stringify(Array.from({ length: items }, (_, i) => ({ id: `o/m${i}`, tags: [] }))), {
    status: 200,
    headers: { 'content-type': 'application/json', ...(link ? { link: `<${link}>; rel="next"` } : {}) },
  });

function client(answer: (url: URL) => Response, extra: { onPageSize?: (n: number) => void } = {}) {
  const asked: URL[] = [];
  const retries: { reason: string; delayMs: number }[] = [];
  const c = new HubClient({
    hubUrl: HUB,
    quota: 100_000,
    windowMs: 1000,
    baseDelayMs: 1,
    fetch: async (u) => {
      const url = new URL(String(u));
      asked.push(url);
      return answer(url);
    },
    onRetry: (r) => retries.push(r),
    ...extra,
  });
  return { c, asked, retries, limits: () => asked.map((u) => Number(u.searchParams.get('limit'))) };
}

const failedToFetch = (): never => {
  throw new TypeError('Failed to fetch');
};

describe('a network error on a heavy listing page', () => {
  it('shrinks the page after two tries at that size, as a readable 504 does', async () => {
    const sizes: number[] = [];
    const { c, limits, retries } = client(
      (u) => (Number(u.searchParams.get('limit')) > 500 ? failedToFetch() : page(3)),
      { onPageSize: (n) => sizes.push(n) },
    );
    const result = await c.listPage(c.listingUrl({ author: 'o', sort: 'createdAt' }));
    expect(result.models).toHaveLength(3);
    expect(limits()).toEqual([1000, 1000, 500]);
    expect(sizes).toEqual([500]);
    expect(retries.map((r) => r.reason)).toEqual(['network error (Failed to fetch)']);
    expect(c.pageSize).toBe(500);
  });

  it('is retried at the same size on a light listing, and at the smallest size', async () => {
    let failures = 3;
    const light = client(() => (failures-- > 0 ? failedToFetch() : page(1)));
    const url = new URL(light.c.listingUrl({ author: 'o', sort: 'createdAt' }));
    url.searchParams.delete('expand');
    await light.c.listPage(url.href);
    expect(light.limits()).toEqual([1000, 1000, 1000, 1000]);

    const heavy = client((u) => (u.searchParams.get('limit') !== '100' || failures-- > 0 ? failedToFetch() : page(1)));
    failures = 3;
    await heavy.c.listPage(heavy.c.listingUrl({ author: 'o', sort: 'createdAt' }));
    expect(heavy.limits()).toEqual([1000, 1000, 500, 500, 250, 250, 125, 125, 100, 100, 100, 100]);
    expect(heavy.c.pageSize).toBe(100);
  });

  it('and a time-out there shrinks it too', async () => {
    const limits: number[] = [];
    const stalledClient = new HubClient({
      hubUrl: HUB,
      quota: 100_000,
      windowMs: 1000,
      baseDelayMs: 1,
      requestTimeoutMs: 20,
      fetch: (u, init) =>
        limits.push(Number(new URL(String(u)).searchParams.get('limit'))) && limits.at(-1)! > 500
          ? new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))
          : Promise.resolve(page(2)),
    });
    const result = await stalledClient.listPage(stalledClient.listingUrl({ sort: 'createdAt' }));
    expect(result.models).toHaveLength(2);
    expect(stalledClient.pageSize).toBe(500);
    expect(limits).toEqual([MAX_PAGE, MAX_PAGE, 500]);
  });
});

describe('Link headers', () => {
  const first = `${HUB}/api/models?author=o&sort=createdAt&limit=1000`;

  it('are followed on the Hub, relative ones included', async () => {
    const { c } = client((u) =>
      u.searchParams.get('cursor') === null ? page(1, '/api/models?author=o&sort=createdAt&cursor=2') : page(1),
    );
    const one = await c.listPage(first);
    expect(one.next).toBe(`${HUB}/api/models?author=o&sort=createdAt&cursor=2`);
    expect((await c.listPage(one.next as string)).next).toBeNull();
  });

  it('back to the page just fetched are a reported loop, not an endless listing', async () => {
    const { c, asked } = client((u) => page(1, u.href));
    const error = await c.listPage(first).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubHttpError);
    expect(error).toMatchObject({ kind: 'link' });
    expect((error as Error).message).toMatch(/repeats a page already fetched in this listing \(a loop\)/);
    expect(asked).toHaveLength(1);
  });

  it('back to an earlier page are a loop too, whatever page size was asked', async () => {
    const { c } = client((u) => {
      const cursor = Number(u.searchParams.get('cursor') ?? '1');
      const next = cursor < 3 ? `${HUB}/api/models?author=o&sort=createdAt&limit=1000&cursor=${cursor + 1}` : first;
      return page(1, next.replace('limit=1000', 'limit=250'));
    });
    let url: string | null = first;
    const fetched: string[] = [];
    const run = async (): Promise<void> => {
      while (url) {
        fetched.push(url);
        url = (await c.listPage(url)).next;
      }
    };
    await expect(run()).rejects.toThrow(/a loop/);
    expect(fetched).toHaveLength(3);
  });

  it('to another origin are a reported error, not the end of the listing', async () => {
    const { c } = client(() => page(1, 'http://elsewhere.invalid/api/models?cursor=2'));
    await expect(c.listPage(first)).rejects.toThrow(
      /Link points to another origin \(http:\/\/elsewhere\.invalid\), not the Hub at http:\/\/hub\.test/,
    );
  });

  it('are read whatever else the header carries', () => {
    expect(parseNextLink('<http://a/1>; rel="prev", <http://a/3>; rel="next"')).toBe('http://a/3');
    expect(parseNextLink('<http://a/3>; rel=next')).toBe('http://a/3');
    expect(parseNextLink('<http://a/1>; rel="prev"')).toBeNull();
    expect(parseNextLink(null)).toBeNull();
  });
});

describe('the page size', () => {
  it('grows back after ten good pages, and waits twice as long after each growth that failed', () => {
    const p = new PageSize();
    const goodPagesToGrow = (): number => {
      let n = 0;
      while (!p.grow()) n++;
      return n + 1;
    };
    expect(p.shrink()).toBe(true);
    expect(p.size).toBe(500);
    expect(goodPagesToGrow()).toBe(10);
    expect(p.size).toBe(1000);
    p.shrink(); // the grown size failed at once
    expect(goodPagesToGrow()).toBe(20);
    p.grow(); // this time it held
    p.shrink();
    expect(goodPagesToGrow()).toBe(20);
  });
});
