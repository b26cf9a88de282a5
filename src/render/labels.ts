// Which labels sigma draws: no two overlap at any zoom, none covers a named disc, runs under the page's controls
// over the canvas or past its edges, and the models that matter most are named first. sigma's label grid offers the
// biggest models of each cell, cell by cell across the canvas, so an obscure model in a corner would take the room of
// a family's root offered later; this placer sits in sigma's `defaultDrawNodeLabel`, takes the offers, and places
// them once sigma has made them all (on its `afterRender`, `flush`), by rank (the encoded size: downloads unless the
// researcher chose another). When a frame's first label is drawn it reserves the controls' boxes, the lit models'
// discs, then the labels that must be read (the picked, hovered and searched models: always drawn), then the lit
// lineage's (first come, first placed). A label goes right of its disc, or left when the right runs past the canvas
// or is taken. sigma draws the hover layer (`drawHover`) before `afterRender`: only labels placed before the frame
// (the lit ones) are written there. When only the controls move, the labels are placed again on their canvas alone.
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { Attributes } from 'graphology-types';
import { BoxGrid, type Box } from './box-grid.ts';
import {
  discOf,
  drawMark,
  sidesOf,
  writeLabel,
  type LabelBox,
  type LabelData,
  type LabelSettings,
} from './label-marks.ts';

/** A label sigma offered, placed once it has offered them all. */
interface Offer {
  context: CanvasRenderingContext2D;
  data: LabelData;
  settings: LabelSettings;
  rank: number;
}

export class LabelPlacer {
  private grid = new BoxGrid();
  /** The frame's forced labels: another forced label keeps clear of them when one of its sides can. */
  private forcedGrid = new BoxGrid();
  /** Labels placed before the frame, and where: drawn whatever the grid says. */
  private placed = new Map<string, LabelBox>();
  /** Lit labels that found no room this frame: skipped when sigma offers them. */
  private crowded = new Set<string>();
  /** The other labels sigma offered this frame, placed by `flush`. */
  private offers: Offer[] = [];
  /** What the frame drew, to place again when only the controls moved (`relabel`): the lit models' discs and
   * labels written, and sigma's offers by rank. */
  private litDiscs: Box[] = [];
  private litWrites: (Offer & { box: LabelBox })[] = [];
  private ranked: Offer[] = [];
  private measure: CanvasRenderingContext2D | null = null;
  /** Every box drawn in the current frame, in viewport pixels (what tests check for overlaps). */
  private drawn: LabelBox[] = [];
  /** The canvas's size in pixels, read when the frame's first label is drawn (sigma resizes after beforeRender). */
  private width = Infinity;
  private height = Infinity;
  /** The controls' boxes the frame keeps labels from. */
  private coveredInFrame: readonly Box[] = [];
  /** The reservations of the frame, made when its first label is drawn. */
  private reserve: (() => void) | null = null;
  /** Places the frame's lit labels on the grid as it stands (the reservations' last step, and `relabel`'s check). */
  private placeLit: () => Map<string, LabelBox | null> = () => new Map();
  /** The labels drawn in the current frame, as text at its baseline's left end (what pictures out redraw). */
  private texts: { text: string; x: number; y: number }[] = [];
  /** The colour of the white mark behind a hovered or marked model's label (the scheme's, set by ./theme.ts). */
  boxColor = '#FFF';
  /** The boxes of what covers the canvas (the page's bars and buttons), in viewport pixels; read once a frame. */
  covered: () => readonly Box[] = () => [];
  /** How much a model's label matters (higher first); among equals the bigger disc, then sigma's order. */
  rank: (key: string) => number = () => 0;

  get boxes(): readonly LabelBox[] {
    return this.drawn;
  }

  get labels(): readonly { text: string; x: number; y: number }[] {
    return this.texts;
  }

  /** Whether the controls over the canvas have moved, come or gone since the last frame kept labels from them. */
  coveredMoved(): boolean {
    const [now, then] = [this.covered(), this.coveredInFrame];
    return now.length !== then.length || now.some((b, i) => !sameBox(b, then[i] as Box));
  }

