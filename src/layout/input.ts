// Turns the lineage (as the graph, or as the lineage itself) into the typed arrays the layout worker takes
// (transferred, not copied), and the key under which its positions are cached: the same models, edges and families
// give the same input and key, whichever form they came in.
import type { LineageGraph } from '../graph/graph.ts';
import type { Lineage, ModelNode } from '../lineage/types.ts';
import type { LayoutInput } from './radial.ts';

export interface PreparedLayout {
  ids: string[];
  input: LayoutInput;
  key: string;
}

type LayoutFields = Pick<ModelNode, 'depth' | 'family' | 'downloads'>;
/** Calls `add` for each edge (parent, child, whether it closes a cycle). */
type EdgeWalk = (add: (parent: string, child: string, cycle: boolean | undefined) => void) => void;

export function prepareLayout(graph: LineageGraph, familyOrder: readonly string[]): PreparedLayout {
  const walk: EdgeWalk = (add) => graph.forEachEdge((_e, a, s, t) => add(s, t, a.cycle));
  return prepared(graph.nodes().sort(), (id) => graph.getNodeAttributes(id), walk, familyOrder);
}

/** The same as prepareLayout over the graph `lineage` would make (same ids, input and key), without making it: the
 * app lays out a lineage before it replaces the graph on screen, and a second graph of 200,000 models costs more
 * than everything else on the way to the first frame. Like the graph, it keeps one node per id (attributes merged,
 * later ones winning) and one edge per parent and child, drops self-loops, and refuses edges to unknown ids. */
export function prepareLayoutOf(lineage: Lineage, familyOrder: readonly string[]): PreparedLayout {
  const nodes = new Map<string, ModelNode>();
  for (const n of lineage.nodes) {
    const before = nodes.get(n.id);
    nodes.set(n.id, before ? { ...before, ...n } : n);
  }
  const ids = [...nodes.keys()].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  // One entry per parent and child, keyed by their two positions (a number, cheaper than a string key).
  const edges = new Map<number, { parent: string; child: string; cycle: boolean }>();
  for (const e of lineage.edges) {
    if (e.parent === e.child) continue;
    const [p, c] = [index.get(e.parent), index.get(e.child)];
    if (p === undefined || c === undefined)
      throw new Error(`layout/input: edge ${e.parent} -> ${e.child} names an unknown node`);
    const key = p * ids.length + c;
    const before = edges.get(key);
    if (before) before.cycle = e.cycle;
    else edges.set(key, { parent: e.parent, child: e.child, cycle: e.cycle });
  }
  const walk: EdgeWalk = (add) => {
    for (const e of edges.values()) add(e.parent, e.child, e.cycle);
  };
  return prepared(ids, (id) => nodes.get(id) as ModelNode, walk, familyOrder);
}

function prepared(
  ids: string[],
  attributes: (id: string) => LayoutFields,
  walk: EdgeWalk,
  familyOrder: readonly string[],
): PreparedLayout {
  const familyIndex = new Map(familyOrder.map((f, i) => [f, i]));
  const discOf = (id: string): number => {
    const family = attributes(id).family;
    if (!familyIndex.has(family)) familyIndex.set(family, familyIndex.size);
    return familyIndex.get(family) as number;
  };
  const input = buildInput(ids, attributes, discOf, walk);
  return { ids, input, key: layoutKey(ids, input, [...familyIndex.keys()]) };
}

/** The layout's input for some models of the graph (`ids`, sorted: the rank is the index) and the disc each is drawn
 * in; only edges between two of them count. */
export function layoutInput(graph: LineageGraph, ids: readonly string[], discOf: (id: string) => number): LayoutInput {
  const walk: EdgeWalk = (add) => {
    if (ids.length === graph.order) graph.forEachEdge((_e, a, s, t) => add(s, t, a.cycle));
    else for (const id of ids) graph.forEachInEdge(id, (_e, a, s, t) => add(s, t, a.cycle));
  };
  return buildInput(ids, (id) => graph.getNodeAttributes(id), discOf, walk);
}

function buildInput(
  ids: readonly string[],
  attributes: (id: string) => LayoutFields,
  discOf: (id: string) => number,
  walk: EdgeWalk,
): LayoutInput {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const depth = new Uint32Array(n);
  const family = new Uint32Array(n);
  const downloads = new Float64Array(n);
  const rank = Uint32Array.from(ids, (_, i) => i);
  ids.forEach((id, i) => {
    const a = attributes(id);
    depth[i] = a.depth;
    family[i] = discOf(id);
    downloads[i] = a.downloads;
  });
  const parents: number[] = [];
  const children: number[] = [];
  walk((s, t, cycle) => {
    const [p, c] = [index.get(s), index.get(t)];
    if (cycle || p === undefined || c === undefined) return;
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

/** FNV-1a over ids, edges and family order: a cheap fingerprint for the position cache. */
function layoutKey(ids: string[], input: LayoutInput, families: string[]): string {
  let h = 0x811c9dc5;
  const mix = (x: number): void => {
    h = Math.imul(h ^ x, 0x01000193) >>> 0;
  };
  for (const id of ids) for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
  for (let e = 0; e < input.edgeParent.length; e++) {
    mix(input.edgeParent[e] as number);
    mix(input.edgeChild[e] as number);
  }
  for (const f of families) for (let i = 0; i < f.length; i++) mix(f.charCodeAt(i));
  return `radial-v1-${ids.length}-${input.edgeParent.length}-${h.toString(16)}`;
}
