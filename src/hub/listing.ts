// Following a listing's `Link` headers safely. The next page must be on the Hub's own origin (hub-api.md §9:
// any other origin is an error to report, not an end), and must not be a page this listing already fetched
// (a `Link` back to a fetched page would loop until the quota is spent). Both end the listing with a
// HubHttpError of kind `link` that says which.
import { HubHttpError, redact } from './errors.ts';

/** Listing continuations waiting to be fetched; more than this (abandoned listings) and the oldest are dropped. */
const MAX_PENDING = 64;

/** The `rel="next"` target of a `Link` header, as written (relative or absolute), or null. */
export function parseNextLink(header: string | null): string | null {
  for (const part of header?.split(/,\s*(?=<)/) ?? []) {
    const m = part.match(/^\s*<([^>]*)>\s*;(.*)$/);
    if (m && /(?:^|;)\s*rel="?next"?\s*(?:;|$)/i.test(m[2] ?? '')) return m[1] ?? null;
  }
  return null;
}

/** Whether a listing URL asks for card data (the part that makes pages heavy at the Hub's gateway). */
export function isHeavyListing(url: string): boolean {
  const q = new URL(url).searchParams;
  const flag = (k: string): boolean => ['true', '1', 'True'].includes(q.get(k) ?? '');
  const expand = [...q.getAll('expand'), ...q.getAll('expand[]')];
  return flag('full') || flag('cardData') || flag('config') || expand.includes('cardData');
}

/** The pages fetched by each listing in progress, keyed by the next page each one is waiting for. */
export class LinkChains {
  private readonly pending = new Map<string, Set<string>>();

  constructor(private readonly origin: string) {}

  /** Starts (or continues) the listing `url` belongs to; returns its chain of fetched pages. */
  fetching(url: string): Set<string> {
    const key = pageKey(url);
    const chain = this.pending.get(key) ?? new Set<string>();
    this.pending.delete(key);
    chain.add(key);
    return chain;
  }

  /** The next page's absolute URL, checked against the chain; null at the end of the listing. */
  next(chain: Set<string>, linkHeader: string | null, pageUrl: string): string | null {
    const raw = parseNextLink(linkHeader);
    if (raw === null) return null;
    let next: URL;
    try {
      next = new URL(raw, pageUrl);
    } catch {
      throw new HubHttpError(
        `hub: the listing's next-page Link is not a URL: ${raw.slice(0, 200)}`,
        200,
        pageUrl,
        'link',
      );
    }
    if (next.origin !== this.origin)
      throw new HubHttpError(
        `hub: the listing's next-page Link points to another origin (${next.origin}), not the Hub at ${this.origin}; refusing to follow it`,
        200,
        pageUrl,
        'link',
      );
    const key = pageKey(next.href);
    if (chain.has(key))
      throw new HubHttpError(
        `hub: the listing's next-page Link repeats a page already fetched in this listing (a loop): ${redact(next.href)}`,
        200,
        pageUrl,
        'link',
      );
    this.pending.set(key, chain);
    if (this.pending.size > MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    return next.href;
  }
}

/** A page's identity within a listing: its URL without `limit`, which the client itself changes. */
function pageKey(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('limit');
  u.searchParams.sort();
  return u.href;
}
