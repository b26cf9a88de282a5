// What the dynamics worker computes for the panel (src/workers/dynamics.ts) is what the statistics give when called
// one by one on the same scope: the panel's numbers did not change by moving off the main thread.
import { describe, expect, it, vi } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import { cumulativeCounts } from '../../src/stats/compare.ts';
import { crossFamilyMerges, distillations } from '../../src/stats/crossings.ts';
import { licenseChangeAt, licenseChanges, licenseTransitions } from '../../src/stats/licenses.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives } from '../../src/stats/timeline.ts';
import { emptyFilters } from '../../src/view/state.ts';
import {
  computeDynamics,
  computeStats,
  dynamicsSource,
  requestScope,
  type DynamicsParams,
} from '../../src/workers/dynamics.ts';
import { listCsv, SHOWN_ROWS } from '../../src/workers/dynamics-tables.ts';
import type { DynamicsRequest, DynamicsResponse } from '../../src/workers/dynamics.worker.ts';
import { csvRows } from '../e2e/downloads.ts';
import { syntheticLineage } from '../bench/synthetic.ts';

const lineage = syntheticLineage(3000, 4);
const params: DynamicsParams = {
  filters: emptyFilters(),
  focus: null,
  kind: 'all',
  communityOnly: false,
  families: ['Qwen', 'meta-llama', 'mistralai'],
  groups: [{ name: 'both', members: ['Qwen', 'meta-llama'] }],
  scope: 'all',
  selected: [],
};

describe('the dynamics worker', () => {
  const src = dynamicsSource(lineage);
  // The graph of the lineage as the worker holds it: encoded, so its models in id order.
  const graph = createLineageGraph(decodeLineage(encodeLineage(lineage)));
  const ix = indexLineage(graph, graph.nodes());
  const all = everything(ix);

  it('gives the monthly derivatives, the comparison and the statistics the stats modules give', () => {
    const data = computeDynamics(src, params);
    expect(data.present).toEqual(['Qwen', 'meta-llama']);
    expect(data.byFamily).toEqual(monthlyDerivatives(ix, all, ['Qwen', 'meta-llama']));
    expect(data.comparison).toEqual(cumulativeCounts(ix, all, ['Qwen', 'meta-llama'], params.groups, null));
    expect(data.stats.structure).toEqual(scopeStructure(ix, all, ['Qwen', 'meta-llama']));
    expect(data.scope).toBe('all');
  });

  it('keeps the lists in full for their CSV, and sends their sizes, summaries and first rows', () => {
    const { data, lists } = computeStats(src, params, requestScope(src, params));
    const licenses = licenseChanges(ix, all);
    expect(lists.merges).toEqual(crossFamilyMerges(ix, all));
    expect(lists.distilled).toEqual(distillations(ix, all));
    expect(Array.from(lists.licenses.child, (_c, k) => licenseChangeAt(lists.ix, lists.licenses, k))).toEqual(licenses);
    const l = data.stats.licenses;
    expect(l.total).toBe(licenses.length);
    expect(l.total).toBeGreaterThan(SHOWN_ROWS);
    expect(l.transitions).toEqual(licenseTransitions(licenses).slice(0, 15));
    expect(l.morePermissive).toBe(licenses.filter((c) => c.direction === 'more permissive').length);
    expect(l.head).toHaveLength(SHOWN_ROWS);
    expect(l.head[0]).toEqual({
      child: licenses[0]?.child,
      parent: licenses[0]?.parent,
      relation: licenses[0]?.relation,
      parent_license: licenses[0]?.parentLicense,
      child_license: licenses[0]?.childLicense,
      direction: licenses[0]?.direction,
    });
    const csv = csvRows(Buffer.from(listCsv('license-edges', lists)));
    expect(csv).toHaveLength(licenses.length);
    expect(csv.slice(0, SHOWN_ROWS)).toEqual(l.head);
  });

  it('narrows the statistics to a family or a selection, and falls back to all for an empty one', () => {
    const llama = computeDynamics(src, { ...params, scope: 'meta-llama' });
    expect(llama.stats.structure.models).toBe(lineage.nodes.filter((n) => n.family === 'meta-llama').length);
    const picked = lineage.nodes.slice(0, 40).map((n) => n.id);
    expect(computeDynamics(src, { ...params, scope: 'selection', selected: picked }).stats.structure.models).toBe(40);
    expect(computeDynamics(src, { ...params, scope: 'selection', selected: [] }).scope).toBe('all');
    expect(computeDynamics(src, { ...params, scope: 'mistralai' }).scope).toBe('all');
  });

  it('follows the time slider in the statistics and the comparison, not in the monthly chart', () => {
    const asOf = computeDynamics(src, { ...params, filters: { ...emptyFilters(), asOf: '2024-06' } });
    const whole = computeDynamics(src, params);
    expect(asOf.byFamily).toEqual(whole.byFamily);
    expect(asOf.comparison.asOf).toBe('2024-06');
    expect(asOf.stats.structure.models).toBeLessThan(whole.stats.structure.models);
  });
});

describe('the dynamics worker’s messages', () => {
  it('answers the first view first, then the statistics, and makes a list’s CSV of the statistics it sent', async () => {
    const sent: DynamicsResponse[] = [];
    const fake = {
      onmessage: null as ((e: { data: DynamicsRequest }) => void) | null,
      postMessage: (m: DynamicsResponse) => sent.push(m),
    };
    vi.stubGlobal('self', fake);
    await import('../../src/workers/dynamics.worker.ts');
    const ask = (data: DynamicsRequest) => fake.onmessage?.({ data });
    ask({ type: 'lineage', lineage: encodeLineage(lineage) });
    ask({ type: 'compute', id: 1, params });
    await vi.waitFor(() => expect(sent.some((m) => m.type === 'stats')).toBe(true));
    const kinds = sent.map((m) => (m.type === 'progress' ? m.stage : m.type));
    expect(kinds).toEqual(['indexing', 'computing', 'timeline', 'statistics', 'stats']);
    const whole = computeDynamics(dynamicsSource(lineage), params);
    const timeline = sent.find((m) => m.type === 'timeline');
    expect(timeline?.type === 'timeline' && timeline.data).toEqual({
      present: whole.present,
      byFamily: whole.byFamily,
      comparison: whole.comparison,
    });
    const stats = sent.find((m) => m.type === 'stats');
    expect(stats?.type === 'stats' && stats.data).toEqual({ scope: whole.scope, stats: whole.stats });

    ask({ type: 'table', id: 7, answer: 1, name: 'license-edges' });
    const table = sent.at(-1);
    expect(table?.type === 'table' && csvRows(Buffer.from(table.csv)).length).toBe(whole.stats.licenses.total);
    // A CSV of statistics no longer held (a newer request answered) is refused, not made of other numbers.
    ask({ type: 'compute', id: 2, params: { ...params, scope: 'meta-llama' } });
    await vi.waitFor(() => expect(sent.at(-1)?.type).toBe('stats'));
    ask({ type: 'table', id: 8, answer: 1, name: 'license-edges' });
    expect(sent.at(-1)).toMatchObject({ type: 'table-error', id: 8 });
    vi.unstubAllGlobals();
  });
});
