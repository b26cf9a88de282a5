// The local Hub's HTTP server: routes of hub-api.md §7 (listing, model info, redirects, errors), the Hub's
// headers on every response (RateLimit, CORS with its exact expose list), the rate limiter, fault injection
// (faults.ts) and redirect loops (hostile.ts). The model routes themselves are in model-routes.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Catalog } from './catalog.ts';
import { applyFault } from './faults.ts';
import { authOf, corsHeaders } from './headers.ts';
import { loopLocation, type HostileLinks } from './hostile.ts';
import { FaultInjector, FixedWindowLimiter, type FaultKind, type FaultOptions } from './limits.ts';
import { parseInfoPath } from './request.ts';
import { routeInfo, routeList, send } from './model-routes.ts';
import type { HubDataset } from './records.ts';
import type { HubTable } from './table.ts';
import { DatasetRoutes } from './datasets.ts';
import type { DatasetStore } from './dataset-store.ts';

/** A Hub's models: all their records (the tests' Hubs), or a compact table (the real-size Hub, table.ts). */
export type HubSource = HubDataset | HubTable;

export interface LocalHubOptions<D extends HubSource = HubDataset> {
  dataset: D;
  port?: number;
  host?: string;
  quota?: number;
  tokenQuota?: number;
  windowSeconds?: number;
  latencyMs?: number;
  faults?: FaultOptions;
  /** Whether listings accept `expand=baseModels` (hub-api.md §8.1: probably yes since 2026). */
  listingBaseModels?: boolean;
  /** Listings that ask for card data (`expand=cardData`, `cardData`, `full`) with more items than this time out
   * at the gateway, as heavy listings do on the Hub (hub-api.md §1.4, §9): a 504 with an HTML body and without
   * CORS headers (a network error in a browser), after `gatewayDelayMs`. Off when undefined. */
  heavyListingMaxLimit?: number;
  /** How long the gateway waits before its 504 (heavy listings and the `gateway504` fault); default 0. */
  gatewayDelayMs?: number;
  /** Listing `Link`s that loop or leave the Hub (hostile.ts). */
  hostileLinks?: HostileLinks;
  /** Model ids whose info route redirects in a loop. */
  redirectLoops?: string[];
  /** Valid access tokens; when omitted every `hf_` token of 8+ characters is valid. */
  tokens?: string[];
}

export { DISABLED_MESSAGE } from './model-routes.ts';

export interface HubStats {
  requests: number;
  listRequests: number;
  infoRequests: number;
  preflights: number;
  byStatus: Record<string, number>;
  /** Requests by `User-Agent` header ('' when none was sent). */
  userAgents: Record<string, number>;
  /** Model-info requests per lower-case id asked (before redirects), to prove a crawl never asks twice. */
  infoById: Record<string, number>;
}

export interface LocalHub<D extends HubSource = HubDataset> {
  url: string;
  port: number;
  catalog: Catalog;
  dataset: D;
  /** Dataset repos (test/hub/datasets.ts): what publishing wrote, for tests to inspect. */
  datasets: DatasetStore;
  /** Listings with card data above this page size time out at its gateway (none when absent). */
  heavyListingMaxLimit?: number;
  stats(): HubStats;
  /** Requests received and not yet answered (a test waits for 0 before asserting that nothing more comes). */
  pending(): number;
  /** Holds every request received from now on until the returned function is called (a crawl kept in flight
   * for as long as a test needs, however slow the machine). */
  hold(): () => void;
  resetStats(): void;
  injectNext(kind: FaultKind, count?: number): void;
  configureFaults(options: FaultOptions): void;
  close(): Promise<void>;
}

