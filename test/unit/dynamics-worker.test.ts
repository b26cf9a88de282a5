// What the dynamics worker computes for the panel (src/workers/dynamics.ts) is what the statistics give when called
// one by one on the same scope: the panel's numbers did not change by moving off the main thread.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { cumulativeCounts } from '../../src/stats/compare.ts';
import { licenseChanges } from '../../src/stats/licenses.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives } from '../../src/stats/timeline.ts';
import { emptyFilters } from '../../src/view/state.ts';
import { computeDynamics, dynamicsSource, type DynamicsParams } from '../../src/workers/dynamics.ts';
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
  const graph = createLineageGraph(lineage);
  const ix = indexLineage(graph, graph.nodes());
  const all = everything(ix);

  it('gives the monthly derivatives, the comparison and the statistics the stats modules give', () => {
    const data = computeDynamics(src, params);
    expect(data.present).toEqual(['Qwen', 'meta-llama']);
    expect(data.byFamily).toEqual(monthlyDerivatives(ix, all, ['Qwen', 'meta-llama']));
    expect(data.comparison).toEqual(cumulativeCounts(ix, all, ['Qwen', 'meta-llama'], params.groups, null));
    expect(data.stats.structure).toEqual(scopeStructure(ix, all, ['Qwen', 'meta-llama']));
    expect(data.stats.licenses).toEqual(licenseChanges(ix, all));
    expect(data.scope).toBe('all');
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
