// One throttle for every Hub request. A browser cannot read `RateLimit` (the Hub does not expose it), so the
// throttle keeps a sliding window of its own sends under the quota it is given; where `RateLimit-Policy` and
// `RateLimit` are readable (Node) the quota and window come from the Hub, `r=0` holds every request for `t+1` s
// (as huggingface_hub does), and after a 429 it holds every request until the window can have reset.

export interface ThrottleOptions {
  quota: number;
  windowMs: number;
  /** Requests kept in reserve per window (clock skew, redirects the client cannot count). */
  margin?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class Throttle {
  private readonly sent: number[] = [];
  private blockedUntil = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Requests per window: as configured until the Hub's `RateLimit-Policy` says otherwise. */
  quota: number;
  windowMs: number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? abortableSleep;
    this.quota = options.quota;
    this.windowMs = options.windowMs;
  }

  get budget(): number {
    const margin = this.options.margin ?? Math.max(1, Math.floor(this.quota * 0.02));
    return Math.max(1, this.quota - margin);
  }

  /** Waits until one more request fits in the window, then records it. */
  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.now();
      this.prune(now);
      const waitBlock = this.blockedUntil - now;
      const waitWindow = this.sent.length >= this.budget ? (this.sent[0] as number) + this.windowMs - now : 0;
      const wait = Math.max(waitBlock, waitWindow);
      if (wait <= 0) {
        this.sent.push(now);
        return;
      }
      await this.sleep(wait, signal);
    }
  }

  /** Counts a request the throttle did not send itself (a redirect hop the fetch followed). */
  record(): void {
    this.sent.push(this.now());
  }

  /** Holds all requests for `ms` (after a 429, or when `RateLimit` says the quota is spent). */
  hold(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + ms);
  }

  /** Reads `RateLimit: "api";r=<remaining>;t=<seconds>` and `RateLimit-Policy: "fixed window";"api";q=<quota>;w=<seconds>`
   * where the response exposes them (never in a browser: the Hub does not list them in its CORS expose list). */
  observe(rateLimitHeader: string | null, policyHeader: string | null = null): void {
    const q = Number(policyHeader?.match(/(?:^|;)\s*q=(\d+)/)?.[1]);
    const w = Number(policyHeader?.match(/(?:^|;)\s*w=(\d+)/)?.[1]);
    if (Number.isSafeInteger(q) && q > 0 && Number.isSafeInteger(w) && w > 0) {
      this.quota = q;
      this.windowMs = w * 1000;
    }
    const m = rateLimitHeader?.match(/(?:^|;)\s*r=(\d+)\s*;\s*t=(\d+)/);
    if (m && Number(m[1]) === 0) this.hold(Number(m[2]) * 1000 + 1000);
  }

  /** Milliseconds until `n` more requests can have been sent, for ETAs. */
  etaMs(n: number): number {
    const perWindow = this.budget;
    return Math.max(0, Math.ceil(n / perWindow) - 1) * this.windowMs + (n > 0 ? 1000 : 0);
  }

  private prune(now: number): void {
    while (this.sent.length > 0 && (this.sent[0] as number) <= now - this.windowMs) this.sent.shift();
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
