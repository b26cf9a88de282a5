// The throttled, retrying fetch every Hub call goes through (ours and @huggingface/hub's). Each attempt has its
// own time-out (attempt.ts); 429s, 5xx, network errors, time-outs and truncated JSON are retried with backoff and
// told as they happen (`onTrouble`), redirect loops fail at once. It can be cancelled, counts requests spent,
// sends the access token to the configured Hub only, and a User-Agent where the caller gives one (Node only: a
// browser does not let a page set it).
import { attempt, AttemptTimeout, type Answer, type AttemptContext } from './attempt.ts';
import {
  gotNoAnswer,
  HubHttpError,
  readFailure,
  redact,
  type Failure,
  type HubTrouble,
  type RetryKind,
} from './errors.ts';
import { abortableSleep, Throttle } from './throttle.ts';

export { HubHttpError, redact, type HubErrorKind, type HubTrouble, type RetryKind } from './errors.ts';

export interface RetryInfo {
  url: string;
  attempt: number;
  reason: string;
  delayMs: number;
  kind: RetryKind;
  /** Requests in a row, this one's attempts and others', that got no answer at all (a network error or time-out):
   * one or two may be a gateway's time-out a browser cannot read; more say the Hub is out of reach. */
  unansweredInARow: number;
}

export interface HubHttpOptions {
  hubUrl: string;
  token?: string;
  quota: number;
  windowMs: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Each attempt's time-out, answer and body included (default 60 s; the Hub's gateway gives up near that). */
  requestTimeoutMs?: number;
  /** After this long without an answer, `onTrouble` is told `slow` (default 10 s). */
  slowNoticeMs?: number;
  /** Sent as `User-Agent` (give it from Node only; see user-agent.ts). */
  userAgent?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** For tests: the throttle's and the backoff's clock. */
  clock?: { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> };
  onRetry?: (info: RetryInfo) => void;
  /** Told at once when the Hub cannot be reached, answers slowly, limits or fails, and when it answers again. */
  onTrouble?: (trouble: HubTrouble) => void;
}

export interface JsonResponse {
  status: number;
  url: string;
  headers: Headers;
  body: unknown;
}

export interface SendOptions {
  /** Statuses handed back instead of retried (a caller that can change its request rather than repeat it). */
  giveBack?: ReadonlySet<number>;
  /** Give up with a HubHttpError (kind `unreachable` or `timeout`) after this many network errors or
   * time-outs, so the caller can change its request (a smaller listing page) rather than repeat it. */
  networkTries?: number;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

export class HubHttp {
  readonly throttle: Throttle;
  readonly origin: string;
  requests = 0;
  private readonly doFetch: typeof fetch;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly redirectMode: AttemptContext['redirectMode'] = { current: 'manual' };
  private troubleSince: number | null = null;
  private unansweredInARow = 0;

  constructor(private readonly options: HubHttpOptions) {
    this.origin = new URL(options.hubUrl).origin;
    this.throttle = new Throttle({ quota: options.quota, windowMs: options.windowMs, ...options.clock });
    this.doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.sleep = options.clock?.sleep ?? abortableSleep;
  }

  /** A fetch with the Hub's throttle, retries and token policy; also handed to @huggingface/hub. */
  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const { res, text } = await this.send(url, init);
    const body = res.status === 204 || res.status === 304 ? null : text;
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };

  /** GET a JSON document; 4xx other than 429 come back as they are, for the caller to interpret, and so do the
   * statuses in `options.giveBack`. */
  async getJson(url: string, signal?: AbortSignal, options: SendOptions = {}): Promise<JsonResponse> {
    const answer = await this.send(url, { signal, headers: { accept: 'application/json' } }, options);
    return {
      status: answer.res.status,
      url: answer.url,
      headers: answer.res.headers,
      body: answer.json ? answer.json.value : parseOrUndefined(answer.text),
    };
  }

