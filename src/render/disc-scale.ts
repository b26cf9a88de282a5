// The scale discs are drawn at. A disc's radius depends on the camera's ratio (zooming in separates discs instead of
// enlarging them) and on the pixels a layout unit takes (a disc never outgrows its room): both are read from sigma
// and, when they change, the discs are sized again (one full refresh). Exactly, not past a tolerance: what is drawn
// must depend on the view alone, never on the way the camera came to it, so a permalink reopens the same picture.
import type Sigma from 'sigma';
import type { Attributes } from 'graphology-types';

/** Wait after the camera's last move before sizing discs again: a zoom gesture is one refresh, not one a frame. */
const STILL_MS = 200;
/** The camera at rest, at which pixels per layout unit are read. */
const AT_REST = { cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 } };

export class DiscScale<N extends Attributes = Attributes, E extends Attributes = Attributes> {
  /** The camera ratio the disc sizes were computed for. */
  sizedAt = 1;
  /** Pixels per layout unit with the camera at ratio 1, read from sigma after each frame (Infinity until then). */
  unitPx = Infinity;
  private stillTimer: ReturnType<typeof setTimeout> | undefined;
  /** Re-sizings asked for and not yet done. */
  private pending = 0;
  /** Counts measure(): a re-sizing asked for before the last one is moot (that picture is drawn at its scale). */
  private measures = 0;
  private killed = false;

  private sigma: Sigma<N, E> | null = null;

  /** Made before sigma (whose first frame reads the scale), attached once sigma exists. */
  attach(sigma: Sigma<N, E>): void {
    this.sigma = sigma;
    sigma.on('afterRender', () => this.afterFrame(sigma));
    sigma.getCamera().on('updated', () => this.whenStill(sigma));
  }

  /** Reads the scale before sigma draws the graph (its box and camera set): the first frame is then drawn at the
   * right scale, not drawn again at once. */
  measure(sigma: Sigma<N, E>): void {
    this.unitPx = unitPxOf(sigma);
    this.sizedAt = sigma.getCamera().getState().ratio;
    this.measures++;
  }

  /** Whether the picture is still to change by itself: the camera moves, or discs wait to be sized again. */
  get settling(): boolean {
    return this.pending > 0 || this.sigma?.getCamera().isAnimated() === true;
  }

  /** The renderer is killed: nothing waits any more, and a late timer or camera event does nothing. */
  stop(): void {
    this.killed = true;
    clearTimeout(this.stillTimer);
    this.stillTimer = undefined;
    this.pending = 0;
  }

  /** After a frame: when the scale of layout units to pixels changed (first frame, resize, new layout). */
  private afterFrame(sigma: Sigma<N, E>): void {
    if (this.killed) return;
    const unitPx = unitPxOf(sigma);
    if (!Number.isFinite(unitPx) || unitPx <= 0 || Math.abs(unitPx - this.unitPx) <= 1e-9 * unitPx) return;
    this.unitPx = unitPx;
    this.pending++;
    // The renderer draws a new picture in steps, the first of them a frame of nothing (renderer.ts drawAnew): that
    // frame's scale is the old picture's, and the new one is measured and drawn before this runs.
    const measures = this.measures;
    setTimeout(() => {
      this.pending--;
      if (!this.killed && measures === this.measures) sigma.refresh();
    }, 0);
  }

  /** Once the camera has stopped zooming, discs are sized for its ratio. */
  private whenStill(sigma: Sigma<N, E>): void {
    if (this.killed) return;
    if (this.stillTimer === undefined) this.pending++;
    clearTimeout(this.stillTimer);
    this.stillTimer = setTimeout(() => {
      this.stillTimer = undefined;
      this.pending--;
      const ratio = sigma.getCamera().getState().ratio;
      if (Math.abs(ratio / this.sizedAt - 1) <= 1e-9) return;
      this.sizedAt = ratio;
      sigma.refresh();
    }, STILL_MS);
  }
}

/** Pixels per layout unit with the camera at rest. Read at a fixed camera: sigma's matrix for the current one is a
 * Float32Array, whose rounding differs from one ratio to the next, so a value read mid-zoom would change every frame
 * and ask for a refresh each time. */
function unitPxOf<N extends Attributes, E extends Attributes>(sigma: Sigma<N, E>): number {
  const [a, b] = [sigma.graphToViewport({ x: 0, y: 0 }, AT_REST), sigma.graphToViewport({ x: 1, y: 0 }, AT_REST)];
  return Math.hypot(b.x - a.x, b.y - a.y);
}
