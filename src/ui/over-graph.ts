// The page's controls that float over the graph (bars, banners, the time slider, Fit view, the counts, the hover
// read-out), each marked `data-over-graph` where it is rendered: the renderer draws no label under them
// (render/labels.ts). Measured when a frame's labels are placed, so a bar that comes or goes is counted at once.

/** The boxes of what covers `canvas`, in its own pixels (only the part over it; what is hidden has no box). */
export function coveringBoxes(canvas: HTMLElement): { x0: number; y0: number; x1: number; y1: number }[] {
  const at = canvas.getBoundingClientRect();
  const out: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const el of canvas.ownerDocument.querySelectorAll('[data-over-graph]')) {
    const r = el.getBoundingClientRect();
    const [x0, y0] = [Math.max(r.left, at.left) - at.left, Math.max(r.top, at.top) - at.top];
    const [x1, y1] = [Math.min(r.right, at.right) - at.left, Math.min(r.bottom, at.bottom) - at.top];
    if (x1 > x0 && y1 > y0) out.push({ x0, y0, x1, y1 });
  }
  return out;
}
