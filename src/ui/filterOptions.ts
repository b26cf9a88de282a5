// The values the filter menus offer: every license, pipeline tag and library present in the graph, sorted.
import type { LineageGraph } from '../graph/graph.ts';

export function filterOptions(
  graph: LineageGraph,
  ids: readonly string[],
): { licenses: string[]; pipelines: string[]; libraries: string[] } {
  const sets = { licenses: new Set<string>(), pipelines: new Set<string>(), libraries: new Set<string>() };
  for (const id of ids) {
    const a = graph.getNodeAttributes(id);
    if (a.license) sets.licenses.add(a.license);
    if (a.pipeline_tag) sets.pipelines.add(a.pipeline_tag);
    if (a.library_name) sets.libraries.add(a.library_name);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { licenses: sorted(sets.licenses), pipelines: sorted(sets.pipelines), libraries: sorted(sets.libraries) };
}
