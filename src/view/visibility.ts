// Which models are drawn: those passing the filters, inside the focused subtree (with its ancestry), and not
// folded into their parent. Recomputed when any of those change; the renderer refreshes only what flipped.
import type { LineageGraph } from '../graph/graph.ts';
import { ancestors, descendants } from '../graph/queries.ts';
import { passesFilters } from './filters.ts';
import type { Filters } from './state.ts';
import type { Folding, IncomingRelation } from './encoding.ts';
import type { ModelRows } from './rows.ts';

/** 1 for each model of `rows` that the filters, the time slider and a focus let through, folded or not (the graph
 * serves only to walk a focused subtree): withoutFolded leaves out what a folding hides of it. */
export function computeVisible(
  graph: LineageGraph,
  rows: ModelRows,
  relations: readonly IncomingRelation[],
  filters: Filters,
  focus: string | null,
): Uint8Array {
  const inFocus =
    focus && graph.hasNode(focus) ? new Set([focus, ...descendants(graph, focus), ...ancestors(graph, focus)]) : null;
  const visible = new Uint8Array(rows.ids.length);
  for (let i = 0; i < visible.length; i++) {
    if (inFocus && !inFocus.has(rows.ids[i] as string)) continue;
    if (passesFilters(rows.node(i), relations[i] as IncomingRelation, filters)) visible[i] = 1;
  }
  return visible;
}

/** The models of `passing` (computeVisible without a folding) that a folding leaves drawn. */
export function withoutFolded(passing: Uint8Array, folding: Folding | null): Uint8Array {
  if (!folding) return passing;
  const drawn = passing.slice();
  for (let i = 0; i < drawn.length; i++) if (folding.folded[i]) drawn[i] = 0;
  return drawn;
}

/** What hovering a model lights up: its ancestors up to the roots, itself and its direct children; the ancestry
 * is boxed, and labels go to it and to at most `maxLabels` children, the most downloaded. */
export function lineageOfInterest(
  graph: LineageGraph,
  id: string,
  maxLabels = 10,
): { lit: string[]; labelled: string[]; boxed: string[] } {
  const up = [...ancestors(graph, id), id];
  const children = graph.outNeighbors(id);
  const byDownloads = (a: string, b: string): number =>
    graph.getNodeAttribute(b, 'downloads') - graph.getNodeAttribute(a, 'downloads');
  const top = [...children].sort(byDownloads).slice(0, maxLabels);
  return { lit: [...up, ...children], labelled: [...up, ...top], boxed: up };
}
