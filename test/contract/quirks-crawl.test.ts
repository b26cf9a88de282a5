// The crawler through every quirk of the real Hub at once (hub-api.md §9): disabled repos (403) as parents, card
// entries and a root; refused and malformed look-ups; PEFT local-path and unknown-relation tags; legacy dates.
// Full recall, no junk node, no wrong edge; killed at many points, it resumes and never asks about an id twice.
import { describe, expect, it } from 'vitest';
import { Crawler, type CrawlResult } from '../../src/crawl/crawler.ts';
import { MemoryJournal, type CrawlRecord, type CrawlState } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { isRepoId } from '../../src/lineage/repo-id.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { LOCAL_PATH_TAGS, QUIRK, UNKNOWN_RELATION_TAG } from '../hub/quirks.ts';
import { syntheticHub, useHub } from './helpers.ts';
import { expectFaithful } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = syntheticHub(20_000);
const hub = useHub(() => ({ dataset, quota: 1_000_000 }));
const PAGES = () => Math.ceil(hub().catalog.size / 1000);

/** The Hub's answers to a few look-ups, made hostile: a 400, and a 200 cut short on every try. */
const HOSTILE: Record<string, () => Response> = {
  [FIXTURE.deletedParent]: () =>
    new Response('{"error":"Invalid repo name"}', {
      status: 400,
      headers: { 'content-type': 'application/json', 'x-error-message': 'Invalid repo name' },
    }),
  [FIXTURE.privateParent]: () =>
    new Response('{"_id":"66e7750000000000000000aa","id":"secret-lab/priv', {
      headers: { 'content-type': 'application/json' },
    }),
};

const hostileFetch: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const id = url.pathname.match(/^\/api\/models\/([^/]+\/[^/]+)/)?.[1];
  const answer = id ? HOSTILE[decodeURIComponent(id)] : undefined;
  return answer ? answer() : fetch(input, init);
};

const client = () =>
  new HubClient({
    hubUrl: hub().url,
    quota: 1_000_000,
    windowMs: 300_000,
    baseDelayMs: 1,
    maxAttempts: 3,
    fetch: hostileFetch,
  });

describe('a crawl through every quirk of the real Hub', () => {
  it('keeps full recall and makes no junk node; refusals are nodes with a status, junk tags are counted', async () => {
    hub().resetStats();
    const result = await new Crawler(client(), new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
    const { lineage, knowledge } = result;
    expectFaithful(lineage, dataset, SEEDS);
    const node = (id: string) => lineage.nodes.find((n) => n.id === id);
    expect(node(QUIRK.disabledParent)?.status).toBe('disabled');
    expect(node(QUIRK.disabledCard)?.status).toBe('disabled');
    expect(node(FIXTURE.deletedParent)?.status).toBe('missing');
    expect(knowledge.missing.get(FIXTURE.deletedParent.toLowerCase())?.reason).toMatch(/400.*Invalid repo name/);
    expect(node(FIXTURE.privateParent)?.status).toBe('missing');
    expect(knowledge.missing.get(FIXTURE.privateParent.toLowerCase())?.reason).toMatch(/truncated/);
    // Junk tags: counted with examples, never a parent, never asked about.
    expect(lineage.edges.filter((e) => e.child === QUIRK.distilled).map((e) => e.parent)).toEqual([
      FIXTURE.qwenInstruct,
    ]);
    expect(result.junkTags.count).toBeGreaterThanOrEqual(3);
    const tags = [...knowledge.junkTags.values()].flatMap((j) => j.tags);
    expect(tags).toEqual(expect.arrayContaining([...LOCAL_PATH_TAGS, UNKNOWN_RELATION_TAG]));
    expect(result.junkTags.examples.length).toBeGreaterThan(0);
    const asked = Object.keys(hub().stats().infoById);
    expect(asked.filter((id) => !isRepoId(id))).toEqual([]);
    expect(Object.values(hub().stats().infoById).every((n) => n === 1)).toBe(true);
    expect(node(QUIRK.junkOnlyAdapter)).toBeUndefined();
    expect(node(QUIRK.legacyChild)).toBeUndefined(); // gpt2's family is not seeded here
    expect(hub().stats().listRequests).toBe(PAGES());
  });

  it('walks from a disabled root: the root is a disabled node, its children are found', async () => {
    const seeds = { orgs: [] as string[], roots: [QUIRK.disabledRoot, FIXTURE.legacy] };
    const { lineage } = await new Crawler(client(), new MemoryJournal(), { seeds, strategy: 'walk' }).run();
    expectFaithful(lineage, dataset, seeds);
    expect(lineage.nodes.find((n) => n.id === QUIRK.disabledRoot)).toMatchObject({ status: 'disabled', depth: 0 });
    const children = lineage.edges.filter((e) => e.parent === QUIRK.disabledRoot).map((e) => e.child);
    expect(children.sort()).toEqual([...QUIRK.disabledRootChildren].sort());
    expect(lineage.nodes.find((n) => n.id === QUIRK.legacyChild)?.created_at).toBe('2022-03-02T23:29:04.000Z');
  });
});

/** A journal that dies on its nth append, before writing it: a kill in the middle of saving. */
class DyingJournal extends MemoryJournal {
  constructor(private left: number) {
    super();
  }
  override async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    if (this.left-- <= 0) throw new Error('killed while saving');
    return super.append(records, state);
  }
}

