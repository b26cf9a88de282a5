// Validation of journal records read back from a medium (a file, IndexedDB): a record is used only when every
// field the crawl reads has the right type, so a damaged journal gives a clear error instead of a crash later.
// Kept next to the record types: a new record kind needs its check here too.
import { RELATIONS, type HubModel, type Relation } from '../lineage/model.ts';
import type { CrawlRecord } from './records.ts';

/** Why a stored record is not a valid one, or null when it is. */
export function recordProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return 'not an object';
  const r = raw as Record<string, unknown>;
  switch (r.t) {
    case 'model':
      return modelProblem(r.model);
    case 'missing':
      if (!str(r.id) || typeof r.status !== 'number' || !relation(r.relation)) return 'bad missing-parent record';
      return null;
    case 'alias':
      return str(r.from) && str(r.to) ? null : 'bad alias record';
    case 'junk':
      return str(r.child) && typeof r.raw === 'string' ? null : 'bad junk record';
    case 'looked':
      return str(r.id) ? null : 'bad look-up record';
    case 'sweep':
      return str(r.at) ? null : 'bad sweep record';
    case 'removed':
    case 'expanded':
      return Array.isArray(r.ids) && r.ids.every(str) ? null : `bad ${r.t} record`;
    default:
      return `unknown record kind ${JSON.stringify(String(r.t)).slice(0, 40)}`;
  }
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
