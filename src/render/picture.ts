// Pictures of the current view, as the renderer draws it now (camera, filters, marks): the scene of edges, discs and
// labels in viewport pixels, for the SVG writer (export/svg.ts) and GEXF (positions, colours, sizes), and a PNG
// made from sigma's own canvases with the legend and caption painted beside and under them. sigma's WebGL
// canvases keep no drawing buffer, so the frame is rendered and copied in one task. (@sigma/export-image does the
// same through a second sigma on the same graph; that second instance would share this renderer's reducers and
// label placer, whose per-frame state only this instance's beforeRender resets, so its labels would be lost.)
import { frameLayout, type PictureNotes, type PictureScene } from '../view/picture-frame.ts';
import type { PictureColumns } from '../view/picture-frame.ts';
import type { LineageRenderer } from './renderer.ts';

/** The canvases that make the picture, bottom to top (sigma's 'mouse' layer catches events and draws nothing). */
const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

export function viewScene(renderer: LineageRenderer): PictureScene {
  const sigma = renderer.sigma;
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const graph = sigma.getGraph();
  const inView = (x: number, y: number, r: number): boolean =>
    x + r >= 0 && x - r <= width && y + r >= 0 && y - r <= height;
  const nodes: (PictureScene['nodes'][number] & { z: number })[] = [];
  const at = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = sigma.framedGraphToViewport(d);
    at.set(id, p);
    const r = sigma.scaleSize(d.size);
    if (inView(p.x, p.y, r)) nodes.push({ id, x: p.x, y: p.y, r, color: d.color, marked: d.highlighted, z: d.zIndex });
  });
  const edges: (PictureScene['edges'][number] & { z: number })[] = [];
  graph.forEachEdge((edge, _attrs, source, target) => {
    const d = sigma.getEdgeDisplayData(edge);
    const [a, b] = [at.get(source), at.get(target)];
    if (!d || d.hidden || !a || !b) return;
    if (Math.max(a.x, b.x) < 0 || Math.min(a.x, b.x) > width || Math.max(a.y, b.y) < 0 || Math.min(a.y, b.y) > height)
      return;
    // One pixel, as the edges software WebGL draws are (sigma's lines, render/settings.ts); on a GPU a lit edge is two.
    edges.push({ x0: a.x, y0: a.y, x1: b.x, y1: b.y, color: d.color, width: 1, z: d.zIndex });
  });
  // Drawn in sigma's order: higher zIndex on top, otherwise graph order (sort is stable).
  nodes.sort((p, q) => p.z - q.z);
  edges.sort((p, q) => p.z - q.z);
  const theme = renderer.drawn.theme;
  return {
    width,
    height,
    background: theme.background,
    ink: theme.ink,
    font: settings.labelFont,
    labelSize: settings.labelSize,
    edges: edges.map(({ z: _z, ...e }) => e),
    nodes: nodes.map(({ z: _z, ...n }) => n),
    labels: [...renderer.drawn.labels],
  };
}

/** The current view as PNG: sigma's canvases as they are, the legend and caption around them. */
export function viewPng(renderer: LineageRenderer, notes: PictureNotes): Promise<Blob> {
  const sigma = renderer.sigma;
  const { width, height } = sigma.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const frame = frameLayout({ width, height }, notes);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(frame.width * ratio);
  canvas.height = Math.round(frame.height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('this browser cannot draw a picture (no 2D canvas)'));
  ctx.scale(ratio, ratio);
  const { background, ink } = renderer.drawn.theme;
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, frame.width, frame.height);
  // Render now and copy before the task ends: WebGL's buffer is cleared once the frame is shown.
  sigma.refresh({ partialGraph: { nodes: [], edges: [] }, skipIndexation: true });
  const canvases = sigma.getCanvases();
  for (const layer of LAYERS) {
    const c = canvases[layer];
    if (c) ctx.drawImage(c, 0, 0, c.width, c.height, 0, 0, width, height);
  }
  ctx.strokeStyle = '#868e96';
  ctx.beginPath();
  ctx.moveTo(frame.panel.x + 0.5, 0);
  ctx.lineTo(frame.panel.x + 0.5, frame.panel.h);
  ctx.stroke();
  const font = sigma.getSettings().labelFont;
  for (const m of frame.marks) {
    if (m.kind === 'disc') {
      ctx.fillStyle = m.color;
      ctx.beginPath();
      ctx.arc(m.x, m.y, m.r, 0, 2 * Math.PI);
      ctx.fill();
    } else {
      ctx.fillStyle = ink;
      ctx.font = `${m.bold ? 'bold ' : ''}${m.size}px ${font}`;
      ctx.fillText(m.text, m.x, m.y);
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be encoded'))),
      'image/png',
    ),
  );
}

/** The explorer's picture of some models, for GEXF: layout positions, colours and encoded sizes as drawn now. */
export function explorerPicture(renderer: LineageRenderer, ids: readonly string[]): PictureColumns {
  const { ids: all, xy, color, size } = renderer.drawn.arrays;
  const index = new Map(all.map((id, i) => [id, i]));
  const out: PictureColumns = {
    xy: new Float64Array(2 * ids.length).fill(NaN),
    size: new Float64Array(ids.length).fill(NaN),
    color: [],
  };
  ids.forEach((id, k) => {
    const i = index.get(id);
    out.color.push(i === undefined ? '' : (color[i] as string));
    if (i === undefined) return;
    out.xy[2 * k] = xy[2 * i] as number;
    out.xy[2 * k + 1] = xy[2 * i + 1] as number;
    out.size[k] = size[i] as number;
  });
  return out;
}
