// Writes the local Hub's network-level misbehaviours: injected faults (5xx, the app's 504, the gateway's 504,
// dropped connections, truncated bodies, CORS-less 429s, stalled connections) and the gateway's answer to a heavy
// listing. The gateway answers when the app did not (hub-api.md §9): after a delay, with an HTML body and
// without the app's CORS headers, so a browser sees a network error where Node sees a 504.
import type { ServerResponse } from 'node:http';
import type { FaultKind } from './limits.ts';

type Count = (status: number) => void;

/** Writes the fault; returns false for faults that only apply elsewhere. */
export function applyFault(
  fault: FaultKind,
  res: ServerResponse,
  headers: Record<string, string>,
  count: Count,
  gatewayDelayMs: number,
): boolean {
  if (fault === 'drop') {
    res.socket?.destroy();
    return true;
  }
  if (fault === 'stall') return true; // no answer at all; the connection stays open until the client gives up
  if (fault === 'stallBody') {
    count(200);
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.write('[{"_id":"66e77500000000000000185","id":"Qwen/Qwen2.5-7B-Inst');
    return true; // headers and half a body, then nothing
  }
  if (fault === 'truncate') {
    count(200);
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    res.end('[{"_id":"66e77500000000000000185","id":"Qwen/Qwen2.5-7B-Inst');
    return true;
  }
  if (fault === 'rateLimitNoCors') {
    count(429);
    res.writeHead(429, { ...withoutCors(headers), 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ error: 'We had to rate limit you.' }));
    return true;
  }
  if (fault === 'gateway504') {
    gatewayTimeout(res, count, gatewayDelayMs);
    return true;
  }
  const status = fault === 'error500' ? 500 : fault === 'error503' ? 503 : 504;
  count(status);
  if (status === 504) {
    res.writeHead(504, { ...headers, 'Content-Type': 'text/html' });
    res.end('<html><body><h1>504 Gateway Time-out</h1></body></html>');
    return true;
  }
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ error: 'Internal Error - We\u2019re working hard to fix this as soon as possible!' }));
  return true;
}

/** The gateway's 504: after `delayMs`, HTML, and none of the app's headers (no CORS, no RateLimit). */
export function gatewayTimeout(res: ServerResponse, count: Count, delayMs: number): void {
  const answer = (): void => {
    if (res.destroyed) return; // the client gave up first
    count(504);
    res.writeHead(504, { 'Content-Type': 'text/html' });
    res.end('<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>');
  };
  if (delayMs > 0) setTimeout(answer, delayMs);
  else answer();
}

/** The headers without those of CORS (`Access-Control-*`, `Vary: Origin`), as a gateway in front of the app sends. */
export function withoutCors(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([k]) => !/^access-control-/i.test(k) && k.toLowerCase() !== 'vary'),
  );
}
