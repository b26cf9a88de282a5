// The crawler against the local Hub: every reachable edge, few requests, the corner cases of §5, faults and a
// small quota, resumption after an interruption, the walk strategy and incremental refresh.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal, type CrawlJournal } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { QUIRK } from '../hub/quirks.ts';
import { startLocalHub } from '../hub/server.ts';
import { syntheticHub, useHub } from './helpers.ts';
import { edgeRecall, reachableTruth } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = syntheticHub(20_000);
const hub = useHub(() => ({ dataset, quota: 1_000_000 }));
const client = (extra: Partial<ConstructorParameters<typeof HubClient>[0]> = {}) =>
  new HubClient({ hubUrl: hub().url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5, ...extra });

describe('sweep crawl of the Qwen and meta-llama orgs', () => {
  it('finds every reachable edge with about one request per 1,000 Hub models', async () => {
    hub().resetStats();
    const { lineage, state } = await new Crawler(client(), new MemoryJournal(), {
      seeds: SEEDS,
      hubSizeEstimate: 20_000,
    }).run();
    const truth = reachableTruth(dataset, SEEDS);
    expect(edgeRecall(lineage.edges, truth).missed).toEqual([]);
    expect(state.requests).toBe(hub().stats().requests);
    expect(hub().stats().listRequests).toBe(Math.ceil(hub().catalog.size / 1000));
    expect(hub().stats().infoRequests).toBeLessThanOrEqual(5);
    expect(state.phase).toBe('done');
  });

  it('survives the corner cases: merges, renames, missing and private parents, cycles, self-references, junk', async () => {
    const { lineage, knowledge } = await new Crawler(client(), new MemoryJournal(), {
      seeds: SEEDS,
      hubSizeEstimate: 20_000,
    }).run();
    const node = (id: string) => lineage.nodes.find((n) => n.id === id);
    const parentsOf = (id: string) =>
      lineage.edges
        .filter((e) => e.child === id)
        .map((e) => e.parent)
        .sort();
    expect(parentsOf(FIXTURE.merge7)).toHaveLength(7);
    expect(node(FIXTURE.deletedParent)?.status).toBe('missing');
    expect(node(FIXTURE.privateParent)?.status).toBe('missing');
    expect(parentsOf(FIXTURE.deletedParentMerge)).toEqual([FIXTURE.deletedParent, FIXTURE.llamaInstruct]);
    // Disabled repos are unlisted and answer 403: named as a tag parent or a card entry, they are 'disabled' nodes.
    expect(node(QUIRK.disabledParent)?.status).toBe('disabled');
    expect(node(QUIRK.disabledCard)?.status).toBe('disabled');
    expect(parentsOf(QUIRK.disabledCardChild)).toEqual([FIXTURE.qwenInstruct, QUIRK.disabledCard]);
    expect(node(FIXTURE.llamaInstruct)?.gated).toBe('manual');
    expect(parentsOf(FIXTURE.renamedParentChild)).toEqual([FIXTURE.llamaInstruct]);
    expect(lineage.nodes.filter((n) => n.id.toLowerCase() === FIXTURE.llamaOldName.toLowerCase())).toEqual([]);
    expect(lineage.edges.some((e) => e.parent === e.child)).toBe(false);
    const pair: string[] = [FIXTURE.cycleA, FIXTURE.cycleB];
    const cycle = lineage.edges.filter((e) => pair.includes(e.child) && pair.includes(e.parent));
    expect(cycle).toHaveLength(2);
    expect(cycle.filter((e) => e.cycle)).toHaveLength(1);
    expect(node(FIXTURE.chainTip)?.depth).toBeGreaterThan(10);
    expect(knowledge.junk).toContainEqual({
      t: 'junk',
      child: FIXTURE.localPathMerge,
      raw: 'D:/Huggingface/Qwen2.5-7B',
    });
    expect(node(FIXTURE.localPathOrphan)).toBeUndefined();
    expect(new Set(lineage.nodes.map((n) => n.family))).toEqual(new Set(['Qwen', 'meta-llama', 'other']));
  });

  it('loses nothing under faults and a small quota, and never trips the rate limit', async () => {
    const faulty = await startLocalHub({
      dataset,
      quota: 12,
      windowSeconds: 1,
      faults: { rate: 0.25, seed: 9, kinds: ['error500', 'error503', 'timeout504', 'drop', 'truncate'] },
    });
    try {
      const c = new HubClient({ hubUrl: faulty.url, quota: 12, windowMs: 1000, baseDelayMs: 5 });
      const { lineage } = await new Crawler(c, new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
      expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).missed).toEqual([]);
      const byStatus = faulty.stats().byStatus;
      expect(byStatus[429]).toBeUndefined();
      expect((byStatus[500] ?? 0) + (byStatus[503] ?? 0) + (byStatus[504] ?? 0)).toBeGreaterThan(0);
    } finally {
      await faulty.close();
    }
  });

  it('recovers from 429s, also those a browser sees as network errors', async () => {
    const limited = await startLocalHub({ dataset, quota: 1_000_000, windowSeconds: 1 });
    try {
      limited.injectNext('rateLimitNoCors', 2);
      const c = new HubClient({ hubUrl: limited.url, quota: 1_000_000, windowMs: 1000, baseDelayMs: 5 });
      const { lineage } = await new Crawler(c, new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
      expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).recall).toBe(1);
      expect(limited.stats().byStatus[429]).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('resumes an interrupted crawl without fetching again what it has', async () => {
    hub().resetStats();
    const journal = new MemoryJournal();
    const abort = new AbortController();
    const first = new Crawler(client(), journal, {
      seeds: SEEDS,
      hubSizeEstimate: 20_000,
      signal: abort.signal,
      onProgress: (p) => void (p.pages === 7 && abort.abort(new Error('tab closed'))),
    });
    await expect(first.run()).rejects.toThrow('tab closed');
    const spentBefore = hub().stats().requests;
    expect(journal.state?.pages).toBe(7);
    expect([7, 8]).toContain(spentBefore);
    const { lineage, state } = await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
    expect(edgeRecall(lineage.edges, reachableTruth(dataset, SEEDS)).recall).toBe(1);
    // The 8th page was asked for while the 7th was saved: it may have reached the Hub before the stop, and is
    // then asked for again (the journal has only what it saved, and counts only the requests before its save).
    const inFlight = hub().stats().listRequests - Math.ceil(hub().catalog.size / 1000);
    expect([0, 1]).toContain(inFlight);
    expect(state.requests).toBe(hub().stats().requests - inFlight);
  });
});

describe('look-ups in the journal', () => {
  it('keeps one record per look-up, and resolving again never asks twice, old journals included', async () => {
    hub().resetStats();
    const journal = new MemoryJournal();
    await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
    const looked = journal.records.flatMap((r) => (r.t === 'looked' ? [r.id] : []));
    expect(looked.length).toBeGreaterThan(0);
    expect(looked).toHaveLength(hub().stats().infoRequests);
    expect(journal.state?.looked).toEqual([]);
    // An old journal kept its look-ups in the state instead (and had no Hub identity): both resolve again
    // without a single look-up; the new one reads its sentinel model once to check it is the same Hub.
    const legacy = new MemoryJournal();
    legacy.records = journal.records.filter((r) => r.t !== 'looked');
    legacy.state = { ...(journal.state as NonNullable<typeof journal.state>), looked, identity: undefined };
    const sentinel = journal.state?.identity?.id.toLowerCase() ?? '';
    for (const j of [journal, legacy]) {
      j.state = { ...(j.state as NonNullable<typeof j.state>), phase: 'resolving', finishedAt: null };
      hub().resetStats();
      const { state } = await new Crawler(client(), j, { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
      expect(state.phase).toBe('done');
      expect(hub().stats().requests).toBe(j === journal ? 1 : 0);
      expect(hub().stats().infoById).toEqual(j === journal ? { [sentinel]: 1 } : {});
    }
  });
});

describe('changing the seeds after a sweep', () => {
  it('adds a family with an author listing and a few look-ups, not another sweep', async () => {
    const journal = new MemoryJournal();
    await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 20_000 }).run();
    hub().resetStats();
    const more = { orgs: [...SEEDS.orgs, 'mistralai'], roots: ['gpt2'] };
    const { lineage } = await new Crawler(client(), journal, { seeds: more, hubSizeEstimate: 20_000 }).run();
    expect(hub().stats().requests).toBeLessThanOrEqual(6);
    expect(
      edgeRecall(lineage.edges, reachableTruth(dataset, { orgs: more.orgs, roots: [FIXTURE.legacy] })).missed,
    ).toEqual([]);
    expect(new Set(lineage.nodes.map((n) => n.family))).toContain('mistralai');
    expect(lineage.nodes.find((n) => n.id === FIXTURE.legacy)?.family).toBe('gpt2');
  });
});

describe('walk crawl of a single root', () => {
  it('finds every descendant of the root with one listing per model', async () => {
    hub().resetStats();
    const seeds = { orgs: [], roots: ['Qwen/Qwen2.5-0.5B'] };
    const { lineage } = await new Crawler(client(), new MemoryJournal(), { seeds, strategy: 'walk' }).run();
    const truth = reachableTruth(dataset, seeds);
    expect(edgeRecall(lineage.edges, truth).missed).toEqual([]);
    expect(hub().stats().listRequests).toBeGreaterThanOrEqual(new Set(truth.map((e) => e.child)).size);
  });

  it('adds a root to a walked journal by walking only what it did not expand', async () => {
    const walkOf = async (roots: string[], journal = new MemoryJournal()) => {
      hub().resetStats();
      const { lineage } = await new Crawler(client(), journal, { seeds: { orgs: [], roots }, strategy: 'walk' }).run();
      return { lineage, listings: hub().stats().listRequests };
    };
    const journal = new MemoryJournal();
    const first = await walkOf([FIXTURE.qwenInstruct], journal);
    // The base is known by now (the instruct model's parent, read once): it is walked all the same, its instruct
    // subtree is not listed again.
    const both = [FIXTURE.qwenInstruct, FIXTURE.qwenBase];
    const added = await walkOf(both, journal);
    const cold = await walkOf(both);
    const edges = (l: typeof cold.lineage) => new Set(l.edges.map((e) => `${e.parent} ${e.child} ${e.relation}`));
    expect(edges(added.lineage)).toEqual(edges(cold.lineage));
    expect(edgeRecall(added.lineage.edges, reachableTruth(dataset, { orgs: [], roots: both })).missed).toEqual([]);
    expect(first.listings).toBeGreaterThan(10);
    expect(added.listings).toBeLessThanOrEqual(cold.listings - first.listings);
  });

  it("walks on after a stop during the seeds' author listings", async () => {
    const seeds = { orgs: ['deepseek-ai'], roots: [] };
    // The tab closes right after the first author page is saved, before the walk's first queue is.
    const journal = new MemoryJournal();
    let open = true;
    const closing: CrawlJournal = {
      load: () => journal.load(),
      clear: () => journal.clear(),
      append: async (records, state) => {
        if (!open) throw new Error('tab closed');
        await journal.append(records, state);
        if (state.pages > 0 && state.queue.length === 0) open = false;
      },
    };
    await expect(new Crawler(client(), closing, { seeds, strategy: 'walk' }).run()).rejects.toThrow('tab closed');
    expect(journal.state?.pages).toBeGreaterThan(0);
    expect(journal.state?.queue).toEqual([]);
    const { lineage } = await new Crawler(client(), journal, { seeds, strategy: 'walk' }).run();
    expect(lineage.nodes.length).toBeGreaterThan(100);
    expect(edgeRecall(lineage.edges, reachableTruth(dataset, seeds)).missed).toEqual([]);
  });

  it('weighs only its own requests when a later walk decides whether a sweep is cheaper', async () => {
    const journal = new MemoryJournal();
    hub().resetStats();
    const first = { orgs: [], roots: ['deep-chain/step-1'] };
    await new Crawler(client(), journal, { seeds: first }).run();
    const spent = hub().stats().requests;
    // A sweep costs one request more than the first walk spent: walking a two-model cycle too stays cheaper.
    const hubSizeEstimate = (spent + 1) * 1000;
    const both = { orgs: [], roots: ['deep-chain/step-1', FIXTURE.cycleA] };
    const { state } = await new Crawler(client(), journal, { seeds: both, hubSizeEstimate }).run();
    expect(spent).toBeGreaterThan(10);
    expect(state.strategy).toBe('walk');
  });

  it('resolves a renamed root and hands over to a sweep when a walk would cost more', async () => {
    hub().resetStats();
    const seeds = { orgs: [], roots: [FIXTURE.llamaOldName] };
    const { lineage, state } = await new Crawler(client(), new MemoryJournal(), {
      seeds,
      hubSizeEstimate: 20_000,
    }).run();
    expect(state.strategy).toBe('sweep');
    const truth = reachableTruth(dataset, { orgs: [], roots: [FIXTURE.llamaInstruct] });
    expect(edgeRecall(lineage.edges, truth).missed).toEqual([]);
    expect(hub().stats().listRequests).toBeLessThan(3 * Math.ceil(hub().catalog.size / 1000));
  });
});