export async function startLocalHub<D extends HubSource = HubDataset>(
  options: LocalHubOptions<D>,
): Promise<LocalHub<D>> {
  const catalog = new Catalog(options.dataset);
  const windowSeconds = options.windowSeconds ?? 300;
  const limiter = new FixedWindowLimiter(windowSeconds);
  const faults = new FaultInjector(options.faults);
  let stats = emptyStats();
  let requestCounter = 0;
  const redirectLoops = new Set((options.redirectLoops ?? []).map((id) => id.toLowerCase()));
  const datasetRoutes = new DatasetRoutes();
  let pending = 0;
  let held: Promise<void> = Promise.resolve();
  const modelContext = { catalog, options };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    const cors = corsHeaders(req);
    if (req.method === 'OPTIONS') {
      stats.preflights++;
      res.writeHead(204, {
        ...cors,
        'Access-Control-Allow-Headers': String(req.headers['access-control-request-headers'] ?? 'authorization'),
        'Access-Control-Allow-Methods': 'GET',
      });
      res.end();
      return;
    }
    if (url.pathname === '/__hub/stats') return send(res, 200, { ...cors }, stats);
    await held;
    if (options.latencyMs) await sleep(options.latencyMs);
    const auth = authOf(req, options.tokens);
    const quota = auth.token ? (options.tokenQuota ?? 1000) : (options.quota ?? 500);
    const bucket = auth.token ? `token:${auth.token}` : `ip:${req.socket.remoteAddress ?? ''}`;
    const rate = limiter.take(bucket, quota);
    stats.requests++;
    const agent = req.headers['user-agent'] ?? '';
    stats.userAgents[agent] = (stats.userAgents[agent] ?? 0) + 1;
    const headers: Record<string, string> = {
      ...cors,
      'X-Request-Id': `Root=1-${(++requestCounter).toString(16).padStart(8, '0')}`,
      RateLimit: `"api";r=${rate.remaining};t=${rate.resetSeconds}`,
      'RateLimit-Policy': `"fixed window";"api";q=${quota};w=${windowSeconds}`,
    };
    const count = (status: number): void => {
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    };
    if (!rate.allowed) {
      count(429);
      const message = `We had to rate limit you, you hit the quota of ${quota} api requests per 5 minutes period. Upgrade to a PRO user or Team/Enterprise organization account (https://hf.co/pricing) to get higher limits. See https://huggingface.co/docs/hub/rate-limits`;
      return send(
        res,
        429,
        { ...headers, RateLimit: `"api";r=0;t=${rate.resetSeconds}`, 'X-Error-Message': message },
        { error: message },
      );
    }
    if (auth.invalid) {
      count(401);
      const error = 'Invalid credentials in Authorization header';
      return send(res, 401, { ...headers, 'X-Error-Message': error }, { error });
    }
    if (await datasetRoutes.handle(req, res, url, { headers, count, ...(auth.token ? { token: auth.token } : {}) }))
      return;
    const fault = url.pathname.startsWith('/api/') ? faults.next() : undefined;
    if (fault && applyFault(fault, res, headers, count, options.gatewayDelayMs ?? 0)) return;
    if (url.pathname === '/api/models') {
      stats.listRequests++;
      return routeList(modelContext, url, { headers, count, res });
    }
    const info = parseInfoPath(url.pathname);
    const loop = info && loopLocation(redirectLoops, info, url.search);
    if (loop) {
      count(307);
      return send(res, 307, { ...headers, Location: loop }, {});
    }
    if (info) {
      stats.infoRequests++;
      const key = info.id.toLowerCase();
      stats.infoById[key] = (stats.infoById[key] ?? 0) + 1;
      return routeInfo(catalog, info, url, Boolean(auth.token), { headers, count, res });
    }
    count(404);
    send(res, 404, headers, { error: 'Sorry, we can\u2019t find the page you are looking for.' });
  };

  const server = createServer((req, res) => {
    pending++;
    handle(req, res)
      .catch((e: unknown) => {
        if (!res.headersSent) send(res, 500, corsHeaders(req), { error: `local hub: ${(e as Error).message}` });
      })
      .finally(() => pending--);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    catalog,
    dataset: options.dataset,
    datasets: datasetRoutes.store,
    ...(options.heavyListingMaxLimit !== undefined && { heavyListingMaxLimit: options.heavyListingMaxLimit }),
    stats: () => structuredClone(stats),
    pending: () => pending,
    hold: () => {
      let release = (): void => undefined;
      held = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    resetStats: () => {
      stats = emptyStats();
      limiter.reset();
    },
    injectNext: (kind, n) => faults.injectNext(kind, n),
    configureFaults: (f) => faults.configure(f),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function emptyStats(): HubStats {
  return {
    requests: 0,
    listRequests: 0,
    infoRequests: 0,
    preflights: 0,
    byStatus: {},
    userAgents: {},
    infoById: Object.create(null),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
