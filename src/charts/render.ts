// Renders a chart specification without a page: Vega-Lite compiled to Vega, run by a headless View whose
// expressions go through vega-interpreter (no `new Function`, so a strict Content-Security-Policy stays possible).
// Used by tests and the command line; the app draws the same specs with vega-embed.
import { parse, View } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { wellFormedXml } from '../export/xml.ts';

export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec, undefined, { ast: true }), {
    renderer: 'none',
    expr: expressionInterpreter,
  });
  try {
    // vega writes Hub text into the SVG as it is: characters XML cannot carry are replaced, and said so.
    const { text, replaced } = wellFormedXml(await view.toSVG());
    return replaced === 0 ? text : `${text}\n<!-- ${replaced} characters that XML cannot carry replaced by U+FFFD -->`;
  } finally {
    view.finalize();
  }
}
