// The header's sharing actions: export the selection (or the filtered view) in a chosen format, built in a
// worker so 100,000 rows keep the page responsive (GEXF with the picture on screen); save the view as a PNG or
// SVG picture; open a snapshot file; copy the permalink.
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
import type { LineageGraph } from '../graph/graph.ts';
import { encodeLineage } from '../lineage/columnar.ts';
import type { SnapshotInfo } from '../store/db.ts';
import { isEmptySelection } from '../view/selection.ts';
import type { ViewState } from '../view/state.ts';
import type { ExportRequest, ExportResponse } from '../workers/export.worker.ts';
import { transferables } from '../workers/protocol.ts';
import { describeCopiedLink } from './dataEvents.ts';
import { saveBlob, viewFileStem, viewLineage } from './exportView.ts';
import type { LineageRenderer } from '../render/renderer.ts';
import { explorerPicture } from '../render/picture.ts';
import type { LegendEntry } from '../view/encoding.ts';
import { savePicture } from './exportPicture.ts';
import { WorkerOwner } from './session/worker-owner.ts';

interface Props {
  graph: LineageGraph;
  ids: readonly string[];
  view: ViewState;
  selectedIds: ReadonlySet<string>;
  info: SnapshotInfo | null;
  hubUrl: string;
  onOpenSnapshot(file: File): void;
  /** A problem, or anything the researcher must act on (the alert banner). */
  onNotice(message: string): void;
  /** What an action did or is doing (a quiet status); null takes it down. */
  onDone(message: string | null): void;
  /** The link of the view as it is now (the address bar is written a moment after a change). */
  linkNow(): string;
  rendererRef: React.RefObject<LineageRenderer | null>;
  /** What the graph shows: its legend and counts (for the pictures' legend and caption). */
  summary: { legendOfDrawn(): LegendEntry[]; visible: number; total: number } | null;
}

export function ShareActions(props: Props) {
  const { graph, ids, view, selectedIds, info, hubUrl, onOpenSnapshot, onNotice, onDone } = props;
  const { linkNow, rendererRef, summary } = props;
  const failed = (message: string): void => (onDone(null), onNotice(message));
  const [format, setFormat] = useState<ExportFormat>('csv');
  const stem = viewFileStem(view, info?.crawledAt ?? null);
  const exportView = (): void => {
    const lineage = viewLineage(graph, ids, view, isEmptySelection(view.selection) ? null : selectedIds);
    // The data's own description (an imported snapshot's or the cache's): its Hub, seeds and crawl date.
    const meta = {
      hub: info?.hub ?? hubUrl,
      orgs: info?.orgs ?? view.orgs,
      roots: info?.roots ?? view.roots,
      crawledAt: info?.crawledAt ?? new Date().toISOString(),
    };
    const columnar = encodeLineage(lineage);
    // GEXF carries the picture on screen: the explorer's positions, colours and sizes.
    const renderer = rendererRef.current;
    const picture =
      format === 'gexf' && renderer
        ? explorerPicture(
            renderer,
            lineage.nodes.map((n) => n.id),
          )
        : undefined;
    const request: ExportRequest = { lineage: columnar, format, stem, meta, picture };
    const what = `${lineage.nodes.length.toLocaleString('en')} models and ${lineage.edges.length.toLocaleString('en')} edges as ${format.toUpperCase()}`;
    onDone(`Exporting ${what}…`);
    // The notice says "Exported" only once the files exist; a worker that fails says so. One worker per export,
    // ended with it.
    const owner = new WorkerOwner<ExportRequest, ExportResponse>(
      () => new Worker(new URL('../workers/export.worker.ts', import.meta.url), { type: 'module' }),
      {
        message: (response) => {
          owner.end();
          if (!response.ok) return failed(`The export failed: ${response.message}`);
          for (const file of response.files) saveBlob(file.name, file.blob);
          const warnings = response.files.flatMap((f) => f.warnings);
          onDone(`Exported ${what}.${warnings.length > 0 ? ` ${warnings.join(' ')}` : ''}`);
        },
        failed: (reason) => failed(`The export failed: ${reason}.`),
      },
    );
    const moved = picture ? [picture.xy.buffer, picture.size.buffer] : [];
    owner.post(request, [...transferables(columnar), ...moved]);
  };
  const savePictureAs = (kind: 'png' | 'svg'): void => {
    const renderer = rendererRef.current;
    if (!renderer || !summary) return;
    const { visible: shown, total } = summary;
    const facts = { view, legend: summary.legendOfDrawn(), shown, total, info, hubUrl };
    savePicture(kind, renderer, facts, stem).then(
      (warning) => onDone(`Saved the view as ${kind.toUpperCase()}.${warning ? ` ${warning}` : ''}`),
      (err: unknown) => failed(`The picture failed: ${err instanceof Error ? err.message : String(err)}`),
    );
  };
  const copyLink = (): void => {
    const href = linkNow();
    void navigator.clipboard?.writeText(href).then(
      () => onDone(describeCopiedLink(info)),
      () => failed(`Copy this link: ${href}`),
    );
  };

  return (
    <>
      <select
        aria-label="Export format"
        value={format}
        onChange={(e) => setFormat(e.target.value as ExportFormat)}
        data-testid="export-format"
      >
        {EXPORT_FORMATS.map((f) => (
          <option key={f} value={f}>
            {f === 'json' ? 'snapshot JSON' : f.toUpperCase()}
          </option>
        ))}
      </select>
      <button type="button" onClick={exportView} data-testid="export-csv" disabled={ids.length === 0}>
        Export {isEmptySelection(view.selection) ? 'view' : 'selection'}
      </button>
      <span role="group" aria-label="Save the view as a picture" className="picture-buttons">
        <button type="button" onClick={() => savePictureAs('png')} data-testid="export-png" disabled={!summary}>
          PNG
        </button>
        <button type="button" onClick={() => savePictureAs('svg')} data-testid="export-svg" disabled={!summary}>
          SVG
        </button>
      </span>
      <label className="button">
        Open snapshot
        <input
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          data-testid="import-snapshot"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onOpenSnapshot(file);
            e.target.value = '';
          }}
        />
      </label>
      <button type="button" onClick={copyLink} data-testid="copy-permalink">
        Copy link
      </button>
    </>
  );
}
