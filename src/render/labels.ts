// Which labels sigma draws: no two overlap at any zoom. sigma's label grid picks the biggest models of each cell
// but lets long labels run into the next cell; this placer sits in sigma's `defaultDrawNodeLabel` and draws a label
// only where its box is free. Before each frame it reserves the boxes of the labels that must be read (the picked,
// hovered and searched models: always), then of the lit lineage (first come, first placed), so the grid's other
// candidates give way to them. A label that would run past the canvas's right edge is drawn on the left of its disc.
import type Sigma from 'sigma';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>;

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Drawn on the left of the disc (near the canvas's right edge). */
  left?: boolean;
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
  /** The canvas's width in pixels, read before each frame. */
  private width = Infinity;
  /** The reservations of the frame, made when its first label is drawn. */
  private reserve: (() => void) | null = null;
  /** The labels drawn in the current frame, as text at its baseline's left end (what pictures out redraw). */
  private texts: { text: string; x: number; y: number }[] = [];
  /** The colour of the box behind a hovered or marked model's label (the scheme's, set by ./theme.ts). */
  boxColor = '#FFF';

  get boxes(): readonly Box[] {
    return this.drawn;
  }

  get labels(): readonly { text: string; x: number; y: number }[] {
    return this.texts;
  }

  /** Starts a frame: `always` labels are reserved whatever they cover, `preferred` ones where there is room. */
  reset<N extends Attributes, E extends Attributes, G extends Attributes>(
    sigma: Sigma<N, E, G>,
    always: Iterable<string>,
    preferred: Iterable<string>,
  ): void {
    this.buckets.clear();
    this.placed.clear();
    this.crowded.clear();
    this.drawn = [];
    this.width = sigma.getDimensions().width;
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
    // Done when the first label is drawn: before the frame, after a refresh, sigma's node data still holds layout
    // coordinates (it normalises them, and sets the camera's matrix, later in the frame).
    this.reserve = () => {
      for (const key of always) reserve(key, true);
      for (const key of preferred) reserve(key, false);
    };
  }

  /** sigma's `defaultDrawNodeLabel`: draws the label when it was placed before the frame or finds room now. */
  readonly draw = <N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: LabelData,
    settings: Settings<N, E, G>,
  ): void => {
    this.reserve?.();
    this.reserve = null;
    if (!data.label) return;
    const key = data.key ?? '';
    if (this.crowded.has(key)) return;
    const box = this.boxOf(data, settings, context);
    if (!this.placed.has(key)) {
      if (this.collides(box)) return;
      this.occupy(box);
    }
    this.drawn.push(box);
    this.texts.push(writeLabel(context, data, settings, box));
  };

  /** sigma's `defaultDrawNodeHover` (hovered, picked and highlighted models): sigma's white box with a shadow, around
   * the disc and the label, on the side the label is drawn. */
  readonly drawHover = <N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: LabelData,
    settings: Settings<N, E, G>,
  ): void => {
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    Object.assign(context, {
      fillStyle: this.boxColor,
      shadowOffsetX: 0,
      shadowOffsetY: 0,
      shadowBlur: 8,
      shadowColor: '#000',
    });
    const radius = Math.max(data.size, size / 2) + 2;
    context.beginPath();
    if (data.label) {
      const box = this.boxOf(data, settings, context);
      const [h, dir] = [size + 4, box.left ? -1 : 1];
      const reach = radius + Math.round(context.measureText(data.label).width + 5);
      const dx = Math.sqrt(Math.max(0, radius ** 2 - (h / 2) ** 2));
      const a = Math.asin(Math.min(1, h / 2 / radius));
      context.moveTo(data.x + dir * dx, data.y + h / 2);
      context.lineTo(data.x + dir * reach, data.y + h / 2);
      context.lineTo(data.x + dir * reach, data.y - h / 2);
      context.lineTo(data.x + dir * dx, data.y - h / 2);
      // Around the disc, on the side away from the label.
      if (box.left) context.arc(data.x, data.y, radius, Math.PI + a, Math.PI - a);
      else context.arc(data.x, data.y, radius, a, -a);
    } else context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
    context.closePath();
    context.fill();
    Object.assign(context, { shadowBlur: 0 });
    if (data.label) writeLabel(context, data, settings, this.boxOf(data, settings, context));
  };

  /** The box a disc's label takes: to the right of the disc, centred on its y, or on the left when it would run past
   * the canvas's right edge and fits there. */
  private boxOf(data: LabelData, settings: LabelSettings, context?: CanvasRenderingContext2D): Box {
    const ctx = context ?? this.measure;
    const size = settings.labelSize;
    let width = (data.label ?? '').length * size * 0.6;
    if (ctx) {
      ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      width = ctx.measureText(data.label ?? '').width;
    }
    const [y0, y1] = [data.y - size / 2 - PAD, data.y + size / 2 + PAD];
    const right = data.x + data.size + 3;
    if (right + width + PAD <= this.width || data.x - data.size - 3 - width - PAD < 0)
      return { x0: right - PAD, y0, x1: right + width + PAD, y1 };
    const x1 = data.x - data.size - 3;
    return { x0: x1 - width - PAD, y0, x1: x1 + PAD, y1, left: true };
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

/** sigma's disc label (drawDiscNodeLabel), written where `box` says: right of the disc, or left of it. Returns the
 * text at its baseline's left end. */
function writeLabel(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: LabelSettings,
  box: Box,
): { text: string; x: number; y: number } {
  const size = settings.labelSize;
  context.fillStyle = settings.labelColor.attribute
    ? String((data as Record<string, unknown>)[settings.labelColor.attribute] ?? settings.labelColor.color ?? '#000')
    : (settings.labelColor.color ?? '#000');
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const at = { text: data.label ?? '', x: box.x0 + PAD, y: data.y + size / 3 };
  context.fillText(at.text, at.x, at.y);
  return at;
}

/** Grid cells a box touches, as one number each (labels are short: a box touches few cells). */
function* cellsOf(b: Box): Generator<number> {
  for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++)
    for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++) yield (cx + 4096) * 8192 + cy + 4096;
}
