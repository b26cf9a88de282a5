// The crawl's one-by-one reads: parents listings should have shown and did not (missing, renamed, disabled), card
// entries with no tag, roots named by an old name, and the Hub-identity check. Tag parents outside the families
// that no listing covered are not read (closure.ts's mustRead): the Hub's tag says they exist. Every answer the Hub
// gives about an id (a model, a rename, a refusal) is journaled with a 'looked' record, so no id is ever asked
// twice, across kills and resumes.
import type { ModelLookup } from '../hub/client.ts';
import { familyMembers, pendingLookups } from './closure.ts';
import type { CrawlContext } from './context.ts';
import type { CrawlRecord, HubIdentity } from './records.ts';

/** Reads one id, once per journal; a refusal (4xx, malformed body) is recorded as the answer it is. */
export async function lookUp(c: CrawlContext, id: string): Promise<void> {
  if (c.k.looked.has(id.toLowerCase())) return;
  const found = await c.client.model(id, c.options.signal);
  const records: CrawlRecord[] = [];
  if (found.kind === 'ok') {
    if (found.model.id.toLowerCase() !== id.toLowerCase()) records.push({ t: 'alias', from: id, to: found.model.id });
    if (!c.k.models.has(found.model.id.toLowerCase())) records.push({ t: 'model', model: found.model });
  } else records.push(refusalRecord(id, found));
  // One record per look-up: the state stays the same size however many look-ups a crawl needs.
  await c.save([...records, { t: 'looked', id }], {});
}

function refusalRecord(id: string, found: Exclude<ModelLookup, { kind: 'ok' }>): CrawlRecord {
  const record: CrawlRecord = { t: 'missing', id, status: found.status, relation: 'unknown', reason: found.reason };
  return found.kind === 'disabled' ? { ...record, disabled: true } : record;
}

/** Reads one by one the parents listings did not show that must be read: missing or private, renamed, disabled. */
export async function resolve(c: CrawlContext): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const members = familyMembers(c.k, c.options.seeds);
    const cover = { seeds: c.options.seeds, sweptAt: c.state().lastFullSweepAt ?? null };
    const { lookups, junk } = pendingLookups(c.k, members, cover);
    const todo = lookups.filter((id) => !c.k.looked.has(id.toLowerCase()));
    if (round === 0 && c.k.junk.length === 0 && junk.length > 0)
      await c.save(
        junk.map((j) => ({ t: 'junk', ...j })),
        {},
      );
    if (todo.length === 0) return;
    for (const [i, id] of todo.entries()) {
      await lookUp(c, id);
      c.report(`looked up ${id}`, todo.length - i - 1);
    }
  }
}

/** Whether the Hub at the journal's address is the one it was written from: its sentinel model still has the
 * same ObjectId. A Hub that refuses the sentinel, or gives it another ObjectId, is another Hub's data. */
export async function sameHub(c: CrawlContext, identity: HubIdentity): Promise<boolean> {
  const found = await c.client.model(identity.id, c.options.signal);
  return found.kind === 'ok' && found.model.objectId === identity.objectId;
}

/** The journal's sentinel after these records: the oldest model (smallest ObjectId) kept so far, the one least
 * likely to be deleted. */
export function sentinelAfter(current: HubIdentity | null | undefined, records: CrawlRecord[]): HubIdentity | null {
  let best = current ?? null;
  for (const r of records)
    if (r.t === 'model' && r.model.objectId && (!best || r.model.objectId < best.objectId))
      best = { id: r.model.id, objectId: r.model.objectId };
  return best;
}
