// The family-dynamics panel: how the crawled forests grow month by month and who overtook whom, then the
// statistics of a family or of the selection. It reads the explorer's filters, focus, selection and time slider,
// and keeps its own settings in the view (so in the permalink). Loaded on demand: the charting library is large.
import { useEffect, useMemo } from 'react';
import './dynamics.css';
import type { ColumnarLineage } from '../../lineage/columnar.ts';
import type { Lineage } from '../../lineage/types.ts';
import { familyColor } from '../../view/encoding.ts';
import type { HubDerivatives } from '../../lineage/hub-derivatives.ts';
import { seedsToAdd, type FamilyGroup } from '../../lineage/groups.ts';
import { groupMonthly } from '../../stats/groups.ts';
import { kindFilter } from '../../stats/kinds.ts';
import { familiesDenominator, hubDenominator } from '../../stats/shares.ts';
import type { DynamicsHost } from './dynamics-host.ts';
import { usePanelParams } from './params.ts';
import { warmCharting } from './ChartCard.tsx';
import { CompareSection } from './CompareSection.tsx';
import { GroupsEditor, loadSavedGroups, saveGroups } from './GroupsEditor.tsx';
import type { DynamicsView, ViewState } from '../../view/state.ts';
import { viewFileStem } from '../exportView.ts';
import { StatsSection } from './StatsSection.tsx';
import { TimelineSection } from './TimelineSection.tsx';
import { useDynamicsWorker } from './useDynamicsWorker.ts';

// The app warms the charting code with the rest of what it prepares (usePreparedDynamics.ts).
export { warmCharting };

export interface DynamicsPanelProps {
  /** Drawn out of sight while closed, on the answer the app prepared (usePreparedDynamics.ts): opening shows it. */
  outOfSight: boolean;
  /** The dynamics worker's owner, which may already hold the answer to the panel's first request. */
  host: DynamicsHost;
  /** The lineage on screen, as the explorer holds it: sent to the dynamics worker, which computes everything. */
  lineage: ColumnarLineage | Lineage;
  /** How many models it holds, for the "computing" note. */
  models: number;
  view: ViewState;
  /** Crawled families in the explorer's order (without 'other'). */
  families: readonly string[];
  selectedIds: ReadonlySet<string>;
  crawledAt: string | null;
  /** Every new derivative the crawl saw on the Hub, when it swept the Hub. */
  hubDerivatives: HubDerivatives | null;
  /** Adds orgs and roots as crawled families (a group's members not crawled yet). */
  onAddSeeds(add: { orgs: string[]; roots: string[] }): void;
  onChange(patch: Partial<DynamicsView>): void;
  onPick(id: string): void;
  onAsOf(month: string | null): void;
}

const NO_DATA = { months: [], families: [], counts: new Map(), undated: 0, outOfRange: 0, legacy: 0 };

export default function DynamicsPanel(p: DynamicsPanelProps) {
  const { view, selectedIds } = p;
  const d = view.dynamics;
  const { filters } = view;
  // The same question the app prepared before the panel opened (usePreparedDynamics.ts).
  const params = usePanelParams(view, p.families, selectedIds);
  // The charting code loads, and is tried out, while the worker computes (a failure shows on each chart).
  useEffect(() => {
    warmCharting();
  }, []);
  // Everything over the models runs in the dynamics worker; what follows works on its small answers.
  const { data, stats, stage, error, tableCsv } = useDynamicsWorker(p.host, p.lineage, params);
  const present = useMemo(() => data?.present ?? [], [data]);
  const familyColors = useMemo(() => present.map((_f, i) => familyColor(i)), [present]);
  // The kind (language models or any) narrows numerator and denominator alike; the explorer's pipeline and library
  // filters already narrow the crawled families and narrow the Hub-wide table too.
  const kind = useMemo(
    () => kindFilter(d.kind, filters.pipeline, filters.library),
    [d.kind, filters.pipeline, filters.library],
  );
  const byFamily = data?.byFamily ?? NO_DATA;
  const grouped = d.series === 'groups' && d.groups.length > 0;
  const monthly = useMemo(() => (grouped ? groupMonthly(byFamily, d.groups) : byFamily), [grouped, byFamily, d.groups]);
  const hub = p.hubDerivatives;
  const denominator = useMemo(
    () => (d.shareOf === 'hub' && hub ? hubDenominator(hub, monthly, kind) : familiesDenominator(byFamily, kind)),
    [d.shareOf, hub, monthly, byFamily, kind],
  );
  // Groups this browser saved come back when the link brings none; the groups in use are saved.
  // Not while out of sight: the view changes only once the researcher opens the panel.
  const { onChange, outOfSight } = p;
  useEffect(() => {
    if (outOfSight) return;
    if (d.groups.length > 0) saveGroups(d.groups);
    else {
      const saved = loadSavedGroups();
      if (saved && saved.length > 0) onChange({ groups: saved });
    }
  }, [d.groups, onChange, outOfSight]);
  const applyGroups = (groups: FamilyGroup[]) => {
    const add = seedsToAdd(groups, p.view.orgs, p.view.roots);
    if (add.orgs.length + add.roots.length > 0) p.onAddSeeds(add);
    saveGroups(groups);
    p.onChange({ groups, series: groups.length > 0 ? 'groups' : 'families', a: null, b: null });
  };
  const seriesColors = useMemo(() => monthly.families.map((_f, i) => familyColor(i)), [monthly]);
  // A link's scope may name an empty selection or a family this crawl does not have: then all families.
  const usable = d.scope === 'selection' ? selectedIds.size > 0 : d.scope === 'all' || present.includes(d.scope);
  const scopeName = usable ? d.scope : 'all';
  const stem = viewFileStem(view, p.crawledAt);
  const context = [
    'Within the current filters',
    view.focus ? `the focus on ${view.focus}` : null,
    view.filters.asOf ? `models created up to ${view.filters.asOf} (statistics)` : null,
  ].filter(Boolean);

  return (
    <div
      className={outOfSight ? 'dynamics out-of-sight' : 'dynamics'}
      data-testid="dynamics"
      role="region"
      aria-label="Family dynamics"
      aria-hidden={outOfSight || undefined}
      inert={outOfSight}
    >
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
      <p
        className="dynamics-status"
        role="status"
        aria-live="polite"
        data-testid="dynamics-status"
        data-stage={stage ?? 'done'}
      >
        {stage &&
          `${stage === 'indexing' || stage === 'starting' ? 'Indexing' : 'Computing the statistics of'} ${p.models.toLocaleString('en')} models…`}
      </p>
      {error && <p role="alert">{error}</p>}
      {!data ? null : (
        <>
          <TimelineSection
            monthly={monthly}
            denominator={denominator}
            hubTable={hub !== null}
            dynamics={d}
            familyColors={grouped ? seriesColors : familyColors}
            asOf={view.filters.asOf}
            fileStem={stem}
            onChange={p.onChange}
            onAsOf={p.onAsOf}
          />
          <CompareSection comparison={data.comparison} fileStem={stem} />
          <GroupsEditor key={JSON.stringify(d.groups)} groups={d.groups} families={p.families} onApply={applyGroups} />
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
          {stats ? (
            <StatsSection
              stats={stats.stats}
              fileStem={`${stem}-${scopeName.replace(/[^\w.+-]+/g, '_')}`}
              onPick={p.onPick}
              listCsv={tableCsv}
            />
          ) : (
            <p className="note">Computing the statistics…</p>
          )}
        </>
      )}
    </div>
  );
}
