// What the family-dynamics panel computes, off the main thread: the lineage index (built once per lineage, straight
// from the stored columns: no graph), then per request the scope the explorer shows (filters, focus; all time for
// the chart), first what the panel's first view shows (the monthly derivatives and the cumulative comparison), then
// the statistics of the chosen scope (time slider included). DOM-free, so the same code runs in the dynamics worker
// and in Node tests and benchmarks; the panel only turns the results into words, charts and tables.
import type { FamilyGroup } from '../lineage/groups.ts';
import { createLineageGraph } from '../graph/graph.ts';
import { decodeLineage, encodeLineage, readColumnar, type ColumnarLineage } from '../lineage/columnar.ts';
import type { Lineage } from '../lineage/types.ts';
import { cumulativeCounts, type Comparison } from '../stats/compare.ts';
import { crossFamilyMerges, distillations } from '../stats/crossings.ts';
import { keepKindOf, kindFilter, type KindName } from '../stats/kinds.ts';
import { licenseChangeEdges } from '../stats/licenses.ts';
import { childrenOf, incomingOf, indexColumnar, indexLineage, type LineageIndex } from '../stats/lineage-index.ts';
import { scopeStructure, type ScopeStructure } from '../stats/structure.ts';
import { monthlyDerivatives, type MonthlyDerivatives } from '../stats/timeline.ts';
import type { Filters } from '../view/state.ts';
import { visibleIn, type IndexedLineage } from './dynamics-scope.ts';
import { summariseLists, type ListSummaries, type ScopeLists } from './dynamics-tables.ts';

export interface DynamicsParams {
  filters: Filters;
  focus: string | null;
  kind: KindName;
  communityOnly: boolean;
  /** Crawled families in the explorer's order (without 'other'). */
  families: readonly string[];
  groups: readonly FamilyGroup[];
  /** 'all', a family, or 'selection'. */
  scope: string;
  selected: readonly string[];
}

/** The statistics of a scope as the page gets them: the lists summarised (./dynamics-tables.ts). */
export interface ScopeStats extends ListSummaries {
  structure: ScopeStructure;
}

/** What the panel's first view shows. */
export interface TimelineData {
  /** The families the lineage holds, in the explorer's order. */
  present: string[];
  byFamily: MonthlyDerivatives;
  comparison: Comparison;
}

export interface StatsData {
  /** The scope the statistics were taken of: the one asked for, or 'all' when it is empty or unknown. */
  scope: string;
  stats: ScopeStats;
}

export type DynamicsData = TimelineData & StatsData;

export type DynamicsSource = IndexedLineage;

/** The index the requests run over, built once per lineage (a Lineage is put in columns first). */
export function dynamicsSource(lineage: ColumnarLineage | Lineage): DynamicsSource {
  const rows = readColumnar('v' in lineage ? lineage : encodeLineage(lineage));
  const ix = indexColumnar(rows);
  if (ix) return sourceOf(ix, rows.node);
  // Repeated ids: the graph merges their rows, and the index of that graph is the answer.
  const graph = createLineageGraph(decodeLineage(rows.columnar));
  const merged = indexLineage(graph, graph.nodes());
  return sourceOf(merged, (i) => graph.getNodeAttributes(merged.ids[i] as string));
}

function sourceOf(ix: LineageIndex, node: IndexedLineage['node']): DynamicsSource {
  let children: ReturnType<typeof childrenOf> | null = null;
  return { ix, relations: incomingOf(ix), node, children: () => (children ??= childrenOf(ix)) };
}

/** The request's all-time scope (what the explorer shows, folding aside: folded leaves still count) and families. */
export interface RequestScope {
  present: string[];
  allTime: Uint8Array;
}

export function requestScope(src: DynamicsSource, p: DynamicsParams): RequestScope {
  const present = p.families.filter((f) => src.ix.families.includes(f));
  return { present, allTime: visibleIn(src, { ...p.filters, asOf: null }, p.focus) };
}

export function computeTimeline(src: DynamicsSource, p: DynamicsParams, r: RequestScope): TimelineData {
  // The kind narrows numerator and denominator alike; the explorer's pipeline and library filters already apply.
  const kindScope = keepKindOf(r.allTime, src.node, kindFilter(p.kind));
  const byFamily = monthlyDerivatives(src.ix, kindScope, r.present, { communityOnly: p.communityOnly });
  const comparison = cumulativeCounts(src.ix, kindScope, r.present, p.groups, p.filters.asOf);
  return { present: r.present, byFamily, comparison };
}

/** The statistics of the chosen scope, and the lists behind them in full (kept in the worker for their CSV). */
export function computeStats(
  src: DynamicsSource,
  p: DynamicsParams,
  r: RequestScope,
): { data: StatsData; lists: ScopeLists } {
  const { ix } = src;
  const selected = new Set(p.selected);
  // A link's scope may name an empty selection or a family this crawl does not have: then all families.
  const usable = p.scope === 'selection' ? selected.size > 0 : p.scope === 'all' || r.present.includes(p.scope);
  const scope = usable ? p.scope : 'all';
  const codes = new Set((scope === 'all' ? r.present : [scope]).map((f) => ix.families.indexOf(f)));
  const keep =
    scope === 'selection'
      ? (i: number) => selected.has(ix.ids[i] as string)
      : (i: number) => codes.has(ix.family[i] as number);
  // The statistics also follow the time slider; without it, the chart's scope serves.
  const mask = p.filters.asOf === null ? r.allTime.slice() : visibleIn(src, p.filters, p.focus);
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !keep(i)) mask[i] = 0;
  const lists = {
    ix,
    licenses: licenseChangeEdges(ix, mask),
    merges: crossFamilyMerges(ix, mask),
    distilled: distillations(ix, mask),
  };
  const stats: ScopeStats = { structure: scopeStructure(ix, mask, r.present), ...summariseLists(lists) };
  return { data: { scope, stats }, lists };
}

/** Everything one request gives, at once (tests and benchmarks; the worker sends it in two parts). */
export function computeDynamics(src: DynamicsSource, p: DynamicsParams): DynamicsData {
  const r = requestScope(src, p);
  return { ...computeTimeline(src, p, r), ...computeStats(src, p, r).data };
}
