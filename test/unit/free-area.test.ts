// The part of the canvas a framing may use: bands along the edges taken by the page's controls over it.
import { describe, expect, it } from 'vitest';
import { freeInsets } from '../../src/render/free-area.ts';

const [W, H] = [1154, 776];
// The controls as measured over the synthetic demo's canvas at 1400 x 850 (canvas pixels).
const slider = { x0: 11, y0: 717, x1: 426, y1: 744 };
const counts = { x0: 916, y0: 726, x1: 1144, y1: 744 };
const fitView = { x0: 1072, y0: 695, x1: 1144, y1: 718 };
const status = { x0: 0, y0: 748, x1: 1154, y1: 776 };

describe('freeInsets', () => {
  it('takes no band without controls', () => {
    expect(freeInsets(W, H, [])).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
  });

  it('gives the bottom band down from the time slider’s row, with a gap', () => {
    const insets = freeInsets(W, H, [slider, counts, fitView, status]);
    expect(insets.bottom).toBe(H - slider.y0 + 14);
    expect(insets).toMatchObject({ left: 0, right: 0, top: 0 });
  });

  it('takes no band for a small control in a corner (Fit view): a strip of the canvas for a model or two', () => {
    expect(freeInsets(W, H, [fitView])).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
  });

  it('gives a bar along the top its band, and a tall panel along a side its', () => {
    const focusBar = { x0: 8, y0: 8, x1: 700, y1: 40 };
    const sidePanel = { x0: 900, y0: 0, x1: W, y1: H };
    expect(freeInsets(W, H, [focusBar, sidePanel])).toMatchObject({ top: 40 + 14, right: W - 900 + 14 });
  });

  it('puts a box in a corner in the cheaper of its two bands', () => {
    const wide = { x0: 0, y0: H - 30, x1: 600, y1: H };
    expect(freeInsets(W, H, [wide])).toMatchObject({ bottom: 44, left: 0 });
  });

  it('takes no band for what floats mid-canvas or covers most of it (a dialog)', () => {
    const floating = { x0: 300, y0: 300, x1: 800, y1: 400 };
    const dialog = { x0: 0, y0: 100, x1: W, y1: H };
    expect(freeInsets(W, H, [floating, dialog])).toEqual({ left: 0, right: 0, top: 0, bottom: 0 });
  });
});
