// The crawler: finds every descendant of the seed orgs and roots with few requests, saving its journal page by
// page so it can be killed and resumed. Two strategies (see README "How the crawler spends requests"):
// - sweep: read the whole Hub listing sorted by createdAt, 1,000 models a request, keep every model with lineage
//   tags; cost = Hub size / 1,000, whatever the family size. Used for orgs.
// - walk: list the children of each model (`filter=base_model:X`); cost ≈ one request per model. Used for
//   single roots, and it switches to a sweep when it would cost more than one.
// Then a resolving phase reads, one by one, parents the listings could not show (missing, renamed, external).
import { MAX_PAGE, type HubClient } from '../hub/client.ts';
import { buildLineage, familyMembers, pendingLookups } from './closure.ts';
import { Knowledge } from './knowledge.ts';
import { sameSeeds, type CrawlJournal, type CrawlRecord, type CrawlState } from './records.ts';
import { freshState, REAL_HUB_SIZE, type CrawlOptions, type CrawlResult } from './options.ts';

export { REAL_HUB_SIZE, type CrawlOptions, type CrawlResult };

export class Crawler {
  private k = new Knowledge();
  private state!: CrawlState;
  private parseErrors: string[] = [];
  private readonly now: () => Date;

  constructor(
    private readonly client: HubClient,
    private readonly journal: CrawlJournal,
    private readonly options: CrawlOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** What the crawl knows so far, for partial results while it runs. */
  knowledgeSoFar(): Knowledge {
    return this.k;
  }

  /** Runs the crawl to the end, resuming a saved one for the same Hub and seeds. */
  async run(): Promise<CrawlResult> {
    await this.loadOrStart();
    if (this.state.phase === 'listing') {
      if (this.state.strategy === 'walk') await this.walk();
      if (this.state.strategy === 'sweep') await this.sweep('createdAt', null);
      await this.save([], { phase: 'resolving', next: null, queue: [] });
    }
    if (this.state.phase === 'resolving') {
      await this.coverSeeds();
      await this.resolve();
      await this.save([], { phase: 'done', finishedAt: this.now().toISOString() });
    }
    return this.result();
  }

  /** Lists, newest change first, the models modified since the last crawl began; then resolves again. */
  async refresh(): Promise<CrawlResult> {
    await this.loadOrStart();
    if (this.state.phase !== 'done') return this.run();
    const since = new Date(Date.parse(this.state.startedAt) - 3_600_000).toISOString();
    const startedAt = this.now().toISOString();
    await this.save([], { phase: 'listing', refreshSince: since, strategy: 'sweep', next: null });
    await this.sweep('lastModified', since);
    await this.save([], { phase: 'resolving', next: null, refreshSince: null, startedAt });
    await this.resolve();
    await this.save([], { phase: 'done', finishedAt: this.now().toISOString() });
    return this.result();
  }

  /**
   * Resumes the saved crawl of the same Hub. A sweep's journal holds every model with lineage, whatever the
   * seeds, so new seeds only add author listings and look-ups; a walk for other seeds starts a new walk.
   */
  private async loadOrStart(): Promise<void> {
    const saved = await this.journal.load();
    const seeds = this.options.seeds;
    if (saved && saved.state.hub === this.client.hubUrl) {
      this.k.apply(saved.records);
      for (const id of saved.state.looked) this.k.looked.add(id.toLowerCase());
      this.state = saved.state;
      this.client.http.requests = saved.state.requests;
      if (sameSeeds(saved.state.seeds, seeds)) return;
      if (saved.state.strategy === 'sweep') {
        const phase = saved.state.phase === 'listing' ? 'listing' : 'resolving';
        return this.save([], { seeds, phase, finishedAt: null });
      }
      return this.save(
        [],
        freshState(this.client.hubUrl, seeds, this.state.requests, this.options.strategy, this.now()),
      );
    }
    if (saved) await this.journal.clear();
    this.state = freshState(this.client.hubUrl, seeds, 0, this.options.strategy, this.now());
    await this.journal.append([], this.state);
  }

  /** Lists by author the orgs added after the sweep began (their models without lineage were not kept), and
   * reads roots the journal cannot name (renamed, legacy or lineage-less models). */
  private async coverSeeds(): Promise<void> {
    for (const root of this.options.seeds.roots) if (!this.k.resolve(root)) await this.lookUp(root);
    const covered = new Set(this.state.orgsCovered.map((o) => o.toLowerCase()));
    for (const org of this.options.seeds.orgs) {
      if (covered.has(org.toLowerCase())) continue;
      await this.listAll(this.client.listingUrl({ author: org, sort: 'createdAt' }), `listed ${org}`);
      await this.save([], { orgsCovered: [...this.state.orgsCovered, org] });
    }
  }

  private async listAll(first: string, message: string): Promise<void> {
    for (let url: string | null = first; url;) {
      const page = await this.client.listPage(url, this.options.signal);
      this.parseErrors.push(...page.errors);
      url = page.next;
      await this.save(
        page.models.map((model) => ({ t: 'model', model })),
        { pages: this.state.pages + 1 },
      );
      this.report(message, 0);
    }
  }

  /** One pass over the Hub listing; keeps models with lineage tags, seed models, and parents already named. */
  private async sweep(sort: 'createdAt' | 'lastModified', since: string | null): Promise<void> {
    const orgs = this.options.seeds.orgs.map((o) => `${o.toLowerCase()}/`);
    const roots = new Set(this.options.seeds.roots.map((r) => r.toLowerCase()));
    let url: string | null = this.state.next ?? this.client.listingUrl({ sort });
    while (url) {
      const page = await this.client.listPage(url, this.options.signal);
      this.parseErrors.push(...page.errors);
      const kept = page.models.filter((m) => {
        const key = m.id.toLowerCase();
        return (
          m.parents.length > 0 || roots.has(key) || this.k.referenced.has(key) || orgs.some((o) => key.startsWith(o))
        );
      });
      const last = page.models[page.models.length - 1];
      const reachedOld = since !== null && (!last?.lastModified || last.lastModified < since);
      url = reachedOld ? null : page.next;
      await this.save(
        kept.map((model) => ({ t: 'model', model })),
        { next: url, pages: this.state.pages + 1, swept: this.sweptSoFar() + page.models.length },
      );
      this.report(`swept ${this.state.pages} pages`, this.sweepPagesLeft());
    }
  }

  /** Breadth-first: one listing of children per model; hands over to a sweep when that is cheaper. */
  private async walk(): Promise<void> {
    if (this.state.pages === 0 && this.state.queue.length === 0) await this.seedWalk();
    while (this.state.queue.length > 0) {
      if (this.client.http.requests + this.state.queue.length > this.sweepCost() && this.options.strategy !== 'walk') {
        await this.save([], { strategy: 'sweep', next: null, queue: [] });
        this.report('switching to a sweep: cheaper than walking the rest', this.sweepCost());
        return this.sweep('createdAt', null);
      }
      const parent = this.state.queue[0] as string;
      let url: string | null =
        this.state.next ?? this.client.listingUrl({ filters: [`base_model:${parent}`], sort: 'createdAt' });
      while (url) {
        const page = await this.client.listPage(url, this.options.signal);
        this.parseErrors.push(...page.errors);
        const fresh = page.models.filter((m) => !this.k.models.has(m.id.toLowerCase()));
        url = page.next;
        const queue = [...this.state.queue, ...fresh.map((m) => m.id)];
        await this.save(
          fresh.map((model) => ({ t: 'model', model })),
          { next: url, queue, pages: this.state.pages + 1 },
        );
        this.report(`expanded ${parent}`, this.state.queue.length);
      }
      if (this.state.queue[0] === parent) await this.save([], { queue: this.state.queue.slice(1), next: null });
    }
  }

  /** Reads one by one the parents listings cannot show: missing or private, renamed, never listed. */
  private async resolve(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      const members = familyMembers(this.k, this.options.seeds);
      const { lookups, junk } = pendingLookups(this.k, members);
      const todo = lookups.filter((id) => !this.k.looked.has(id.toLowerCase()));
      if (round === 0 && this.k.junk.length === 0 && junk.length > 0)
        await this.save(
          junk.map((j) => ({ t: 'junk', ...j })),
          {},
        );
      if (todo.length === 0) return;
      for (const [i, id] of todo.entries()) {
        await this.lookUp(id);
        this.report(`looked up ${id}`, todo.length - i - 1);
      }
    }
  }

