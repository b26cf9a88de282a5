// The family-dynamics panel made ready before it is opened: once forests are drawn its code is fetched, and once
// the page is idle (no crawl running, no data opening, the panel closed) the dynamics worker is sent the lineage
// and asked what the panel would ask first (dynamics-host.ts), and the charting code is loaded and tried. A
// change of the view asks again, a moment later; a request still computing is replaced (the worker answers only
// the latest).
import { useEffect, useState, type ComponentType } from 'react';
import type { DynamicsPanelProps } from './DynamicsPanel.tsx';
import type { ViewState } from '../../view/state.ts';
import type { CrawlPhase, Layout } from '../useExplorer.ts';
import { createDynamicsWorker, DynamicsHost } from './dynamics-host.ts';
import { dynamicsParams, panelFamilies, paramsKey } from './params.ts';

/** How long the page stays unchanged before the worker is asked (a view being changed is not followed). */
const PREPARE_DELAY_MS = 500;

interface Options {
  /** The graph on screen, or null before the first frame. */
  layout: Layout | null;
  view: ViewState;
  familyOrder: readonly string[];
  selectedIds: ReadonlySet<string>;
  /** Nothing is prepared while a crawl runs or data opens: each partial graph would be copied and indexed for
   * nothing, on a machine the crawl keeps busy. */
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
}

export function usePreparedDynamics(o: Options): PreparedDynamics {
  const [host] = useState(() => new DynamicsHost(createDynamicsWorker));
  const [panel, setPanel] = useState<PanelModule | null>(null);
  useEffect(() => () => host.end(), [host]);
  const { layout, view, selectedIds, load } = o;
  const idle = o.phase !== 'crawling' && o.phase !== 'opening';
  const lineage = layout ? (layout.columnar ?? layout.lineage) : null;
  const drawn = lineage !== null;
  useEffect(() => {
    if (drawn) load().then(setPanel, () => undefined);
  }, [drawn, load]);

  const params = dynamicsParams(view, panelFamilies(o.familyOrder), selectedIds);
  const key = paramsKey(params);
  const ready = idle && lineage !== null && !view.dynamics.open && !view.embed;
  useEffect(() => {
    if (!ready || !lineage) return;
    let idleCall: number | null = null;
    const timer = setTimeout(() => {
      idleCall = requestIdleCallback(
        () => {
          host.prepare(lineage, params);
          // The charting code is loaded and tried once: the panel's first charts need not wait for it.
          load().then(
            (panel) => panel.warmCharting(),
            () => undefined,
          );
        },
        { timeout: 5_000 },
      );
    }, PREPARE_DELAY_MS);
    return () => {
      clearTimeout(timer);
      if (idleCall !== null) cancelIdleCallback(idleCall);
    };
  }, [host, lineage, key, ready, load]); // eslint-disable-line react-hooks/exhaustive-deps
  return { host, Panel: panel?.default ?? null };
}
