// The view keys of the URL (Retina's model): short keys, defaults omitted, every value validated and clamped,
// and a notice for whatever was dropped. A broken, truncated or hostile link gives a safe view, never an
// exception. Each key's value rule lives once in link-rules.ts and is applied on both ways, so what the app
// writes its decoder reads back. The whole address (hub, snapshot, version) is url-codec.ts's.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { decodeDynamics, encodeDynamics } from './dynamics-link.ts';
import {
  crawlDate,
  isCount,
  isDay,
  isFilterText,
  isLinkId,
  isMonth,
  isOrg,
  linkCamera,
  MAX_LIST,
  type CameraView,
} from './link-rules.ts';
import { decodeRule, encodeRule, type SelectionRule } from './selection.ts';
import { COLOR_BY, defaultView, SIZE_BY, type Filters, type ViewState } from './state.ts';

export type { CameraView } from './link-rules.ts';

export interface Permalink {
  view: ViewState;
  camera: CameraView | null;
  /** When the data behind the link was crawled (ISO date-time). */
  crawledAt: string | null;
}

const NUMERIC: [keyof Filters, string][] = [
  ['minDownloads', 'dmin'],
  ['maxDownloads', 'dmax'],
  ['minLikes', 'lmin'],
  ['maxLikes', 'lmax'],
  ['minDepth', 'pmin'],
  ['maxDepth', 'pmax'],
];
const TEXT: [keyof Filters, string][] = [
  ['license', 'lic'],
  ['pipeline', 'pipe'],
  ['library', 'lib'],
];
const isRelation = (s: string): boolean => (RELATIONS as readonly string[]).includes(s);

/** A selection rule as the link writes it, or null when the decoder would refuse it (or there is none). */
function ruleText(rule: SelectionRule): string | null {
  const text = encodeRule(rule);
  return text !== null && decodeRule(text, isLinkId) !== null ? text : null;
}

export function encodePermalink(p: Permalink): URLSearchParams {
  const q = new URLSearchParams();
  const d = defaultView();
  const v = p.view;
  const list = (key: string, items: readonly string[], valid: (s: string) => boolean): void => {
    const good = items.filter(valid).slice(0, MAX_LIST);
    if (good.length > 0) q.set(key, good.join(','));
  };
  const orgs = v.orgs.filter(isOrg).slice(0, MAX_LIST);
  if (orgs.join(',') !== d.orgs.join(',')) q.set('o', orgs.join(','));
  list('r', v.roots, isLinkId);
  if (v.focus && isLinkId(v.focus)) q.set('f', v.focus);
  if (v.selected && isLinkId(v.selected)) q.set('s', v.selected);
  if (v.colorBy !== d.colorBy) q.set('c', v.colorBy);
  if (v.sizeBy !== d.sizeBy) q.set('z', v.sizeBy);
  if (v.fold !== d.fold) q.set('fold', v.fold ? '1' : '0');
  list('rel', v.filters.relations, isRelation);
  for (const [key, short] of NUMERIC) {
    const n = v.filters[key] as number | null;
    if (n !== null && isCount(Math.floor(n))) q.set(short, String(Math.floor(n)));
  }
  for (const [key, short] of TEXT) {
    const s = v.filters[key] as string | null;
    if (s !== null && isFilterText(s)) q.set(short, s);
  }
  if (v.filters.createdFrom && isDay(v.filters.createdFrom)) q.set('from', v.filters.createdFrom);
  if (v.filters.createdTo && isDay(v.filters.createdTo)) q.set('to', v.filters.createdTo);
  const rule = ruleText(v.selection.rule);
  if (rule) q.set('sel', rule);
  list('sa', v.selection.add, isLinkId);
  list('sr', v.selection.remove, isLinkId);
  if (v.filters.asOf && isMonth(v.filters.asOf)) q.set('t', v.filters.asOf);
  encodeDynamics(v.dynamics, q);
  if (v.embed) q.set('embed', '1');
  const cam = p.camera && linkCamera(p.camera);
  if (cam) q.set('cam', [cam.x, cam.y, cam.ratio].join(','));
  const at = p.crawledAt && crawlDate(p.crawledAt);
  if (at) q.set('at', at);
  return q;
}

