// Disc sizes depend on the view alone: after any camera path that ends at the same ratio, the scale the renderer
// sizes discs at is the same, and it says it is settling until the discs are sized.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type Sigma from 'sigma';
import { DiscScale } from '../../src/render/disc-scale.ts';

/** The parts of sigma the scale reads: its camera's ratio, positions on screen at a camera at rest, frames and
 * refreshes. */
function fakeSigma(pxPerUnit = 3) {
  const listeners = new Map<string, (() => void)[]>();
  const on = (event: string, fn: () => void) => void listeners.set(event, [...(listeners.get(event) ?? []), fn]);
  const emit = (event: string) => listeners.get(event)?.forEach((fn) => fn());
  const state = { ratio: 1, animated: false, refreshes: 0, px: pxPerUnit };
  const camera = { on, getState: () => ({ ratio: state.ratio }), isAnimated: () => state.animated };
  const sigma = {
    on,
    getCamera: () => camera,
    // At the fixed camera the scale reads at, a layout unit takes pxPerUnit pixels, whatever the camera's ratio.
    graphToViewport: (p: { x: number; y: number }) => ({ x: p.x * state.px, y: p.y * state.px }),
    // sigma's own ratio at the current camera, read from its Float32Array matrix: rounded differently at each ratio.
    getGraphToViewportRatio: () => Math.fround(state.px / state.ratio),
    refresh: () => {
      state.refreshes++;
      emit('afterRender');
    },
  };
  const zoomTo = (ratio: number) => {
    state.ratio = ratio;
    emit('updated');
    emit('afterRender');
  };
  return { sigma: sigma as unknown as Sigma, state, zoomTo };
}

/** A scale attached to a fake sigma whose first frame is drawn and sized; `before` counts the refreshes so far. */
function settledScale() {
  const fake = fakeSigma();
  const scale = new DiscScale();
  scale.attach(fake.sigma);
  fake.zoomTo(1);
  vi.runAllTimers();
  return { ...fake, scale, before: fake.state.refreshes };
}

describe('disc scale', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sizes discs for the ratio the camera stopped at, whatever the path to it', () => {
    const ends = [[0.5, 0.45, 0.52], [0.9, 0.7, 0.52], [0.52]].map((path) => {
      const { sigma, zoomTo } = fakeSigma();
      const scale = new DiscScale();
      scale.attach(sigma);
      for (const ratio of path) {
        zoomTo(ratio);
        vi.advanceTimersByTime(250);
      }
      expect(scale.settling).toBe(false);
      return [scale.sizedAt, scale.unitPx];
    });
    expect(ends).toEqual([
      [0.52, 3],
      [0.52, 3],
      [0.52, 3],
    ]);
  });

  it('is settling while the camera moves and until the discs are sized once it stops', () => {
    const { sigma, state, zoomTo } = fakeSigma();
    const scale = new DiscScale();
    scale.attach(sigma);
    // The first frame reads the pixels a layout unit takes, and sizes the discs for them.
    zoomTo(1);
    vi.runAllTimers();
    expect(scale.settling).toBe(false);
    state.animated = true;
    expect(scale.settling).toBe(true);
    state.animated = false;
    zoomTo(0.8);
    expect(scale.settling).toBe(true);
    const before = state.refreshes;
    vi.advanceTimersByTime(250);
    expect(scale.settling).toBe(false);
    expect(state.refreshes).toBe(before + 1);
    expect(scale.sizedAt).toBe(0.8);
  });

  it('asks for no refresh while the camera zooms frame by frame, one once it stops, and none after a kill', () => {
    const { state, zoomTo, scale, before } = settledScale();
    for (let ratio = 1; ratio > 0.3; ratio *= 0.97) zoomTo(ratio);
    vi.advanceTimersByTime(0);
    expect(state.refreshes).toBe(before);
    vi.advanceTimersByTime(250);
    expect(state.refreshes).toBe(before + 1);
    zoomTo(0.2);
    scale.stop();
    vi.runAllTimers();
    expect(state.refreshes).toBe(before + 1);
    expect(scale.settling).toBe(false);
  });

  it('asks for no refresh after a frame of a new scale when the next picture is measured before it is drawn', () => {
    const { sigma, state, zoomTo, scale, before } = settledScale();
    // A new layout: the renderer draws a frame of nothing at the new scale, then measures and draws the picture.
    state.px = 5;
    zoomTo(1);
    scale.measure(sigma);
    vi.runAllTimers();
    expect(state.refreshes).toBe(before);
    expect(scale.unitPx).toBe(5);
    // Without a measure (a resize sigma drew by itself), the discs are sized again once.
    state.px = 7;
    zoomTo(1);
    vi.runAllTimers();
    expect(state.refreshes).toBe(before + 1);
    expect(scale.unitPx).toBe(7);
  });
});
