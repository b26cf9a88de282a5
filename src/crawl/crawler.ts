// The crawler: finds every descendant of the seed orgs and roots with few requests, saving its journal page by
// page so it can be killed and resumed. It runs the phases: listing (listing.ts: a sweep of the whole Hub, or a
// walk from the roots), then resolving (lookups.ts: one-by-one reads of what listings cannot show), then done.
// A refresh lists what changed since the last crawl; a full refresh sweeps again and removes what the Hub no
// longer lists. A journal is reused only for the Hub it was written from (its sentinel model, lookups.ts).
import type { HubClient } from '../hub/client.ts';
import { buildLineage } from './closure.ts';
import type { CrawlContext } from './context.ts';
import { Knowledge } from './knowledge.ts';
import { coverSeeds, sweep, walk } from './listing.ts';
import { resolve, sameHub, sentinelAfter } from './lookups.ts';
import {
  refreshBase,
  sameSeeds,
  upgradeState,
  type CrawlJournal,
  type CrawlRecord,
  type CrawlState,
} from './records.ts';
import { freshState, REAL_HUB_SIZE, type CrawlOptions, type CrawlResult } from './options.ts';

export { REAL_HUB_SIZE, type CrawlOptions, type CrawlResult };

export class Crawler {
  private readonly k = new Knowledge();
  private state!: CrawlState;
  private readonly parseErrors: string[] = [];
  private readonly now: () => Date;
  private readonly ctx: CrawlContext;
  /** This run cleared a journal written from another Hub at the same address. */
  private hubChanged = false;
  /** This run completed a sweep of the whole Hub (so it could see deletions). */
  private sweptFully = false;

  constructor(
    private readonly client: HubClient,
    private readonly journal: CrawlJournal,
    private readonly options: CrawlOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.ctx = {
      k: this.k,
      client,
      options,
      parseErrors: this.parseErrors,
      state: () => this.state,
      save: (records, patch) => this.save(records, patch),
      report: (message, queue) => this.report(message, queue),
    };
  }

  /** What the crawl knows so far, for partial results while it runs. */
  knowledgeSoFar(): Knowledge {
    return this.k;
  }

  /** Runs the crawl to the end, resuming a saved one for the same Hub and seeds. */
  async run(): Promise<CrawlResult> {
    await this.loadOrStart();
    return this.finish();
  }

  /** Lists, newest first, the models created (a journal seeded from a published snapshot) or modified (a crawl's
   * own journal) since the last crawl began; then resolves again. It cannot see deletions: the result says when
   * the last full sweep ran. The journal keeps its strategy, so seeds added later are walked or swept as before. */
  async refresh(): Promise<CrawlResult> {
    await this.loadOrStart();
    if (this.state.phase !== 'done') return this.finish();
    const since = new Date(Date.parse(this.state.startedAt) - 3_600_000).toISOString();
    await this.save([], {
      phase: 'listing',
      refreshSince: since,
      next: null,
      listed: false,
      startedAt: this.now().toISOString(),
      finishedAt: null,
    });
    return this.finish();
  }

  /** Sweeps the whole Hub again over the journal: models it no longer lists leave the families, and the result
   * says how many. A crawl still under way is finished first (a first sweep is itself a full one). */
  async fullRefresh(): Promise<CrawlResult> {
    await this.loadOrStart();
    if (this.state.phase !== 'done') return this.finish();
    const at = this.now().toISOString();
    // After it the journal holds every lineage model of the Hub, as a crawl's own sweep does: later refreshes list
    // what was modified, card edits included.
    await this.save([{ t: 'sweep', at }], {
      phase: 'listing',
      strategy: 'sweep',
      refreshSince: null,
      refreshBy: 'modified',
      next: null,
      listed: false,
      swept: 0,
      fullSweep: true,
      startedAt: at,
      finishedAt: null,
    });
    return this.finish();
  }

  private async finish(): Promise<CrawlResult> {
    if (this.state.phase === 'listing') {
      const since = this.state.refreshSince;
      if (since) await sweep(this.ctx, this.state.refreshBy === 'created' ? 'createdAt' : 'lastModified', since);
      else if (this.state.strategy === 'walk') await walk(this.ctx);
      else await sweep(this.ctx, 'createdAt', null);
      await this.endListing();
    }
    if (this.state.phase === 'resolving') {
      await coverSeeds(this.ctx);
      await resolve(this.ctx);
      await this.save([], { phase: 'done', finishedAt: this.now().toISOString() });
    }
    return this.result();
  }

