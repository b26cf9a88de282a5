// The part of the canvas a framing may use: the page's controls along its edges (the time slider's row, the status
// bar, a focus bar, a banner) take a band of it each, and what is framed goes in what they leave, so no model of a
// first view or a Fit view lies under them. Short controls (Fit view in its corner) take none. Canvas pixels.
import type { Box } from './box-grid.ts';

/** Pixels taken along each edge. */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const NO_INSETS: Insets = { left: 0, right: 0, top: 0, bottom: 0 };

/** A control this close to an edge stands along it (they float a few pixels in, some above the status bar's band). */
const NEAR_EDGE_PX = 48;
/** A control shorter than this share of the edge it stands along takes no band (Fit view in its corner): a band
 * would cost a strip of the whole canvas for a model or two that might lie under it. */
const MIN_LENGTH_SHARE = 0.15;
/** Pixels kept between a control and what is framed beside it: half a large disc and its label's height. */
const GAP_PX = 14;
/** No edge gives more than this share of the canvas: a control that large is a dialog over it, not a band. */
const MAX_SHARE = 0.3;

/** The bands the `covered` boxes take: each box near an edge and long enough along it takes the band from that edge
 * to its far side (a box in a corner, the narrower of its two bands); any other box takes none. */
export function freeInsets(width: number, height: number, covered: readonly Box[]): Insets {
  const insets = { ...NO_INSETS };
  for (const box of covered) {
    const [across, along] = [box.x1 - box.x0 >= MIN_LENGTH_SHARE * width, box.y1 - box.y0 >= MIN_LENGTH_SHARE * height];
    const bands: [keyof Insets, number][] = [];
    if (across && box.y1 >= height - NEAR_EDGE_PX) bands.push(['bottom', height - box.y0]);
    if (across && box.y0 <= NEAR_EDGE_PX) bands.push(['top', box.y1]);
    if (along && box.x0 <= NEAR_EDGE_PX) bands.push(['left', box.x1]);
    if (along && box.x1 >= width - NEAR_EDGE_PX) bands.push(['right', width - box.x0]);
    const narrowest = bands.sort((a, b) => a[1] - b[1])[0];
    if (!narrowest) continue;
    const [edge, band] = narrowest;
    const cap = MAX_SHARE * (edge === 'top' || edge === 'bottom' ? height : width);
    if (band <= cap) insets[edge] = Math.max(insets[edge], band + GAP_PX);
  }
  return insets;
}
