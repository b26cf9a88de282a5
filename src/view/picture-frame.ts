// The frame of an exported picture of the explorer's view: the graph as drawn, a legend beside it (what the colours
// and the disc sizes mean) and a caption under it (the Hub, the seeds, the data's version, the date). One pure
// function places every mark in pixels, so the SVG writer (export/svg.ts) and the PNG painter (render/picture.ts) draw
// the same picture; the text is cut to fit here, never measured, so both agree without a font.
import { sizeOf } from './encoding.ts';
import type { SizeBy } from './state.ts';

/** What the renderer drew, in the graph area's pixels (y down). */
export interface PictureScene {
  width: number;
  height: number;
  background: string;
  /** Text colour of labels, legend and caption. */
  ink: string;
  font: string;
  labelSize: number;
  edges: { x0: number; y0: number; x1: number; y1: number; color: string; width: number }[];
  nodes: { id: string; x: number; y: number; r: number; color: string; marked: boolean }[];
  /** Labels as drawn: the text's left end on its baseline. */
  labels: { text: string; x: number; y: number }[];
}

export interface PictureNotes {
  colourTitle: string;
  colours: { label: string; color: string; count: number }[];
  sizeTitle: string;
  sizes: { label: string; radius: number }[];
  caption: string[];
}

export type FrameMark =
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean }
  | { kind: 'disc'; x: number; y: number; r: number; color: string };

export interface Frame {
  width: number;
  height: number;
  /** The legend's panel, right of the graph. */
  panel: { x: number; y: number; w: number; h: number };
  marks: FrameMark[];
}

const PANEL_W = 250;
const PAD = 12;
const LINE = 18;
const TEXT = 12;
/** Characters per legend line and, per pixel of width, per caption line (a generous average glyph width). */
const LEGEND_CHARS = 34;
const CAPTION_PX_PER_CHAR = 7;

/** Cuts text to `max` characters (code points), marking the cut. */
export function fit(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

export function frameLayout(scene: Pick<PictureScene, 'width' | 'height'>, notes: PictureNotes): Frame {
  const marks: FrameMark[] = [];
  const x0 = scene.width + PAD;
  let y = PAD + TEXT;
  const text = (x: number, t: string, bold = false, size = TEXT): void =>
    void marks.push({ kind: 'text', x, y, text: fit(t, LEGEND_CHARS), size, bold });
  text(x0, notes.colourTitle, true);
  for (const c of notes.colours) {
    y += LINE;
    marks.push({ kind: 'disc', x: x0 + 6, y: y - 4, r: 6, color: c.color });
    text(x0 + 18, `${fit(c.label, 22)} (${c.count.toLocaleString('en')})`);
  }
  y += LINE * 1.6;
  text(x0, notes.sizeTitle, true);
  for (const s of notes.sizes) {
    const r = Math.max(1, s.radius);
    y += Math.max(LINE, 2 * r + 4);
    marks.push({ kind: 'disc', x: x0 + 14, y: y - 4, r, color: '#868e96' });
    text(x0 + 36, s.label);
  }
  const panelH = y + PAD;
  const top = Math.max(scene.height, panelH);
  const width = scene.width + PANEL_W;
  const chars = Math.floor((width - 2 * PAD) / CAPTION_PX_PER_CHAR);
  notes.caption.forEach((line, i) => {
    marks.push({
      kind: 'text',
      x: PAD,
      y: top + PAD + TEXT + i * LINE,
      text: fit(line, chars),
      size: TEXT,
      bold: i === 0,
    });
  });
  const height = top + 2 * PAD + notes.caption.length * LINE;
  return { width, height, panel: { x: scene.width, y: 0, w: PANEL_W, h: top }, marks };
}

const SIZE_SAMPLES: Record<SizeBy, number[]> = {
  downloads: [10, 1_000, 100_000, 10_000_000],
  likes: [1, 10, 100, 1_000],
  descendants: [1, 10, 100, 1_000],
};

/** The size legend: sample counts and the disc radius (pixels) the explorer gives them. */
export function sizeNotes(by: SizeBy): Pick<PictureNotes, 'sizeTitle' | 'sizes'> {
  return {
    sizeTitle: `Disc size: ${by} (log scale)`,
    sizes: SIZE_SAMPLES[by].map((n) => ({ label: `${n.toLocaleString('en')} ${by}`, radius: sizeOf(n) })),
  };
}

export interface CaptionFacts {
  hub: string;
  orgs: readonly string[];
  roots: readonly string[];
  /** The data's version: the crawl's (or the opened snapshot's) time, null before any crawl. */
  crawledAt: string | null;
  /** A published snapshot's revision, when the data came from one. */
  revision?: string | null;
  models: number;
  shown: number;
  /** What narrows the view (focus, filters, selection), in words, or empty. */
  scope: string;
  exportedAt: Date;
}

/** The caption's lines: what a reader of the picture needs to know where it came from. */
export function pictureCaption(f: CaptionFacts): string[] {
  const seeds = [
    f.orgs.length > 0 ? `orgs ${f.orgs.join(', ')}` : '',
    f.roots.length > 0 ? `roots ${f.roots.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
  const version = f.crawledAt ? `crawl of ${f.crawledAt}` : 'not crawled yet';
  return [
    `Forkscope lineage of ${f.shown.toLocaleString('en')} of ${f.models.toLocaleString('en')} models${f.scope ? ` (${f.scope})` : ''}`,
    `Hub: ${f.hub}`,
    `Seeds: ${seeds || 'none'}`,
    `Data: ${version}${f.revision ? `, revision ${f.revision}` : ''}`,
    `Exported ${f.exportedAt.toISOString().slice(0, 10)}`,
  ];
}

/** A picture per model as columns indexed like a lineage's nodes: what the app hands the export worker for GEXF
 * (export/picture.ts). */
export interface PictureColumns {
  /** x then y per model, in layout units. */
  xy: Float64Array;
  size: Float64Array;
  /** `#rrggbb` per model. */
  color: string[];
}
