// What the family-dynamics panel computes, off the main thread: the lineage index (built once per lineage), then
// per request the scope the explorer shows (filters, focus; all time for the chart), the monthly derivatives, the
// cumulative comparison, and the statistics of the chosen scope (time slider included). DOM-free, so the same
// code runs in the dynamics worker and in Node tests and benchmarks; the panel only turns the results into words,
// charts and tables.
import type { FamilyGroup } from '../lineage/groups.ts';
import { createLineageGraph, type LineageGraph } from '../graph/graph.ts';
import type { Lineage } from '../lineage/types.ts';
import { cumulativeCounts, type Comparison } from '../stats/compare.ts';
import { crossFamilyMerges, distillations, type CrossFamilyMerge, type Distillation } from '../stats/crossings.ts';
import { keepKind, kindFilter, type KindName } from '../stats/kinds.ts';
import { licenseChanges, type LicenseChange } from '../stats/licenses.ts';
import { incomingOf, indexLineage, type LineageIndex } from '../stats/lineage-index.ts';
import { scopeStructure, type ScopeStructure } from '../stats/structure.ts';
import { monthlyDerivatives, type MonthlyDerivatives } from '../stats/timeline.ts';
import type { Filters } from '../view/state.ts';
import { computeVisible } from '../view/visibility.ts';

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

export interface ScopeStats {
  structure: ScopeStructure;
  licenses: LicenseChange[];
  merges: CrossFamilyMerge[];
  distilled: Distillation[];
}

export interface DynamicsData {
  /** The families the lineage holds, in the explorer's order. */
  present: string[];
  byFamily: MonthlyDerivatives;
  comparison: Comparison;
  /** The scope the statistics were taken of: the one asked for, or 'all' when it is empty or unknown. */
  scope: string;
  stats: ScopeStats;
}

export interface DynamicsSource {
  graph: LineageGraph;
  ix: LineageIndex;
  relations: ReturnType<typeof incomingOf>;
}

/** The graph and index the requests run over, built once per lineage. */
export function dynamicsSource(lineage: Lineage): DynamicsSource {
  const graph = createLineageGraph(lineage);
  const ix = indexLineage(graph, graph.nodes());
  return { graph, ix, relations: incomingOf(ix) };
}

export function computeDynamics(src: DynamicsSource, p: DynamicsParams): DynamicsData {
  const { graph, ix, relations } = src;
  const present = p.families.filter((f) => ix.families.includes(f));
  // What the explorer would show, folding aside (folded leaves still count), over all time: the chart's scope.
  const allTime = computeVisible(graph, ix.ids, relations, { ...p.filters, asOf: null }, p.focus, null);
  // The kind narrows numerator and denominator alike; the explorer's pipeline and library filters already apply.
  const kindScope = keepKind(allTime, graph, ix.ids, kindFilter(p.kind));
  const byFamily = monthlyDerivatives(ix, kindScope, present, { communityOnly: p.communityOnly });
  const comparison = cumulativeCounts(ix, kindScope, present, p.groups, p.filters.asOf);
  const selected = new Set(p.selected);
  // A link's scope may name an empty selection or a family this crawl does not have: then all families.
  const usable = p.scope === 'selection' ? selected.size > 0 : p.scope === 'all' || present.includes(p.scope);
  const scope = usable ? p.scope : 'all';
  const codes = new Set((scope === 'all' ? present : [scope]).map((f) => ix.families.indexOf(f)));
  const keep =
    scope === 'selection'
      ? (i: number) => selected.has(ix.ids[i] as string)
      : (i: number) => codes.has(ix.family[i] as number);
  // The statistics also follow the time slider; without it, the chart's scope serves.
  const mask =
    p.filters.asOf === null ? allTime.slice() : computeVisible(graph, ix.ids, relations, p.filters, p.focus, null);
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !keep(i)) mask[i] = 0;
  const stats: ScopeStats = {
    structure: scopeStructure(ix, mask, present),
    licenses: licenseChanges(ix, mask),
    merges: crossFamilyMerges(ix, mask),
    distilled: distillations(ix, mask),
  };
  return { present, byFamily, comparison, scope, stats };
}
