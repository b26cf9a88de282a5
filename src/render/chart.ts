// Draws a Vega-Lite chart into an element with vega-embed (SVG, safe mode, no action menu): the only importer of
// vega-embed, as src/render/renderer.ts is of sigma. The handle saves the picture and reports clicked data rows.
// In the system's dark scheme the chart takes the page's dark colours (view/palette.ts), not a white block. A chart as
// wide as its container follows the container, where Vega-Lite's compiled spec follows only the window: the dynamics
// panel is drawn out of sight and may be shown after the page's columns changed (ui/dynamics/usePreparedDynamics.ts).
import type { Spec } from 'vega';
import embed from 'vega-embed';
import type { ChartSpec } from '../charts/specs.ts';
import { SAFE_VEGA } from '../charts/safe.ts';
import { DARK_CHART_CONFIG, type ColorScheme } from '../view/palette.ts';
export { colorScheme, onSchemeChange } from './theme.ts';

export interface ChartHandle {
  png(scale: number): Promise<string>;
  svg(): Promise<string>;
  finalize(): void;
}

export async function drawChart(
  el: HTMLElement,
  spec: ChartSpec,
  onClickDatum: (datum: unknown) => void,
  scheme: ColorScheme = 'light',
): Promise<ChartHandle> {
  const config = scheme === 'dark' ? { config: DARK_CHART_CONFIG } : {};
  const result = await embed(el, spec, {
    actions: false,
    renderer: 'svg',
    patch: followContainer,
    ...SAFE_VEGA,
    ...config,
  });
  result.view.addEventListener('click', (_event, item) => {
    // A chart whose nearest point answers the pointer is clicked through a Voronoi cell: its datum is the point.
    const cell = item as { isVoronoi?: boolean; datum?: { datum?: unknown } } | null | undefined;
    const datum = cell?.isVoronoi ? cell.datum?.datum : item?.datum;
    if (datum) onClickDatum(datum);
  });
  return {
    png: (scale) => result.view.toImageURL('png', scale),
    svg: () => result.view.toSVG(),
    finalize: () => result.finalize(),
  };
}

/** The compiled spec's size signals follow their element (Vega's `container:resize`: its own ResizeObserver, let go
 * on finalize, quiet while the element keeps its size) instead of the window. */
function followContainer(vega: Spec): Spec {
  const signals = vega.signals?.map((signal) =>
    'on' in signal && signal.on
      ? {
          ...signal,
          on: signal.on.map((h) => ({ ...h, events: h.events === 'window:resize' ? 'container:resize' : h.events })),
        }
      : signal,
  );
  return { ...vega, signals };
}
