// Exports what the researcher is looking at (filters and focus; folding is only a display choice, so folded
// leaves are included) as nodes.csv and edges.csv, named after the view and the crawl date.
import { edgesCsv, nodesCsv } from '../export/csv.ts';
import { lineageOf, type LineageGraph } from '../graph/graph.ts';
import { incomingRelations } from '../render/encoding.ts';
import { computeVisible } from '../render/visibility.ts';
import { activeFilterCount, type ViewState } from '../view/state.ts';

export function viewFileStem(view: ViewState, crawledAt: string | null): string {
  const subject = view.focus ? view.focus : [...view.orgs, ...view.roots].join('+') || 'forkscope';
  const filtered = activeFilterCount(view.filters) > 0 ? '-filtered' : '';
  const safe = `${subject}${filtered}`.replace(/[^\w.+-]+/g, '_').slice(0, 120);
  return `forkscope-${safe}-${(crawledAt ?? 'uncrawled').slice(0, 10)}`;
}

export function viewLineageCsv(
  graph: LineageGraph,
  ids: readonly string[],
  view: ViewState,
): { nodes: string; edges: string; count: number } {
  const visible = computeVisible(graph, ids, incomingRelations(graph, ids), view.filters, view.focus, null);
  const keep = ids.filter((_, i) => visible[i] === 1);
  const lineage = lineageOf(graph, keep);
  return { nodes: nodesCsv(lineage), edges: edgesCsv(lineage), count: keep.length };
}

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