/** Reads a link; `notices` says, in words a researcher understands, what could not be used. */
export function decodePermalink(search: string | URLSearchParams): Permalink & { notices: string[] } {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const drop = (what: string): void => void notices.push(`The link's ${what} could not be used and was left out.`);
  const view = defaultView();
  const list = (key: string, valid: (s: string) => boolean, what: string): string[] | null => {
    const raw = q.get(key);
    if (raw === null) return null;
    const items = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const good = [...new Set(items.filter(valid))].slice(0, MAX_LIST);
    if (good.length !== items.length) drop(what);
    return good;
  };
  const one = (key: string, valid: (s: string) => boolean, what: string): string | null => {
    const raw = q.get(key);
    if (raw === null) return null;
    if (valid(raw)) return raw;
    drop(what);
    return null;
  };
  // A family list naming nothing usable is left out like any bad value: the default families stay (an empty
  // `o=`, written when every family was removed, is kept as it is).
  const orgs = list('o', isOrg, 'family list');
  if (orgs && (orgs.length > 0 || q.get('o')?.trim() === '')) view.orgs = orgs;
  view.roots = list('r', isLinkId, 'root list') ?? view.roots;
  view.focus = one('f', isLinkId, 'focused model');
  view.selected = one('s', isLinkId, 'selected model');
  view.colorBy = (one('c', (s) => (COLOR_BY as readonly string[]).includes(s), 'colour setting') ??
    view.colorBy) as ViewState['colorBy'];
  view.sizeBy = (one('z', (s) => (SIZE_BY as readonly string[]).includes(s), 'size setting') ??
    view.sizeBy) as ViewState['sizeBy'];
  if (q.has('fold')) view.fold = q.get('fold') !== '0';
  view.filters.relations = (list('rel', isRelation, 'relation filter') ?? []) as Relation[];
  for (const [key, short] of NUMERIC) {
    const raw = one(short, (s) => s.trim() !== '' && isCount(Math.floor(Number(s))), `${short} filter`);
    if (raw !== null) (view.filters[key] as number | null) = Math.floor(Number(raw));
  }
  for (const [key, short] of TEXT) (view.filters[key] as string | null) = one(short, isFilterText, `${short} filter`);
  const sel = q.get('sel');
  if (sel !== null) {
    const rule = decodeRule(sel, isLinkId);
    if (rule) view.selection.rule = rule;
    else drop('selection');
  }
  view.selection.add = list('sa', isLinkId, 'added models') ?? [];
  view.selection.remove = list('sr', isLinkId, 'removed models') ?? [];
  view.embed = q.get('embed') === '1';
  view.filters.createdFrom = one('from', isDay, 'start date');
  view.filters.createdTo = one('to', isDay, 'end date');
  view.filters.asOf = one('t', isMonth, 'time slider month');
  view.dynamics = decodeDynamics(q, drop);
  const cam = q.get('cam');
  const at = q.get('at');
  return {
    view,
    camera: cam === null ? null : camera(cam, drop),
    crawledAt: at === null ? null : date(at, drop),
    notices,
  };
}

function camera(raw: string, drop: (what: string) => void): CameraView | null {
  const parts = raw.split(',');
  const [x, y, ratio] = parts.map((s) => (s.trim() === '' ? NaN : Number(s)));
  const cam = parts.length === 3 ? linkCamera({ x: x as number, y: y as number, ratio: ratio as number }) : null;
  if (!cam) drop('camera');
  return cam;
}

function date(raw: string, drop: (what: string) => void): string | null {
  const at = crawlDate(raw);
  if (!at) drop('crawl date');
  return at;
}

/** The notice for a link made on older data than the cache holds. */
export function dataMovedOn(linkAt: string | null, cacheAt: string | null): string | null {
  if (!linkAt || !cacheAt || Date.parse(cacheAt) <= Date.parse(linkAt)) return null;
  const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return `This link was made on data crawled ${when(linkAt)}; the data shown was crawled later (${when(cacheAt)}), so counts may differ.`;
}
