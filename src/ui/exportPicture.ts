// Pictures of the view: PNG from the renderer's canvases, SVG written from the scene the renderer drew, both with
// the legend (what colours and disc sizes mean) and a caption naming the Hub, the seeds, the data's version (the
// crawl's or the opened snapshot's time) and the date, so a picture in a paper says where it came from.
import { pictureCaption, sizeNotes, type PictureNotes } from '../view/picture-frame.ts';
import { viewSvg } from '../export/svg.ts';
import type { LineageRenderer } from '../render/renderer.ts';
import { viewPng, viewScene } from '../render/picture.ts';
import type { SnapshotInfo } from '../store/db.ts';
import type { LegendEntry } from '../view/encoding.ts';
import { describeSelection, isEmptySelection } from '../view/selection.ts';
import { activeFilterCount, type ViewState } from '../view/state.ts';
import { saveBlob } from './exportView.ts';

export interface PictureFacts {
  view: ViewState;
  legend: readonly LegendEntry[];
  shown: number;
  total: number;
  info: SnapshotInfo | null;
  hubUrl: string;
}

/** What narrows the view, in words. */
function scopeOf(view: ViewState): string {
  const filters = activeFilterCount(view.filters);
  return [
    view.focus ? `focused on ${view.focus}` : '',
    isEmptySelection(view.selection) ? '' : `selection: ${describeSelection(view.selection)}`,
    filters > 0 ? `${filters} filter${filters === 1 ? '' : 's'}` : '',
    view.filters.asOf ? `as of ${view.filters.asOf}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function pictureNotes(f: PictureFacts, now = new Date()): PictureNotes {
  return {
    colourTitle: `Colour: ${f.view.colorBy}`,
    colours: f.legend.map((e) => ({ label: e.label, color: e.color, count: e.count })),
    ...sizeNotes(f.view.sizeBy),
    caption: pictureCaption({
      hub: f.info?.hub ?? f.hubUrl,
      orgs: f.info?.orgs ?? f.view.orgs,
      roots: f.info?.roots ?? f.view.roots,
      crawledAt: f.info?.crawledAt ?? null,
      models: f.total,
      shown: f.shown,
      scope: scopeOf(f.view),
      exportedAt: now,
    }),
  };
}

/** Saves the view as `stem.png` or `stem.svg`; gives what the SVG writer had to replace, if anything. */
export async function savePicture(
  format: 'png' | 'svg',
  renderer: LineageRenderer,
  facts: PictureFacts,
  stem: string,
): Promise<string | null> {
  const notes = pictureNotes(facts);
  if (format === 'png') {
    saveBlob(`${stem}.png`, await viewPng(renderer, notes));
    return null;
  }
  const svg = viewSvg(viewScene(renderer), notes);
  saveBlob(`${stem}.svg`, new Blob([svg.text], { type: 'image/svg+xml;charset=utf-8' }));
  return svg.warning;
}
