// The camera that follows the researcher: it frames what view/framing.ts says (a box in layout coordinates), with
// sigma's own coordinate helpers (sigma normalises positions to the graph's bounding box, and fits that box to the
// viewport at ratio 1). The last framing is kept and done again, without animation, when positions change or the
// canvas is resized, until the researcher moves the camera (drag, wheel, touch) or a link sets it. What is framed is
// centred in the part of the canvas the page's controls along its edges leave free (./free-area.ts).
import type { Camera, default as Sigma } from 'sigma';
import type { CameraState, MouseCoords } from 'sigma/types';
import type { EdgeAttributes, GraphNode, LineageGraph } from '../graph/graph.ts';
import { frameBox, type Box, type FrameRequest, type Placement } from '../view/framing.ts';
import type { Box as PixelBox } from './box-grid.ts';
import { freeInsets, NO_INSETS, type Insets } from './free-area.ts';

type LineageSigma = Sigma<GraphNode, EdgeAttributes>;

/** Pixels kept free around a framed box: discs are drawn up to ~20 px across, labels flip inwards at the edges. */
const MARGIN_PX = 36;
const DURATION_MS = 450;
/** The camera at rest, against which framed coordinates are measured. */
const UNIT: CameraState = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };

/** The camera state that shows a box of layout coordinates whole, centred in the canvas less `insets` (pixels kept
 * free along each edge, at least MARGIN_PX). */
export function cameraFor(sigma: LineageSigma, box: Box, insets: Insets = NO_INSETS): CameraState | null {
  const { width, height } = sigma.getDimensions();
  const [left, right, top, bottom] = [insets.left, insets.right, insets.top, insets.bottom].map((px) =>
    Math.max(MARGIN_PX, px),
  ) as [number, number, number, number];
  const [freeWidth, freeHeight] = [width - left - right, height - top - bottom];
  if (freeWidth <= 0 || freeHeight <= 0) return null;
  const override = { cameraState: UNIT };
  // Layout → framed coordinates: sigma's normalisation, read through its public helpers at a fixed camera.
  const framed = (x: number, y: number) =>
    sigma.viewportToFramedGraph(sigma.graphToViewport({ x, y }, override), override);
  const [a, b] = [framed(box.x0, box.y0), framed(box.x1, box.y1)];
  // Pixels per framed unit at ratio 1, both ways (sigma keeps them equal; measured rather than assumed).
  const [o, e] = [
    sigma.framedGraphToViewport({ x: 0, y: 0 }, override),
    sigma.framedGraphToViewport({ x: 1, y: 1 }, override),
  ];
  const [kx, ky] = [Math.abs(e.x - o.x), Math.abs(e.y - o.y)];
  const fit = Math.max((Math.abs(b.x - a.x) * kx) / freeWidth, (Math.abs(b.y - a.y) * ky) / freeHeight);
  const [lo, hi] = [sigma.getSetting('minCameraRatio') ?? 0, sigma.getSetting('maxCameraRatio') ?? Infinity];
  const ratio = Math.min(hi, Math.max(lo, fit));
  const centred = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, angle: 0, ratio };
  // The box's centre is at the canvas's centre; the camera moves by what separates that from the free part's centre
  // (an affine map at angle 0, so the framed difference of the two points is the move).
  const at = { cameraState: centred };
  const [middle, free] = [
    sigma.viewportToFramedGraph({ x: width / 2, y: height / 2 }, at),
    sigma.viewportToFramedGraph({ x: left + freeWidth / 2, y: top + freeHeight / 2 }, at),
  ];
  const state = { ...centred, x: centred.x + middle.x - free.x, y: centred.y + middle.y - free.y };
  return Object.values(state).every(Number.isFinite) ? state : null;
}

