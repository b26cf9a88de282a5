// The application shell: header (search, Hub in use, settings), the families/encoding/filters panel, the
// graph, the details of the selected model and the crawl status. View state lives here; the graph and the
// workers live in useExplorer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LineageRenderer } from '../render/renderer.ts';
import type { ViewState } from '../view/state.ts';
import { dataMovedOn, decodePermalink, encodePermalink, type CameraView } from '../view/permalink.ts';
import { download, viewFileStem, viewLineage } from './exportView.ts';
import type { ExportFile } from '../export/files.ts';
import { encodeLineage } from '../store/columnar.ts';
import { transferables } from '../workers/protocol.ts';
import type { ExportRequest } from '../workers/export.worker.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import { describeSelection, emptySelection, isEmptySelection, resolveSelection } from '../view/selection.ts';
import { CrawlStatus } from './CrawlStatus.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { GraphView, type GraphSummary } from './GraphView.tsx';
import { SearchBox } from './SearchBox.tsx';
import { SettingsDialog } from './SettingsDialog.tsx';
import { Sidebar } from './Sidebar.tsx';
import { loadSettings, loadToken, parseHubUrl, PUBLIC_HUB, saveSettings, saveToken } from './settings.ts';
import { parseSnapshot } from '../export/snapshot.ts';
import { useExplorer } from './useExplorer.ts';

const initial = loadSettings(window.location.search);
const decoded = decodePermalink(window.location.search);
const link = { ...decoded, snapshotUrl: snapshotUrlOf(window.location.search, decoded.notices) };

/** `?snap=URL`: an http(s) snapshot to open instead of the cache; anything else is refused with a notice. */
function snapshotUrlOf(search: string, notices: string[]): string | null {
  const raw = new URLSearchParams(search).get('snap');
  if (raw === null) return null;
  if (parseHubUrl(raw)) return raw;
  notices.push('The link names a snapshot that is not an http(s) address; it was ignored.');
  return null;
}

