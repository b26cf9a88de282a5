// Export worker: builds CSV, GEXF, GraphML or snapshot files off the main thread, so exporting 100,000 rows
// leaves the page responsive.
import type { ExportFormat } from '../export/formats.ts';
import { decodeLineage } from '../lineage/columnar.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import { exportFiles, type ExportFile } from '../export/files.ts';

export interface ExportRequest {
  lineage: ColumnarLineage;
  format: ExportFormat;
  stem: string;
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string };
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<ExportRequest>) => void) | null;
  postMessage(message: ExportFile[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { lineage, format, stem, meta } = e.data;
  scope.postMessage(exportFiles(decodeLineage(lineage), format, stem, meta));
};
