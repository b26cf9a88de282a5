// The one URL codec: owns every key of the address bar. `v` (the link's version; none means 1), `hub` (the Hub
// the view was made on, when it is not the default one), `snap` (an http(s) snapshot to open instead of the
// cache), `data` (the published lineage dataset, `OWNER/NAME[@REVISION]`, the view was made on), `embed`, and the
// view keys of permalink.ts. The app reads the address once, at start, through
// decodeLink, and writes it only through encodeLink, whose output decodeLink reads back without a notice.
import { decodePermalink, encodePermalink, type Permalink } from './permalink.ts';
import { httpUrl, parseHubUrl } from './link-rules.ts';
import { formatDataRef, parseDataRef, type DataRef } from '../lineage/data-ref.ts';

export const LINK_VERSION = 1;

export interface AppLink extends Permalink {
  /** The version the link was written by (1 for links without `v`). */
  version: number;
  /** The Hub the link names (its origin), or null when it names none. */
  hub: string | null;
  /** An http(s) snapshot address to open instead of the cache, or null. */
  snap: string | null;
  /** The published lineage dataset (and revision) to open, or null. */
  data: DataRef | null;
  notices: string[];
}

export function decodeLink(search: string): AppLink {
  const q = new URLSearchParams(search);
  const permalink = decodePermalink(q);
  const notices: string[] = [];
  const rawVersion = q.get('v');
  let version = LINK_VERSION;
  if (rawVersion !== null) {
    const n = Number(rawVersion);
    if (!/^\d{1,4}$/.test(rawVersion) || n < 1)
      notices.push("The link's version could not be used; it was read as version 1.");
    else if (n > LINK_VERSION)
      notices.push(
        `This link was made by a newer Forkscope (link version ${n}); what this version understands was used.`,
      );
    else version = n;
  }
  const rawHub = q.get('hub');
  const hub = rawHub === null ? null : parseHubUrl(rawHub);
  if (rawHub !== null && !hub) notices.push('The link names a Hub that is not an http(s) address; it was ignored.');
  const rawSnap = q.get('snap');
  const snap = rawSnap === null ? null : (httpUrl(rawSnap)?.href ?? null);
  if (rawSnap !== null && !snap)
    notices.push('The link names a snapshot that is not an http(s) address; it was ignored.');
  // [data key, #11] A dataset the rule refuses is left out: the app then opens its default data.
  const rawData = q.get('data');
  const data = rawData === null ? null : parseDataRef(rawData);
  if (rawData !== null && !data)
    notices.push('The link names a lineage dataset that is not OWNER/NAME[@REVISION]; it was ignored.');
  return { ...permalink, version, hub, snap, data, notices: [...notices, ...permalink.notices] };
}

export interface LinkState extends Permalink {
  /** The Hub in use, written only when it is not `defaultHub`. */
  hub: string;
  defaultHub: string;
  /** The snapshot address the view shows, when it came from a link. */
  snap: string | null;
  /** The published dataset and revision the data shown came from (null: crawled here). */
  data?: DataRef | null;
}

export function encodeLink(s: LinkState): URLSearchParams {
  const q = encodePermalink(s);
  const hub = parseHubUrl(s.hub);
  if (hub && hub !== parseHubUrl(s.defaultHub)) q.set('hub', hub);
  const snap = httpUrl(s.snap)?.href;
  if (snap) q.set('snap', snap);
  // [data key, #11] Written only as the decoder reads it back.
  const data = s.data ? parseDataRef(formatDataRef(s.data)) : null;
  if (data) q.set('data', formatDataRef(data));
  // The version leads every non-empty link; the default view stays an empty address.
  return [...q.keys()].length > 0 ? new URLSearchParams([['v', String(LINK_VERSION)], ...q]) : q;
}
