// Validation of journal records read back from a medium (a file, IndexedDB): a record is used only when every
// field the crawl reads has the right type, so a damaged journal gives a clear error instead of a crash later.
// Kept next to the record types: a new record kind without its check here does not compile.
import { RELATIONS, type HubModel, type Relation } from '../lineage/model.ts';
import type { CrawlRecord } from './records.ts';

type Fields = Record<string, unknown>;
const ids = (r: Fields, what: string): string | null =>
  Array.isArray(r.ids) && r.ids.every(str) ? null : `bad ${what} record`;

/** One check per record kind: the mapped type makes a kind added to CrawlRecord without a check here a type
 * error (a full refresh's records were once refused as unknown kinds when read back). */
const CHECKS: { [K in CrawlRecord['t']]: (r: Fields) => string | null } = {
  model: (r) => modelProblem(r.model),
  missing: (r) =>
    str(r.id) && typeof r.status === 'number' && relation(r.relation) ? null : 'bad missing-parent record',
  alias: (r) => (str(r.from) && str(r.to) ? null : 'bad alias record'),
  junk: (r) => (str(r.child) && typeof r.raw === 'string' ? null : 'bad junk record'),
  looked: (r) => (str(r.id) ? null : 'bad look-up record'),
  sweep: (r) => (str(r.at) ? null : 'bad sweep record'),
  removed: (r) => ids(r, 'removed'),
  expanded: (r) => ids(r, 'expanded'),
};

/** Every kind of record a journal holds. */
export const RECORD_KINDS = Object.keys(CHECKS) as CrawlRecord['t'][];

/** Why a stored record is not a valid one, or null when it is. */
export function recordProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Fields;
  const check = typeof r.t === 'string' && Object.hasOwn(CHECKS, r.t) ? CHECKS[r.t as CrawlRecord['t']] : null;
  return check ? check(r) : `unknown record kind ${JSON.stringify(String(r.t)).slice(0, 40)}`;
}

/** Validates a batch (one saved page) of records; the reason names the first bad record. */
export function parseRecords(raw: unknown): { ok: true; records: CrawlRecord[] } | { ok: false; reason: string } {
  if (!Array.isArray(raw)) return { ok: false, reason: 'a page of records is not a list' };
  for (let i = 0; i < raw.length; i++) {
    const problem = recordProblem(raw[i]);
    if (problem) return { ok: false, reason: `record ${i + 1}: ${problem}` };
  }
  return { ok: true, records: raw as CrawlRecord[] };
}

function modelProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'model record without a model';
  const m = raw as Partial<Record<keyof HubModel, unknown>>;
  if (!str(m.id) || typeof m.author !== 'string') return 'model without an id';
  const nullableStrings = [m.createdAt, m.lastModified, m.pipelineTag, m.libraryName, m.license];
  if (!nullableStrings.every((v) => v === null || typeof v === 'string')) return `model ${m.id}: bad text field`;
  if (typeof m.downloads !== 'number' || typeof m.likes !== 'number') return `model ${m.id}: bad counts`;
  if (!(m.gated === false || m.gated === 'auto' || m.gated === 'manual') || typeof m.disabled !== 'boolean')
    return `model ${m.id}: bad gated/disabled`;
  if (!Array.isArray(m.parents) || !m.parents.every((p) => isParent(p))) return `model ${m.id}: bad parents`;
  if (!Array.isArray(m.cardBase) || !m.cardBase.every((c) => typeof c === 'string')) return `model ${m.id}: bad card`;
  if (!(m.cardRelation === null || relation(m.cardRelation))) return `model ${m.id}: bad card relation`;
  return null;
}

function isParent(p: unknown): boolean {
  return (
    typeof p === 'object' &&
    p !== null &&
    str((p as { id?: unknown }).id) &&
    relation((p as { relation?: unknown }).relation)
  );
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const relation = (v: unknown): v is Relation => (RELATIONS as readonly unknown[]).includes(v);
