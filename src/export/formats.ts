// Exports for other tools: GEXF (graphology-gexf's writer, for Gephi), GraphML (written here: the graphology
// package only parses it), and the snapshot JSON Forkscope imports again. All take a Lineage, so the same
// code serves the app's selection and the command line's snapshot files.
import { write as writeGexf } from 'graphology-gexf';
import { createLineageGraph } from '../graph/graph.ts';
import { NODE_COLUMNS, type Lineage } from '../lineage/types.ts';
import { makeSnapshot } from './snapshot.ts';

export type ExportFormat = 'csv' | 'gexf' | 'graphml' | 'json' | 'parquet';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'gexf', 'graphml', 'json', 'parquet'];

export function gexf(lineage: Lineage): string {
  const graph = createLineageGraph(lineage);
  return writeGexf(graph, {
    version: '1.3',
    formatNode: (key, a) => ({
      label: key,
      attributes: Object.fromEntries(NODE_COLUMNS.filter((c) => c !== 'id').map((c) => [c, a[c]])),
    }),
    formatEdge: (_key, a) => ({ attributes: { relation: a.relation } }),
  });
}

const xml = (v: string | number): string =>
  String(v)
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // characters XML 1.0 cannot carry at all, so Hub text holding them must lose them
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

export function graphml(lineage: Lineage): string {
  const numeric = new Set(['depth', 'downloads', 'likes']);
  const columns = NODE_COLUMNS.filter((c) => c !== 'id');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...columns.map(
      (c) => `  <key id="${c}" for="node" attr.name="${c}" attr.type="${numeric.has(c) ? 'double' : 'string'}"/>`,
    ),
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <graph id="forkscope" edgedefault="directed">',
  ];
  for (const n of lineage.nodes)
    out.push(
      `    <node id="${xml(n.id)}">${columns.map((c) => `<data key="${c}">${xml(n[c])}</data>`).join('')}</node>`,
    );
  lineage.edges.forEach((e, i) =>
    out.push(
      `    <edge id="e${i}" source="${xml(e.parent)}" target="${xml(e.child)}"><data key="relation">${e.relation}</data></edge>`,
    ),
  );
  out.push('  </graph>', '</graphml>');
  return out.join('\n');
}

export function snapshotJson(
  lineage: Lineage,
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string },
): string {
  return JSON.stringify(makeSnapshot(lineage, meta));
}
