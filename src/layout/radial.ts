// The deterministic radial tree layout: each family is a disc around its own centre, its roots on the first ring,
// every model on the ring of its depth inside the wedge of its primary parent (wedges sized by leaf count), so
// subtrees stay together. Pure arithmetic over typed arrays, no randomness: the same graph gives the same
// positions on every machine, which permalinks rely on. Merges are drawn to all parents by the renderer; the
// layout follows one primary parent (same family first, then most downloads, then id).

export interface LayoutInput {
  /** Per node: depth (0 = root), family index, downloads, and a stable rank (index in id order). */
  depth: Uint32Array;
  family: Uint32Array;
  downloads: Float64Array;
  rank: Uint32Array;
  /** Edges as node indexes; cycle-closing edges already left out. */
  edgeParent: Uint32Array;
  edgeChild: Uint32Array;
  familyCount: number;
}

const MIN_SPACING = 1;
const FAMILY_GAP = 0.15;

/** Returns x, y interleaved for every node. When `room` is given (one entry per node), it is filled with each
 * model's room: the largest disc radius, in layout units, that cannot overlap any other model's (see roomOf). */
export function radialLayout(input: LayoutInput, room?: Float32Array): Float32Array {
  const n = input.depth.length;
  const { parent, level } = primaryParents(input);
  const { start, list } = childrenOf(parent, n, input);
  const weight = leafWeights(parent, n, level);
  const xy = new Float32Array(2 * n);
  const discs: { nodes: number[]; radius: number }[] = [];
  for (let f = 0; f < input.familyCount; f++) {
    const roots = sortedRoots(parent, input, f, weight);
    if (roots.length === 0) continue;
    const ring = ringSpacing(roots, start, list);
    const radius = layoutFamily(roots, start, list, weight, ring, xy, room);
    discs.push({ nodes: [...familyNodes(roots, start, list)], radius });
  }
  const scales = familyScales(discs.map((d) => d.radius));
  const centres = packDiscs(discs.map((d, i) => d.radius * (scales[i] as number)));
  discs.forEach((disc, i) => {
    const [cx, cy] = centres[i] as [number, number];
    const k = scales[i] as number;
    for (const node of disc.nodes) {
      xy[2 * node] = (xy[2 * node] as number) * k + cx;
      xy[2 * node + 1] = (xy[2 * node + 1] as number) * k + cy;
      if (room) room[node] = (room[node] as number) * k;
    }
  });
  return xy;
}

/** A family's disc is drawn at least SMALL_FAMILY of the largest one's radius (enlarged up to MAX_ENLARGE times, its
 * rooms with it), so a small family is a readable disc beside a large one, not a speck. */
const SMALL_FAMILY = 0.25;
const MAX_ENLARGE = 8;

export function familyScales(radii: readonly number[]): number[] {
  const largest = Math.max(0, ...radii);
  return radii.map((r) => (r <= 0 ? 1 : Math.min(MAX_ENLARGE, Math.max(1, (SMALL_FAMILY * largest) / r))));
}

/**
 * Centres for family discs, packed in rows (largest first, left to right) about as wide as they are tall, so that
 * a big family and several small ones all fit one landscape view instead of a long strip in which the small ones
 * are specks. Discs keep a gap of FAMILY_GAP of the larger radius; the order is that of the radii, then of the
 * families, so it is deterministic.
 */
export function packDiscs(radii: readonly number[]): [number, number][] {
  const order = radii.map((_, i) => i).sort((a, b) => (radii[b] as number) - (radii[a] as number) || a - b);
  const gap = (r: number): number => r * FAMILY_GAP + 1;
  const area = radii.reduce((s, r) => s + (2 * r + gap(r)) ** 2, 0);
  const width = Math.max(2 * (radii[order[0] ?? 0] ?? 0) + 1, Math.sqrt(area * 1.6));
  const centres: [number, number][] = radii.map(() => [0, 0]);
  let [x, y, rowHeight] = [0, 0, 0];
  for (const i of order) {
    const r = radii[i] as number;
    const d = 2 * r + gap(r);
    if (x > 0 && x + d > width) [x, y, rowHeight] = [0, y + rowHeight, 0];
    rowHeight = Math.max(rowHeight, d);
    centres[i] = [x + r, -(y + r)];
    x += d;
  }
  return centres;
}

/**
 * One parent per model for the layout tree, found breadth-first inside each family from its roots (models
 * with no parent of their own family), so every family is one connected disc, merges from other families
 * included, and the tree has no cycle. Also returns each model's depth in that tree.
 */
function primaryParents(input: LayoutInput): { parent: Int32Array; level: Uint32Array } {
  const n = input.depth.length;
  const out = new Map<number, number[]>();
  const hasFamilyParent = new Uint8Array(n);
  for (let e = 0; e < input.edgeParent.length; e++) {
    const p = input.edgeParent[e] as number;
    const c = input.edgeChild[e] as number;
    if (input.family[p] !== input.family[c]) continue;
    hasFamilyParent[c] = 1;
    (out.get(p) ?? out.set(p, []).get(p))?.push(c);
  }
  for (const kids of out.values()) kids.sort((a, b) => (input.rank[a] as number) - (input.rank[b] as number));
  const parent = new Int32Array(n).fill(-1);
  const level = new Uint32Array(n);
  const seen = new Uint8Array(n);
  const byRank = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (input.rank[a] as number) - (input.rank[b] as number),
  );
  const visit = (starts: number[]): void => {
    const queue = starts;
    for (const s of queue) seen[s] = 1;
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i] as number;
      for (const c of out.get(v) ?? []) {
        if (seen[c]) continue;
        seen[c] = 1;
        parent[c] = v;
        level[c] = (level[v] as number) + 1;
        queue.push(c);
      }
    }
  };
  visit(byRank.filter((i) => !hasFamilyParent[i]));
  // Models reachable only through a cycle start their own small tree.
  for (const i of byRank) if (!seen[i]) visit([i]);
  return { parent, level };
}

