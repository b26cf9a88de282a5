// The files one export makes, by format and name stem: pure, so the export worker, the CLI and tests use it. Each
// file says what its writer had to change (characters XML cannot carry), so the caller can tell the researcher.
import { edgesCsv, nodesCsv } from './csv.ts';
import { gexfChunks, graphml, snapshotJson, type ExportFormat } from './formats.ts';
import { columnsPicture, defaultPicture } from './picture.ts';
import type { PictureColumns } from '../view/picture-frame.ts';
import { XmlText } from './xml.ts';
import type { Lineage } from '../lineage/types.ts';
import { familyOrderOf } from '../view/encoding.ts';
import { fileNamePart } from './file-name.ts';
import { edgesParquet, nodesParquet } from './parquet.ts';

export interface ExportFile {
  name: string;
  /** Text, or the bytes of a binary format (Parquet). */
  text: string | Bytes;
  type: string;
  /** What the writer changed, in words (absent or empty when nothing). */
  warnings?: string[];
}

/** A file as a sequence of text chunks: join them, or hand them to a Blob or a stream, never one huge string. */
export interface ExportParts {
  name: string;
  type: string;
  /** Read once. Text chunks, or one block of bytes for a binary format (Parquet). */
  parts: Iterable<string | Bytes>;
  /** Filled once `parts` has been read to the end. */
  warnings: string[];
}

type Bytes = Uint8Array<ArrayBuffer>;
const PARQUET = 'application/vnd.apache.parquet';

type Meta = { hub: string; orgs: string[]; roots: string[]; crawledAt: string };

/** `picture`: the app's picture of these models (indexed like `lineage.nodes`); without it, the default one. */
export function exportParts(
  lineage: Lineage,
  format: ExportFormat,
  stem: string,
  meta: Meta,
  picture?: PictureColumns,
): ExportParts[] {
  stem = fileNamePart(stem, 200); // the stem may come from data: it stays a plain name whoever built it
  const one = (name: string, type: string, text: () => string | Bytes): ExportParts => ({
    name,
    type,
    parts: {
      *[Symbol.iterator]() {
        yield text();
      },
    },
    warnings: [],
  });
  if (format === 'csv')
    return [
      one(`${stem}-nodes.csv`, 'text/csv', () => nodesCsv(lineage)),
      one(`${stem}-edges.csv`, 'text/csv', () => edgesCsv(lineage)),
    ];
  if (format === 'json') return [one(`${stem}.json`, 'application/json', () => snapshotJson(lineage, meta))];
  if (format === 'parquet')
    return [
      one(`${stem}-nodes.parquet`, PARQUET, () => nodesParquet(lineage.nodes)),
      one(`${stem}-edges.parquet`, PARQUET, () => edgesParquet(lineage.edges)),
    ];
  const xml = new XmlText();
  const warnings: string[] = [];
  const noted = function* (chunks: Iterable<string>, format: string): Generator<string> {
    yield* chunks;
    const report = xml.report(format);
    if (report) warnings.push(report);
  };
  if (format === 'graphml')
    return [
      { name: `${stem}.graphml`, type: 'application/xml', parts: noted([graphml(lineage, xml)], 'GraphML'), warnings },
    ];
  // Gephi opens the explorer's picture: positions, colours and sizes in the viz namespace.
  const visual = picture ? columnsPicture(picture) : defaultPicture(lineage, familyOrderOf(meta.orgs, meta.roots));
  return [
    {
      name: `${stem}.gexf`,
      type: 'application/xml',
      parts: noted(gexfChunks(lineage, { visual, xml }), 'GEXF'),
      warnings,
    },
  ];
}

export function exportFiles(
  lineage: Lineage,
  format: ExportFormat,
  stem: string,
  meta: Meta,
  picture?: PictureColumns,
): ExportFile[] {
  return exportParts(lineage, format, stem, meta, picture).map((f) => {
    const parts = [...f.parts];
    const text = parts.length === 1 && typeof parts[0] !== 'string' ? (parts[0] as Bytes) : parts.join('');
    return { name: f.name, type: f.type, text, warnings: f.warnings };
  });
}
