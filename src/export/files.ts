// The files one export makes, by format and name stem: pure, so the export worker and tests can use it.
import { edgesCsv, nodesCsv } from './csv.ts';
import { gexf, graphml, snapshotJson, type ExportFormat } from './formats.ts';
import type { Lineage } from '../lineage/types.ts';
import { edgesParquet, nodesParquet } from './parquet.ts';

export interface ExportFile {
  name: string;
  /** Text, or the bytes of a binary format (Parquet). */
  text: string | Uint8Array<ArrayBuffer>;
  type: string;
}

export function exportFiles(
  lineage: Lineage,
  format: ExportFormat,
  stem: string,
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string },
): ExportFile[] {
  if (format === 'csv')
    return [
      { name: `${stem}-nodes.csv`, text: nodesCsv(lineage), type: 'text/csv' },
      { name: `${stem}-edges.csv`, text: edgesCsv(lineage), type: 'text/csv' },
    ];
  if (format === 'parquet')
    return [
      { name: `${stem}-nodes.parquet`, text: nodesParquet(lineage.nodes), type: 'application/vnd.apache.parquet' },
      { name: `${stem}-edges.parquet`, text: edgesParquet(lineage.edges), type: 'application/vnd.apache.parquet' },
    ];
  if (format === 'gexf') return [{ name: `${stem}.gexf`, text: gexf(lineage), type: 'application/xml' }];
  if (format === 'graphml') return [{ name: `${stem}.graphml`, text: graphml(lineage), type: 'application/xml' }];
  return [{ name: `${stem}.json`, text: snapshotJson(lineage, meta), type: 'application/json' }];
}
