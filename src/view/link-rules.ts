// The value rules of the URL codec, one copy each: the decoder accepts a value only if its rule holds, and the
// encoder writes a value only if the same rule holds, so the app never writes a link its own decoder refuses.
import { isFamilyName, isOrgName, isRepoId } from '../lineage/repo-id.ts';

/** Items per list key (families, roots, hand-picked models): longer lists are cut and reported. */
export const MAX_LIST = 50;
/** Longest org name, model id or text value the app accepts from a person or a link. */
export const MAX_NAME = 200;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An org (owner) name as the Hub allows it. */
export const isOrg = isOrgName;
/** A model id a link may carry (focus, selection, roots, selection rules). */
export const isLinkId = (s: string): boolean => isRepoId(s);
/** A family label: an org or a root's model id. */
export const isFamily = isFamilyName;
/** A filter value (license, pipeline, library) a link may carry. */
export const isFilterText = (s: string): boolean => s.length > 0 && s.length <= MAX_NAME && !/[<>"'`]/.test(s);
/** A calendar day, yyyy-mm-dd. */
export const isDay = (s: string): boolean => DAY.test(s) && Number.isFinite(Date.parse(s));
/** A month, yyyy-mm. */
export const isMonth = (s: string): boolean => MONTH.test(s);
/** A whole count a numeric filter may hold. */
export const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0 && n <= 1e13;

/** The crawl date a link carries, as an ISO string, or null when the text is not a date. */
export function crawlDate(raw: string): string | null {
  if (raw.length > 40) return null;
  const t = Date.parse(raw);
  if (!Number.isFinite(t)) return null;
  const d = new Date(t);
  return Number.isFinite(d.getTime()) && Math.abs(d.getUTCFullYear()) < 10000 ? d.toISOString() : null;
}

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, n));
const round = (n: number): number => Number(n.toFixed(5));

/** A camera inside the range the graph uses, rounded as the link writes it; null when not numbers. */
export function linkCamera(c: { x: number; y: number; ratio: number }): CameraView | null {
  if (![c.x, c.y, c.ratio].every(Number.isFinite) || c.ratio <= 0) return null;
  return { x: round(clamp(c.x, -10, 10)), y: round(clamp(c.y, -10, 10)), ratio: round(clamp(c.ratio, 0.001, 10)) };
}

/** An http(s) address without credentials, or null. */
export function httpUrl(raw: string | null | undefined): URL | null {
  if (!raw || raw.length > 2000) return null;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}

/** A Hub base URL (its origin), or null when it is not http(s) or not a URL at all. */
export function parseHubUrl(raw: string | null | undefined): string | null {
  return httpUrl(raw)?.origin ?? null;
}
