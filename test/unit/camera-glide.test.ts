// A framing glide stops when the researcher takes the camera: sigma's camera, driven through its own animation
// frames, would otherwise carry a drag begun mid-glide back to the glide's end.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Camera } from 'sigma';
import { Framer, stopGlide } from '../../src/render/camera.ts';

// sigma's module reads WebGL's constants as it loads; its camera needs none of them.
let NewCamera: typeof Camera;
beforeAll(async () => {
  for (const name of ['WebGLRenderingContext', 'WebGL2RenderingContext'])
    if (!(name in globalThis)) Object.assign(globalThis, { [name]: {} });
  NewCamera = (await import('sigma')).Camera;
});

/** Animation frames run by hand, and a clock moved by hand (sigma's glide reads Date.now()). */
let frames = new Map<number, FrameRequestCallback>();
let clock = 0;
const realNow = Date.now;
beforeEach(() => {
  [frames, clock] = [new Map(), 1_000];
  let next = 1;
  Object.assign(globalThis, {
    requestAnimationFrame: (cb: FrameRequestCallback) => (frames.set(next, cb), next++),
    cancelAnimationFrame: (id: number) => void frames.delete(id),
  });
  Date.now = () => clock;
});
afterEach(() => {
  Date.now = realNow;
});

/** Moves the clock on and runs the frames asked for until then. */
function runFrames(ms: number): void {
  clock += ms;
  const due = [...frames.values()];
  frames.clear();
  for (const cb of due) cb(clock);
}

/** A glide from the origin to (10, 10) over 400 ms, a quarter done, then a drag to (-5, -5). */
function dragMidGlide(stop: boolean): { camera: Camera; ended: () => boolean } {
  const camera = new NewCamera();
  let ended = false;
  void camera.animate({ x: 10, y: 10 }, { duration: 400 }).then(() => (ended = true));
  runFrames(100);
  if (stop) stopGlide(camera);
  camera.setState({ x: -5, y: -5 });
  for (let k = 0; k < 6; k++) runFrames(100);
  return { camera, ended: () => ended };
}

describe('stopping a framing glide', () => {
  it('is needed: sigma carries a drag begun mid-glide back to the glide’s end', () => {
    const { camera } = dragMidGlide(false);
    expect(camera.getState()).toMatchObject({ x: 10, y: 10 });
  });

  it('leaves the camera where the drag put it, and ends the glide', async () => {
    const { camera, ended } = dragMidGlide(true);
    expect(camera.getState()).toMatchObject({ x: -5, y: -5 });
    expect(camera.isAnimated()).toBe(false);
    await Promise.resolve();
    expect(ended()).toBe(true);
  });

  it('does nothing to a camera at rest', () => {
    const camera = new NewCamera();
    camera.setState({ x: 3 });
    stopGlide(camera);
    expect(camera.getState()).toMatchObject({ x: 3 });
    expect(frames.size).toBe(0);
  });
});

/** The parts of sigma the Framer listens to: sigma's own camera, captors that emit by hand (what the Framer emits
 * on the mouse captor is kept), renders counted, and sigma's 'afterRender' run by hand. */
function framedSigma() {
  const camera = new NewCamera();
  const handlers = new Map<string, ((e?: unknown) => void)[]>();
  const emitted: [string, unknown][] = [];
  const captor = {
    on: (event: string, f: () => void) => void handlers.set(event, [...(handlers.get(event) ?? []), f]),
    emit: (event: string, e: unknown) => void emitted.push([event, e]),
  };
  let afterRender: (() => void)[] = [];
  const sigma = {
    getCamera: () => camera,
    getMouseCaptor: () => captor,
    getTouchCaptor: () => captor,
    once: (event: string, f: () => void) => void (event === 'afterRender' && afterRender.push(f)),
    renders: 0,
  };
  Object.assign(sigma, { scheduleRender: () => void sigma.renders++ });
  const framer = new Framer(sigma as never, {} as never, () => ({}) as never);
  const emit = (event: string, e?: unknown) => handlers.get(event)?.forEach((f) => f(e));
  const render = () => {
    const due = afterRender;
    afterRender = [];
    due.forEach((f) => f());
  };
  return { camera, sigma, framer, emit, emitted, render };
}

describe('the Framer', () => {
  it('stops a glide when the researcher presses on the graph, and draws the camera where it stopped', () => {
    const { camera, sigma, emit } = framedSigma();
    void camera.animate({ x: 10, y: 10 }, { duration: 400 });
    runFrames(100);
    emit('mousedown');
    expect(camera.isAnimated()).toBe(false);
    expect(sigma.renders).toBe(1);
    camera.setState({ x: -5, y: -5 });
    for (let k = 0; k < 6; k++) runFrames(100);
    expect(camera.getState()).toMatchObject({ x: -5, y: -5 });
  });

  it('hands sigma a still pointer again once the camera has moved and the frame is drawn, not once it left', () => {
    const { framer, emit, emitted, render } = framedSigma();
    const pointer = { x: 120, y: 80 };
    emit('mousemove', pointer);
    framer.moveTo({ x: 0.2, y: 0.3, ratio: 0.5, angle: 0 }, false);
    // Not before the frame: sigma finds the hovered model in the last frame drawn.
    expect(emitted).toEqual([]);
    render();
    expect(emitted).toEqual([['mousemove', pointer]]);
    emit('mouseleave');
    framer.moveTo({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, false);
    render();
    expect(emitted).toHaveLength(1);
  });

  it('leaves a glide to sigma on a wheel (its zoom replaces the glide itself)', () => {
    const { camera, emit } = framedSigma();
    void camera.animate({ x: 10, y: 10 }, { duration: 400 });
    runFrames(100);
    emit('wheel');
    expect(camera.isAnimated()).toBe(true);
  });
});
