// The view as a URL (Retina's model): short keys, defaults omitted, every value validated and clamped, and a
// notice for whatever was dropped. A broken, truncated or hostile link gives a safe view, never an exception.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { isRepoId } from '../lineage/repo-id.ts';
import { decodeDynamics, decodeMonth, encodeDynamics } from './dynamics-link.ts';
import { decodeRule, encodeRule } from './selection.ts';
import { COLOR_BY, defaultView, SIZE_BY, type Filters, type ViewState } from './state.ts';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface Permalink {
  view: ViewState;
  camera: CameraView | null;
  /** When the data behind the link was crawled (ISO date-time). */
  crawledAt: string | null;
}

const ORG = /^[\w][\w.-]{0,95}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_LIST = 50;
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

export function encodePermalink(p: Permalink): URLSearchParams {
  const q = new URLSearchParams();
  const d = defaultView();
  const v = p.view;
  if (v.orgs.join(',') !== d.orgs.join(',')) q.set('o', v.orgs.join(','));
  if (v.roots.length > 0) q.set('r', v.roots.join(','));
  if (v.focus) q.set('f', v.focus);
  if (v.selected) q.set('s', v.selected);
  if (v.colorBy !== d.colorBy) q.set('c', v.colorBy);
  if (v.sizeBy !== d.sizeBy) q.set('z', v.sizeBy);
  if (v.fold !== d.fold) q.set('fold', v.fold ? '1' : '0');
  if (v.filters.relations.length > 0) q.set('rel', v.filters.relations.join(','));
  for (const [key, short] of NUMERIC) if (v.filters[key] !== null) q.set(short, String(v.filters[key]));
  for (const [key, short] of TEXT) if (v.filters[key] !== null) q.set(short, String(v.filters[key]));
  if (v.filters.createdFrom) q.set('from', v.filters.createdFrom);
  if (v.filters.createdTo) q.set('to', v.filters.createdTo);
  const rule = encodeRule(v.selection.rule);
  if (rule) q.set('sel', rule);
  if (v.selection.add.length > 0) q.set('sa', v.selection.add.join(','));
  if (v.selection.remove.length > 0) q.set('sr', v.selection.remove.join(','));
  if (v.filters.asOf) q.set('t', v.filters.asOf);
  encodeDynamics(v.dynamics, q);
  if (v.embed) q.set('embed', '1');
  if (p.camera) q.set('cam', [p.camera.x, p.camera.y, p.camera.ratio].map((n) => Number(n.toFixed(5))).join(','));
  if (p.crawledAt) q.set('at', p.crawledAt);
  return q;
}

/** Reads a link; `notices` says, in words a researcher understands, what could not be used. */
export function decodePermalink(search: string): Permalink & { notices: string[] } {
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
    const good = items.filter(valid).slice(0, MAX_LIST);
    if (good.length !== items.length) drop(what);
    return good;
  };
  view.orgs = list('o', (s) => ORG.test(s), 'family list') ?? view.orgs;
  view.roots = list('r', isRepoId, 'root list') ?? view.roots;
  view.focus = model(q.get('f'), () => drop('focused model'));
  view.selected = model(q.get('s'), () => drop('selected model'));
  view.colorBy = pick(q.get('c'), COLOR_BY, view.colorBy, () => drop('colour setting'));
  view.sizeBy = pick(q.get('z'), SIZE_BY, view.sizeBy, () => drop('size setting'));
  if (q.has('fold')) view.fold = q.get('fold') !== '0';
  view.filters.relations = (list('rel', (s) => (RELATIONS as readonly string[]).includes(s), 'relation filter') ??
    []) as Relation[];
  for (const [key, short] of NUMERIC) {
    const raw = q.get(short);
    if (raw === null) continue;
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1e13) drop(`${short} filter`);
    else (view.filters[key] as number | null) = Math.floor(n);
  }
  for (const [key, short] of TEXT) {
    const raw = q.get(short);
    if (raw === null) continue;
    if (raw.length > 200 || /[<>"'`]/.test(raw)) drop(`${short} filter`);
    else (view.filters[key] as string | null) = raw;
  }
  const sel = q.get('sel');
  if (sel !== null) {
    const rule = decodeRule(sel, isRepoId);
    if (rule) view.selection.rule = rule;
    else drop('selection');
  }
  view.selection.add = list('sa', isRepoId, 'added models') ?? [];
  view.selection.remove = list('sr', isRepoId, 'removed models') ?? [];
  view.embed = q.get('embed') === '1';
  view.filters.createdFrom = date(q.get('from'), () => drop('start date'));
  view.filters.createdTo = date(q.get('to'), () => drop('end date'));
  view.filters.asOf = decodeMonth(q.get('t'), () => drop('time slider month'));
  view.dynamics = decodeDynamics(q, drop);
  return {
    view,
    camera: camera(q.get('cam'), () => drop('camera')),
    crawledAt: crawledAt(q.get('at'), () => drop('crawl date')),
    notices,
  };
}

function model(raw: string | null, onBad: () => void): string | null {
  if (raw === null) return null;
  if (isRepoId(raw)) return raw;
  onBad();
  return null;
}

function pick<T extends string>(raw: string | null, allowed: readonly T[], fallback: T, onBad: () => void): T {
  if (raw === null) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  onBad();
  return fallback;
}

function date(raw: string | null, onBad: () => void): string | null {
  if (raw === null) return null;
  if (DATE.test(raw) && Number.isFinite(Date.parse(raw))) return raw;
  onBad();
  return null;
}

function camera(raw: string | null, onBad: () => void): CameraView | null {
  if (raw === null) return null;
  const [x, y, ratio] = raw.split(',').map(Number);
  const ok = [x, y, ratio].every((n) => n !== undefined && Number.isFinite(n));
  if (!ok || (ratio as number) <= 0) {
    onBad();
    return null;
  }
  const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
  return { x: clamp(x as number, -10, 10), y: clamp(y as number, -10, 10), ratio: clamp(ratio as number, 0.001, 10) };
}

function crawledAt(raw: string | null, onBad: () => void): string | null {
  if (raw === null) return null;
  if (raw.length <= 40 && Number.isFinite(Date.parse(raw))) return new Date(raw).toISOString();
  onBad();
  return null;
}

/** The notice for a link made on older data than the cache holds. */
export function dataMovedOn(linkAt: string | null, cacheAt: string | null): string | null {
  if (!linkAt || !cacheAt || Date.parse(cacheAt) <= Date.parse(linkAt)) return null;
  const when = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
  return `This link was made on data crawled ${when(linkAt)}; the data shown was crawled later (${when(cacheAt)}), so counts may differ.`;
}
