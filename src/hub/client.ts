// The Hub client the crawler uses: listing pages by URL (so a crawl can resume from a saved cursor, which
// @huggingface/hub's generator cannot), with a page size that gives way to gateway time-outs and `Link`s checked
// before they are followed, and single-model reads through @huggingface/hub's modelInfo, all through the one
// throttled fetch of HubHttp.
import { HubApiError, modelInfo } from '@huggingface/hub';
import { HubHttp, HubHttpError, type HubHttpOptions, type JsonResponse } from './http.ts';
import { gotNoAnswer } from './errors.ts';
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

export type ModelLookup =
  | { kind: 'ok'; model: HubModel }
  | { kind: 'missing'; status: number; reason: string }
  | { kind: 'disabled'; status: number; reason: string };

/** The Hub's `X-Error-Message` for a disabled repo (huggingface_hub's DisabledRepoError). */
export const DISABLED_MESSAGE = 'Access to this resource is disabled.';

export interface HubClientOptions extends HubHttpOptions {
  /** Told when the listing page size changes. */
  onPageSize?: (size: number) => void;
}

const GATEWAY_TIMEOUT: ReadonlySet<number> = new Set([504]);
/** Tries at one page size before a network error or time-out on a heavy listing page shrinks it: a gateway 504
 * without CORS headers reads as a network error in a browser (hub-api.md §9). A size just grown back gets one try:
 * it failed the gateway before, so its failure is most likely the gateway again, and the smaller size that
 * served the last pages is the better second try. */
const NETWORK_TRIES_PER_SIZE = 2;
const NETWORK_TRIES_ON_TRIAL = 1;

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

  /** The size of the last listing page the Hub served: where a later run over the same journal starts. */
  get servedPageSize(): number {
    return this.pages.served;
  }

  /** Listing pages start at the size an earlier run ended at (a journal's), grown back as after a time-out. */
  startPagesAt(size: number): void {
    this.pages.startAt(size);
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
          atMin ? {} : { giveBack: GATEWAY_TIMEOUT, ...(heavy ? { networkTries: this.networkTries() } : {}) },
        );
        if (res.status !== 504 || !this.pages.shrink()) return res;
      } catch (e) {
        const gateway = e instanceof HubHttpError && gotNoAnswer(e.kind);
        if (atMin || !heavy || !gateway || !this.pages.shrink()) throw e;
      }
      this.options.onPageSize?.(this.pages.size);
    }
  }

  private networkTries(): number {
    return this.pages.onTrial ? NETWORK_TRIES_ON_TRIAL : NETWORK_TRIES_PER_SIZE;
  }

  /**
   * One model through @huggingface/hub's modelInfo. Every answer about the id is a result, never a reason to stop
   * a crawl (hub-api.md §9): 403 `Access to this resource is disabled.` is `disabled`; any other 4xx but 429
   * (401/404 missing or private, 400 invalid name, 410...) and a 200 whose body is not a model (wrong shape,
   * truncated on every try) are `missing`, with the reason. Network failures and 5xx after retries still throw.
   */
  async model(id: string, signal?: AbortSignal): Promise<ModelLookup> {
    let answered: Response | null = null;
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      answered = await this.http.fetch(input, { ...init, ...(signal ? { signal } : {}) });
      return answered;
    };
    try {
      const info = await modelInfo({
        name: id,
        hubUrl: this.http.origin,
        fetch,
        additionalFields: ['author', 'cardData', 'createdAt', 'disabled', 'library_name', 'tags'],
      });
      const updated = info.updatedAt instanceof Date && Number.isFinite(info.updatedAt.getTime());
      const parsed = parseModel({
        ...info,
        _id: info.id,
        id: info.name,
        pipeline_tag: info.task,
        lastModified: updated ? info.updatedAt.toISOString() : null,
      });
      return parsed.ok ? { kind: 'ok', model: parsed.model } : missing(200, `malformed model body: ${parsed.error}`);
    } catch (e) {
      if (signal?.aborted || this.options.signal?.aborted) throw e;
      const res = answered as Response | null;
      if (isTruncatedBody(e)) return missing(200, 'truncated body on every try');
      // modelInfo read a 200 whose JSON was not a model object (null, a list, a string): an answer, not a fault.
      if (res?.ok) return missing(200, `malformed model body: ${(e as Error).message}`);
      // A refusal, also when its own body could not be read (modelInfo parses JSON error bodies).
      const status = e instanceof HubApiError ? e.statusCode : (res?.status ?? 0);
      const answer = refusal(status, res?.headers ?? null);
      if (answer) return answer;
      throw e;
    }
  }
}

const missing = (status: number, reason: string): ModelLookup => ({ kind: 'missing', status, reason });

/** A 4xx other than 429 (the throttle retries those) answers for the id; anything else (null) is a fault. */
function refusal(status: number, headers: Headers | null): ModelLookup | null {
  if (status < 400 || status >= 500 || status === 429) return null;
  const message = headers?.get('x-error-message') ?? '';
  const reason = `HTTP ${status}${message ? `: ${message.slice(0, 200)}` : ''}`;
  if (status === 403 && message === DISABLED_MESSAGE) return { kind: 'disabled', status, reason };
  return missing(status, reason);
}

/** The throttled fetch retries a 200 whose JSON is cut short; after its last try it throws this. */
function isTruncatedBody(e: unknown): boolean {
  return e instanceof HubHttpError && e.kind === 'bad-body';
}

function errorText(body: unknown): string {
  const error = (body as { error?: unknown } | undefined)?.error;
  return typeof error === 'string' ? `: ${error.slice(0, 200)}` : '';
}
