// A hostile Hub's answers, on demand, for the client's defences: listing `Link`s that loop (back to the page
// just served, or to the first page) or lead to another origin, and model ids whose info route redirects in a
// loop. None of these is something the real Hub does on purpose; a proxy, a misconfigured mirror or a bug can.
/** `self`: every page's Link names the page itself; `back`: pages after the first link back to the first;
 * `foreign`: the Link is the right one on another origin. */
export const HOSTILE_LINKS = ['self', 'back', 'foreign'] as const;
export type HostileLinks = (typeof HOSTILE_LINKS)[number];

export const FOREIGN_ORIGIN = 'http://elsewhere.invalid';

/** The `Link` header a hostile listing sends instead of `honest` (which is null on the last page). */
export function hostileLink(mode: HostileLinks, request: URL, honest: string | null): string | null {
  if (mode === 'self') return `<${request.href}>; rel="next"`;
  if (mode === 'back') {
    if (!request.searchParams.has('cursor')) return honest;
    const first = new URL(request.href);
    first.searchParams.delete('cursor');
    return `<${first.href}>; rel="next"`;
  }
  return honest?.replace(`<${request.origin}/`, `<${FOREIGN_ORIGIN}/`) ?? null;
}

/** Where an id of `loops` redirects: its info route to its `main` revision and back, for ever (a 2-cycle). */
export function loopLocation(
  loops: ReadonlySet<string>,
  info: { id: string; rest: string },
  search: string,
): string | undefined {
  if (!loops.has(info.id.toLowerCase())) return undefined;
  const id = info.id
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return info.rest === '' ? `/api/models/${id}/revision/main${search}` : `/api/models/${id}${search}`;
}
