// Renders a chart specification without a page: Vega-Lite compiled to Vega, run by a headless View in safe mode
// (./safe.ts). Used by tests and the command line; the app draws the same specs through src/render/chart.ts.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { SAFE_VEGA } from './safe.ts';

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec, undefined, { ast: SAFE_VEGA.ast }), {
    renderer: 'none',
    expr: SAFE_VEGA.expr,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
