// The crawl's listings (see README "How the crawler spends requests"):
// - sweep: read the whole Hub listing sorted by createdAt, 1,000 models a request, keep every model with lineage
//   tags; cost = Hub size / 1,000, whatever the family size. Used for orgs.
// - walk: list the children of each model (`filter=base_model:X`); cost ≈ one request per model. Used for
//   single roots, and it switches to a sweep when it would cost more than one.
// - author listings for orgs added after a sweep began.
import { MAX_PAGE, type ListingPage } from '../hub/client.ts';
import { familyMembers } from './closure.ts';
import type { CrawlContext } from './context.ts';
import { lookUp } from './lookups.ts';
import { REAL_HUB_SIZE } from './options.ts';
import type { CrawlRecord } from './records.ts';
import type { HubModel } from '../lineage/model.ts';

/** One pass over the Hub listing; keeps models with lineage tags, seed models, parents already named, and models
 * already kept (so a full refresh sees which of them the Hub still lists). */
export async function sweep(c: CrawlContext, sort: 'createdAt' | 'lastModified', since: string | null): Promise<void> {
  const orgs = c.options.seeds.orgs.map((o) => `${o.toLowerCase()}/`);
  const roots = new Set(c.options.seeds.roots.map((r) => r.toLowerCase()));
  const keep = (key: string): boolean =>
    roots.has(key) || c.k.referenced.has(key) || c.k.models.has(key) || orgs.some((o) => key.startsWith(o));
  // A sweep whose last page is saved is over, even if the phase after it was not saved yet.
  const first = c.state().listed ? null : (c.state().next ?? c.client.listingUrl({ sort }));
  // The next page is asked for as soon as its cursor is known, and arrives while this one is being saved: the
  // journal still holds only saved pages with the cursor after them, so a crawl stopped in between asks for the
  // unsaved page again on resume, as it would have anyway.
  let coming = first === null ? null : prefetch(c, first);
  while (coming) {
    const page = await coming;
    c.parseErrors.push(...page.errors);
    const kept = page.models.filter((m) => m.parents.length > 0 || keep(m.id.toLowerCase()));
    const last = page.models[page.models.length - 1];
    const stamp = sort === 'createdAt' ? last?.createdAt : last?.lastModified;
    const reachedOld = since !== null && (!stamp || stamp < since);
    const url = reachedOld ? null : page.next;
    coming = url === null ? null : prefetch(c, url);
    await c.save([...kept.map((model): CrawlRecord => ({ t: 'model', model })), ...expandedBy(kept, sort, since)], {
      next: url,
      listed: url === null,
      pages: c.state().pages + 1,
      swept: sweptSoFar(c) + page.models.length,
    });
    c.report(`swept ${c.state().pages} pages`, sweepPagesLeft(c));
  }
}

/** A refresh by creation date lists every model created since, and with it every child those models have (a
 * child is younger than its parent): the kept ones count as expanded, so a walk for a family added later skips
 * them (a lineage-less model it does not keep is at worst listed once more). */
function expandedBy(kept: HubModel[], sort: 'createdAt' | 'lastModified', since: string | null): CrawlRecord[] {
  if (sort !== 'createdAt' || since === null) return [];
  const ids = kept.flatMap((m) => (m.createdAt && m.createdAt >= since ? [m.id] : []));
  return ids.length > 0 ? [{ t: 'expanded', ids }] : [];
}

/** A listing page asked for now and awaited later; a failure meanwhile (the save before it failing first, or a
 * pause) is not reported as unhandled: it surfaces where the page is awaited. */
function prefetch(c: CrawlContext, url: string): Promise<ListingPage> {
  const page = c.client.listPage(url, c.options.signal);
  page.catch(() => undefined);
  return page;
}

