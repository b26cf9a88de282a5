// The family-dynamics panel: how the crawled forests grow month by month and who overtook whom, then the
// statistics of a family or of the selection. It reads the explorer's filters, focus, selection and time slider,
// and keeps its own settings in the view (so in the permalink). Loaded on demand: the charting library is large.
import { useMemo } from 'react';
import './dynamics.css';
import type { LineageGraph } from '../../graph/graph.ts';
import { familyColor, incomingRelations, type IncomingRelation } from '../../render/encoding.ts';
import { computeVisible } from '../../render/visibility.ts';
import { monthlyDerivatives } from '../../stats/timeline.ts';
import type { DynamicsView, Filters, ViewState } from '../../view/state.ts';
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
}

/** The models the explorer would show, folding aside (folded leaves still count). */
function inView(
  graph: LineageGraph,
  ids: readonly string[],
  relations: readonly IncomingRelation[],
  filters: Filters,
  focus: string | null,
): string[] {
  const visible = computeVisible(graph, ids, relations, filters, focus, null);
  return ids.filter((_id, i) => visible[i] === 1);
}

export default function DynamicsPanel(p: DynamicsPanelProps) {
  const { graph, ids, view } = p;
  const d = view.dynamics;
  const relations = useMemo(() => incomingRelations(graph, ids), [graph, ids]);
  const present = useMemo(() => {
    const seen = new Set(ids.map((id) => graph.getNodeAttribute(id, 'family')));
    return p.families.filter((f) => seen.has(f));
  }, [graph, ids, p.families]);
  const familyColors = useMemo(() => present.map((_f, i) => familyColor(i)), [present]);
  const { filters, focus } = view;
  const monthly = useMemo(() => {
    const allTime = inView(graph, ids, relations, { ...filters, asOf: null }, focus);
    return monthlyDerivatives(graph, allTime, present, { communityOnly: d.communityOnly });
  }, [graph, ids, relations, filters, focus, present, d.communityOnly]);
  const scopeName = d.scope === 'selection' && p.selectedIds.size === 0 ? 'all' : d.scope;
  const scope = useMemo(() => {
    const base = inView(graph, ids, relations, filters, focus);
    if (scopeName === 'selection') return new Set(base.filter((id) => p.selectedIds.has(id)));
    if (scopeName === 'all')
      return new Set(base.filter((id) => present.includes(graph.getNodeAttribute(id, 'family'))));
    return new Set(base.filter((id) => graph.getNodeAttribute(id, 'family') === scopeName));
  }, [graph, ids, relations, filters, focus, scopeName, p.selectedIds, present]);
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
        <p className="note">{context.join(', ')}.</p>
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
        graph={graph}
        scope={scope}
        families={present}
        fileStem={`${stem}-${scopeName.replace(/[^\w.+-]+/g, '_')}`}
        onPick={p.onPick}
      />
    </div>
  );
}
