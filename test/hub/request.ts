// Parses the local Hub's request URLs: listing parameters (both `expand` spellings, repeatable `filter`, the
// comma form, `other` as a filter) and model-info paths with optional `/revision/{rev}`.
import { SORT_KEYS, type ListQuery, type SortKey } from './catalog.ts';
import type { Shape } from './items.ts';

export function parseListQuery(p: URLSearchParams): { query: ListQuery; shape: Shape } {
  const filters = [...p.getAll('filter'), ...p.getAll('other')].flatMap((f) => f.split(',')).filter(Boolean);
  const sortParam = p.get('sort') ?? 'trendingScore';
  const sort: SortKey = (SORT_KEYS as readonly string[]).includes(sortParam) ? (sortParam as SortKey) : 'trendingScore';
  const limit = Math.min(1000, Math.max(1, Number.parseInt(p.get('limit') ?? '1000', 10) || 1000));
  const skip = Math.max(0, Number.parseInt(p.get('skip') ?? '0', 10) || 0);
  const flag = (k: string): boolean => ['true', '1', 'True'].includes(p.get(k) ?? '');
  const query: ListQuery = { filters, sort, limit, skip };
  const author = p.get('author');
  const search = p.get('search');
  const pipeline = p.get('pipeline_tag');
  const cursor = p.get('cursor');
  if (author) query.author = author;
  if (search) query.search = search;
  if (pipeline) query.pipelineTag = pipeline;
  if (cursor) query.cursor = cursor;
  const expand = [...p.getAll('expand'), ...p.getAll('expand[]')];
  return { query, shape: { expand, full: flag('full'), cardData: flag('cardData'), config: flag('config') } };
}

/** `/api/models/{id}` or `/api/models/{id}/revision/{rev}`, where id has one segment (legacy) or two. */
export function parseInfoPath(pathname: string): { id: string; rest: string } | undefined {
  if (!pathname.startsWith('/api/models/')) return undefined;
  const segs = pathname.slice('/api/models/'.length).split('/').map(decodeURIComponent);
  if (segs.length === 0 || !segs[0]) return undefined;
  const revisionAt = segs.indexOf('revision');
  if (revisionAt === 1 || revisionAt === 2) {
    return { id: segs.slice(0, revisionAt).join('/'), rest: `/${segs.slice(revisionAt).join('/')}` };
  }
  if (segs.length > 2) return undefined;
  return { id: segs.join('/'), rest: '' };
}
