// Turns the lineage (as the graph, or as the lineage itself) into the typed arrays the layout worker takes
// (transferred, not copied), and the key under which its positions are cached: the same models, edges and families
// give the same input and key, whichever form they came in.
import type { LineageGraph } from '../graph/graph.ts';
import { inIdOrder, type ColumnarLineage } from '../lineage/columnar.ts';
import { nodesById, type Lineage, type ModelNode } from '../lineage/types.ts';
import type { LayoutInput } from './radial.ts';

export interface PreparedLayout {
  ids: string[];
  input: LayoutInput;
  key: string;
}

type LayoutFields = Pick<ModelNode, 'depth' | 'family' | 'downloads'>;
/** The layout fields of the model at a position in `ids`. */
type FieldsAt = (i: number) => LayoutFields;
/** Calls `add` for each edge (the positions in `ids` of its parent and child, whether it closes a cycle). */
type EdgeWalk = (add: (parent: number, child: number, cycle: boolean | undefined) => void) => void;

/** The edges of the graph between two of `ids`, walked by position. */
function graphWalk(graph: LineageGraph, index: ReadonlyMap<string, number>, allEdges: boolean): EdgeWalk {
  return (add) => {
    const visit = (_e: string, a: { cycle?: boolean }, s: string, t: string): void => {
      const [p, c] = [index.get(s), index.get(t)];
      if (p !== undefined && c !== undefined) add(p, c, a.cycle);
    };
    if (allEdges) graph.forEachEdge(visit);
    else for (const id of index.keys()) graph.forEachInEdge(id, visit);
  };
}

export function prepareLayout(graph: LineageGraph, familyOrder: readonly string[]): PreparedLayout {
  const ids = graph.nodes().sort();
  const walk = graphWalk(graph, indexOf(ids), true);
  return prepared(ids, (i) => graph.getNodeAttributes(ids[i] as string), walk, familyOrder);
}

/** The same as prepareLayout over the graph `lineage` would make (same ids, input and key), without making it: the
 * app lays out a lineage before it replaces the graph on screen, and a second graph of 200,000 models costs more
 * than everything else on the way to the first frame. Like the graph, it keeps one node per id (attributes merged,
 * later ones winning) and one edge per parent and child, drops self-loops, and refuses edges to unknown ids.
 * `columnar`, the form the lineage was decoded from, spares every lookup by id when its nodes are in id order. */
export function prepareLayoutOf(
  lineage: Lineage,
  familyOrder: readonly string[],
  columnar: ColumnarLineage | null = null,
): PreparedLayout {
  if (columnar?.count === lineage.nodes.length && inIdOrder(lineage.nodes)) {
    const { parent, child, cycle } = columnar.edges;
    const edges = uniqueEdges(lineage.nodes.length, parent, child, cycle);
    return prepared(
      lineage.nodes.map((n) => n.id),
      (i) => lineage.nodes[i] as ModelNode,
      edges,
      familyOrder,
    );
  }
  const nodes = nodesById(lineage.nodes);
  const ids = [...nodes.keys()].sort();
  const index = indexOf(ids);
  const m = lineage.edges.length;
  const [parent, child, cycle] = [new Uint32Array(m), new Uint32Array(m), new Uint8Array(m)];
  lineage.edges.forEach((e, k) => {
    const [p, c] = [index.get(e.parent), index.get(e.child)];
    if (p === undefined || c === undefined)
      throw new Error(`layout/input: edge ${e.parent} -> ${e.child} names an unknown node`);
    [parent[k], child[k], cycle[k]] = [p, c, e.cycle ? 1 : 0];
  });
  const edges = uniqueEdges(ids.length, parent, child, cycle);
  return prepared(ids, (i) => nodes.get(ids[i] as string) as ModelNode, edges, familyOrder);
}

/** One edge per parent and child (by position), in the order first seen, the last one's cycle flag winning (as the
 * graph merges them), self-loops left out. A model rarely has more than a few parents, so each child's edges are a
 * short list: no map keyed by pairs, which at 200,000 models was the slowest step of a reopen's preparation. */
