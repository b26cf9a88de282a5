// The files one export makes, by format and name stem: pure, so the export worker and tests can use it.
import { edgesCsv, nodesCsv } from './csv.ts';
import { gexf, graphml, snapshotJson, type ExportFormat } from './formats.ts';
import { defaultPicture } from './picture.ts';
import type { Lineage } from '../lineage/types.ts';

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
  if (format === 'csv')
    return [
      { name: `${stem}-nodes.csv`, text: nodesCsv(lineage), type: 'text/csv' },
      { name: `${stem}-edges.csv`, text: edgesCsv(lineage), type: 'text/csv' },
    ];
  if (format === 'gexf') {
    // Gephi opens the explorer's picture: positions, family colours and download sizes in the viz namespace.
    const visual = defaultPicture(lineage, [...meta.orgs, ...meta.roots]);
    return [{ name: `${stem}.gexf`, text: gexf(lineage, { visual }), type: 'application/xml' }];
  }
  if (format === 'graphml') return [{ name: `${stem}.graphml`, text: graphml(lineage), type: 'application/xml' }];
  return [{ name: `${stem}.json`, text: snapshotJson(lineage, meta), type: 'application/json' }];
}
