// The headers every local Hub answer carries that depend on the request: CORS exactly as the Hub sends it
// (hub-api.md §4.2: its expose list leaves `RateLimit` unreadable to a browser) and the access token's validity.
import type { IncomingMessage } from 'node:http';

const EXPOSE =
  'X-Repo-Commit,X-Request-Id,X-Error-Code,X-Error-Message,X-Total-Count,ETag,Link,Accept-Ranges,Content-Range,X-Linked-Size,X-Linked-ETag,X-Xet-Hash';

export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': String(req.headers.origin ?? 'https://huggingface.co'),
    Vary: 'Origin',
    'Access-Control-Max-Age': '86400',
    'Access-Control-Expose-Headers': EXPOSE,
  };
}

export function authOf(req: IncomingMessage, tokens?: string[]): { token?: string; invalid?: boolean } {
  const header = req.headers.authorization;
  if (!header) return {};
  const token = header.replace(/^Bearer\s+/i, '').trim();
  const valid = tokens ? tokens.includes(token) : /^hf_[A-Za-z0-9_]{5,}$/.test(token);
  return valid ? { token } : { invalid: true };
}
