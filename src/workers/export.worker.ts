// Export worker: builds CSV, GEXF, GraphML, Parquet or snapshot files off the main thread. Each file is written
// chunk by chunk into Blobs, never joined into one string, so a 500,000-model GEXF stays within a tab's memory; the
// page gets the Blobs (or the reason it failed) and saves them.
import type { ExportFormat } from '../export/formats.ts';
import { decodeLineage } from '../lineage/columnar.ts';
import type { ColumnarLineage } from '../lineage/columnar.ts';
import { exportParts } from '../export/files.ts';
import type { PictureColumns } from '../view/picture-frame.ts';

export interface ExportRequest {
  lineage: ColumnarLineage;
  format: ExportFormat;
  stem: string;
  meta: { hub: string; orgs: string[]; roots: string[]; crawledAt: string };
  /** The explorer's picture of the exported models (GEXF), indexed like the lineage's nodes. */
  picture?: PictureColumns;
}

export interface ExportedFile {
  name: string;
  blob: Blob;
  warnings: string[];
}

export type ExportResponse = { ok: true; files: ExportedFile[] } | { ok: false; message: string };

interface WorkerScope {
  onmessage: ((e: MessageEvent<ExportRequest>) => void) | null;
  postMessage(message: ExportResponse): void;
}
const scope = self as unknown as WorkerScope;

/** Chunks gathered before they become one Blob (a few MB of text), so no string grows with the file. */
const CHUNKS_PER_BLOB = 64;

scope.onmessage = (e) => {
  try {
    const { lineage, format, stem, meta, picture } = e.data;
    const files = exportParts(decodeLineage(lineage), format, stem, meta, picture).map((file) => {
      const text = file.type.startsWith('text/') || file.type.endsWith('xml') || file.type.endsWith('json');
      const blobType = text ? `${file.type};charset=utf-8` : file.type;
      const blobs: Blob[] = [];
      let batch: BlobPart[] = [];
      for (const part of file.parts) {
        batch.push(part);
        if (batch.length < CHUNKS_PER_BLOB) continue;
        blobs.push(new Blob(batch));
        batch = [];
      }
      blobs.push(new Blob(batch));
      return { name: file.name, blob: new Blob(blobs, { type: blobType }), warnings: file.warnings };
    });
    scope.postMessage({ ok: true, files });
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
