// One attempt at a Hub request: its own time-out covering the answer and its body (nothing on the Hub's side
// ends a stalled connection, hub-api.md §9), a notice when it is slow, and redirects followed hop by hop where
// the runtime shows them (Node), so a loop fails at once, says "redirect", and every hop is counted.
// A browser hides redirects (an `opaqueredirect` answer): there the browser follows them itself, and a request
// that redirects and then fails is reported as a redirect failure instead of retried as a network error.
import { HubHttpError, redact } from './errors.ts';

export const MAX_REDIRECTS = 10;
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

export interface AttemptContext {
  fetch: typeof fetch;
  timeoutMs: number;
  slowNoticeMs: number;
  onSlow: (url: string, waitedMs: number) => void;
  headersFor: (url: string, given?: HeadersInit) => Headers;
  /** Waits for the throttle and counts one more request (a redirect hop, or a repeat in follow mode). */
  nextHop: (signal?: AbortSignal) => Promise<void>;
  /** Counts a hop the browser followed unseen. */
  countHidden: () => void;
  /** 'manual' until the runtime hides a redirect (a browser), then 'follow' for good. */
  redirectMode: { current: 'manual' | 'follow' };
}

export interface Answer {
  res: Response;
  text: string;
  url: string;
}

/** Thrown when the attempt's own time-out fired (the caller's signal was not aborted). */
export class AttemptTimeout extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
  }
}

/**
 * Sends `url` once (following redirects) and reads the whole body. `probe` asks with `redirect: 'manual'` even in
 * follow mode: after a network error in a browser, that tells a redirect the browser could not follow.
 */
export async function attempt(
  ctx: AttemptContext,
  url: string,
  init: RequestInit | undefined,
  outer: AbortSignal | undefined,
  probe = false,
): Promise<Answer> {
  outer?.throwIfAborted();
  const limit = timeLimit(outer, ctx.timeoutMs);
  const started = Date.now();
  const slow = setTimeout(() => ctx.onSlow(redact(url), Date.now() - started), ctx.slowNoticeMs);
  try {
    return await follow(ctx, url, init, limit.signal, probe);
  } catch (e) {
    if (outer?.aborted) throw outer.reason ?? e;
    if (limit.timedOut()) throw new AttemptTimeout(ctx.timeoutMs);
    throw e;
  } finally {
    clearTimeout(slow);
    limit.dispose();
  }
}

async function follow(
  ctx: AttemptContext,
  url: string,
  init: RequestInit | undefined,
  signal: AbortSignal,
  probe: boolean,
): Promise<Answer> {
  const chain = [url];
  let current = url;
  for (;;) {
    const mode = probe ? 'manual' : ctx.redirectMode.current;
    const res = await ctx.fetch(current, {
      ...init,
      redirect: mode,
      headers: ctx.headersFor(current, init?.headers),
      signal,
    });
    if (res.type === 'opaqueredirect') {
      // The Location is hidden from us. After a failed follow this was the probe: the browser could not follow.
      if (probe || mode === 'follow')
        throw new HubHttpError(
          `hub: ${redact(url)} redirects, and the browser could not follow the redirect (a redirect loop, too many redirects, or a target without CORS headers)`,
          0,
          url,
          'redirect',
        );
      ctx.redirectMode.current = 'follow';
      await ctx.nextHop(signal);
      continue;
    }
    if (res.redirected) ctx.countHidden();
    const location = REDIRECT_STATUS.has(res.status) ? res.headers.get('location') : null;
    if (location === null) return { res, text: await res.text(), url: current };
    await res.body?.cancel().catch(() => undefined);
    const next = new URL(location, current).href;
    if (chain.includes(next))
      throw new HubHttpError(
        `hub: redirect loop at ${new URL(url).origin}: ${[...chain, next].map((u) => hop(u, url)).join(' -> ')}`,
        res.status,
        url,
        'redirect',
      );
    if (chain.length > MAX_REDIRECTS)
      throw new HubHttpError(
        `hub: too many redirects (more than ${MAX_REDIRECTS}) from ${redact(url)}`,
        res.status,
        url,
        'redirect',
      );
    chain.push(next);
    await ctx.nextHop(signal);
    current = next;
  }
}

/** A hop as its path where it stays on the first URL's origin (messages stay short), else in full. */
function hop(u: string, first: string): string {
  const url = new URL(u);
  return url.origin === new URL(first).origin ? url.pathname : redact(u);
}

/** A signal that aborts with the caller's or after `ms`. By hand rather than AbortSignal.any/timeout: its
 * listener on the caller's long-lived signal is removed after each attempt, so thousands of requests leave none. */
function timeLimit(outer: AbortSignal | undefined, ms: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${ms} ms`, 'TimeoutError'));
  }, ms);
  const onAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
