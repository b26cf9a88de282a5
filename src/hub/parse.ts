// Validates Hub JSON (a listing item or a model-info payload) into a HubModel. Anything malformed becomes a
// described error for the crawl report, never an exception in the crawl loop.
import { licenseFromTags, readLineageTags, RELATIONS, type HubModel, type Relation } from '../lineage/model.ts';
import { isRepoId } from '../lineage/repo-id.ts';

export type ParseResult = { ok: true; model: HubModel } | { ok: false; error: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const date = (v: unknown): string | null => (typeof v === 'string' && Number.isFinite(Date.parse(v)) ? v : null);

export function parseModel(raw: unknown): ParseResult {
  if (!isObject(raw)) return { ok: false, error: 'item is not an object' };
  const id = raw.id;
  if (typeof id !== 'string' || !isRepoId(id))
    return { ok: false, error: `item has no valid id (${JSON.stringify(id)?.slice(0, 80)})` };
  const tags = Array.isArray(raw.tags) ? raw.tags.filter((t): t is string => typeof t === 'string') : [];
  const card = isObject(raw.cardData) ? raw.cardData : {};
  const lineage = readLineageTags(tags, id);
  return {
    ok: true,
    model: {
      id,
      objectId: typeof raw._id === 'string' && OBJECT_ID.test(raw._id) ? raw._id.toLowerCase() : null,
      author: str(raw.author) ?? id.split('/')[0] ?? id,
      createdAt: date(raw.createdAt),
      lastModified: date(raw.lastModified),
      downloads: count(raw.downloads),
      likes: count(raw.likes),
      pipelineTag: str(raw.pipeline_tag),
      libraryName: str(raw.library_name),
      license: licenseFromTags(tags) ?? str(card.license),
      gated: raw.gated === 'auto' || raw.gated === 'manual' ? raw.gated : false,
      disabled: raw.disabled === true,
      parents: lineage.parents,
      cardBase: cardBaseEntries(card.base_model),
      cardRelation: relationOf(card.base_model_relation),
      junkTags: lineage.junk,
    },
  };
}

function cardBaseEntries(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string' && x.trim().length > 0).map((x) => x.trim());
}

function relationOf(v: unknown): Relation | null {
  return typeof v === 'string' && (RELATIONS as readonly string[]).includes(v) ? (v as Relation) : null;
}

/** Parses a listing page body: an array of items. Bad items are reported, good ones kept. */
export function parseListing(body: unknown): { models: HubModel[]; errors: string[] } {
  if (!Array.isArray(body)) throw new Error('hub/parse: listing body is not an array');
  const models: HubModel[] = [];
  const errors: string[] = [];
  for (const item of body) {
    const r = parseModel(item);
    if (r.ok) models.push(r.model);
    else errors.push(r.error);
  }
  return { models, errors };
}
