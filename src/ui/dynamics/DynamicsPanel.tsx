// The family-dynamics panel: how the crawled forests grow month by month and who overtook whom, then the
// statistics of a family or of the selection. It reads the explorer's filters, focus, selection and time slider,
// and keeps its own settings in the view (so in the permalink). Loaded on demand: the charting library is large.
import { useMemo } from 'react';
import './dynamics.css';
import type { LineageGraph } from '../../graph/graph.ts';
import { familyColor } from '../../view/encoding.ts';
import { computeVisible } from '../../view/visibility.ts';
import { incomingOf, indexLineage } from '../../stats/lineage-index.ts';
import { monthlyDerivatives } from '../../stats/timeline.ts';
import type { DynamicsView, ViewState } from '../../view/state.ts';
import { viewFileStem } from '../exportView.ts';
import { StatsSection } from './StatsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';

export interface DynamicsPanelProps {
  graph: LineageGraph;
  ids: readonly string[];
  view: ViewState;
  /** Crawled families in the explorer's order (without 'other'). */
  families: readonly string[];
  selectedIds: ReadonlySet<string>;
  crawledAt: string | null;
  onChange(patch: Partial<DynamicsView>): void;
  onPick(id: string): void;
  onAsOf(month: string | null): void;
}

export default function DynamicsPanel(p: DynamicsPanelProps) {
  const { graph, ids, view, selectedIds } = p;
  const d = view.dynamics;
  // Built when the graph changes, not when the filters or the scope do.
  const ix = useMemo(() => indexLineage(graph, ids), [graph, ids]);
  const present = useMemo(() => p.families.filter((f) => ix.families.includes(f)), [ix, p.families]);
  const familyColors = useMemo(() => present.map((_f, i) => familyColor(i)), [present]);
  const { filters, focus } = view;
  const relations = useMemo(() => incomingOf(ix), [ix]);
  // What the explorer would show, folding aside (folded leaves still count), over all time: the monthly chart's scope.
  const allTime = useMemo(
    () => computeVisible(graph, ix.ids, relations, { ...filters, asOf: null }, focus, null),
    [graph, ix, relations, filters, focus],
  );
  const monthly = useMemo(
    () => monthlyDerivatives(ix, allTime, present, { communityOnly: d.communityOnly }),
    [ix, allTime, present, d.communityOnly],
  );
  // A link's scope may name an empty selection or a family this crawl does not have: then all families.
  const usable = d.scope === 'selection' ? selectedIds.size > 0 : d.scope === 'all' || present.includes(d.scope);
  const scopeName = usable ? d.scope : 'all';
  const scope = useMemo(() => {
    const familyIs = (names: readonly string[]) => {
      const codes = new Set(names.map((f) => ix.families.indexOf(f)));
      return (i: number) => codes.has(ix.family[i] as number);
    };
    const keep =
      scopeName === 'selection'
        ? (i: number) => selectedIds.has(ix.ids[i] as string)
        : familyIs(scopeName === 'all' ? present : [scopeName]);
    // The statistics also follow the time slider; without it, the chart's scope serves.
    const mask =
      filters.asOf === null ? allTime.slice() : computeVisible(graph, ix.ids, relations, filters, focus, null);
    for (let i = 0; i < mask.length; i++) if (mask[i] === 1 && !keep(i)) mask[i] = 0;
    return mask;
  }, [graph, ix, relations, allTime, filters, focus, scopeName, selectedIds, present]);
  const stem = viewFileStem(view, p.crawledAt);
  const context = [
    'Within the current filters',
    view.focus ? `the focus on ${view.focus}` : null,
    view.filters.asOf ? `models created up to ${view.filters.asOf} (statistics)` : null,
  ].filter(Boolean);

  return (
    <div className="dynamics" data-testid="dynamics" role="region" aria-label="Family dynamics">
      <header className="dynamics-header">
        <h2>Family dynamics</h2>
        <p className="note">
          {context.join(', ')}.{' '}
          {view.filters.asOf && (
            <button type="button" onClick={() => p.onAsOf(null)}>
              All time
            </button>
          )}
        </p>
        <button type="button" onClick={() => p.onChange({ open: false })}>
          Back to the graph
        </button>
      </header>
      <TimelineSection
        monthly={monthly}
        dynamics={d}
        familyColors={familyColors}
        asOf={view.filters.asOf}
        fileStem={stem}
        onChange={p.onChange}
        onAsOf={p.onAsOf}
      />
      <div className="chart-controls scope-controls">
        <h2>Statistics of</h2>
        <select
          aria-label="statistics scope"
          data-testid="stats-scope"
          value={scopeName}
          onChange={(e) => p.onChange({ scope: e.target.value })}
        >
          <option value="all">all crawled families</option>
          {present.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
          <option value="selection" disabled={p.selectedIds.size === 0}>
            the selection ({p.selectedIds.size.toLocaleString('en')} models)
          </option>
        </select>
      </div>
      <StatsSection
        ix={ix}
        scope={scope}
        families={present}
        fileStem={`${stem}-${scopeName.replace(/[^\w.+-]+/g, '_')}`}
        onPick={p.onPick}
      />
    </div>
  );
}
