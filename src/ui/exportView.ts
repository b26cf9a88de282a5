// Exports what the researcher is looking at: the selection, else the filtered and focused view (folding is only a
// display choice, so folded leaves are included), named after the view and the crawl date.
import type { ExportFile } from '../export/files.ts';
import type { Lineage } from '../lineage/types.ts';
import { lineageOf, type LineageGraph } from '../graph/graph.ts';
import { incomingRelations } from '../view/encoding.ts';
import { rowsOfGraph } from '../view/rows.ts';
import { computeVisible } from '../view/visibility.ts';
import { activeFilterCount, type ViewState } from '../view/state.ts';

export function viewFileStem(view: ViewState, crawledAt: string | null): string {
  const rule = view.selection.rule;
  const subject =
    rule.kind === 'lineage'
      ? `${rule.root}-${rule.up ? 'ancestors' : ''}${rule.down ? 'descendants' : ''}`
      : rule.kind === 'path'
        ? `${rule.from}-to-${rule.to}`
        : view.focus
          ? view.focus
          : [...view.orgs, ...view.roots].join('+') || 'forkscope';
  const filtered = activeFilterCount(view.filters) > 0 ? '-filtered' : '';
  const safe = `${subject}${filtered}`.replace(/[^\w.+-]+/g, '_').slice(0, 120);
  return `forkscope-${safe}-${(crawledAt ?? 'uncrawled').slice(0, 10)}`;
}

/** The selection when there is one, else the filtered (and focused) view; folding does not matter here. */
export function viewLineage(
  graph: LineageGraph,
  ids: readonly string[],
  view: ViewState,
  selected: ReadonlySet<string> | null,
): Lineage {
  const rows = selected ? null : rowsOfGraph(graph, ids);
  const visible = rows && computeVisible(graph, rows, incomingRelations(rows), view.filters, view.focus);
  const keep = selected ? ids.filter((id) => selected.has(id)) : ids.filter((_, i) => visible?.[i] === 1);
  return lineageOf(graph, keep);
}

export function download(file: ExportFile): void {
  const { name, text, type } = file;
  saveBlob(name, new Blob([text], { type: typeof text === 'string' ? `${type};charset=utf-8` : type }));
}

/** Saves a Blob under a file name (its URL is let go once the browser has taken it). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  saveUrl(name, url);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Saves what a URL (a blob or a data URL) holds under a file name. */
export function saveUrl(name: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
}