/** Children in CSR form, each list sorted by rank so the order never depends on input order. */
function childrenOf(parent: Int32Array, n: number, input: LayoutInput): { start: Uint32Array; list: Uint32Array } {
  const start = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = parent[i] as number;
    if (p >= 0) start[p + 1] = (start[p + 1] as number) + 1;
  }
  for (let i = 0; i < n; i++) start[i + 1] = (start[i + 1] as number) + (start[i] as number);
  const fill = start.slice(0, n);
  const list = new Uint32Array(start[n] as number);
  const byRank = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (input.rank[a] as number) - (input.rank[b] as number),
  );
  for (const i of byRank) {
    const p = parent[i] as number;
    if (p < 0) continue;
    list[fill[p] as number] = i;
    fill[p] = (fill[p] as number) + 1;
  }
  return { start, list };
}

/** Leaves under each node (a leaf counts 1), computed deepest first. */
function leafWeights(parent: Int32Array, n: number, depth: Uint32Array): Float64Array {
  const weight = new Float64Array(n);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (depth[b] as number) - (depth[a] as number));
  for (const i of order) {
    if (weight[i] === 0) weight[i] = 1;
    const p = parent[i] as number;
    if (p >= 0) weight[p] = (weight[p] as number) + (weight[i] as number);
  }
  return weight;
}

function sortedRoots(parent: Int32Array, input: LayoutInput, family: number, weight: Float64Array): number[] {
  const roots: number[] = [];
  for (let i = 0; i < parent.length; i++) if (parent[i] === -1 && input.family[i] === family) roots.push(i);
  return roots.sort(
    (a, b) => (weight[b] as number) - (weight[a] as number) || (input.rank[a] as number) - (input.rank[b] as number),
  );
}

function* familyNodes(roots: number[], start: Uint32Array, list: Uint32Array): Generator<number> {
  const queue = [...roots];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i] as number;
    yield v;
    for (let j = start[v] as number; j < (start[v + 1] as number); j++) queue.push(list[j] as number);
  }
}

/** Ring spacing so that the most crowded ring still has MIN_SPACING of circumference per model. */
function ringSpacing(roots: number[], start: Uint32Array, list: Uint32Array): number {
  let spacing = 1;
  let level = roots;
  for (let ring = 1; level.length > 0; ring++) {
    spacing = Math.max(spacing, (level.length * MIN_SPACING) / (2 * Math.PI * ring));
    const next: number[] = [];
    for (const v of level)
      for (let j = start[v] as number; j < (start[v + 1] as number); j++) next.push(list[j] as number);
    level = next;
  }
  return spacing;
}

/** Places a family around (0, 0); returns its radius. */
function layoutFamily(
  roots: number[],
  start: Uint32Array,
  list: Uint32Array,
  weight: Float64Array,
  ring: number,
  xy: Float32Array,
  room?: Float32Array,
): number {
  const total = roots.reduce((s, r) => s + (weight[r] as number), 0);
  const stack: { node: number; from: number; span: number; ring: number }[] = [];
  let angle = 0;
  for (const r of roots) {
    const span = ((weight[r] as number) / total) * 2 * Math.PI;
    stack.push({ node: r, from: angle, span, ring: roots.length === 1 ? 0 : 1 });
    angle += span;
  }
  let maxRing = 1;
  while (stack.length > 0) {
    const { node, from, span, ring: level } = stack.pop() as { node: number; from: number; span: number; ring: number };
    const theta = from + span / 2;
    xy[2 * node] = Math.cos(theta) * level * ring;
    xy[2 * node + 1] = Math.sin(theta) * level * ring;
    if (room) room[node] = roomOf(level, span, ring);
    maxRing = Math.max(maxRing, level);
    let childFrom = from;
    for (let j = start[node] as number; j < (start[node + 1] as number); j++) {
      const c = list[j] as number;
      const childSpan = ((weight[c] as number) / (weight[node] as number)) * span;
      stack.push({ node: c, from: childFrom, span: childSpan, ring: level + 1 });
      childFrom += childSpan;
    }
  }
  return maxRing * ring;
}

/**
 * The room of a model on ring `level` whose wedge spans `span` radians: half the ring spacing (so discs on
 * neighbouring rings stay apart), and on a ring at most R·sin(span/4), R the ring's radius. Two neighbours on a
 * ring are at least (span_i + span_j) / 2 apart in angle, a chord of 2R·sin((span_i + span_j) / 4), which is at least
 * R·sin(span_i / 4) + R·sin(span_j / 4) while the wedges are under a half-turn: their discs cannot meet.
 */
function roomOf(level: number, span: number, ring: number): number {
  if (level === 0) return ring / 2;
  return Math.min(ring / 2, level * ring * Math.sin(Math.min(span, Math.PI) / 4));
}
