// The crawl journal seeded from a published snapshot gives the snapshot back (buildLineage over its records), with
// refused models journaled as looked up, and a finished state whose start is the watermark, which the crawler's
// refresh lists from.
import { describe, expect, it } from 'vitest';
import { buildLineage } from '../../src/crawl/closure.ts';
import { Crawler } from '../../src/crawl/crawler.ts';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { primedJournal, seedJournal, seedRecords, seededState } from '../../src/crawl/seed.ts';
import { HubClient } from '../../src/hub/client.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { edge, node, smallLineage } from './fixtures.ts';

const SEEDS = { orgs: ['Q', 'L'], roots: [] };
const sorted = (l: Lineage) => ({
  nodes: [...l.nodes].sort((a, b) => a.id.localeCompare(b.id)),
  edges: [...l.edges].sort((a, b) => `${a.parent} ${a.child}`.localeCompare(`${b.parent} ${b.child}`)),
});

/** smallLineage with its families labelled as buildLineage labels org seeds, a deleted parent and a disabled one. */
function snapshotLineage(): Lineage {
  const l = smallLineage();
  const family = (id: string) => (id.startsWith('L/') ? 'L' : 'Q');
  const nodes = l.nodes.map((n) => ({ ...n, family: family(n.id), depth: 0 }));
  nodes.push(
    node('gone/base', { family: 'Q', status: 'missing', created_at: '', author: 'gone', pipeline_tag: '' }),
    node('off/base', { family: 'Q', status: 'disabled', created_at: '', author: 'off', pipeline_tag: '' }),
  );
  for (const n of nodes) if (n.status !== 'ok') Object.assign(n, { library_name: '', license: '' });
  const edges = [...l.edges, edge('gone/base', 'u/ft1', 'merge'), edge('off/base', 'u/ft1', 'merge')];
  // The depths a crawl computes, so the round trip compares like with like.
  const rebuilt = buildLineage(knowledgeOf({ nodes, edges }), SEEDS);
  return { nodes: nodes.map((n) => ({ ...n, depth: rebuilt.nodes.find((r) => r.id === n.id)?.depth ?? -1 })), edges };
}

function knowledgeOf(l: Lineage): Knowledge {
  const k = new Knowledge();
  k.apply(seedRecords(l));
  return k;
}

describe('a journal seeded from a snapshot', () => {
  it('rebuilds the same lineage, refused parents included', () => {
    const snap = snapshotLineage();
    const k = knowledgeOf(snap);
    expect(sorted(buildLineage(k, SEEDS))).toEqual(sorted(snap));
    expect(k.missing.get('gone/base')).toMatchObject({ status: 404 });
    expect(k.missing.get('off/base')).toMatchObject({ disabled: true });
    // Refused models count as asked: a resume never reads them again.
    expect(k.looked.has('gone/base') && k.looked.has('off/base')).toBe(true);
  });

  it('is a finished crawl that began at the watermark, for the seeds of the snapshot', () => {
    const state = seededState({
      hub: 'http://h',
      seeds: SEEDS,
      watermark: '2026-10-01T00:00:00.000Z',
      finishedAt: '2026-10-02T00:00:00.000Z',
    });
    expect(state).toMatchObject({
      phase: 'done',
      startedAt: '2026-10-01T00:00:00.000Z',
      hub: 'http://h',
      seeds: SEEDS,
    });
    // The snapshot holds the families, not a sweep's every lineage model: new seeds must be walked or swept.
    expect(state.strategy).toBe('walk');
  });

  it('opens in the crawler as a finished crawl, without a request', async () => {
    const snap = snapshotLineage();
    const journal = new MemoryJournal();
    const hub = 'http://127.0.0.1:9';
    await seedJournal(journal, snap, {
      hub,
      seeds: SEEDS,
      watermark: '2026-10-01T00:00:00.000Z',
      finishedAt: '2026-10-01T00:00:00.000Z',
    });
    const client = new HubClient({ hubUrl: hub, quota: 100, windowMs: 1000, maxAttempts: 1 });
    const result = await new Crawler(client, journal, { seeds: SEEDS }).run();
    expect(client.http.requests).toBe(0);
    expect(sorted(result.lineage)).toEqual(sorted(snap));
  });

  it('is handed to the crawler as written, without reading it back; later loads read the journal', async () => {
    const snap = snapshotLineage();
    const journal = new MemoryJournal();
    let reads = 0;
    const load = journal.load.bind(journal);
    journal.load = () => (reads++, load());
    const hub = 'http://127.0.0.1:9';
    const seed = { hub, seeds: SEEDS, watermark: '2026-10-01T00:00:00.000Z', finishedAt: '2026-10-01T00:00:00.000Z' };
    const written = await seedJournal(journal, snap, seed);
    expect(written).toEqual(await load());
    const primed = primedJournal(journal, written);
    const client = new HubClient({ hubUrl: hub, quota: 100, windowMs: 1000, maxAttempts: 1 });
    const result = await new Crawler(client, primed, { seeds: SEEDS }).run();
    expect(reads).toBe(0);
    expect(sorted(result.lineage)).toEqual(sorted(snap));
    // What the crawler appended went to the journal underneath, and a second load reads it there.
    expect(await primed.load()).toEqual(await load());
    expect(reads).toBe(1);
  });
});
