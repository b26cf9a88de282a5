// The family-dynamics panel made ready before it is opened: once forests are drawn its code is fetched, and once the
// page is idle (no crawl running, no data opening, the graph shown is the cache's whole one, the panel closed, the view
// unchanged for a second) the dynamics worker is sent the lineage and asked what the panel would ask first
// (dynamics-host.ts; a lineage in columns is asked about as it arrives), and the charting code is loaded and tried.
// Once that answer (or the answer to what the panel asked before it was closed) is in and the page is idle again, the
// panel is drawn out of sight on it ("standby"): opening it then only shows it. Vega drawing the first charts was most
// of what remained of an opening (0.4 of 0.5 s at 200,000 models). A change of what the panel would ask takes the
// standby panel down at once. A crawl lets go of the worker.
import { useEffect, useLayoutEffect, useMemo, useReducer, useState, type ComponentType } from 'react';
import type { SnapshotInfo } from '../../store/db.ts';
import type { ViewState } from '../../view/state.ts';
import { afterFrame } from '../frames.ts';
import type { CrawlPhase, Layout } from '../useExplorer.ts';
import { showsWhole } from '../session/explorer-state.ts';
import type { DynamicsPanelProps } from './DynamicsPanel.tsx';
import { createDynamicsWorker, DynamicsHost } from './dynamics-host.ts';
import { paramsKey, usePanelParams } from './params.ts';

/** How long the view stays unchanged before the worker is asked (a view being changed is not followed). */
const PREPARE_DELAY_MS = 1_000;

interface Options {
  /** The graph on screen, or null before the first frame. */
  layout: Layout | null;
  /** What the cache holds: until the graph shown is its whole one (a crawl's partial graph is shown until the
   * finished one is laid out), nothing is prepared. */
  info: SnapshotInfo | null;
  view: ViewState;
  familyOrder: readonly string[];
  selectedIds: ReadonlySet<string>;
  phase: CrawlPhase;
  /** Fetches the panel's code. */
  load(): Promise<PanelModule>;
}

/** What the panel's module gives. */
export interface PanelModule {
  default: ComponentType<DynamicsPanelProps>;
  warmCharting(): void;
}

export interface PreparedDynamics {
  host: DynamicsHost;
  /** The panel's component once its code is loaded, to render without a Suspense boundary: a lazy component
   * suspends on its first render even when its code is loaded, and React then holds the panel back for 300 ms. */
  Panel: ComponentType<DynamicsPanelProps> | null;
  /** The panel is drawn out of sight: it is closed, its code is loaded, the page is as `prepare` waits for (the
   * whole graph shown, no crawl or data opening, not embedded), and the worker has answered what it would ask. */
  standby: boolean;
}

export function usePreparedDynamics(o: Options): PreparedDynamics {
  // A render each time the latest request is answered or lost: whether the panel stands by is read from the host.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [host] = useState(() => new DynamicsHost(createDynamicsWorker, rerender));
  const [loaded, setLoaded] = useState<PanelModule | null>(null);
  useEffect(() => () => host.release(), [host]);
  const { layout, view, load } = o;
  const lineage = layout ? (layout.columnar ?? layout.lineage) : null;
  const drawn = lineage !== null;
  useEffect(() => {
    if (drawn) load().then(setLoaded, () => undefined);
  }, [drawn, load]);

  const crawling = o.phase === 'crawling' || o.phase === 'opening';
  const closed = !view.dynamics.open;
  useEffect(() => {
    if (crawling && closed) host.release();
  }, [host, crawling, closed]);

  const params = usePanelParams(view, o.familyOrder, o.selectedIds);
  const key = useMemo(() => paramsKey(params), [params]);
  const whole = showsWhole(layout, o.info);
  const steady = !crawling && whole && !view.embed;
  const ready = steady && closed;
  // A lineage that arrives in columns (a reopened cache, a crawl's result) is asked about once its first frame is
  // drawn, not after a second of rest, and its worker is created before that frame: Chromium starts a worker only
  // once the page's thread has been idle for a few tens of ms, which a reopen gives it about a second after the
  // first frame, so a worker created then would start a second later still (README). Not before the frame: sending
  // 200,000 models' columns holds the page's thread ~0.17 s. (A layout effect: the graph is drawn in the view's own
  // effects.) A changed question waits for the view to rest.
  const columns = layout?.columnar ?? null;
  useLayoutEffect(() => {
    if (!ready || !columns) return;
    host.warm(columns);
    return afterFrame(() => host.prepare(columns, params, 'drawn'));
  }, [host, columns, ready]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!ready || !lineage) return;
    return afterQuiet(() => {
      host.prepare(lineage, params, 'rested');
      // The charting code is loaded and tried once: the panel's first charts need not wait for it.
      load().then(
        (module) => module.warmCharting(),
        () => undefined,
      );
    });
  }, [host, lineage, key, ready, load]); // eslint-disable-line react-hooks/exhaustive-deps
  const Panel = loaded?.default ?? null;
  // Open or closed: a panel closed on its answer stays drawn, out of sight.
  const answered = steady && Panel !== null && lineage !== null && host.hasAnswered(lineage, key);
  // Drawn once the page is idle again: not in the middle of a pan or a zoom begun since the question was asked.
  // (One token per answer shown: the page has been idle since this one arrived when the token is the idle one.)
  const answer = useMemo(() => ({ answered, lineage, key }), [answered, lineage, key]);
  const [idleSince, setIdleSince] = useState<object | null>(null);
  useEffect(() => (answer.answered ? whenIdle(() => setIdleSince(answer)) : undefined), [answer]);
  return { host, Panel, standby: closed && answered && idleSince === answer };
}

/** Runs `job` once the view has stayed unchanged for a while and the page is idle; returns the canceller. */
function afterQuiet(job: () => void): () => void {
  let idle: (() => void) | null = null;
  const timer = setTimeout(() => (idle = whenIdle(job)), PREPARE_DELAY_MS);
  return () => {
    clearTimeout(timer);
    idle?.();
  };
}

/** Runs `job` once the page is idle (at most 5 s later); returns the canceller. */
function whenIdle(job: () => void): () => void {
  // Not every browser has requestIdleCallback: then the next task.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(job, 0);
    return () => clearTimeout(timer);
  }
  const call = requestIdleCallback(job, { timeout: 5_000 });
  return () => cancelIdleCallback(call);
}
