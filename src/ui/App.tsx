// The application shell: header (search, Hub in use, settings), the families/encoding/filters panel, the
// graph, the details of the selected model and the crawl status. View state lives here; the graph, the cache, the
// crawl and layout workers in the explorer session (session/explorer-session.ts), the dynamics one in dynamics/.
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import type { ViewState } from '../view/state.ts';
import type { AppLink } from '../view/url-codec.ts';
import { filterOptions } from './filterOptions.ts';
import { familyOrderOf } from '../view/encoding.ts';
import { useViewNotes } from './useViewNotes.ts';
import { usePermalinkSync } from './usePermalink.ts';
import { describeLoading, useSnapshotImport } from './useSnapshotImport.ts';
import { emptySelection, isEmptySelection, resolveSelection } from '../view/selection.ts';
import { CrawlStatus } from './CrawlStatus.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { GraphView, type GraphSummary } from './GraphView.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { Sidebar } from './Sidebar.tsx';
import { saveSettings, type loadSettings } from './settings.ts';
import { TimeSlider } from './TimeSlider.tsx';
import { AppHeader } from './AppHeader.tsx';
import { GraphBars } from './GraphBars.tsx';
import { NoticeBanner } from './NoticeBanner.tsx';
import { TokenQuestion } from './TokenQuestion.tsx';
import { useExplorer } from './useExplorer.ts';
import { useCrawlOnOpen } from './useCrawlOnOpen.ts';
import { showsWhole } from './session/explorer-state.ts';
import { useViewActions } from './useViewActions.ts';
import { useHubToken } from './useHubToken.ts';
import { usePublishedData } from './usePublishedData.ts';
import { NewerData } from './NewerData.tsx';
import { usePreparedDynamics } from './dynamics/usePreparedDynamics.ts';
import { panelFamilies } from './dynamics/params.ts';
import type { ModelNode } from '../lineage/types.ts';

const NO_MODELS: readonly ModelNode[] = [];
const loadDynamicsPanel = () => import('./dynamics/DynamicsPanel.tsx');
const DynamicsPanel = lazy(loadDynamicsPanel);

interface Props {
  /** The address the page was opened with, decoded once at start (main.tsx). */
  link: AppLink;
  /** The settings at start: saved ones with the link's Hub over them. */
  initial: ReturnType<typeof loadSettings>;
  /** Told the Hub in use, for the error screen. */
  onHub(hub: string): void;
}

