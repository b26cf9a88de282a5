// A crawl journal seeded from a published lineage snapshot, so the crawler's own refresh (Crawler.refresh) brings
// it up to date: one model record per snapshot model (its parents from the edges), one refusal per model the Hub
// had refused (missing or disabled, marked as looked up so nobody asks again), none for a parent it did not read
// (its children's tags name it, so it comes back unread and is not asked about), and a finished crawl whose start is
// the snapshot's watermark, so the refresh lists only what the Hub created since (the snapshot's cards were read
// when it was published; an edit of an older card waits for a full refresh, which sweeps the Hub).
// The snapshot holds the seeds' families only, not every lineage model of a sweep: the state says `walk`, so new
// seeds are walked (or swept, when cheaper) rather than read from a journal that never held them.
import type { HubModel, Relation } from '../lineage/model.ts';
import type { Lineage, ModelNode } from '../lineage/types.ts';
import { EXTERNAL_FAMILY } from './closure.ts';
import type { CrawlJournal, CrawlRecord, CrawlState, Seeds } from './records.ts';

export interface SnapshotSeed {
  /** The Hub the snapshot describes, which the refresh will list. */
  hub: string;
  seeds: Seeds;
  /** Models created or changed from here on may be missing from the snapshot. */
  watermark: string;
  finishedAt: string;
  /** The listing page size the Hub last served the snapshot's crawl, where the refresh starts. */
  pageSize?: number;
}

/** Why a refused model is in the journal: it came from the snapshot, not from a look-up of this browser. */
const FROM_SNAPSHOT = 'refused when the published snapshot was crawled';

/** A model the Hub refused to describe: a node with no creation date and a status other than ok. */
const refused = (n: ModelNode): boolean => n.status === 'missing' || (n.status === 'disabled' && !n.created_at);

/** The journal records that rebuild the snapshot's lineage (closure.ts's buildLineage gives it back). */
export function seedRecords(lineage: Lineage): CrawlRecord[] {
  const byId = new Map(lineage.nodes.map((n) => [n.id, n]));
  const parents = new Map<string, { id: string; relation: Relation }[]>();
  for (const e of lineage.edges) {
    const list = parents.get(e.child) ?? parents.set(e.child, []).get(e.child);
    list?.push({ id: e.parent, relation: e.relation });
  }
  // The snapshot holds every child its families' models had at the watermark: a walk for a family added later
  // does not list them again (what they gained since comes with the refresh).
  const members = lineage.nodes.filter((n) => n.family !== EXTERNAL_FAMILY).map((n) => n.id);
  const records: CrawlRecord[] = [{ t: 'expanded', ids: members }];
  for (const n of lineage.nodes) {
    // A parent the crawl did not read is no record: its children's tags name it, and buildLineage makes it unread
    // again (a model record would give it counts of 0 as if they had been read).
    if (n.status === 'unread') continue;
    if (refused(n)) {
      const disabled = n.status === 'disabled';
      const status = disabled ? 403 : 404;
      records.push(
        { t: 'missing', id: n.id, status, relation: 'unknown', reason: FROM_SNAPSHOT, ...(disabled && { disabled }) },
        { t: 'looked', id: n.id },
      );
      continue;
    }
    const all = parents.get(n.id) ?? [];
    // Refused parents are card entries (the Hub tags only parents it can resolve): buildLineage then labels them
    // with their child's family, as the crawl that published them did.
    const gone = all.filter((p) => {
      const node = byId.get(p.id);
      return node !== undefined && refused(node);
    });
    records.push({
      t: 'model',
      model: modelOf(
        n,
        all.filter((p) => !gone.includes(p)),
        gone,
      ),
    });
  }
  return records;
}

function modelOf(n: ModelNode, parents: HubModel['parents'], gone: HubModel['parents']): HubModel {
  return {
    id: n.id,
    objectId: null,
    author: n.author,
    createdAt: n.created_at || null,
    lastModified: n.last_modified || null,
    downloads: n.downloads,
    likes: n.likes,
    pipelineTag: n.pipeline_tag || null,
    libraryName: n.library_name || null,
    license: n.license || null,
    gated: n.gated || false,
    disabled: n.status === 'disabled',
    parents,
    cardBase: gone.length > 0 ? [...parents, ...gone].map((p) => p.id) : [],
    cardRelation: gone[0]?.relation ?? null,
  };
}

/** A finished crawl of the seeds that began at the watermark: Crawler.refresh lists from there. */
export function seededState(seed: SnapshotSeed): CrawlState {
  return {
    v: 1,
    hub: seed.hub,
    seeds: { orgs: [...seed.seeds.orgs], roots: [...seed.seeds.roots] },
    strategy: 'walk',
    phase: 'done',
    next: null,
    listed: true,
    queue: [],
    looked: [],
    orgsCovered: [...seed.seeds.orgs],
    requests: 0,
    pages: 0,
    startedAt: seed.watermark,
    finishedAt: seed.finishedAt,
    refreshSince: null,
    refreshBy: 'created',
    lastFullSweepAt: null,
    identity: null,
    ...(seed.pageSize && { pageSize: seed.pageSize }),
  };
}

/** What a journal holds: its state after its records. */
export type JournalContents = NonNullable<Awaited<ReturnType<CrawlJournal['load']>>>;

/** Replaces the journal with the snapshot's, in one append; returns what it wrote (see primedJournal). */
export async function seedJournal(
  journal: CrawlJournal,
  lineage: Lineage,
  seed: SnapshotSeed,
): Promise<JournalContents> {
  const contents = { state: seededState(seed), records: seedRecords(lineage) };
  await journal.clear();
  await journal.append(contents.records, contents.state);
  return contents;
}

/** A journal whose first load gives what was just written to it, without reading it back: at the public Hub's
 * size, reading and checking a seeded journal again takes longer than the refresh that follows it. */
export function primedJournal(journal: CrawlJournal, written: JournalContents): CrawlJournal {
  let first: JournalContents | null = written;
  return {
    load: async () => {
      const contents = first;
      first = null;
      return contents ?? journal.load();
    },
    append: (records, state) => journal.append(records, state),
    clear: () => {
      first = null;
      return journal.clear();
    },
  };
}