function uniqueEdges(n: number, parent: Uint32Array, child: Uint32Array, cycle: Uint8Array): EdgeWalk {
  const kept: number[] = [];
  const closes = new Uint8Array(parent.length);
  const first = new Int32Array(n).fill(-1);
  const next = new Int32Array(parent.length);
  for (let e = 0; e < parent.length; e++) {
    const [p, c] = [parent[e] as number, child[e] as number];
    if (p === c) continue;
    let k = first[c] as number;
    while (k !== -1 && parent[k] !== p) k = next[k] as number;
    if (k !== -1) {
      closes[k] = cycle[e] as number;
      continue;
    }
    [next[e], first[c], closes[e]] = [first[c] as number, e, cycle[e] as number];
    kept.push(e);
  }
  return (add) => {
    for (const e of kept) add(parent[e] as number, child[e] as number, closes[e] === 1);
  };
}

const indexOf = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));

function prepared(ids: string[], fieldsAt: FieldsAt, walk: EdgeWalk, familyOrder: readonly string[]): PreparedLayout {
  const familyIndex = new Map(familyOrder.map((f, i) => [f, i]));
  const discAt = (i: number): number => {
    const family = fieldsAt(i).family;
    if (!familyIndex.has(family)) familyIndex.set(family, familyIndex.size);
    return familyIndex.get(family) as number;
  };
  const input = buildInput(ids.length, fieldsAt, discAt, walk);
  return { ids, input, key: layoutKey(ids, input, [...familyIndex.keys()]) };
}

/** The layout's input for some models of the graph (`ids`, sorted: the rank is the index) and the disc each is drawn
 * in; only edges between two of them count. */
export function layoutInput(graph: LineageGraph, ids: readonly string[], discOf: (id: string) => number): LayoutInput {
  const walk = graphWalk(graph, indexOf(ids), ids.length === graph.order);
  const idAt = (i: number): string => ids[i] as string;
  return buildInput(
    ids.length,
    (i) => graph.getNodeAttributes(idAt(i)),
    (i) => discOf(idAt(i)),
    walk,
  );
}

function buildInput(n: number, fieldsAt: FieldsAt, discAt: (i: number) => number, walk: EdgeWalk): LayoutInput {
  const depth = new Uint32Array(n);
  const family = new Uint32Array(n);
  const downloads = new Float64Array(n);
  const rank = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const a = fieldsAt(i);
    depth[i] = a.depth;
    family[i] = discAt(i);
    downloads[i] = a.downloads;
  }
  const parents: number[] = [];
  const children: number[] = [];
  walk((p, c, cycle) => {
    if (cycle) return;
    parents.push(p);
    children.push(c);
  });
  return {
    depth,
    family,
    downloads,
    rank,
    edgeParent: Uint32Array.from(parents),
    edgeChild: Uint32Array.from(children),
    familyCount: family.reduce((m, f) => Math.max(m, f + 1), 0),
  };
}

/** The positions' cache key names the layout it is for: a new layout takes a new name, and every cache lays out
 * again (a noted key of another name is not used: ui/session/placement.ts). */
export const LAYOUT_KEY_VERSION = 'radial-v1';

/** One step of FNV-1a (32-bit; the result is an int32, made unsigned once at the end). */
const fnv = (h: number, x: number): number => Math.imul(h ^ x, 0x01000193);

/** FNV-1a over ids, edges and family order: a cheap fingerprint for the position cache. A reopen computes it over
 * every character of every id: a pure step and a local hash, not a closure writing to the hash it captured, run
 * three times faster (0.2 s at 500,000 models). */
function layoutKey(ids: string[], input: LayoutInput, families: string[]): string {
  let h = 0x811c9dc5;
  for (const id of ids) for (let i = 0; i < id.length; i++) h = fnv(h, id.charCodeAt(i));
  for (let e = 0; e < input.edgeParent.length; e++) {
    h = fnv(h, input.edgeParent[e] as number);
    h = fnv(h, input.edgeChild[e] as number);
  }
  for (const f of families) for (let i = 0; i < f.length; i++) h = fnv(h, f.charCodeAt(i));
  return `${LAYOUT_KEY_VERSION}-${ids.length}-${input.edgeParent.length}-${(h >>> 0).toString(16)}`;
}
