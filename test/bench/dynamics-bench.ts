// Dynamics benchmark: what the family-dynamics panel computes when it opens (the lineage index, then visibility,
// monthly derivatives, the crossover answer, the scope's structure, license changes, crossings) against the radial
// layout of the same graph, the full-graph recomputation the explorer already makes; and subtree downloads by one
// ancestor walk per model against the obvious way, a descendants() walk per parent.
import { createLineageGraph, type LineageGraph } from '../../src/graph/graph.ts';
import { descendants } from '../../src/graph/queries.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { computeVisible } from '../../src/view/visibility.ts';
import { crossFamilyMerges, distillations } from '../../src/stats/crossings.ts';
import { crossoverAnswer } from '../../src/stats/crossover.ts';
import { licenseChanges } from '../../src/stats/licenses.ts';
import { scopeStructure, subtreeDownloads } from '../../src/stats/structure.ts';
import { everything, incomingOf, indexLineage, type LineageIndex } from '../../src/stats/lineage-index.ts';
import { monthlyDerivatives } from '../../src/stats/timeline.ts';
import { emptyFilters } from '../../src/view/state.ts';

const FAMILIES = ['Qwen', 'meta-llama'];

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

/** What the panel computes when filters or scope change, over an index built when the graph changed. */
function panelRefresh(graph: LineageGraph, ix: LineageIndex): number {
  const relations = incomingOf(ix);
  const scope = computeVisible(graph, rowsOfGraph(graph, ix.ids), relations, emptyFilters(), null);
  const monthly = monthlyDerivatives(ix, scope, FAMILIES);
  crossoverAnswer(monthly, 'Qwen', 'meta-llama', 3);
  scopeStructure(ix, scope, FAMILIES);
  licenseChanges(ix, scope);
  crossFamilyMerges(ix, scope);
  distillations(ix, scope);
  return monthly.months.length;
}

/** The total over all subtrees, so the work cannot be optimised away. */
function naiveSubtrees(graph: LineageGraph): number {
  let total = 0;
  graph.forEachNode((id) => {
    if (graph.outDegree(id) === 0) return;
    total += graph.getNodeAttribute(id, 'downloads');
    for (const d of descendants(graph, id)) total += graph.getNodeAttribute(d, 'downloads');
  });
  return total;
}

export function dynamicsBench(lineage: Lineage): Record<string, number> {
  const graph = createLineageGraph(lineage);
  const [, layoutMs] = timed(() => radialLayout(prepareLayout(graph, [...FAMILIES, 'other']).input));
  const [ix, indexMs] = timed(() => indexLineage(graph, graph.nodes()));
  const [months, refreshMs] = timed(() => panelRefresh(graph, ix));
  const [, subtreeMs] = timed(() => subtreeDownloads(ix, everything(ix)));
  const [, naiveMs] = timed(() => naiveSubtrees(graph));
  return { models: graph.order, months, layoutMs, indexMs, refreshMs, subtreeMs, naiveMs };
}
