// The layout of a focused subtree on its own: the focused model, its descendants and its ancestors, laid out by the
// same deterministic radial layout (in the layout worker) as two discs: the subtree around the focused model, and its
// ancestry beside it. Every other model is hidden while the focus lasts; it is put at the focused model's place so
// that the drawing's bounds (sigma frames the bounding box of all positions) are those of the focused picture.
import type { LineageGraph } from '../graph/graph.ts';
import { ancestors, descendants } from '../graph/queries.ts';
import { layoutInput } from './input.ts';
import type { LayoutInput } from './radial.ts';

export const SUBTREE_DISC = 0;
export const ANCESTRY_DISC = 1;

export interface PreparedFocus {
  focus: string;
  /** The models laid out, sorted (their rank). */
  ids: string[];
  input: LayoutInput;
  /** The disc of each laid-out model (a copy: the input's arrays are transferred to the worker). */
  disc: Uint32Array;
}

export function prepareFocusLayout(graph: LineageGraph, focus: string): PreparedFocus {
  const subtree = new Set([focus, ...descendants(graph, focus)]);
  const above = ancestors(graph, focus).filter((id) => !subtree.has(id));
  const ids = [...subtree, ...above].sort();
  const input = layoutInput(graph, ids, (id) => (subtree.has(id) ? SUBTREE_DISC : ANCESTRY_DISC));
  return { focus, ids, input, disc: input.family.slice() };
}

export interface FocusPlacement {
  xy: Float32Array;
  room: Float32Array;
  disc: Uint32Array;
}

/**
 * The focused layout spread over every model of the whole graph (`allIds`, the render arrays' order): laid-out models
 * at their place, the others (hidden) at the focused model's place with no room, in a disc of their own.
 * `placed` is the worker's answer for `prepared.ids`: x, y interleaved, then each model's room. The ancestry is moved
 * to the left of the subtree's disc and mirrored, so that it reads from the root on the left to the focused model.
 */
export function spreadFocus(allIds: readonly string[], prepared: PreparedFocus, placed: Float32Array): FocusPlacement {
  const m = prepared.ids.length;
  const at = new Map(prepared.ids.map((id, i) => [id, i]));
  const home = at.get(prepared.focus) ?? 0;
  const [hx, hy] = [placed[2 * home] ?? 0, placed[2 * home + 1] ?? 0];
  const move = ancestryMove(prepared, placed, hx, hy);
  const n = allIds.length;
  const xy = new Float32Array(2 * n);
  const room = new Float32Array(n);
  const disc = new Uint32Array(n).fill(ANCESTRY_DISC + 1);
  allIds.forEach((id, i) => {
    const j = at.get(id);
    if (j === undefined) {
      xy[2 * i] = hx;
      xy[2 * i + 1] = hy;
      return;
    }
    const [x, y] = [placed[2 * j] as number, placed[2 * j + 1] as number];
    const above = prepared.disc[j] === ANCESTRY_DISC;
    xy[2 * i] = above ? move.mirror - x : x;
    xy[2 * i + 1] = above ? y + move.dy : y;
    room[i] = placed[2 * m + j] as number;
    disc[i] = prepared.disc[j] as number;
  });
  return { xy, room, disc };
}

/** How the ancestry moves: x ↦ mirror − x (mirrored and shifted), y ↦ y + dy, so that its box ends a gap to the
 * left of the subtree's disc (around the focused model at hx, hy), centred on the focused model's height. */
function ancestryMove(prepared: PreparedFocus, placed: Float32Array, hx: number, hy: number) {
  const m = prepared.ids.length;
  let [radius, x0, x1, y0, y1, reach] = [0, Infinity, -Infinity, Infinity, -Infinity, 0];
  for (let j = 0; j < m; j++) {
    const [x, y, r] = [placed[2 * j] as number, placed[2 * j + 1] as number, placed[2 * m + j] as number];
    if (prepared.disc[j] !== ANCESTRY_DISC) radius = Math.max(radius, Math.hypot(x - hx, y - hy) + r);
    else
      [x0, x1, y0, y1, reach] = [
        Math.min(x0, x),
        Math.max(x1, x),
        Math.min(y0, y),
        Math.max(y1, y),
        Math.max(reach, r),
      ];
  }
  if (!Number.isFinite(x0)) return { mirror: 0, dy: 0 };
  const gap = Math.max(radius * 0.15, 2 * reach, 1);
  // After mirroring, the box's right edge is mirror − x0; it goes to hx − radius − gap − reach.
  return { mirror: hx - radius - gap - reach + x0, dy: hy - (y0 + y1) / 2 };
}
