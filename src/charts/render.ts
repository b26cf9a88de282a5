// Renders a chart specification without a page: Vega-Lite compiled to Vega, run by a headless View in safe mode
// (./safe.ts). Used by tests and the command line; the app draws the same specs through src/render/chart.ts.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { wellFormedXml } from '../export/xml.ts';
import { SAFE_VEGA } from './safe.ts';

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec, undefined, { ast: SAFE_VEGA.ast }), {
    renderer: 'none',
    expr: SAFE_VEGA.expr,
  });
  try {
    // vega writes Hub text into the SVG as it is: characters XML cannot carry are replaced, and said so.
    const { text, replaced } = wellFormedXml(await view.toSVG());
    return replaced === 0 ? text : `${text}\n<!-- ${replaced} characters that XML cannot carry replaced by U+FFFD -->`;
  } finally {
    view.finalize();
  }
}
