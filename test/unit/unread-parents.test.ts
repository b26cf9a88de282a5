// Parents outside the families that the Hub's own tags name and no listing covered (#11): not looked up, kept as
// `unread` nodes whose counts and dates read as unknown everywhere (exports, cache, statistics, details panel); the
// look-ups that still tell something (a seed org's unlisted model, a parent a full sweep should have listed) stay.
import { describe, expect, it } from 'vitest';
import { buildLineage, familyMembers, pendingLookups } from '../../src/crawl/closure.ts';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import { seedRecords } from '../../src/crawl/seed.ts';
import { nodesCsv } from '../../src/export/csv.ts';
import { gexf, graphml } from '../../src/export/formats.ts';
import { parseSnapshot, makeSnapshot } from '../../src/export/snapshot.ts';
import { readNodesParquet, nodesParquet } from '../../src/export/parquet.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import type { HubModel } from '../../src/lineage/model.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives } from '../../src/stats/timeline.ts';
import { describeReport } from '../../src/ui/crawlEvents.ts';
import { detailRows } from '../../src/view/node-facts.ts';
import { node } from './fixtures.ts';
import { hubModel } from './journal-fixtures.ts';

const SEEDS = { orgs: ['Qwen'], roots: [] };
const model = (id: string, parents: HubModel['parents'], createdAt = '2026-05-01T00:00:00.000Z'): HubModel => ({
  ...hubModel(id),
  createdAt,
  downloads: 10,
  pipelineTag: 'text-generation',
  parents,
});

/** Qwen/base; a merge of it with ext/base (another lab's model, never listed); a finetune of Qwen/gone (a Qwen
 * model no listing showed: disabled or private). */
function knowledge(): Knowledge {
  const k = new Knowledge();
  k.apply([
    { t: 'model', model: model('Qwen/base', [], '2025-01-01T00:00:00.000Z') },
    {
      t: 'model',
      model: model('u/merge', [
        { id: 'Qwen/base', relation: 'merge' },
        { id: 'ext/base', relation: 'merge' },
      ]),
    },
    { t: 'model', model: model('u/ft', [{ id: 'Qwen/gone', relation: 'finetune' }]) },
    { t: 'model', model: model('u/ft2', [{ id: 'Qwen/base', relation: 'finetune' }]) },
  ]);
  return k;
}

const lookupsOf = (k: Knowledge, sweptAt: string | null) =>
  pendingLookups(k, familyMembers(k, SEEDS), { seeds: SEEDS, sweptAt }).lookups.sort();

describe('which tag parents a crawl still reads', () => {
  it('reads a seed org parent no listing showed, not a parent outside the families no listing covered', () => {
    const k = knowledge();
    // u/ft hangs under Qwen/gone, which no member leads to: it is no member, so nothing of it is asked.
    expect(lookupsOf(k, null)).toEqual([]);
    k.apply([{ t: 'model', model: model('Qwen/gone-child', [{ id: 'Qwen/gone', relation: 'finetune' }]) }]);
    expect(lookupsOf(k, null)).toEqual(['Qwen/gone']);
  });

  it('reads every parent a full sweep should have listed: its child was listed by that sweep', () => {
    const k = knowledge();
    expect(lookupsOf(k, '2026-06-01T00:00:00.000Z')).toEqual(['ext/base']);
    // A child created after the sweep began came with a refresh: its parent outside the families is not read.
    expect(lookupsOf(k, '2026-04-01T00:00:00.000Z')).toEqual([]);
  });

  it('makes an unread node of a parent it does not read, and a refused one of a parent the Hub refused', () => {
    const k = knowledge();
    const lineage = buildLineage(k, SEEDS);
    expect(lineage.nodes.find((n) => n.id === 'ext/base')).toMatchObject({
      status: 'unread',
      family: 'other',
      downloads: 0,
      created_at: '',
      pipeline_tag: '',
    });
    expect(lineage.edges).toContainEqual({ parent: 'ext/base', child: 'u/merge', relation: 'merge', cycle: false });
    k.apply([{ t: 'missing', id: 'ext/base', status: 403, relation: 'unknown', disabled: true }]);
    expect(buildLineage(k, SEEDS).nodes.find((n) => n.id === 'ext/base')?.status).toBe('disabled');
  });

  it('seeds a journal with no record of an unread parent: it comes back unread, never asked about', () => {
    const lineage = buildLineage(knowledge(), SEEDS);
    const k = new Knowledge();
    k.apply(seedRecords(lineage));
    expect(k.knows('ext/base')).toBe(false);
    expect(k.looked.has('ext/base')).toBe(false);
    expect(lookupsOf(k, null)).toEqual([]);
    const sorted = (l: Lineage) => [...l.nodes].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(buildLineage(k, SEEDS))).toEqual(sorted(lineage));
  });
});

