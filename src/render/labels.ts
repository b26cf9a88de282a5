// Which labels sigma draws: no two overlap at any zoom. sigma's label grid picks the biggest models of each cell
// but lets long labels run into the next cell; this placer sits in sigma's `defaultDrawNodeLabel` and draws a label
// only where its box is free. Before each frame it reserves the boxes of the labels that must be read (the picked,
// hovered and searched models: always), then of the lit lineage (first come, first placed), so the grid's other
// candidates give way to them.
import type Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont'>;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

/** Space kept around each label, in pixels. */
const PAD = 2;
/** Bucket size of the occupancy grid, in pixels. */
const CELL = 64;

export class LabelPlacer {
  private buckets = new Map<number, Box[]>();
  /** Labels placed before the frame: drawn whatever the grid says. */
  private placed = new Set<string>();
  /** Lit labels that found no room this frame: skipped when sigma offers them. */
  private crowded = new Set<string>();
  private measure: CanvasRenderingContext2D | null = null;
  /** Every box drawn in the current frame, in viewport pixels (what tests check for overlaps). */
  private drawn: Box[] = [];
  /** The labels drawn in the current frame, as text at its baseline's left end (what pictures out redraw). */
  private texts: { text: string; x: number; y: number }[] = [];

  get boxes(): readonly Box[] {
    return this.drawn;
  }

  get labels(): readonly { text: string; x: number; y: number }[] {
    return this.texts;
  }

  /** Starts a frame: `always` labels are reserved whatever they cover, `preferred` ones where there is room. */
  reset(sigma: Sigma, always: Iterable<string>, preferred: Iterable<string>): void {
    this.buckets.clear();
    this.placed.clear();
    this.crowded.clear();
    this.drawn = [];
    this.texts = [];
    const settings = sigma.getSettings();
    if (typeof document !== 'undefined') this.measure ??= document.createElement('canvas').getContext('2d');
    const reserve = (key: string, force: boolean): void => {
      const data = sigma.getNodeDisplayData(key);
      if (!data || data.hidden || !data.label || this.placed.has(key)) return;
      const at = sigma.framedGraphToViewport(data);
      const box = this.boxOf({ ...data, ...at, size: sigma.scaleSize(data.size) }, settings);
      if (!force && this.collides(box)) return void this.crowded.add(key);
      this.occupy(box);
      this.placed.add(key);
    };
    for (const key of always) reserve(key, true);
    for (const key of preferred) reserve(key, false);
  }

  /** sigma's `defaultDrawNodeLabel`: draws the label when it was placed before the frame or finds room now. */
  readonly draw = <N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: LabelData,
    settings: Settings<N, E, G>,
  ): void => {
    if (!data.label) return;
    const key = data.key ?? '';
    if (this.crowded.has(key)) return;
    if (!this.placed.has(key)) {
      const box = this.boxOf(data, settings, context);
      if (this.collides(box)) return;
      this.occupy(box);
      this.drawn.push(box);
    } else this.drawn.push(this.boxOf(data, settings, context));
    drawDiscNodeLabel(context, data, settings);
    // Where drawDiscNodeLabel puts the text.
    this.texts.push({ text: data.label, x: data.x + data.size + 3, y: data.y + settings.labelSize / 3 });
  };

  /** The box sigma's disc label takes: to the right of the disc, centred on its y. */
  private boxOf(data: LabelData, settings: LabelSettings, context?: CanvasRenderingContext2D): Box {
    const ctx = context ?? this.measure;
    const size = settings.labelSize;
    let width = (data.label ?? '').length * size * 0.6;
    if (ctx) {
      ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      width = ctx.measureText(data.label ?? '').width;
    }
    const x0 = data.x + data.size + 3;
    return { x0: x0 - PAD, y0: data.y - size / 2 - PAD, x1: x0 + width + PAD, y1: data.y + size / 2 + PAD };
  }

  private collides(b: Box): boolean {
    for (const key of cellsOf(b))
      for (const o of this.buckets.get(key) ?? [])
        if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return true;
    return false;
  }

  private occupy(b: Box): void {
    for (const key of cellsOf(b)) {
      const list = this.buckets.get(key);
      if (list) list.push(b);
      else this.buckets.set(key, [b]);
    }
  }
}

/** Grid cells a box touches, as one number each (labels are short: a box touches few cells). */
function* cellsOf(b: Box): Generator<number> {
  for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++)
    for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++) yield (cx + 4096) * 8192 + cy + 4096;
}
