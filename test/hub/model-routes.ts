// The local Hub's model routes (hub-api.md §7): the listing with its cursor `Link`, `expand` checks and the
// gateway's CORS-less 504 on heavy listings, and model info with the Hub's redirects for renamed repos, 401/404
// for private or missing ones and 403 for disabled ones. The server (server.ts) counts, limits and injects faults
// before a request reaches these.
import type { ServerResponse } from 'node:http';
import { CursorError, type Catalog } from './catalog.ts';
import { checkExpand, ExpandError, infoItem, listItem } from './items.ts';
import { gatewayTimeout } from './faults.ts';
import { hostileLink, type HostileLinks } from './hostile.ts';
import { parseListQuery } from './request.ts';

const ANON_MESSAGE = 'Invalid username or password.';
/** What the Hub says about a disabled repo, in `X-Error-Message` and the body (hub-api.md §9). */
export const DISABLED_MESSAGE = 'Access to this resource is disabled.';

/** The server's options that change how listings answer. */
export interface ListingOptions {
  listingBaseModels?: boolean;
  heavyListingMaxLimit?: number;
  gatewayDelayMs?: number;
  hostileLinks?: HostileLinks;
}

export interface ModelRouteContext {
  catalog: Catalog;
  options: ListingOptions;
}

/** Where and how a route answers: the headers the server has set so far, its status counter, the response. */
export interface Reply {
  headers: Record<string, string>;
  count: (status: number) => void;
  res: ServerResponse;
}

export function routeList({ catalog, options }: ModelRouteContext, url: URL, { headers, count, res }: Reply): void {
  try {
    const { query, shape } = parseListQuery(url.searchParams);
    checkExpand(shape.expand, 'list', options.listingBaseModels ?? true);
    const heavy = shape.full || shape.cardData || shape.expand.includes('cardData');
    if (heavy && options.heavyListingMaxLimit !== undefined && query.limit > options.heavyListingMaxLimit) {
      return gatewayTimeout(res, count, options.gatewayDelayMs ?? 0);
    }
    const page = catalog.list(query);
    let link: string | null = null;
    if (page.next) {
      const params = new URLSearchParams(url.searchParams);
      params.delete('cursor');
      params.delete('skip');
      if (!params.has('sort')) params.set('sort', query.sort);
      params.set('cursor', page.next);
      link = `<${url.origin}/api/models?${params.toString()}>; rel="next"`;
    }
    if (options.hostileLinks) link = hostileLink(options.hostileLinks, url, link);
    if (link) headers.Link = link;
    count(200);
    send(
      res,
      200,
      headers,
      page.items.map((r) => listItem(r, shape, catalog)),
    );
  } catch (e) {
    if (!(e instanceof ExpandError || e instanceof CursorError)) throw e;
    count(400);
    send(res, 400, { ...headers, 'X-Error-Message': e.message }, { error: e.message });
  }
}

export function routeInfo(
  catalog: Catalog,
  info: { id: string; rest: string },
  url: URL,
  withToken: boolean,
  { headers, count, res }: Reply,
): void {
  const record = catalog.get(info.id);
  const canonical = record?.id ?? catalog.aliases.get(info.id.toLowerCase());
  if (canonical && canonical !== info.id && !record?.private) {
    count(307);
    return send(res, 307, { ...headers, Location: `/api/models/${canonical}${info.rest}${url.search}` }, {});
  }
  if (!record || record.private) {
    if (withToken) {
      count(404);
      return send(
        res,
        404,
        { ...headers, 'X-Error-Code': 'RepoNotFound', 'X-Error-Message': 'Repository not found' },
        { error: 'Repository not found' },
      );
    }
    count(401);
    return send(res, 401, { ...headers, 'X-Error-Message': ANON_MESSAGE }, { error: ANON_MESSAGE });
  }
  if (record.disabled) {
    count(403);
    return send(res, 403, { ...headers, 'X-Error-Message': DISABLED_MESSAGE }, { error: DISABLED_MESSAGE });
  }
  const expand = [...url.searchParams.getAll('expand'), ...url.searchParams.getAll('expand[]')];
  try {
    checkExpand(expand, 'info', true);
  } catch (e) {
    count(400);
    return send(res, 400, headers, { error: (e as Error).message });
  }
  count(200);
  send(res, 200, headers, infoItem(record, expand, catalog));
}

export function send(res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(text);
}
