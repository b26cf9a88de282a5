// Shift-drag on the graph draws a rectangle instead of panning; on release it is reported in layout coordinates
// (the box selection).
import type Sigma from 'sigma';
import type { EdgeAttributes, GraphNode } from '../graph/graph.ts';

export function enableBoxSelect(
  sigma: Sigma<GraphNode, EdgeAttributes>,
  container: HTMLElement,
  onBox: (box: { x0: number; y0: number; x1: number; y1: number }) => void,
): void {
  const captor = sigma.getMouseCaptor();
  const rect = document.createElement('div');
  rect.className = 'box-select';
  rect.setAttribute('aria-hidden', 'true');
  let start: { x: number; y: number } | null = null;
  captor.on('mousedown', (e) => {
    if (!(e.original as MouseEvent).shiftKey) return;
    start = { x: e.x, y: e.y };
    container.appendChild(rect);
  });
  captor.on('mousemovebody', (e) => {
    if (!start) return;
    e.preventSigmaDefault();
    Object.assign(rect.style, {
      left: `${Math.min(start.x, e.x)}px`,
      top: `${Math.min(start.y, e.y)}px`,
      width: `${Math.abs(e.x - start.x)}px`,
      height: `${Math.abs(e.y - start.y)}px`,
    });
  });
  captor.on('mouseup', (e) => {
    if (!start) return;
    const [a, b] = [sigma.viewportToGraph(start), sigma.viewportToGraph({ x: e.x, y: e.y })];
    start = null;
    rect.remove();
    onBox({ x0: Math.min(a.x, b.x), y0: Math.min(a.y, b.y), x1: Math.max(a.x, b.x), y1: Math.max(a.y, b.y) });
  });
}
