// The Hub client the crawler uses: listing pages by URL (so a crawl can resume from a saved cursor, which
// @huggingface/hub's generator cannot), with a page size that gives way to gateway time-outs and `Link`s checked
// before they are followed, and single-model reads through @huggingface/hub's modelInfo, all through the one
// throttled fetch of HubHttp.
import { HubApiError, modelInfo } from '@huggingface/hub';
import { HubHttp, HubHttpError, type HubHttpOptions, type JsonResponse } from './http.ts';
import { isHeavyListing, LinkChains } from './listing.ts';
import { MAX_PAGE, MIN_PAGE, PageSize, withLimit } from './page-size.ts';
import type { HubModel } from '../lineage/model.ts';
import { parseListing, parseModel } from './parse.ts';

/** The fields a lineage crawl asks for: small enough for 1,000-item pages, enough for every node attribute. */
export const LINEAGE_FIELDS = [
  'author',
  'createdAt',
  'lastModified',
  'downloads',
  'likes',
  'pipeline_tag',
  'library_name',
  'tags',
  'gated',
  'disabled',
  'cardData',
] as const;

export interface ListingParams {
  filters?: string[];
  author?: string;
  sort: 'createdAt' | 'lastModified';
}

export interface ListingPage {
  models: HubModel[];
  errors: string[];
  next: string | null;
}

export { MAX_PAGE } from './page-size.ts';

export type ModelLookup = { kind: 'ok'; model: HubModel } | { kind: 'missing'; status: number };

export interface HubClientOptions extends HubHttpOptions {
  /** Told when the listing page size changes. */
  onPageSize?: (size: number) => void;
}

const GATEWAY_TIMEOUT: ReadonlySet<number> = new Set([504]);
/** Tries at one page size before a network error or time-out on a heavy listing page shrinks it: a gateway 504
 * without CORS headers reads as a network error in a browser (hub-api.md §9). */
const NETWORK_TRIES_PER_SIZE = 2;

export class HubClient {
  readonly http: HubHttp;

  private readonly pages = new PageSize();
  private readonly chains: LinkChains;

  constructor(readonly options: HubClientOptions) {
    this.http = new HubHttp(options);
    this.chains = new LinkChains(this.http.origin);
  }

  get hubUrl(): string {
    return this.http.origin;
  }

  listingUrl(p: ListingParams): string {
    const q = new URLSearchParams();
    for (const f of p.filters ?? []) q.append('filter', f);
    if (p.author) q.set('author', p.author);
    q.set('sort', p.sort);
    q.set('limit', String(MAX_PAGE));
    for (const field of LINEAGE_FIELDS) q.append('expand', field);
    return `${this.http.origin}/api/models?${q.toString()}`;
  }

  /** Items per listing page now: halved after a gateway time-out, grown back after a run of good pages. */
  get pageSize(): number {
    return this.pages.size;
  }

  /** One listing page; its `next` is checked (same origin, not a page this listing already fetched). */
  async listPage(url: string, signal?: AbortSignal): Promise<ListingPage> {
    if (new URL(url).origin !== this.http.origin)
      throw new HubHttpError(`hub/client: refusing a listing URL off the configured Hub`, 0, url, 'link');
    const chain = this.chains.fetching(url);
    const res = await this.fetchPage(url, signal);
    if (res.status === 200 && this.pages.grow()) this.options.onPageSize?.(this.pages.size);
    if (res.status !== 200)
      throw new HubHttpError(`hub: listing answered HTTP ${res.status}${errorText(res.body)}`, res.status, url);
    const { models, errors } = parseListing(res.body);
    return { models, errors, next: this.chains.next(chain, res.headers.get('link'), url) };
  }

  /** Asks at the current page size; a 504, or on a heavy listing a network error or time-out twice, halves it
   * (down to MIN_PAGE, where they are retried with backoff like any other). */
  private async fetchPage(url: string, signal?: AbortSignal): Promise<JsonResponse> {
    const heavy = isHeavyListing(url);
    for (;;) {
      const atMin = this.pages.size <= MIN_PAGE;
      try {
        const res = await this.http.getJson(
          withLimit(url, this.pages.size),
          signal,
          atMin ? {} : { giveBack: GATEWAY_TIMEOUT, ...(heavy ? { networkTries: NETWORK_TRIES_PER_SIZE } : {}) },
        );
        if (res.status !== 504 || !this.pages.shrink()) return res;
      } catch (e) {
        const gateway = e instanceof HubHttpError && (e.kind === 'unreachable' || e.kind === 'timeout');
        if (atMin || !heavy || !gateway || !this.pages.shrink()) throw e;
      }
      this.options.onPageSize?.(this.pages.size);
    }
  }

  /** One model through @huggingface/hub's modelInfo; 401/404 mean missing or private (indistinguishable anonymously). */
  async model(id: string): Promise<ModelLookup> {
    try {
      const info = await modelInfo({
        name: id,
        hubUrl: this.http.origin,
        fetch: this.http.fetch,
        additionalFields: ['author', 'cardData', 'createdAt', 'disabled', 'library_name', 'tags'],
      });
      const parsed = parseModel({
        ...info,
        id: info.name,
        pipeline_tag: info.task,
        lastModified: info.updatedAt.toISOString(),
      });
      if (!parsed.ok) throw new Error(`hub/client: ${id}: ${parsed.error}`);
      return { kind: 'ok', model: parsed.model };
    } catch (e) {
      if (e instanceof HubApiError && (e.statusCode === 401 || e.statusCode === 404))
        return { kind: 'missing', status: e.statusCode };
      throw e;
    }
  }
}

function errorText(body: unknown): string {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? `: ${error.slice(0, 200)}` : '';
}
