// What the lineage renderer (./renderer.ts) is given and how it is set up: the arrays it draws from and the events it
// reports, the sigma settings that do not change while it lives (its program classes too), and what end-to-end tests
// may read of the drawn graph (set on its container).
import type { Attributes } from 'graphology-types';
import { EdgeLineProgram, NodeCircleProgram, type NodeProgramType } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { Box } from './box-grid.ts';
import { flattened } from './flatten.ts';

/** What is drawn, per model, in the order of `ids`. */
export interface RenderArrays {
  ids: string[];
  xy: Float32Array;
  /** Each model's room in layout units (radialLayout): a disc within it overlaps no other, at any zoom. */
  room?: Float32Array;
  /** The disc each model is drawn in (a pick frames its own disc: view/framing.ts). */
  disc?: ArrayLike<number>;
  size: Float32Array;
  color: string[];
  label: string[];
  visible: Uint8Array;
}

export interface RendererEvents {
  onHover(id: string | null): void;
  onClick(id: string | null): void;
  /** Shift-drag on the canvas: a rectangle in layout coordinates. */
  onBox?(box: { x0: number; y0: number; x1: number; y1: number }): void;
  /** What covers the canvas (the page's bars and buttons), in the canvas's pixels: no label is drawn under it. */
  covered?(): readonly Box[];
}

export const STATIC_SETTINGS = {
  // While the camera moves, discs scale with the picture; when it stops they are sized again (renderer.ts
  // reduceNode): zooming in separates them instead of enlarging them.
  zoomToSizeRatioFunction: (ratio) => ratio,
  hideEdgesOnMove: true,
  hideLabelsOnMove: true,
  renderEdgeLabels: false,
  // Candidates are generous; the label placer (./labels.ts, drawing every label) keeps only those that do not overlap.
  labelDensity: 1,
  labelGridCellSize: 100,
  labelRenderedSizeThreshold: 2,
  zIndex: true,
  defaultEdgeType: 'line',
  // A single model of a 500,000-model graph can be framed.
  minCameraRatio: 0.0002,
  maxCameraRatio: 4,
} satisfies Partial<Settings>;

export interface Probes {
  /** The label boxes of the last frame (none may overlap). */
  labelBoxes(): unknown;
  /** Whether the picture is still to change by itself. */
  settling(): boolean;
  /** Where models are drawn. */
  viewportBoxes(ids?: readonly string[]): unknown;
}

/** For end-to-end tests, on the graph's container: forkscopeLabelBoxes, forkscopeSettling, forkscopeViewportBoxes. */
export function exposeProbes(container: HTMLElement, probes: Probes): void {
  for (const [name, value] of [
    ['forkscopeLabelBoxes', probes.labelBoxes],
    ['forkscopeSettling', probes.settling],
    ['forkscopeViewportBoxes', probes.viewportBoxes],
  ] as const)
    Object.defineProperty(container, name, { value, configurable: true });
}

let software: boolean | undefined;

/** Whether this browser's WebGL is SwiftShader's, read once from a throwaway context. */
function rasterizedInSoftware(): boolean {
  if (software !== undefined) return software;
  const gl = document.createElement('canvas').getContext('webgl');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  software = Boolean(gl && info && /SwiftShader/i.test(String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL))));
  gl?.getExtension('WEBGL_lose_context')?.loseContext();
  return software;
}

/** The program classes for the renderer's sigma: sigma's own on a GPU. In software, the flattened disc (./flatten.ts)
 * and sigma's line for edges: one pixel wide, as a dim edge (half a pixel, sigma's default size) is rasterized anyway;
 * a highlighted edge keeps its colour but not its width of 2 (a width is a rectangle, another program, and moving an
 * edge between programs makes sigma process every model again, on every hover). A line is 2 vertices of 4 numbers
 * where a flattened rectangle writes 6 of 10: at 200,000 edges 6 MB to upload instead of 48 MB, which was the largest
 * single cost of a first frame (WebGL's bufferData) and a fifth of the renderer's part of a reopen. */
export function programSettings<N extends Attributes, E extends Attributes>(): Partial<
  Pick<Settings<N, E>, 'nodeProgramClasses' | 'edgeProgramClasses'>
> {
  if (!rasterizedInSoftware()) return {};
  return {
    nodeProgramClasses: { circle: flattened(NodeCircleProgram) as unknown as NodeProgramType<N, E> },
    edgeProgramClasses: { line: EdgeLineProgram },
  };
}
