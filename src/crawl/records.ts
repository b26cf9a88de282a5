// What a crawl writes as it goes: an append-only journal of records (kept models, missing parents, aliases,
// junk card entries) plus the crawl state (strategy, cursor, queue). Replaying the journal rebuilds everything,
// so a crawl killed at any point resumes from its last saved page without re-fetching it.
import type { HubModel, Relation } from '../lineage/model.ts';

export type CrawlRecord =
  | { t: 'model'; model: HubModel }
  /** A look-up the Hub answered with a refusal: missing or private (401/404), another 4xx, a malformed body
   * (`reason` says which; absent in older journals), or disabled (403 "Access to this resource is disabled."). */
  | { t: 'missing'; id: string; status: number; relation: Relation; reason?: string; disabled?: boolean }
  | { t: 'alias'; from: string; to: string }
  | { t: 'junk'; child: string; raw: string }
  /** An id read one by one (a missing parent, an old name), never to be asked again. */
  | { t: 'looked'; id: string }
  /** A full sweep starts: models listed from here on are the ones the Hub still has. */
  | { t: 'sweep'; at: string }
  /** Models a full sweep no longer listed: deleted (or made private) on the Hub since they were kept. */
  | { t: 'removed'; ids: string[] }
  /** Models whose children a walk has listed (or a published snapshot held): no later walk lists them again, since
   * the children they gained since come with refreshes. */
  | { t: 'expanded'; ids: string[] };

export type Strategy = 'sweep' | 'walk';
export type RefreshBy = 'created' | 'modified';

export interface Seeds {
  orgs: string[];
  roots: string[];
}

export interface CrawlState {
  v: 1;
  hub: string;
  seeds: Seeds;
  strategy: Strategy;
  phase: 'listing' | 'resolving' | 'done';
  /** Sweep: the next listing page; walk: the next page of the node being expanded. */
  next: string | null;
  /** The sweep's last page is saved (absent in older journals: a kill right after it swept again). */
  listed?: boolean;
  /** Walk: ids still to expand, the first being expanded now. */
  queue: string[];
  /** Walk: its first queue is saved (absent in older journals: an empty queue on the first page said so, which a
   * stop during the seeds' author listings could fake). */
  walkSeeded?: boolean;
  /** Walk: requests the journal had spent when this walk began, so the hand-over to a sweep weighs this walk's
   * requests only (absent in older journals: 0). */
  walkFrom?: number;
  /** Ids looked up one by one, as journals before 'looked' records kept them (the state grew with every look-up;
   * now each is one record). Still read on resume, never written. */
  looked: string[];
  /** Orgs whose every model the journal surely holds (a sweep keeps them; orgs added later get listed by author). */
  orgsCovered: string[];
  requests: number;
  pages: number;
  /** Models the sweep has listed so far (absent in journals written before pages could shrink). */
  swept?: number;
  /** The listing page size at the last save (absent in older journals: the largest): the next run over this journal
   * starts there, so a Hub whose gateway times out on large pages does not cost each refresh its failed pages
   * again (on the real Hub, tens of seconds each: hub-api.md §9). */
  pageSize?: number;
  startedAt: string;
  finishedAt: string | null;
  /** Refresh: models changed since this time are listed again. */
  refreshSince: string | null;
  /** What a refresh lists since then: models `created` (a journal seeded from a published snapshot, whose cards
   * were read when it was published; edits of older cards wait for a full refresh), or models `modified` (a crawl's
   * own journal, the default when absent). */
  refreshBy?: RefreshBy;
  /** When the listing of the last complete full sweep began (absent in older journals: unknown). */
  lastFullSweepAt?: string | null;
  /** A full refresh's sweep is under way: models it does not list are removed when it ends. */
  fullSweep?: boolean;
  /** Models the last full refresh removed. */
  removed?: number;
  /** Which Hub the journal's data came from: one model and its ObjectId, read again before the journal is reused,
   * so two Hubs served at one address never mix (absent in older journals, and until a model with `_id` is kept). */
  identity?: HubIdentity | null;
}

export interface HubIdentity {
  id: string;
  objectId: string;
}

export interface CrawlJournal {
  load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null>;
  /** Appends records and saves the state after them, atomically where the medium allows. */
  append(records: CrawlRecord[], state: CrawlState): Promise<void>;
  clear(): Promise<void>;
}

export function sameSeeds(a: Seeds, b: Seeds): boolean {
  const norm = (s: Seeds): string => JSON.stringify([[...s.orgs].map(lc).sort(), [...s.roots].map(lc).sort()]);
  return norm(a) === norm(b);
}

const lc = (s: string): string => s.toLowerCase();

/** Validates a stored crawl state; null when it is not one this version can resume. */
export function parseCrawlState(raw: unknown): CrawlState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Partial<CrawlState>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (s.v !== 1 || typeof s.hub !== 'string' || !s.seeds || !strings(s.seeds.orgs) || !strings(s.seeds.roots))
    return null;
  if (s.strategy !== 'sweep' && s.strategy !== 'walk') return null;
  if (s.phase !== 'listing' && s.phase !== 'resolving' && s.phase !== 'done') return null;
  if (!(s.next === null || typeof s.next === 'string') || !strings(s.queue) || !strings(s.looked)) return null;
  if (!strings(s.orgsCovered)) return null;
  if (typeof s.requests !== 'number' || typeof s.pages !== 'number' || typeof s.startedAt !== 'string') return null;
  if (s.swept !== undefined && typeof s.swept !== 'number') return null;
  if (!optional(s.pageSize, 'number')) return null;
  if (!optional(s.lastFullSweepAt, 'string') || !optional(s.fullSweep, 'boolean') || !optional(s.removed, 'number'))
    return null;
  if (!optional(s.listed, 'boolean')) return null;
  if (s.refreshBy !== undefined && s.refreshBy !== 'created' && s.refreshBy !== 'modified') return null;
  if (!optional(s.walkSeeded, 'boolean') || !optional(s.walkFrom, 'number')) return null;
  const id = s.identity;
  if (id !== undefined && id !== null && (typeof id.id !== 'string' || typeof id.objectId !== 'string')) return null;
  return s as CrawlState;
}

/** A journal seeded from published data before refreshes kept a journal's strategy: its first refresh labelled it
 * a sweep, though it holds the seeds' families only (a seeded state is the only one whose lastFullSweepAt is null,
 * not absent or a time). It is a walk's journal refreshed by creation date. */
export function upgradeState(s: CrawlState): CrawlState {
  if (s.strategy === 'sweep' && s.lastFullSweepAt === null && s.refreshBy === undefined)
    return { ...s, strategy: 'walk', refreshBy: 'created' };
  return s;
}

/** Where a finished journal is complete up to, for the next refresh: the start of its last crawl or refresh, or
 * the margin of a refresh cut short. */
export function refreshBase(s: CrawlState): string {
  return s.refreshSince ?? s.startedAt;
}

function optional(v: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return v === undefined || v === null || typeof v === type;
}

/** A journal in memory, for tests and for crawls nobody needs to resume. */
export class MemoryJournal implements CrawlJournal {
  records: CrawlRecord[] = [];
  state: CrawlState | null = null;
  appends = 0;

  async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    return this.state ? { state: structuredClone(this.state), records: [...this.records] } : null;
  }

  async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    this.records.push(...records);
    this.state = structuredClone(state);
    this.appends++;
  }

  async clear(): Promise<void> {
    this.records = [];
    this.state = null;
  }
}
