// Which labels sigma draws: no two overlap at any zoom, none covers a named disc, runs under the page's controls
// over the canvas or past its edges, and the models that matter most are named first. sigma's label grid offers the
// biggest models of each cell, cell by cell across the canvas, so an obscure model in a corner would take the room of
// a family's root offered later; this placer sits in sigma's `defaultDrawNodeLabel`, takes the offers, and places
// them once sigma has made them all (on its `afterRender`, `flush`), by rank (the encoded size: downloads unless the
// researcher chose another). Before each frame it reserves the controls' boxes, the lit models' discs, then the
// labels that must be read (the picked, hovered and searched models: always), then the lit lineage's (first come,
// first placed). A label goes right of its disc, or left when the right runs past the canvas or is taken.
import type Sigma from 'sigma';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';
import { BoxGrid, type Box } from './box-grid.ts';

export type { Box } from './box-grid.ts';

type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>;

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

/** A label sigma offered, placed once it has offered them all. */
interface Offer {
  context: CanvasRenderingContext2D;
  data: LabelData;
  settings: LabelSettings;
  rank: number;
}

/** Space kept around each label, in pixels. */
const PAD = 2;

export class LabelPlacer {
  private grid = new BoxGrid();
  /** Labels placed before the frame, and where: drawn whatever the grid says. */
  private placed = new Map<string, Box>();
  /** Lit labels that found no room this frame: skipped when sigma offers them. */
  private crowded = new Set<string>();
  /** The other labels sigma offered this frame, placed by `flush`. */
  private offers: Offer[] = [];
  private measure: CanvasRenderingContext2D | null = null;
  /** Every box drawn in the current frame, in viewport pixels (what tests check for overlaps). */
  private drawn: Box[] = [];
  /** The canvas's size in pixels, read when the frame's first label is drawn (sigma resizes after beforeRender). */
  private width = Infinity;
  private height = Infinity;
  /** The reservations of the frame, made when its first label is drawn. */
  private reserve: (() => void) | null = null;
  /** The labels drawn in the current frame, as text at its baseline's left end (what pictures out redraw). */
  private texts: { text: string; x: number; y: number }[] = [];
  /** The colour of the box behind a hovered or marked model's label (the scheme's, set by ./theme.ts). */
  boxColor = '#FFF';
  /** The boxes of what covers the canvas (the page's bars and buttons), in viewport pixels; read once a frame. */
  covered: () => readonly Box[] = () => [];
  /** How much a model's label matters (higher first); sigma's order among equals. */
  rank: (key: string) => number = () => 0;

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
    this.grid.clear();
    this.placed.clear();
    this.crowded.clear();
    this.offers = [];
    this.drawn = [];
    this.texts = [];
    const settings = sigma.getSettings();
    if (typeof document !== 'undefined') this.measure ??= document.createElement('canvas').getContext('2d');
    const shown = (key: string): LabelData | null => {
      const data = sigma.getNodeDisplayData(key);
      if (!data || data.hidden || !data.label) return null;
      return { ...data, ...sigma.framedGraphToViewport(data), size: sigma.scaleSize(data.size), key };
    };
    // Done when the first label is drawn: before the frame, after a refresh, sigma's node data still holds layout
    // coordinates and its size the canvas's last one (it normalises them, sets the camera's matrix and resizes later).
    this.reserve = () => {
      ({ width: this.width, height: this.height } = sigma.getDimensions());
      for (const box of this.covered()) this.grid.occupy(box);
      const forced = new Set(always);
      const lit = [...new Set([...forced, ...preferred])].map(shown).filter((d) => d !== null);
      // Their discs first, so that no label of theirs (the picked one's included) covers another's disc.
      for (const data of lit) this.grid.occupy(discOf(data));
      for (const data of lit) {
        const key = data.key as string;
        const box = this.take(data, settings, null, forced.has(key), true);
        if (box) this.placed.set(key, box);
        else this.crowded.add(key);
      }
    };
  }

  /** sigma's `defaultDrawNodeLabel`: draws a label placed before the frame; keeps any other for `flush`. */
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
    const box = this.placed.get(key);
    if (box) this.write(context, data, settings, box);
    else this.offers.push({ context, data, settings, rank: this.rank(key) });
  };

  /** After sigma has offered its labels (its `afterRender`): the offers, highest rank first, drawn where they fit. */
  flush(): void {
    const offers = this.offers;
    this.offers = [];
    // Stable: among equal ranks, the bigger disc, then sigma's order.
    offers.sort((a, b) => b.rank - a.rank || b.data.size - a.data.size);
    for (const { context, data, settings } of offers) {
      const box = this.take(data, settings, context, false, false);
      if (box) this.write(context, data, settings, box);
    }
  }

  /** Where a label goes: on its usual side or else the other, whole on the canvas and meeting no box taken before;
   * null when neither is free (or, unless `forced`, its disc is covered). A forced label takes its usual side when
   * neither is free. Takes the label's room, and its disc's unless `discTaken`. */
  private take(
    data: LabelData,
    settings: LabelSettings,
    context: CanvasRenderingContext2D | null,
    forced: boolean,
    discTaken: boolean,
  ): Box | null {
    const disc = discOf(data);
    if (!forced && !discTaken && this.grid.collides(disc)) return null;
    const sides = this.sidesOf(data, settings, context);
    const free = (b: Box): boolean =>
      b.x0 >= 0 && b.y0 >= 0 && b.x1 <= this.width && b.y1 <= this.height && !this.grid.collides(b);
    const box = sides.find(free) ?? (forced ? sides[0] : undefined);
    if (!box) return null;
    this.grid.occupy(box);
    if (!discTaken) this.grid.occupy(disc);
    return box;
  }

  private write(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings, box: Box): void {
    this.drawn.push(box);
    this.texts.push(writeLabel(context, data, settings, box));
  }

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
      const box = this.boxAt(data, settings, context);
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
    if (data.label) writeLabel(context, data, settings, this.boxAt(data, settings, context));
  };

  /** Where a hovered or marked model's label was placed in the frame (or its usual side): the box drawn around it
   * must hold the text drawn in the labels' layer. */
  private boxAt(data: LabelData, settings: LabelSettings, context: CanvasRenderingContext2D): Box {
    return this.placed.get(data.key ?? '') ?? this.sidesOf(data, settings, context)[0];
  }

  /** The two boxes a disc's label can take, its usual side first: to the right of the disc, centred on its y, or
   * on the left when the right would run past the canvas's right edge. */
  private sidesOf(data: LabelData, settings: LabelSettings, context: CanvasRenderingContext2D | null): [Box, Box] {
    const ctx = context ?? this.measure;
    const size = settings.labelSize;
    let width = (data.label ?? '').length * size * 0.6;
    if (ctx) {
      ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      width = ctx.measureText(data.label ?? '').width;
    }
    const [y0, y1] = [data.y - size / 2 - PAD, data.y + size / 2 + PAD];
    const [right, left] = [data.x + data.size + 3, data.x - data.size - 3];
    const r = { x0: right - PAD, y0, x1: right + width + PAD, y1 };
    const l = { x0: left - width - PAD, y0, x1: left + PAD, y1, left: true };
    return r.x1 <= this.width ? [r, l] : [l, r];
  }
}

/** The square a disc covers. */
function discOf(data: LabelData): Box {
  const r = data.size;
  return { x0: data.x - r, y0: data.y - r, x1: data.x + r, y1: data.y + r };
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