  /** Starts a frame: `always` labels are reserved whatever they cover, `preferred` ones where there is room. */
  reset<N extends Attributes, E extends Attributes, G extends Attributes>(
    sigma: Sigma<N, E, G>,
    always: Iterable<string>,
    preferred: Iterable<string>,
  ): void {
    for (const grid of [this.grid, this.forcedGrid]) grid.clear();
    // Read here, not with the canvas's size: every frame notes what it was drawn under (coveredMoved), labels or none.
    this.coveredInFrame = this.covered();
    this.placed.clear();
    this.crowded.clear();
    [this.offers, this.drawn, this.texts, this.litDiscs, this.litWrites, this.ranked] = [[], [], [], [], [], []];
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
      for (const box of this.coveredInFrame) this.grid.occupy(box);
      const forced = new Set(always);
      const lit = [...new Set([...forced, ...preferred])].map(shown).filter((d) => d !== null);
      // Their discs (and white marks) first, so that no label of theirs, the picked one's included, covers another's.
      this.litDiscs = lit.map((data) => discOf(data, settings.labelSize, true));
      for (const disc of this.litDiscs) this.grid.occupy(disc);
      this.placeLit = () =>
        new Map(
          lit.map((data) => {
            const key = data.key as string;
            return [key, forced.has(key) ? this.force(data, settings) : this.place(data, settings, null, true)];
          }),
        );
      for (const [key, box] of this.placeLit()) {
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
    if (box) {
      this.litWrites.push({ context, data, settings, rank: 0, box });
      this.write(context, data, settings, box);
    } else this.offers.push({ context, data, settings, rank: this.rank(key) });
  };

  /** After sigma has offered its labels (its `afterRender`): the offers, highest rank first, drawn where they fit. */
  flush(): void {
    [this.ranked, this.offers] = [this.offers, []];
    // Stable: among equal ranks, the bigger disc, then sigma's order.
    this.ranked.sort((a, b) => b.rank - a.rank || b.data.size - a.data.size);
    this.placeRanked();
  }

  /** The controls over the canvas moved, and the camera and graph did not: the frame's offers are placed again
   * under them on the labels' canvas alone. sigma's frame would draw its WebGL layers again too, which costs
   * hundreds of ms in software WebGL at 200,000 models (controls settle as a reopened page fills in). False when a
   * lit label would move or now find room: the hover layer holds those, and only a whole frame redraws it. */
  relabel(): boolean {
    this.coveredInFrame = this.covered();
    // No label drawn since the frame started: its reservations, when they come, read the controls as they are now.
    if (this.reserve) return true;
    for (const grid of [this.grid, this.forcedGrid]) grid.clear();
    for (const box of [...this.coveredInFrame, ...this.litDiscs]) this.grid.occupy(box);
    for (const [key, box] of this.placeLit()) {
      const was = this.placed.get(key);
      if (box ? !was || !sameBox(box, was) : was) return false;
    }
    [this.drawn, this.texts] = [[], []];
    const context = (this.litWrites[0] ?? this.ranked[0])?.context;
    context?.clearRect(0, 0, this.width, this.height);
    for (const { context, data, settings, box } of this.litWrites) this.write(context, data, settings, box);
    this.placeRanked();
    return true;
  }

  private placeRanked(): void {
    for (const { context, data, settings } of this.ranked) {
      const box = this.place(data, settings, context, false);
      if (box) this.write(context, data, settings, box);
    }
  }

  /** sigma's `defaultDrawNodeHover` (hovered, picked and highlighted models, drawn before `flush`): the white mark,
   * with the label where it was placed before the frame; a label left out is left out here too. */
  readonly drawHover = <N extends Attributes, E extends Attributes, G extends Attributes>(
    context: CanvasRenderingContext2D,
    data: LabelData,
    settings: Settings<N, E, G>,
  ): void => {
    const box = data.label ? this.placed.get(data.key ?? '') : undefined;
    drawMark(context, data, settings, box, this.boxColor);
  };

  /** A lit or offered label on a free side of its disc, whole on the canvas; null when neither side is free or (an
   * offer) its disc is covered. Takes the label's room, and an offer's disc's (a `lit` model's disc and white mark
   * were taken before the frame). */
  private place(
    data: LabelData,
    settings: LabelSettings,
    context: CanvasRenderingContext2D | null,
    lit: boolean,
  ): LabelBox | null {
    const disc = discOf(data, settings.labelSize);
    if (!lit && this.grid.collides(disc)) return null;
    const box = this.sides(data, settings, context, lit).find((b) => this.free(b));
    if (!box) return null;
    this.grid.occupy(box);
    if (!lit) this.grid.occupy(disc);
    return box;
  }

  /** A forced label (picked, hovered, searched): on a free side if it has one, else on a side clear of the other
   * forced labels, else on its usual side (two forced labels meet only where both sides of one are taken by others). */
  private force(data: LabelData, settings: LabelSettings): LabelBox {
    const sides = this.sides(data, settings, null, true);
    const box = sides.find((b) => this.free(b)) ?? sides.find((b) => !this.forcedGrid.collides(b)) ?? sides[0];
    this.grid.occupy(box);
    this.forcedGrid.occupy(box);
    return box;
  }

  private free(b: Box): boolean {
    return b.x0 >= 0 && b.y0 >= 0 && b.x1 <= this.width && b.y1 <= this.height && !this.grid.collides(b);
  }

  /** The two boxes a label can take, its usual side first (label-marks.ts), measured in the labels' font; a lit
   * model's (`marked`) beyond its white mark. */
  private sides(
    data: LabelData,
    settings: LabelSettings,
    context: CanvasRenderingContext2D | null,
    marked: boolean,
  ): [LabelBox, LabelBox] {
    const ctx = context ?? this.measure;
    const size = settings.labelSize;
    let width = (data.label ?? '').length * size * 0.6;
    if (ctx) {
      ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      width = ctx.measureText(data.label ?? '').width;
    }
    return sidesOf(data, width, size, this.width, marked);
  }

  private write(context: CanvasRenderingContext2D, data: LabelData, settings: LabelSettings, box: LabelBox): void {
    this.drawn.push(box);
    this.texts.push(writeLabel(context, data, settings, box));
  }
}

function sameBox(a: Box, b: Box): boolean {
  return a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1;
}
