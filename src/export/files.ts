// The files one export makes, by format and name stem: pure, so the export worker, the CLI and tests use it.
import { edgesCsv, nodesCsv } from './csv.ts';
import { gexf, graphml, snapshotJson, type ExportFormat } from './formats.ts';
import type { Lineage } from '../lineage/types.ts';
import { fileNamePart } from './file-name.ts';

export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

export function exportFiles(
  lineage: Lineage,
  format: ExportFormat,
  stem: string,
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string },
): ExportFile[] {
  stem = fileNamePart(stem, 200); // the stem may come from data: it stays a plain name whoever built it
  if (format === 'csv')
    return [
      { name: `${stem}-nodes.csv`, text: nodesCsv(lineage), type: 'text/csv' },
      { name: `${stem}-edges.csv`, text: edgesCsv(lineage), type: 'text/csv' },
    ];
  if (format === 'gexf') return [{ name: `${stem}.gexf`, text: gexf(lineage), type: 'application/xml' }];
  if (format === 'graphml') return [{ name: `${stem}.graphml`, text: graphml(lineage), type: 'application/xml' }];
  return [{ name: `${stem}.json`, text: snapshotJson(lineage, meta), type: 'application/json' }];
}
