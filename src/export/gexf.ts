// GEXF 1.3 for Gephi, written as a stream of text chunks: no DOM, no XML library, memory bounded by one chunk, so
// a 500,000-model export fits in a tab and in the CLI (graphology-gexf's writer built a DOM and ran out of memory
// at 405,000 models). Attributes are declared with their types (counts as integers), and a node may carry the
// app's picture in the viz namespace (position, colour, size), so Gephi opens what the explorer showed.
import { NODE_COLUMNS, nodeCell, type Lineage } from '../lineage/types.ts';
import { XmlText } from './xml.ts';

export interface NodeVisual {
  x?: number;
  y?: number;
  /** `#rrggbb`. */
  color?: string;
  size?: number;
}

export interface GexfOptions {
  /** The picture of a model, if the caller has one. */
  visual?: (id: string, index: number) => NodeVisual | undefined;
  /** Lines per chunk. */
  chunkLines?: number;
  /** Collects the count of replaced characters (see xml.ts). */
  xml?: XmlText;
}

const COLUMNS = NODE_COLUMNS.filter((c) => c !== 'id');
const TYPES: Partial<Record<(typeof COLUMNS)[number], string>> = {
  depth: 'integer',
  downloads: 'long',
  likes: 'long',
};

/** The document, chunk by chunk (each chunk a run of whole lines). */
export function* gexfChunks(lineage: Lineage, options: GexfOptions = {}): Generator<string, void, undefined> {
  const xml = options.xml ?? new XmlText();
  const per = options.chunkLines ?? 2000;
  let lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    '  <meta><creator>Forkscope</creator></meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node" mode="static">',
    ...COLUMNS.map((c) => `      <attribute id="${c}" title="${c}" type="${TYPES[c] ?? 'string'}"/>`),
    '    </attributes>',
    '    <attributes class="edge" mode="static">',
    '      <attribute id="relation" title="relation" type="string"/>',
    '      <attribute id="cycle" title="cycle" type="boolean"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const [i, n] of lineage.nodes.entries()) {
    const id = xml.escape(n.id);
    // A value the crawl did not read (an unread node's counts) is left out, as GEXF leaves unknown values.
    const values = COLUMNS.map((c) => {
      const v = nodeCell(n, c);
      return v === null ? '' : `<attvalue for="${c}" value="${xml.escape(v)}"/>`;
    }).join('');
    lines.push(
      `      <node id="${id}" label="${id}"><attvalues>${values}</attvalues>${viz(options.visual?.(n.id, i))}</node>`,
    );
    if (lines.length >= per) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  lines.push('    </nodes>', '    <edges>');
  for (const [i, e] of lineage.edges.entries()) {
    lines.push(
      `      <edge id="${i}" source="${xml.escape(e.parent)}" target="${xml.escape(e.child)}"><attvalues>` +
        `<attvalue for="relation" value="${e.relation}"/><attvalue for="cycle" value="${e.cycle}"/></attvalues></edge>`,
    );
    if (lines.length >= per) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  lines.push('    </edges>', '  </graph>');
  const report = xml.report('GEXF');
  if (report) lines.push(`  <!-- ${report} -->`);
  lines.push('</gexf>');
  yield `${lines.join('\n')}\n`;
}

function viz(v: NodeVisual | undefined): string {
  if (!v) return '';
  let out = '';
  const finite = (x: number | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
  if (v.color && /^#[0-9a-f]{6}$/i.test(v.color)) {
    const [r, g, b] = [1, 3, 5].map((k) => parseInt((v.color as string).slice(k, k + 2), 16));
    out += `<viz:color r="${r}" g="${g}" b="${b}"/>`;
  }
  if (finite(v.x) && finite(v.y)) out += `<viz:position x="${v.x}" y="${v.y}"/>`;
  if (finite(v.size)) out += `<viz:size value="${v.size}"/>`;
  return out;
}

/** The whole document as one string (small exports; stream `gexfChunks` for large ones). */
export function gexf(lineage: Lineage, options: GexfOptions = {}): string {
  return [...gexfChunks(lineage, options)].join('');
}