  /** After a complete sweep by creation date the journal holds the whole Hub's lineage as of its start; after a
   * full refresh, the models it did not list are gone from the Hub. */
  private async endListing(): Promise<void> {
    const s = this.state;
    const patch: Partial<CrawlState> = { phase: 'resolving', next: null, queue: [], refreshSince: null };
    const records: CrawlRecord[] = [];
    if (s.strategy === 'sweep' && !s.refreshSince) {
      // The journal holds the whole Hub's lineage now: later refreshes list what was modified, card edits included.
      patch.refreshBy = 'modified';
      patch.lastFullSweepAt = s.startedAt;
      this.sweptFully = true;
    }
    if (s.fullSweep) {
      const seen = this.k.seen ?? new Set<string>();
      const ids = [...this.k.models].flatMap(([key, m]) => (seen.has(key) ? [] : [m.id]));
      if (ids.length > 0) records.push({ t: 'removed', ids });
      patch.fullSweep = false;
      patch.removed = ids.length;
      if (s.identity && ids.includes(s.identity.id)) patch.identity = sentinelAfter(null, this.modelRecords());
    }
    await this.save(records, patch);
  }

  private modelRecords(): CrawlRecord[] {
    return [...this.k.models.values()].map((model) => ({ t: 'model', model }));
  }

  /**
   * Resumes the saved crawl of the same Hub. A sweep's journal holds every model with lineage, whatever the
   * seeds, so new seeds only add author listings and look-ups; a walk's journal for other seeds starts a new walk
   * that skips the models already expanded.
   * A journal whose sentinel model the Hub no longer knows (another Hub at the same address) is cleared.
   */
  private async loadOrStart(): Promise<void> {
    const saved = await this.journal.load();
    const seeds = this.options.seeds;
    let ours = saved !== null && saved.state.hub === this.client.hubUrl;
    if (saved && ours && saved.state.identity && !(await sameHub(this.ctx, saved.state.identity))) {
      ours = false;
      this.hubChanged = true;
    }
    if (saved && ours) {
      this.k.apply(saved.records);
      for (const id of saved.state.looked) this.k.looked.add(id.toLowerCase());
      this.state = upgradeState(saved.state);
      if (saved.state.pageSize) this.client.startPagesAt(saved.state.pageSize);
      // Requests this run spent already (the identity check) add to the journal's.
      this.client.http.requests += saved.state.requests;
      if (sameSeeds(saved.state.seeds, seeds)) return;
      if (saved.state.strategy === 'sweep') {
        const phase = saved.state.phase === 'listing' ? 'listing' : 'resolving';
        return this.save([], { seeds, phase, finishedAt: null });
      }
      // A walk's journal (a walk, or published data) holds the seeds' families only: the new seeds are walked from
      // what is not expanded yet, and the walk hands over to a sweep if that is cheaper.
      // The walk keeps the journal's refresh base (it skips the old families' expanded models, so what they gained
      // since comes with the next refresh) and the orgs already listed by author.
      const asked = this.options.strategy === 'sweep' ? 'sweep' : 'walk';
      const fresh = freshState(this.client.hubUrl, seeds, this.state.requests, asked, this.now());
      const kept = asked === 'walk' && {
        startedAt: refreshBase(this.state),
        orgsCovered: this.state.orgsCovered.filter((o) => seeds.orgs.includes(o)),
      };
      return this.save([], { ...fresh, ...kept, identity: this.state.identity ?? null });
    }
    if (saved) await this.journal.clear();
    this.state = freshState(this.client.hubUrl, seeds, this.client.http.requests, this.options.strategy, this.now());
    await this.journal.append([], this.state);
    if (this.hubChanged) this.report('another Hub answers at this address: its cache was cleared', 0);
  }

  private async save(records: CrawlRecord[], patch: Partial<CrawlState>): Promise<void> {
    this.k.apply(records);
    const identity = 'identity' in patch ? patch.identity : sentinelAfter(this.state.identity, records);
    const counts = { requests: this.client.http.requests, pageSize: this.client.servedPageSize };
    this.state = { ...this.state, ...patch, identity, ...counts };
    await this.journal.append(records, this.state);
  }

  private report(message: string, queue: number): void {
    this.options.onProgress?.({
      phase: this.state.phase,
      strategy: this.state.strategy,
      models: this.k.models.size,
      requests: this.client.http.requests,
      pages: this.state.pages,
      queue,
      etaMs: this.client.http.throttle.etaMs(queue),
      junkTags: this.k.junkTagReport(0).count,
      message,
    });
  }

  private result(): CrawlResult {
    return {
      lineage: buildLineage(this.k, this.options.seeds),
      knowledge: this.k,
      state: this.state,
      parseErrors: this.parseErrors,
      junkTags: this.k.junkTagReport(),
      deletions: {
        checked: this.sweptFully,
        removed: this.state.removed ?? 0,
        lastFullSweepAt: this.state.lastFullSweepAt ?? null,
        createdOnly: this.state.refreshBy === 'created',
      },
      hubChanged: this.hubChanged,
    };
  }
}
