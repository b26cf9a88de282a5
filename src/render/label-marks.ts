// The geometry and drawing of one label, shared by the placer (./labels.ts) and its hover layer: the two boxes a
// label can take beside its disc, the square a disc (or a highlighted disc's white mark) covers, the label's text,
// and the white mark with a shadow behind a hovered, picked or highlighted model (sigma's hover look). One copy of
// each measure, so what the placer reserves is what is drawn.
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { Box } from './box-grid.ts';

export type LabelSettings = Pick<Settings, 'labelSize' | 'labelWeight' | 'labelFont' | 'labelColor'>;

export type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

/** A label's box, in viewport pixels: right of its disc, or on its left (`left`). */
export interface LabelBox extends Box {
  left?: boolean;
}

/** Space kept around each label, in pixels. */
const PAD = 2;
/** Between a disc's edge and its label's text, in pixels. */
const GAP = 3;

/** The two boxes a label `textWidth` wide can take, its usual side first: right of the disc, centred on its y, or
 * the left when the right would run past the canvas (`canvasWidth`). A model that may be drawn highlighted
 * (`marked`) has its label beyond its white mark, which the placer reserves with its disc. */
export function sidesOf(
  data: LabelData,
  textWidth: number,
  labelSize: number,
  canvasWidth: number,
  marked: boolean,
): [LabelBox, LabelBox] {
  const [y0, y1] = [data.y - labelSize / 2 - PAD, data.y + labelSize / 2 + PAD];
  const r0 = marked ? markRadius(data, labelSize) : data.size;
  const [right, left] = [data.x + r0 + GAP, data.x - r0 - GAP];
  const r = { x0: right - PAD, y0, x1: right + textWidth + PAD, y1 };
  const l = { x0: left - textWidth - PAD, y0, x1: left + PAD, y1, left: true };
  return r.x1 <= canvasWidth ? [r, l] : [l, r];
}

/** The square a disc covers; a model that may be drawn highlighted (`marked`) covers its white mark's. */
export function discOf(data: LabelData, labelSize: number, marked = false): Box {
  const r = marked ? markRadius(data, labelSize) : data.size;
  return { x0: data.x - r, y0: data.y - r, x1: data.x + r, y1: data.y + r };
}

/** The white mark's radius around a highlighted disc: at least half a label's height, so the label's box joins it. */
export function markRadius(data: LabelData, labelSize: number): number {
  return Math.max(data.size, labelSize / 2) + 2;
}

/** sigma's disc label (drawDiscNodeLabel), written where `box` says. Returns the text at its baseline's left end. */
export function writeLabel(
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

/** sigma's hover look: a white mark with a shadow around the disc and, when its label was placed (`box`), the
 * label's box on that side; the label is written in it. A label the placer left out is not written here either. */
export function drawMark(
  context: CanvasRenderingContext2D,
  data: LabelData,
  settings: LabelSettings,
  box: LabelBox | undefined,
  color: string,
): void {
  Object.assign(context, { fillStyle: color, shadowOffsetX: 0, shadowOffsetY: 0, shadowBlur: 8, shadowColor: '#000' });
  const radius = markRadius(data, settings.labelSize);
  context.beginPath();
  if (box) {
    const [h, dir] = [box.y1 - box.y0, box.left ? -1 : 1];
    const far = box.left ? box.x0 : box.x1;
    const dx = Math.sqrt(Math.max(0, radius ** 2 - (h / 2) ** 2));
    const a = Math.asin(Math.min(1, h / 2 / radius));
    context.moveTo(data.x + dir * dx, data.y + h / 2);
    context.lineTo(far, data.y + h / 2);
    context.lineTo(far, data.y - h / 2);
    context.lineTo(data.x + dir * dx, data.y - h / 2);
    // Around the disc, on the side away from the label.
    if (box.left) context.arc(data.x, data.y, radius, Math.PI + a, Math.PI - a);
    else context.arc(data.x, data.y, radius, a, -a);
  } else context.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  context.closePath();
  context.fill();
  Object.assign(context, { shadowBlur: 0 });
  if (box) writeLabel(context, data, settings, box);
}