const sortedEdges = (r: CrawlResult) => r.lineage.edges.map((e) => `${e.parent}>${e.child}:${e.relation}`).sort();

describe('killed at any point', () => {
  it('resumes after kills between saves without asking twice about any model, listing again at most the page in flight', async () => {
    const whole = await wholeRun();
    hub().resetStats();
    const journal = new MemoryJournal();
    let resumes = 0;
    let result: CrawlResult | null = null;
    // Kill after the 1st, 5th, 12th... report of each run: in the sweep, at its last page, between look-ups.
    for (const killAt of [1, 5, PAGES() - 8, 1, 1, 1, 1, 10_000]) {
      const abort = new AbortController();
      let reports = 0;
      const crawler = new Crawler(client(), journal, {
        seeds: SEEDS,
        hubSizeEstimate: 20_000,
        signal: abort.signal,
        onProgress: () => void (++reports === killAt && abort.abort(new Error('killed'))),
      });
      if (journal.state) resumes++;
      result = await crawler.run().catch(() => null);
      if (result) break;
    }
    expect(result).not.toBeNull();
    expect(resumes).toBe(7);
    expect(sortedEdges(result as CrawlResult)).toEqual(sortedEdges(whole.result));
    // A kill in the sweep may catch the next page in flight (asked for while the last one was saved).
    expect(hub().stats().listRequests).toBeGreaterThanOrEqual(PAGES());
    expect(hub().stats().listRequests).toBeLessThanOrEqual(PAGES() + resumes);
    // Each look-up once, as in a run never killed; besides them, one read of the journal's sentinel model per
    // resume, to check the Hub is the same one.
    const asked = hub().stats().infoById;
    for (const id of whole.lookedUp) expect(asked[id], id).toBe(1);
    const sentinelReads = Object.entries(asked).filter(([id]) => !whole.lookedUp.includes(id));
    expect(sentinelReads.reduce((sum, [, n]) => sum + n, 0)).toBe(resumes);
  });

  it('resumes after kills while saving, asking again at most the one id whose answer was lost', async () => {
    const whole = await wholeRun();
    hub().resetStats();
    let journal = new MemoryJournal();
    let kills = 0;
    let result: CrawlResult | null = null;
    for (const n of [2, PAGES() - 5, 4, 1, 1, 1, 1, 10_000]) {
      const dying = new DyingJournal(n);
      dying.records = journal.records;
      dying.state = journal.state;
      journal = dying;
      result = await new Crawler(client(), dying, { seeds: SEEDS, hubSizeEstimate: 20_000 }).run().catch((e) => {
        expect((e as Error).message).toBe('killed while saving');
        kills++;
        return null;
      });
      if (result) break;
    }
    expect(kills).toBeGreaterThanOrEqual(6);
    expect(sortedEdges(result as CrawlResult)).toEqual(sortedEdges(whole.result));
    expect(hub().stats().listRequests).toBeLessThanOrEqual(PAGES() + kills);
    const asked = hub().stats().infoById;
    const extra = whole.lookedUp.reduce((sum, id) => sum + (asked[id] ?? 0) - 1, 0);
    expect(extra).toBeLessThanOrEqual(kills);
    expect(Math.max(...whole.lookedUp.map((id) => asked[id] ?? 0))).toBeLessThanOrEqual(2);
  });
});

/** A crawl never killed: its result and the ids it looked up. */
async function wholeRun(): Promise<{ result: CrawlResult; lookedUp: string[] }> {
  hub().resetStats();
  const result = await new Crawler(client(), new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
  return { result, lookedUp: Object.keys(hub().stats().infoById) };
}