  /** The walk's first queue: the roots (read once each, so renamed roots get their canonical id) and org models. */
  private async seedWalk(): Promise<void> {
    for (const root of this.options.seeds.roots) await this.lookUp(root);
    await this.coverSeeds();
    const members = familyMembers(this.k, this.options.seeds);
    const queue = [...members.keys()]
      .map((key) => this.k.models.get(key)?.id)
      .filter((id): id is string => id !== undefined);
    await this.save([], { queue, pages: Math.max(1, this.state.pages) });
  }

  private async lookUp(id: string): Promise<void> {
    if (this.k.looked.has(id.toLowerCase())) return;
    const found = await this.client.model(id);
    const records: CrawlRecord[] = [];
    if (found.kind === 'missing') records.push({ t: 'missing', id, status: found.status, relation: 'unknown' });
    else {
      if (found.model.id.toLowerCase() !== id.toLowerCase()) records.push({ t: 'alias', from: id, to: found.model.id });
      if (!this.k.models.has(found.model.id.toLowerCase())) records.push({ t: 'model', model: found.model });
    }
    // One record per look-up: the state stays the same size however many look-ups a crawl needs.
    await this.save([...records, { t: 'looked', id }], {});
  }

  private async save(records: CrawlRecord[], patch: Partial<CrawlState>): Promise<void> {
    this.k.apply(records);
    this.state = { ...this.state, ...patch, requests: this.client.http.requests };
    await this.journal.append(records, this.state);
  }

  private sweepCost(): number {
    return Math.ceil((this.options.hubSizeEstimate ?? REAL_HUB_SIZE) / 1000);
  }

  /** Pages still to list at the current page size (smaller after gateway time-outs). */
  private sweepPagesLeft(): number {
    if (!this.state.next) return 0;
    const left = (this.options.hubSizeEstimate ?? REAL_HUB_SIZE) - this.sweptSoFar();
    return Math.max(1, Math.ceil(left / this.client.pageSize));
  }

  private sweptSoFar(): number {
    return this.state.swept ?? this.state.pages * MAX_PAGE;
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
      message,
    });
  }

  private result(): CrawlResult {
    return {
      lineage: buildLineage(this.k, this.options.seeds),
      knowledge: this.k,
      state: this.state,
      parseErrors: this.parseErrors,
    };
  }
}