  /** Sends with retries; a 2xx JSON body is read whole and parsed (once: `json`), so a truncated one is retried
   * too. */
  private async send(
    url: string,
    init: RequestInit | undefined,
    options: SendOptions = {},
  ): Promise<Answer & { json?: { value: unknown } }> {
    const signal = init?.signal ?? this.options.signal ?? undefined;
    const maxAttempts = this.options.maxAttempts ?? 8;
    let networkFailures = 0;
    let probe = false;
    for (let attempt = 1; ; attempt++) {
      await this.take(signal);
      let failure: Failure;
      let holdMs = 0;
      try {
        const answer = await this.attempt(url, init, signal, probe);
        this.unansweredInARow = 0;
        const { res } = answer;
        this.throttle.observe(res.headers.get('ratelimit'), res.headers.get('ratelimit-policy'));
        if (!RETRY_STATUS.has(res.status) || options.giveBack?.has(res.status)) {
          const json = res.ok && isJson(res) ? { value: JSON.parse(answer.text) as unknown } : undefined;
          this.recovered(url);
          return json ? { ...answer, json } : answer;
        }
        const limited = res.status === 429;
        failure = {
          kind: limited ? 'rate-limited' : 'server-error',
          reason: `HTTP ${res.status}`,
          maybeRateLimited: false,
        };
        if (limited) holdMs = this.rateLimitWait(res.headers.get('ratelimit'), attempt);
      } catch (e) {
        if (signal?.aborted || e instanceof HubHttpError) throw e;
        failure = readFailure(e, e instanceof AttemptTimeout ? e.afterMs : null);
        if (failure.maybeRateLimited && attempt >= 2) holdMs = this.rateLimitWait(null, attempt - 1);
        // In a browser a redirect it could not follow is a bare network error: the next attempt asks without
        // following, which shows whether this URL redirects.
        probe = failure.kind === 'unreachable' && this.redirectMode.current === 'follow';
        if (gotNoAnswer(failure.kind)) {
          networkFailures++;
          this.unansweredInARow++;
        }
      }
      this.troubleSince ??= Date.now();
      const givingBack = options.networkTries !== undefined && networkFailures >= options.networkTries;
      if (givingBack || attempt >= maxAttempts) {
        const tries = givingBack ? `${networkFailures} tries` : `${attempt} attempts`;
        throw new HubHttpError(`hub: ${failure.reason} after ${tries}: ${redact(url)}`, 0, url, failure.kind);
      }
      const delayMs = Math.max(holdMs, this.backoff(attempt));
      if (holdMs > 0) this.throttle.hold(holdMs);
      const info = { url: redact(url), attempt, reason: failure.reason, kind: failure.kind };
      this.options.onRetry?.({ ...info, delayMs, unansweredInARow: this.unansweredInARow });
      this.options.onTrouble?.({ ...info, maxAttempts, retryInMs: delayMs });
      await this.sleep(delayMs, signal);
    }
  }

  private attempt(url: string, init: RequestInit | undefined, signal?: AbortSignal, probe = false): Promise<Answer> {
    const ctx: AttemptContext = {
      fetch: this.doFetch,
      timeoutMs: this.options.requestTimeoutMs ?? 60_000,
      slowNoticeMs: this.options.slowNoticeMs ?? 10_000,
      onSlow: (u, waitedMs) => this.options.onTrouble?.({ kind: 'slow', url: u, waitedMs, timeoutMs: ctx.timeoutMs }),
      headersFor: (u, given) => this.headersFor(u, given),
      nextHop: (s) => this.take(s),
      countHidden: () => {
        this.requests++;
        this.throttle.record();
      },
      redirectMode: this.redirectMode,
    };
    return attempt(ctx, url, init, signal, probe);
  }

  private async take(signal?: AbortSignal): Promise<void> {
    await this.throttle.acquire(signal);
    this.requests++;
  }

  private recovered(url: string): void {
    if (this.troubleSince === null) return;
    this.options.onTrouble?.({ kind: 'recovered', url: redact(url), troubleMs: Date.now() - this.troubleSince });
    this.troubleSince = null;
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
    return Math.min(this.throttle.windowMs, (this.options.baseDelayMs ?? 1000) * 5 * 2 ** (attempt - 1));
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