/** Breadth-first: one listing of children per model; hands over to a sweep when that is cheaper. */
export async function walk(c: CrawlContext): Promise<void> {
  if (!c.state().walkSeeded && c.state().queue.length === 0) await seedWalk(c);
  // Ids queued in this walk (kept in the state's queue until expanded, then in an 'expanded' record).
  const queued = new Set(c.state().queue.map((id) => id.toLowerCase()));
  while (c.state().queue.length > 0) {
    const spent = c.client.http.requests - (c.state().walkFrom ?? 0);
    if (spent + c.state().queue.length > sweepCost(c) && c.options.strategy !== 'walk') {
      await c.save([], { strategy: 'sweep', next: null, queue: [], listed: false });
      c.report('switching to a sweep: cheaper than walking the rest', sweepCost(c));
      return sweep(c, 'createdAt', null);
    }
    const parent = c.state().queue[0] as string;
    let url: string | null =
      c.state().next ?? c.client.listingUrl({ filters: [`base_model:${parent}`], sort: 'createdAt' });
    while (url) {
      const page = await c.client.listPage(url, c.options.signal);
      c.parseErrors.push(...page.errors);
      url = page.next;
      // A child known from elsewhere (an external parent, a snapshot) is still walked unless it was expanded.
      const toWalk = page.models.filter((m) => {
        const key = m.id.toLowerCase();
        if (c.k.expanded.has(key) || queued.has(key)) return false;
        queued.add(key);
        return true;
      });
      const unknown = page.models.filter((m) => !c.k.models.has(m.id.toLowerCase()));
      await c.save(
        unknown.map((model) => ({ t: 'model', model })),
        { next: url, queue: [...c.state().queue, ...toWalk.map((m) => m.id)], pages: c.state().pages + 1 },
      );
      c.report(`expanded ${parent}`, c.state().queue.length);
    }
    if (c.state().queue[0] === parent)
      await c.save([{ t: 'expanded', ids: [parent] }], { queue: c.state().queue.slice(1), next: null });
  }
}

/** Lists by author the orgs added after the sweep began (their models without lineage were not kept), and
 * reads roots the journal cannot name (renamed, legacy, disabled or lineage-less models). */
export async function coverSeeds(c: CrawlContext): Promise<void> {
  for (const root of c.options.seeds.roots) if (!c.k.resolve(root)) await lookUp(c, root);
  const covered = new Set(c.state().orgsCovered.map((o) => o.toLowerCase()));
  for (const org of c.options.seeds.orgs) {
    if (covered.has(org.toLowerCase())) continue;
    await listAll(c, c.client.listingUrl({ author: org, sort: 'createdAt' }), `listed ${org}`);
    await c.save([], { orgsCovered: [...c.state().orgsCovered, org] });
  }
}

async function listAll(c: CrawlContext, first: string, message: string): Promise<void> {
  for (let url: string | null = first; url;) {
    const page = await c.client.listPage(url, c.options.signal);
    c.parseErrors.push(...page.errors);
    url = page.next;
    await c.save(
      page.models.map((model) => ({ t: 'model', model })),
      { pages: c.state().pages + 1 },
    );
    c.report(message, 0);
  }
}

/** The walk's first queue: the roots (read once each, so renamed roots get their canonical id; a disabled or
 * deleted root is still walked, since its children's tags name it) and org models, with every member already
 * known, less those already expanded (a journal's earlier walk, a published snapshot). */
async function seedWalk(c: CrawlContext): Promise<void> {
  for (const root of c.options.seeds.roots) await lookUp(c, root);
  await coverSeeds(c);
  const members = familyMembers(c.k, c.options.seeds);
  const queue = [...members.keys()]
    .filter((key) => !c.k.expanded.has(key))
    .map((key) => c.k.models.get(key)?.id ?? c.k.missing.get(key)?.id)
    .filter((id): id is string => id !== undefined);
  await c.save([], { queue, pages: Math.max(1, c.state().pages), walkSeeded: true });
}

export function sweepCost(c: CrawlContext): number {
  return Math.ceil((c.options.hubSizeEstimate ?? REAL_HUB_SIZE) / 1000);
}

/** Pages still to list at the current page size (smaller after gateway time-outs). */
function sweepPagesLeft(c: CrawlContext): number {
  if (!c.state().next) return 0;
  const left = (c.options.hubSizeEstimate ?? REAL_HUB_SIZE) - sweptSoFar(c);
  return Math.max(1, Math.ceil(left / c.client.pageSize));
}

function sweptSoFar(c: CrawlContext): number {
  return c.state().swept ?? c.state().pages * MAX_PAGE;
}