export function App() {
  const [settings, setSettings] = useState(initial.settings);
  const [token, setToken] = useState(() => loadToken(initial.settings.tokenPersistence));
  const [notice, setNotice] = useState([initial.notice, ...link.notices].filter(Boolean).join(' ') || null);
  const [view, setView] = useState<ViewState>(link.view);
  const cameraRef = useRef<CameraView | null>(link.camera);
  const [urlTick, setUrlTick] = useState(0);
  const [summary, setSummary] = useState<GraphSummary | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  const rendererRef = useRef<LineageRenderer | null>(null);
  const familyOrder = useMemo(() => [...view.orgs, ...view.roots, 'other'], [view.orgs, view.roots]);
  const explorer = useExplorer(settings, token, familyOrder);
  const { graph, layout, info, phase } = explorer;
  const ids = useMemo(() => layout?.ids ?? [], [layout]);
  const patchView = useCallback((p: Partial<ViewState>) => setView((v) => ({ ...v, ...p })), []);
  const seeds = useMemo(() => ({ orgs: view.orgs, roots: view.roots }), [view.orgs, view.roots]);
  const seedsKey = JSON.stringify(seeds);
  const crawledKey = info ? JSON.stringify({ orgs: info.orgs, roots: info.roots }) : null;

  useEffect(() => {
    // Crawl when nothing is cached, or when the families differ from what the cache holds.
    if (phase !== 'idle' || explorer.storeProblem || explorer.imported || link.snapshotUrl) return;
    if (crawledKey !== seedsKey) explorer.startCrawl(seeds);
  }, [phase, crawledKey, seedsKey, explorer.storeProblem]); // eslint-disable-line react-hooks/exhaustive-deps

  const [pathFrom, setPathFrom] = useState<string | null>(null);
  const selectedIds = useMemo(
    () => (layout ? resolveSelection(graph, view.selection) : new Set<string>()),
    [graph, layout, view.selection],
  );
  const pick = useCallback(
    (id: string | null) => {
      if (id && pathFrom) {
        setPathFrom(null);
        setView((v) => ({ ...v, selection: { rule: { kind: 'path', from: pathFrom, to: id }, add: [], remove: [] } }));
      }
      patchView({ selected: id });
      if (id && graph.hasNode(id))
        rendererRef.current?.frame([id, ...graph.inNeighbors(id), ...graph.outNeighbors(id)], id);
    },
    [graph, patchView, pathFrom],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const typing = (e.target as HTMLElement | null)?.closest('input, select, textarea');
      if (e.key === '/' && !typing) {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid="search-input"]')?.focus();
      } else if (e.key === 'Escape' && !typing) patchView({ selected: null });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [patchView]);

  // The link's camera is applied once the graph is drawn; from then on the camera feeds the URL.
  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer || !layout) return;
    if (link.camera) renderer.setCamera(link.camera);
    link.camera = null;
    const camera = renderer.sigma.getCamera();
    const onMove = (): void => {
      const { x, y, ratio } = camera.getState();
      cameraRef.current = { x, y, ratio };
      setUrlTick((t) => t + 1);
    };
    camera.on('updated', onMove);
    return () => void camera.off('updated', onMove);
  }, [layout]);

  useEffect(() => {
    const timer = setTimeout(() => {
      const q = encodePermalink({ view, camera: cameraRef.current, crawledAt: info?.crawledAt ?? null });
      if (settings.hubUrl !== PUBLIC_HUB) q.set('hub', settings.hubUrl);
      const query = q.toString();
      window.history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
    }, 250);
    return () => clearTimeout(timer);
  }, [view, info, settings.hubUrl, urlTick]);

  const [movedSeen, setMovedSeen] = useState(false);
  const movedOn = movedSeen ? null : dataMovedOn(link.crawledAt, info?.crawledAt ?? null);

  const [format, setFormat] = useState<ExportFormat>('csv');
  const exportView = (): void => {
    const lineage = viewLineage(graph, ids, view, isEmptySelection(view.selection) ? null : selectedIds);
    const meta = {
      hub: info?.hub ?? settings.hubUrl,
      orgs: view.orgs,
      roots: view.roots,
      crawledAt: info?.crawledAt ?? new Date().toISOString(),
    };
    const worker = new Worker(new URL('../workers/export.worker.ts', import.meta.url), { type: 'module' });
    const columnar = encodeLineage(lineage);
    const request: ExportRequest = {
      lineage: columnar,
      format,
      stem: viewFileStem(view, info?.crawledAt ?? null),
      meta,
    };
    worker.onmessage = (e: MessageEvent<ExportFile[]>) => {
      for (const file of e.data) download(file);
      worker.terminate();
    };
    worker.postMessage(request, transferables(columnar));
    setNotice(
      `Exported ${lineage.nodes.length.toLocaleString('en')} models and ${lineage.edges.length.toLocaleString('en')} edges as ${format.toUpperCase()}.`,
    );
  };
  const copyLink = (): void => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => setNotice('Link copied: it reopens this exact view.'),
      () => setNotice(`Copy this link: ${window.location.href}`),
    );
  };

  const openSnapshot = useCallback(
    (text: string, from: string) => {
      try {
        const parsed = parseSnapshot(JSON.parse(text));
        if (parsed.ok) return explorer.importSnapshot(parsed.snapshot);
        setNotice(`${from} is not a Forkscope snapshot: ${parsed.error}`);
      } catch {
        setNotice(`${from} is not JSON.`);
      }
    },
    [explorer],
  );
  useEffect(() => {
    if (!link.snapshotUrl) return;
    void fetch(link.snapshotUrl, { credentials: 'omit' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((text) => openSnapshot(text, 'The linked snapshot'))
      .catch((e: unknown) => setNotice(`The linked snapshot could not be fetched (${(e as Error).message}).`));
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const options = useMemo(() => distinctValues(graph, ids), [graph, ids]);
  const selected = view.selected && graph.hasNode(view.selected) ? view.selected : null;
  return (
    <div className={view.embed ? 'app embed' : 'app'}>
      {view.embed ? (
        <a
          className="embed-link"
          href={window.location.href.replace(/([?&])embed=1&?/, '$1')}
          target="_blank"
          rel="noopener noreferrer"
        >
          Open in Forkscope ↗
        </a>
      ) : (
        <header className="app-header">
          <h1>Forkscope</h1>
          <SearchBox graph={graph} ids={ids} onPick={pick} />
          {settings.hubUrl !== PUBLIC_HUB && (
            <span className="hub-badge" data-testid="hub-badge" title="Not the public Hugging Face Hub">
              Hub: {settings.hubUrl}
            </span>
          )}
          <select
            aria-label="Export format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormat)}
            data-testid="export-format"
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'json' ? 'snapshot JSON' : f.toUpperCase()}
              </option>
            ))}
          </select>
          <button type="button" onClick={exportView} data-testid="export-csv" disabled={ids.length === 0}>
            Export {isEmptySelection(view.selection) ? 'view' : 'selection'}
          </button>
          <label className="button">
            Open snapshot
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              data-testid="import-snapshot"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void file.text().then((t) => openSnapshot(t, file.name));
              }}
            />
          </label>
          <button type="button" onClick={copyLink} data-testid="copy-permalink">
            Copy link
          </button>
          <button type="button" onClick={() => setShowSettings(true)}>
            Settings
          </button>
        </header>
      )}
      {(notice || movedOn || explorer.storeProblem) && (
        <div className="banner" role="alert">
          {[notice, movedOn, explorer.storeProblem].filter(Boolean).join(' ')}{' '}
          {explorer.storeProblem && (
            <button type="button" onClick={() => void explorer.resetCache()}>
              Empty the cache and crawl again
            </button>
          )}
          {(notice || movedOn) && (
            <button
              type="button"
              onClick={() => {
                setNotice(null);
                setMovedSeen(true);
              }}
            >
              Dismiss
            </button>
          )}
        </div>
      )}
      <main className="app-main">
        {!view.embed && <Sidebar view={view} summary={summary} options={options} onChange={patchView} />}
        <div className="graph-area">
          {(!isEmptySelection(view.selection) || pathFrom) && (
            <div className="selection-bar" data-testid="selection-bar" aria-live="polite">
              {pathFrom ? (
                <>
                  Pick the other end of the path from <strong>{pathFrom}</strong> (search or click).{' '}
                </>
              ) : (
                <>
                  <strong>{selectedIds.size.toLocaleString('en')} selected</strong>: {describeSelection(view.selection)}
                  .{' '}
                </>
              )}
              <button type="button" onClick={() => (setPathFrom(null), patchView({ selection: emptySelection() }))}>
                Clear selection
              </button>
            </div>
          )}
          {view.focus && (
            <div className="focus-bar">
              Focused on <strong>{view.focus}</strong>{' '}
              <button type="button" onClick={() => patchView({ focus: null })}>
                Show all
              </button>
            </div>
          )}
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
          />
          {summary && (
            <p className="counts">
              {summary.visible.toLocaleString('en')} of {summary.total.toLocaleString('en')} models shown
            </p>
          )}
        </div>
        {selected && !view.embed && (
          <DetailsPanel
            graph={graph}
            id={selected}
            hubUrl={settings.hubUrl}
            crawledFamilies={familyOrder.filter((f) => f !== 'other')}
            onPick={pick}
            onFocus={(id) => {
              patchView({ focus: id });
              rendererRef.current?.frame([id, ...graph.outNeighbors(id)], id);
            }}
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
          onResume={() => explorer.startCrawl(seeds)}
          onRefresh={() => explorer.startCrawl(seeds, true)}
        />
      )}
      {showSettings && (
        <SettingsDialog
          settings={settings}
          token={token}
          onClose={() => setShowSettings(false)}
          onSave={(s, t) => {
            saveSettings(s);
            saveToken(t, s.tokenPersistence);
            setSettings(s);
            setToken(t);
            setShowSettings(false);
          }}
        />
      )}
    </div>
  );
}

function distinctValues(graph: ReturnType<typeof useExplorer>['graph'], ids: readonly string[]) {
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
