// Exports for other tools: GEXF (streamed, gexf.ts, for Gephi), GraphML (written here: the graphology package
// only parses it), and the snapshot JSON Forkscope imports again. All take a Lineage, so the same code serves the
// app's selection and the command line's snapshot files; both XML writers go through xml.ts, so any Hub text
// gives a well-formed document.
import { NODE_COLUMNS, nodeCell, type Lineage } from '../lineage/types.ts';
import { makeSnapshot } from './snapshot.ts';
import { XmlText } from './xml.ts';

export { gexf, gexfChunks, type GexfOptions, type NodeVisual } from './gexf.ts';

export type ExportFormat = 'csv' | 'gexf' | 'graphml' | 'json' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'gexf', 'graphml', 'json', 'parquet'];

// GraphML's types: counts are whole numbers (`long`), so tools do not read 12 downloads as 12.0.
const GRAPHML_TYPES: Partial<Record<(typeof NODE_COLUMNS)[number], string>> = {
  depth: 'int',
  downloads: 'long',
  likes: 'long',
};

export function graphml(lineage: Lineage, xml = new XmlText()): string {
  const columns = NODE_COLUMNS.filter((c) => c !== 'id');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...columns.map((c) => `  <key id="${c}" for="node" attr.name="${c}" attr.type="${GRAPHML_TYPES[c] ?? 'string'}"/>`),
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <graph id="forkscope" edgedefault="directed">',
  ];
  for (const n of lineage.nodes)
    out.push(`    <node id="${xml.escape(n.id)}">${columns.map((c) => data(c, nodeCell(n, c), xml)).join('')}</node>`);
  lineage.edges.forEach((e, i) =>
    out.push(
      `    <edge id="e${i}" source="${xml.escape(e.parent)}" target="${xml.escape(e.child)}"><data key="relation">${e.relation}</data></edge>`,
    ),
  );
  out.push('  </graph>');
  const report = xml.report('GraphML');
  if (report) out.push(`  <!-- ${report} -->`);
  out.push('</graphml>');
  return out.join('\n');
}

/** A node's value for a key; none for a value the crawl did not read (an unread node's counts). */
function data(key: string, value: string | number | null, xml: XmlText): string {
  return value === null ? '' : `<data key="${key}">${xml.escape(value)}</data>`;
}

export function snapshotJson(lineage: Lineage, meta: Parameters<typeof makeSnapshot>[1]): string {
  return JSON.stringify(makeSnapshot(lineage, meta));
}