export function App({ link, initial, onHub }: Props) {
  const [settings, setSettings] = useState(initial.settings);
  const hubToken = useHubToken(settings.hubUrl, initial.settings.tokenPersistence, initial.savedHub);
  const token = hubToken.token;
  // A block, not an arrow's value: whatever onHub returns must not become the effect's clean-up.
  useEffect(() => {
    onHub(settings.hubUrl);
  }, [onHub, settings.hubUrl]);
  const [notice, setNotice] = useState(link.notices.join(' ') || null);
  const [done, setDone] = useState<string | null>(null);
  const [view, setView] = useState<ViewState>(link.view);
  const [summary, setSummary] = useState<GraphSummary | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const rendererRef = useRef<LineageRenderer | null>(null);
  const familyOrder = useMemo(() => familyOrderOf(view.orgs, view.roots), [view.orgs, view.roots]);
  const explorer = useExplorer(settings, token, familyOrder);
  const { graph, layout, info, phase } = explorer;
  const ids = useMemo(() => layout?.ids ?? [], [layout]);
  // The menus, the search and the time slider read the laid-out records, once the first frame is drawn.
  const models = useDeferredValue(layout)?.lineage.nodes ?? NO_MODELS;
  const { patchView, patchDynamics, addSeeds, setAsOf, restoreStep } = useViewActions(setView);
  const seeds = useMemo(() => ({ orgs: view.orgs, roots: view.roots }), [view.orgs, view.roots]);
  // [#11] A published lineage dataset opens before any crawl (usePublishedData.ts says which, and when).
  const asking = Boolean(hubToken.asking);
  const data = usePublishedData({ explorer, link, settings, token, asking, setNotice, onSeeds: patchView });

  useCrawlOnOpen({ explorer, seeds, linkedSnapshot: Boolean(link.snap), asking, holdCrawl: data.holdCrawl });

  const [pathFrom, setPathFrom] = useState<string | null>(null);
  const selectedIds = useMemo(
    () => (layout ? resolveSelection(graph, view.selection) : new Set<string>()),
    [graph, layout, view.selection],
  );
  const prepared = { layout, info, view, familyOrder, selectedIds, phase, load: loadDynamicsPanel };
  const dynamics = usePreparedDynamics(prepared);
  const Dynamics = dynamics.Panel ?? DynamicsPanel;
  const pick = useCallback(
    (id: string | null) => {
      if (id && pathFrom) {
        setPathFrom(null);
        setView((v) => ({ ...v, selection: { rule: { kind: 'path', from: pathFrom, to: id }, add: [], remove: [] } }));
      }
      patchView({ selected: id });
      // The model and its near lineage (view/framing.ts).
      if (id && graph.hasNode(id)) rendererRef.current?.frame({ kind: 'pick', id });
    },
    [graph, patchView, pathFrom],
  );

  const permalink = usePermalinkSync(
    link,
    view,
    info?.crawledAt ?? null,
    settings.hubUrl,
    rendererRef,
    layout,
    restoreStep,
    data.shown,
  );
  // An imported snapshot brings its own families (legend, colours, exports follow them).
  const onImported = useCallback(
    (meta: { orgs: string[]; roots: string[] }) => patchView({ orgs: meta.orgs, roots: meta.roots }),
    [patchView],
  );
  const snapshots = useSnapshotImport(explorer, link.snap, setNotice, onImported);
  const { imported } = explorer;
  const viewNotes = useViewNotes({
    graph,
    layout,
    info,
    phase,
    imported,
    selected: view.selected,
    linkCrawledAt: link.crawledAt,
    unpick: () => patchView({ selected: null }),
  });

  const options = useMemo(() => filterOptions(models), [models]);
  const selected = view.selected && graph.hasNode(view.selected) ? view.selected : null;
  const marked = useMemo(() => (selected ? [selected] : []), [selected]);
  return (
    <div className={view.embed ? 'app embed' : 'app'}>
      <AppHeader
        graph={graph}
        ids={ids}
        models={models}
        view={view}
        selectedIds={selectedIds}
        info={info}
        hubUrl={settings.hubUrl}
        onPick={pick}
        onOpenSnapshot={snapshots.open}
        onNotice={setNotice}
        onDone={setDone}
        linkNow={permalink.linkNow}
        onSettings={() => setShowSettings(true)}
        onDynamics={() => patchDynamics({ open: !view.dynamics.open })}
        rendererRef={rendererRef}
        summary={summary}
      />
      <main className="app-main">
        {!view.embed && <Sidebar view={view} summary={summary} options={options} onChange={patchView} />}
        {/* Whether the graph shown is the cache's whole one or a crawl's partial graph (tests wait on it). */}
        <div className="graph-area" data-shown={showsWhole(layout, info) ? 'whole' : 'partial'}>
          <div className="graph-top">
            <NoticeBanner
              notices={[notice, explorer.layoutProblem]}
              viewNotes={viewNotes}
              storeProblem={explorer.storeProblem}
              done={done}
              loading={snapshots.loading && describeLoading(snapshots.loading)}
              onEmptyCache={() => void explorer.resetCache()}
              onDismiss={() => setNotice(null)}
              onDismissDone={() => setDone(null)}
            />
            {data.newer && <NewerData newer={data.newer} onTake={data.takeNewer} />}
            <GraphBars
              view={view}
              selectedCount={selectedIds.size}
              pathFrom={pathFrom}
              onClearSelection={() => (setPathFrom(null), patchView({ selection: emptySelection() }))}
              onShowAll={() => patchView({ focus: null })}
            />
          </div>
          <GraphView
            graph={graph}
            layout={layout}
            view={view}
            familyOrder={familyOrder}
            onSelect={pick}
            onBox={(box) => patchView({ selection: { rule: { kind: 'box', ...box }, add: [], remove: [] } })}
            onSummary={setSummary}
            rendererRef={rendererRef}
            selectedIds={isEmptySelection(view.selection) ? null : selectedIds}
            marked={marked}
            onDrawn={explorer.layoutDrawn}
          />
          {!view.embed && <TimeSlider models={models} asOf={view.filters.asOf} onChange={setAsOf} />}
          {(view.dynamics.open || dynamics.standby) && !view.embed && layout && (
            <Suspense fallback={<p className="dynamics">Loading the charts…</p>}>
              <Dynamics
                outOfSight={!view.dynamics.open}
                host={dynamics.host}
                lineage={layout.columnar ?? layout.lineage}
                models={ids.length}
                view={view}
                families={panelFamilies(familyOrder)}
                selectedIds={selectedIds}
                crawledAt={info?.crawledAt ?? null}
                hubDerivatives={info?.hubDerivatives ?? null}
                onAddSeeds={addSeeds}
                onChange={patchDynamics}
                onAsOf={setAsOf}
                onPick={(id) => (patchDynamics({ open: false }), pick(id))}
              />
            </Suspense>
          )}
          {summary && (
            <p className="counts" data-over-graph>
              {summary.visible.toLocaleString('en')} of {summary.total.toLocaleString('en')} models shown
            </p>
          )}
        </div>
        {selected && !view.embed && (
          <DetailsPanel
            graph={graph}
            graphVersion={layout?.version ?? 0}
            id={selected}
            asOf={view.filters.asOf}
            hubUrl={settings.hubUrl}
            crawledFamilies={panelFamilies(familyOrder)}
            onPick={pick}
            onFocus={(id) => patchView({ focus: id })}
            onCrawlDescendants={(id) => patchView({ roots: [...new Set([...view.roots, id])] })}
            onClose={() => patchView({ selected: null })}
            selection={view.selection}
            selectedIds={selectedIds}
            onSelection={(selection) => patchView({ selection })}
            onStartPath={setPathFrom}
          />
        )}
      </main>
      {(!view.embed || phase === 'crawling' || phase === 'error') && (
        <CrawlStatus
          explorer={explorer}
          hubUrl={settings.hubUrl}
          onResume={() => explorer.startCrawl(seeds)}
          onRefresh={() => explorer.startCrawl(seeds, 'incremental')}
          onFullRefresh={() => explorer.startCrawl(seeds, 'full')}
          sweep={settings}
        />
      )}
      {showSettings && (
        <SettingsDialog
          settings={settings}
          token={token}
          onClose={() => setShowSettings(false)}
          onSave={(s, t) => {
            saveSettings(s);
            hubToken.save(t, s.hubUrl, s.tokenPersistence);
            setSettings(s);
            setShowSettings(false);
          }}
        />
      )}
      {hubToken.asking && <TokenQuestion saved={hubToken.asking} hubUrl={settings.hubUrl} onAnswer={hubToken.answer} />}
    </div>
  );
}
