// What goes wrong talking to the Hub, named so the app and the CLI can say it plainly: the error a request ends
// with, the notices a request in trouble sends while it waits and retries, and the reading of fetch's network
// errors (a TypeError that may hide a refused connection, a dropped one, or a browser-blocked CORS-less answer).

/** Why a request is being retried. `unreachable`: no HTTP answer at all (DNS, refused or dropped connection, or
 * in a browser an answer without CORS headers); `timeout`: no complete answer within the request's time-out. */
export type RetryKind = 'unreachable' | 'timeout' | 'rate-limited' | 'server-error' | 'bad-body';

/** Whether a failure got no answer at all (no response, or none within the time-out), as opposed to an HTTP answer:
 * the one rule for a Hub that may be out of reach, or a gateway's time-out a browser cannot read. */
export function gotNoAnswer(kind: HubErrorKind): boolean {
  return kind === 'unreachable' || kind === 'timeout';
}

/** How a request finally failed: a retry kind after the last attempt, a loop of redirects, a `Link` the
 * listing must not follow, or a plain HTTP answer the caller did not expect. */
export type HubErrorKind = RetryKind | 'redirect' | 'link' | 'http';

export class HubHttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly url: string,
    readonly kind: HubErrorKind = 'http',
  ) {
    super(message);
  }
}

/**
 * A request in trouble, told as it happens so the app and CLI can say within seconds that the Hub cannot be
 * reached, what is retried and when:
 * - a retry kind: the attempt failed and the same request is tried again in `retryInMs`;
 * - `slow`: no answer yet after `waitedMs` (the request is given up at `timeoutMs` and retried);
 * - `recovered`: the Hub answered again after `troubleMs` of trouble.
 */
export type HubTrouble =
  | { kind: RetryKind; url: string; attempt: number; maxAttempts: number; reason: string; retryInMs: number }
  | { kind: 'slow'; url: string; waitedMs: number; timeoutMs: number }
  | { kind: 'recovered'; url: string; troubleMs: number };

export interface Failure {
  kind: RetryKind;
  reason: string;
  /** A browser shows a 429 without CORS headers as a bare network error: back off as for a rate limit. */
  maybeRateLimited: boolean;
}

/** Reads an exception from one attempt (the time-out having been checked by the caller). */
export function readFailure(e: unknown, timedOutAfterMs: number | null): Failure {
  if (timedOutAfterMs !== null)
    return { kind: 'timeout', reason: `no answer within ${seconds(timedOutAfterMs)}`, maybeRateLimited: false };
  if (e instanceof SyntaxError) return { kind: 'bad-body', reason: 'truncated JSON body', maybeRateLimited: false };
  const message = e instanceof Error ? e.message : String(e);
  const cause = (e as { cause?: unknown } | null)?.cause;
  // Node names the transport failure in `cause` (a code such as ECONNREFUSED); a browser says only "Failed to
  // fetch", which is also how it reports a CORS-less 429.
  const causeText = cause instanceof Error || isObjectWithMessage(cause) ? cause.message : '';
  const code = (cause as { code?: unknown } | undefined)?.code;
  return {
    kind: 'unreachable',
    reason: `network error (${message}${causeText ? `: ${causeText}` : ''})`,
    maybeRateLimited: typeof code !== 'string',
  };
}

function isObjectWithMessage(v: unknown): v is { message: string } {
  return typeof v === 'object' && v !== null && typeof (v as { message?: unknown }).message === 'string';
}

export function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`;
}

/** URLs in messages and logs never carry credentials. */
export function redact(url: string): string {
  return url.replace(/([?&](token|access_token)=)[^&]*/gi, '$1***');
}
