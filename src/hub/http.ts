// The throttled, retrying fetch every Hub call goes through (ours and @huggingface/hub's). It retries 429s,
// 5xx/504s, network errors and truncated JSON with backoff, can be cancelled, counts requests spent, and sends
// the access token to the configured Hub only.
import { abortableSleep, Throttle } from './throttle.ts';

export interface HubHttpOptions {
  hubUrl: string;
  token?: string;
  quota: number;
  windowMs: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onRetry?: (info: { url: string; attempt: number; reason: string; delayMs: number }) => void;
  userAgent?: string;
}

export class HubHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
  ) {
    super(message);
  }
}

export interface JsonResponse {
  status: number;
  url: string;
  headers: Headers;
  body: unknown;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export class HubHttp {
  readonly throttle: Throttle;
  readonly origin: string;
  requests = 0;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: HubHttpOptions) {
    this.origin = new URL(options.hubUrl).origin;
    this.throttle = new Throttle({ quota: options.quota, windowMs: options.windowMs });
    this.doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** A fetch with the Hub's throttle, retries and token policy; also handed to @huggingface/hub. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const { res, text } = await this.send(url, init);
    const body = res.status === 204 || res.status === 304 ? null : text;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };

  /** GET a JSON document; 4xx other than 429 come back as they are, for the caller to interpret, and so do the
   * statuses in `giveBack` (a caller that can change its request rather than repeat it). */
  async getJson(url: string, signal?: AbortSignal, giveBack?: ReadonlySet<number>): Promise<JsonResponse> {
    const { res, text } = await this.send(url, { signal, headers: { accept: 'application/json' } }, giveBack);
    return { status: res.status, url: res.url || url, headers: res.headers, body: parseOrUndefined(text) };
  }

  /** Sends with retries; a 2xx JSON body is read whole and checked, so a truncated one is retried too. */
  private async send(
    url: string,
    init: RequestInit | undefined,
    giveBack?: ReadonlySet<number>,
  ): Promise<{ res: Response; text: string }> {
    const signal = init?.signal ?? this.options.signal;
    const maxAttempts = this.options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      await this.throttle.acquire(signal ?? undefined);
      this.requests++;
      let reason: string;
      let holdMs = 0;
      try {
        const res = await this.doFetch(url, { ...init, headers: this.headersFor(url, init?.headers), signal });
        if (res.redirected) {
          this.requests++;
          this.throttle.record();
        }
        this.throttle.observe(res.headers.get('ratelimit'));
        if (!RETRY_STATUS.has(res.status) || giveBack?.has(res.status)) {
          const text = await res.text();
          if (res.ok && isJson(res)) JSON.parse(text);
          return { res, text };
        }
        reason = `HTTP ${res.status}`;
        if (res.status === 429) holdMs = this.rateLimitWait(res.headers.get('ratelimit'), attempt);
        await res.body?.cancel().catch(() => undefined);
      } catch (e) {
        if (signal?.aborted) throw e;
        reason = e instanceof SyntaxError ? 'truncated JSON body' : `network error (${(e as Error).message})`;
        // A CORS-less 429 reaches the browser as a network error: back off as for a rate limit.
        if (!(e instanceof SyntaxError) && attempt >= 2) holdMs = this.rateLimitWait(null, attempt - 1);
      }
      if (attempt >= maxAttempts)
        throw new HubHttpError(`hub: ${reason} after ${attempt} attempts: ${redact(url)}`, 0, url);
      const delayMs = Math.max(holdMs, this.backoff(attempt));
      if (holdMs > 0) this.throttle.hold(holdMs);
      this.options.onRetry?.({ url: redact(url), attempt, reason, delayMs });
      await abortableSleep(delayMs, signal ?? undefined);
    }
  }

  private headersFor(url: string, given?: HeadersInit): Headers {
    const headers = new Headers(given);
    if (this.options.userAgent) headers.set('user-agent', this.options.userAgent);
    // The token goes to the configured Hub only, never to another host a Link or redirect might name.
    if (this.options.token && new URL(url, this.origin).origin === this.origin)
      headers.set('authorization', `Bearer ${this.options.token}`);
    else headers.delete('authorization');
    return headers;
  }

  private backoff(attempt: number): number {
    const base = this.options.baseDelayMs ?? 1000;
    return Math.min(60_000, base * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
  }

  /** After a 429: the reset time where readable, else growing waits up to one full window. */
  private rateLimitWait(header: string | null, attempt: number): number {
    const t = header?.match(/t=(\d+)/)?.[1];
    if (t) return (Number(t) + 1) * 1000;
    return Math.min(this.options.windowMs, (this.options.baseDelayMs ?? 1000) * 5 * 2 ** (attempt - 1));
  }
}

function isJson(res: Response): boolean {
  return (res.headers.get('content-type') ?? '').includes('json');
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** URLs in messages and logs never carry credentials. */
export function redact(url: string): string {
  return url.replace(/([?&](token|access_token)=)[^&]*/gi, '$1***');
}
