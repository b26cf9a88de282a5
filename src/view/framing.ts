// What the camera frames, in layout coordinates: the rule, not the animation (that is src/render/camera.ts).
// Three requests: everything visible (first view, fit/reset, after a filter, focus or "Show all"), some models (a
// selection), or a picked model with its near lineage. The near lineage is its parents, children and nearest siblings
// that are visible and drawn in the same disc: a cross-family merge child sits in another family's disc, possibly
// across the whole picture, and would zoom the camera out to a speck, so it never decides the framing.
import type { LineageGraph } from '../graph/graph.ts';
import type { ModelRows } from './rows.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type FrameRequest = { kind: 'visible' } | { kind: 'ids'; ids: readonly string[] } | { kind: 'pick'; id: string };

/** Where models are drawn: the render arrays' positions, rooms, visibility and disc (family disc of the layout). */
export interface Placement {
  ids: readonly string[];
  index: ReadonlyMap<string, number>;
  /** x, y interleaved. */
  xy: Float32Array;
  /** Each model's room (the largest disc radius that meets no other), in layout units. */
  room?: Float32Array;
  visible: Uint8Array;
  /** The disc each model is drawn in; without it, every model counts as one disc. */
  disc?: ArrayLike<number>;
}

/** Siblings of a picked model framed with it: the nearest ones, enough to see its neighbourhood. A root model of a
 * large family can have thousands of grandchildren through one parent; all of them would frame the whole disc. */
export const NEAR_SIBLINGS = 12;
/** A framed box is at least this many times the largest framed room across, so one leaf is shown among its
 * neighbours rather than filling the screen. */
const MIN_ROOMS = 8;

/** The box to frame for a request, or null when nothing it names is visible (the camera then stays). */
export function frameBox(graph: LineageGraph, request: FrameRequest, at: Placement): Box | null {
  if (request.kind === 'visible') return boxOf(visibleIndices(at), at);
  if (request.kind === 'ids') return boxOf(indicesOf(request.ids, at), at);
  const i = at.index.get(request.id);
  if (i === undefined || !graph.hasNode(request.id)) return null;
  const box = boxOf(indicesOf(nearLineage(graph, request.id, at), at), at);
  return box && centredOn(box, at.xy[2 * i] as number, at.xy[2 * i + 1] as number);
}

/** The picked model, then its visible parents, children and NEAR_SIBLINGS nearest siblings drawn in its disc. */
export function nearLineage(graph: LineageGraph, id: string, at: Placement, maxSiblings = NEAR_SIBLINGS): string[] {
  const self = at.index.get(id);
  if (self === undefined) return [];
  const disc = at.disc?.[self] ?? 0;
  const near = (other: string): boolean => {
    const j = at.index.get(other);
    return j !== undefined && at.visible[j] === 1 && (at.disc?.[j] ?? 0) === disc;
  };
  const parents = graph.inNeighbors(id).filter(near);
  const children = graph.outNeighbors(id).filter((c) => c !== id && near(c));
  const family = new Set([id, ...parents, ...children]);
  const siblings = [...new Set(parents.flatMap((p) => graph.outNeighbors(p)))].filter((s) => !family.has(s) && near(s));
  const [x, y] = [at.xy[2 * self] as number, at.xy[2 * self + 1] as number];
  const distance = (s: string): number => {
    const j = at.index.get(s) as number;
    return Math.hypot((at.xy[2 * j] as number) - x, (at.xy[2 * j + 1] as number) - y);
  };
  const nearest = siblings
    .map((s) => ({ s, d: distance(s) }))
    .sort((a, b) => a.d - b.d || (a.s < b.s ? -1 : 1))
    .slice(0, maxSiblings)
    .map((e) => e.s);
  return [id, ...parents, ...children, ...nearest];
}

/** The box around some models' discs (each widened by its room), at least MIN_ROOMS of the largest room across. */
export function boxOf(indices: Iterable<number>, at: Placement): Box | null {
  let [x0, y0, x1, y1, reach] = [Infinity, Infinity, -Infinity, -Infinity, 0];
  for (const i of indices) {
    const [x, y] = [at.xy[2 * i] as number, at.xy[2 * i + 1] as number];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const r = Math.min(at.room?.[i] ?? 0, 1e6);
    reach = Math.max(reach, r);
    [x0, y0, x1, y1] = [Math.min(x0, x - r), Math.min(y0, y - r), Math.max(x1, x + r), Math.max(y1, y + r)];
  }
  if (!Number.isFinite(x0)) return null;
  return atLeast({ x0, y0, x1, y1 }, Math.max(reach * MIN_ROOMS, 1e-6));
}

/** The smallest box centred on (x, y) that holds `box`. */
export function centredOn(box: Box, x: number, y: number): Box {
  const dx = Math.max(x - box.x0, box.x1 - x);
  const dy = Math.max(y - box.y0, box.y1 - y);
  return { x0: x - dx, y0: y - dy, x1: x + dx, y1: y + dy };
}

function atLeast(box: Box, span: number): Box {
  const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  const [hw, hh] = [Math.max(box.x1 - box.x0, span) / 2, Math.max(box.y1 - box.y0, span) / 2];
  return { x0: cx - hw, y0: cy - hh, x1: cx + hw, y1: cy + hh };
}

function* visibleIndices(at: Placement): Generator<number> {
  for (let i = 0; i < at.visible.length; i++) if (at.visible[i] === 1) yield i;
}

function* indicesOf(ids: Iterable<string>, at: Placement): Generator<number> {
  for (const id of ids) {
    const i = at.index.get(id);
    if (i !== undefined && at.visible[i] === 1) yield i;
  }
}

/** The disc of every model in the whole-graph layout: its family (numbered by first sight: only which models share
 * a disc matters). */
export function familyDiscs(rows: ModelRows): Uint32Array {
  const numbers = new Map<string, number>();
  const disc = new Uint32Array(rows.ids.length);
  for (let i = 0; i < disc.length; i++) {
    const f = rows.node(i).family;
    let known = numbers.get(f);
    if (known === undefined) numbers.set(f, (known = numbers.size));
    disc[i] = known;
  }
  return disc;
}
