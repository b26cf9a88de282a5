// The page's controls that float over the graph (bars, banners, the time slider, Fit view, the counts, a crawl status
// of more than one line), each marked `data-over-graph` where it is rendered: the renderer draws no label under them
// (render/labels.ts). They are measured when a frame's labels are placed, and watched between frames: one that comes,
// goes or moves has the labels placed again. The hover read-out and the keys' help are not marked: they come and go
// with a hover or the keyboard's focus, and labels jumping each time would be worse than a label under them.
import type { Box } from '../render/box-grid.ts';

/** The boxes of what covers `graph` (the graph's container), in its own pixels: only the part over it. */
export function coveringBoxes(graph: HTMLElement): Box[] {
  const at = graph.getBoundingClientRect();
  const out: Box[] = [];
  for (const el of graph.ownerDocument.querySelectorAll('[data-over-graph]')) {
    const r = el.getBoundingClientRect();
    const [x0, y0] = [Math.max(r.left, at.left) - at.left, Math.max(r.top, at.top) - at.top];
    const [x1, y1] = [Math.min(r.right, at.right) - at.left, Math.min(r.bottom, at.bottom) - at.top];
    if (x1 > x0 && y1 > y0) out.push({ x0, y0, x1, y1 });
  }
  return out;
}

/** Calls `changed` (at most once a frame) after the page's DOM changes, where a control over the graph may have
 * come, gone or moved; returns the stopper. The caller compares the boxes (a change of text moves nothing). */
export function watchCovering(graph: HTMLElement, changed: () => void): () => void {
  let frame = 0;
  const observer = new MutationObserver(() => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      changed();
    });
  });
  const root = graph.ownerDocument.body;
  observer.observe(root, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['class', 'style'],
  });
  return () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
  };
}