describe('an unread node in the codecs and exports', () => {
  const lineage = buildLineage(knowledge(), SEEDS);
  const unread = lineage.nodes.find((n) => n.id === 'ext/base');

  it('round-trips through the cache, the snapshot JSON and Parquet with its status', async () => {
    expect(unread?.status).toBe('unread');
    // The cache's columns hold the models in id order.
    const byId = [...lineage.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(decodeLineage(encodeLineage(lineage))).toEqual({ ...lineage, nodes: byId });
    const json = JSON.parse(JSON.stringify(makeSnapshot(lineage, { hub: 'http://h', ...SEEDS, crawledAt: 'x' })));
    const parsed = parseSnapshot(json);
    expect(parsed.ok && parsed.snapshot.nodes).toEqual(lineage.nodes);
    expect(await readNodesParquet(nodesParquet(lineage.nodes))).toEqual(lineage.nodes);
  });

  it('writes its counts as unknown, not 0: empty CSV cells, no GEXF or GraphML value', () => {
    const row = nodesCsv(lineage)
      .split('\r\n')
      .find((r) => r.startsWith('ext/base,'));
    // id,author,family,depth,downloads,likes,created_at,pipeline_tag,library_name,license,status
    expect(row).toBe('ext/base,ext,other,0,,,,,,,unread');
    const only: Lineage = { nodes: unread ? [unread] : [], edges: [] };
    expect(gexf(only)).not.toMatch(/for="downloads"|for="likes"/);
    expect(gexf(only)).toContain('<attvalue for="status" value="unread"/>');
    expect(graphml(only)).not.toMatch(/<data key="(downloads|likes)">/);
  });

  it('is refused by the cache when a status is one this version does not know', () => {
    const stored = encodeLineage(lineage);
    stored.dicts.status.values = stored.dicts.status.values.map((v) => (v === 'unread' ? 'someday' : v));
    expect(() => decodeLineage(stored)).toThrow(/unknown status "someday"/);
  });

  it('reads "not read" in the details panel, where a read model shows its values', () => {
    const rows = new Map(detailRows(unread ?? lineage.nodes[0]!));
    for (const k of ['downloads (30 d)', 'likes', 'created', 'pipeline', 'license', 'gated'])
      expect(rows.get(k)).toBe('not read');
    expect(rows.get('status')).toMatch(/^unread: .*not read/);
    const read = new Map(detailRows(lineage.nodes.find((n) => n.id === 'u/merge')!));
    expect(read.get('downloads (30 d)')).toBe('10');
  });

  it('are counted in the app’s crawl report', () => {
    const report = { malformed: 0, firstMalformed: null, junk: 0 };
    expect(describeReport({ ...report, unread: 0 })).toBeNull();
    expect(describeReport({ ...report, unread: 16 })).toMatch(/^16 parents outside the families, .*not read/);
  });

  it('counts in no statistic as a model of the families, an undated derivative or a download', () => {
    expect(unread?.status).toBe('unread');
    const graph = createLineageGraph(lineage);
    const ix = indexLineage(graph, graph.nodes());
    const monthly = monthlyDerivatives(ix, everything(ix), ['Qwen']);
    expect(monthly.undated).toBe(0);
    expect([...(monthly.counts.get('Qwen')?.merge ?? [])].reduce((a, b) => a + b, 0)).toBe(1);
    const s = scopeStructure(ix, everything(ix), ['Qwen']);
    expect(s.downloads).toBe(lineage.nodes.reduce((sum, n) => sum + (n.status === 'unread' ? 0 : n.downloads), 0));
  });
});

describe('journals and snapshots written before the unread status', () => {
  it('still read: a parent an older crawl looked up keeps its details and is not asked about again', () => {
    const k = knowledge();
    k.apply([
      { t: 'model', model: model('ext/base', [], '2024-01-01T00:00:00.000Z') },
      { t: 'looked', id: 'ext/base' },
    ]);
    expect(buildLineage(k, SEEDS).nodes.find((n) => n.id === 'ext/base')).toMatchObject({
      status: 'ok',
      downloads: 10,
      family: 'other',
    });
    expect(lookupsOf(k, '2026-06-01T00:00:00.000Z')).toEqual([]);
  });

  it('an older snapshot JSON, with refused nodes and no unread one, parses as it was', () => {
    const nodes = [
      { ...node('Qwen/base'), status: 'ok' },
      { ...node('gone/x', { created_at: '' }), status: 'missing' },
      { ...node('off/x', { created_at: '' }), status: 'disabled' },
    ];
    const old = { format: 'forkscope-snapshot', v: 1, hub: 'http://h', ...SEEDS, crawledAt: 'x', nodes, edges: [] };
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(old)));
    expect(parsed.ok && parsed.snapshot.nodes.map((n) => n.status)).toEqual(['ok', 'missing', 'disabled']);
  });
});