/** The bounding box of laid-out positions (sigma's extent form), or null (sigma's own) when there are none. */
export function layoutExtent(xy: Float32Array): { x: [number, number]; y: [number, number] } | null {
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const [x, y] = [xy[i] as number, xy[i + 1] as number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  }
  return x0 <= x1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

export class Framer {
  /** The last framing, done again on new positions or a resize; null once the researcher moved the camera. */
  private request: FrameRequest | null = null;
  private animation = 0;
  private animating = false;
  /** Where the pointer last moved over the canvas, or null once it left: sigma finds the hovered model on pointer
   * moves only, so after a glide the model under a still pointer is found again from here. */
  private pointer: MouseCoords | null = null;

  constructor(
    private readonly sigma: LineageSigma,
    private readonly graph: LineageGraph,
    private readonly placement: () => Placement,
    /** The page's controls over the canvas, in its pixels. */
    private readonly covered: () => readonly PixelBox[] = () => [],
  ) {
    const release = (): void => this.release();
    sigma.getMouseCaptor().on('mousedown', release);
    sigma.getTouchCaptor().on('touchdown', release);
    // A wheel's zoom is sigma's own glide, which replaces a framing glide (and its throttle reads the glide it runs).
    sigma.getMouseCaptor().on('wheel', () => (this.request = null));
    sigma.getMouseCaptor().on('mousemove', (e) => (this.pointer = e));
    sigma.getMouseCaptor().on('mouseleave', () => (this.pointer = null));
  }

  /** Frames a request; `animate` false jumps there (first view, a new layout, a resize). */
  frame(request: FrameRequest, animate = true): void {
    const box = frameBox(this.graph, request, this.placement());
    const { width, height } = this.sigma.getDimensions();
    const target = box && cameraFor(this.sigma, box, freeInsets(width, height, this.covered()));
    if (!target) return;
    this.request = request;
    this.moveTo(target, animate);
  }

  /** The framing is done again (the positions or the canvas changed), unless the camera was moved since. */
  redo(): void {
    if (this.request) this.frame(this.request, this.animating);
  }

  /** The researcher, or a link, took the camera: a glide under way (a framing, sigma's inertia) stops where it is,
   * drawn whole (frames drawn while it moved had no labels or edges). */
  release(): void {
    this.request = null;
    if (stopGlide(this.sigma.getCamera())) this.sigma.scheduleRender();
  }

  /** A keyboard pick, a filter or Fit view moved the graph under a still pointer: once the frame at the camera's
   * end is drawn (sigma finds the hovered model in the last frame's picking layer), sigma's own handler is handed
   * the pointer again, as on a pointer move, so the read-out and highlight do not name a model gone from under it. */
  private hoverAgain(): void {
    this.sigma.once('afterRender', () => {
      if (this.pointer) this.sigma.getMouseCaptor().emit('mousemove', this.pointer);
    });
  }

  /** Moves the camera to `target`, gliding or (`animate` false) at once, and draws it whole when there. */
  moveTo(target: CameraState, animate: boolean): void {
    const camera = this.sigma.getCamera();
    const token = ++this.animation;
    const done = (): void => {
      if (token !== this.animation) return;
      this.animating = false;
      // sigma leaves edges and labels out of frames drawn while the camera is animated; an animation that did not
      // move the camera (the target was where it stood) ends without another frame, so one is asked for here.
      this.sigma.scheduleRender();
      this.hoverAgain();
    };
    // An animation under way would overwrite a jump: it is redirected instead, quickly.
    if (!animate && !camera.isAnimated()) {
      camera.setState(target);
      return done();
    }
    this.animating = true;
    void camera.animate(target, { duration: animate ? DURATION_MS : 120 }).then(done);
  }
}

/** sigma's camera glides in animation frames it keeps to itself, and a drag does not stop them: a drag begun during
 * a framing glide was carried back to the glide's end (each frame sets the state the glide computes). sigma 3 has
 * no public way to stop a glide; this does what its own `animate` does to a glide it replaces: the next frame is
 * cancelled and the glide's callback called (the Framer's asks for a full frame). Whether a glide was stopped. */
export function stopGlide(camera: Camera): boolean {
  const glide = camera as unknown as { nextFrame: number | null; animationCallback?: () => void };
  if (!glide.nextFrame) return false;
  cancelAnimationFrame(glide.nextFrame);
  glide.nextFrame = null;
  const then = glide.animationCallback;
  glide.animationCallback = undefined;
  then?.();
  return true;
}

/** sigma measures its container on window resizes only; a banner or a panel coming or going resizes it too. Once a
 * frame, the canvas is measured again and `then` runs (it draws anew, the framing redone). Returns the way to stop. */
export function followResizes(sigma: LineageSigma, container: HTMLElement, then: () => void): () => void {
  let [frame, started] = [0, false];
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      const [width, height] = [container.offsetWidth, container.offsetHeight];
      if (width === 0 || height === 0) return;
      // The observer also calls once when it starts: the size sigma was built at is no reason for a whole refresh.
      const drawn = sigma.getDimensions();
      const unchanged = !started && width === drawn.width && height === drawn.height;
      started = true;
      if (unchanged) return;
      sigma.resize();
      then();
    });
  });
  observer.observe(container);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}

/** Where models are on the canvas, in viewport pixels (for end-to-end tests): the given ones, or every visible one. */
export function viewportNodes(
  sigma: LineageSigma,
  ids: readonly string[] | undefined,
): { width: number; height: number; nodes: { id: string; x: number; y: number; r: number }[] } {
  const { width, height } = sigma.getDimensions();
  const override = { cameraState: sigma.getCamera().getState() };
  const nodes: { id: string; x: number; y: number; r: number }[] = [];
  for (const id of ids ?? sigma.getGraph().nodes()) {
    const d = sigma.getNodeDisplayData(id);
    if (!d || d.hidden) continue;
    const p = sigma.framedGraphToViewport(d, override);
    nodes.push({ id, x: p.x, y: p.y, r: sigma.scaleSize(d.size) });
  }
  return { width, height, nodes };
}
