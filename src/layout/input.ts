// Turns the lineage graph into the typed arrays the layout worker takes (transferred, not copied), and the
// key under which its positions are cached: the same graph and families give the same key.
import type { LineageGraph } from '../graph/graph.ts';
import type { Lineage, ModelNode } from '../lineage/types.ts';
import type { LayoutInput } from './radial.ts';

export interface PreparedLayout {
  ids: string[];
  input: LayoutInput;
  key: string;
}

export function prepareLayout(graph: LineageGraph, familyOrder: readonly string[]): PreparedLayout {
  const edges: [string, string][] = [];
  graph.forEachEdge((_e, attrs, s, t) => void (attrs.cycle || edges.push([s, t])));
  return prepared(graph.nodes().sort(), (id) => graph.getNodeAttributes(id), edges, familyOrder);
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
  const kept: [string, string][] = [];
  for (const e of edges.values()) if (!e.cycle) kept.push([e.parent, e.child]);
  return prepared(ids, (id) => nodes.get(id) as ModelNode, kept, familyOrder);
}

type LayoutFields = Pick<ModelNode, 'depth' | 'family' | 'downloads'>;

function prepared(
  ids: string[],
  attributes: (id: string) => LayoutFields,
  edges: readonly [string, string][],
  familyOrder: readonly string[],
): PreparedLayout {
  const index = new Map(ids.map((id, i) => [id, i]));
  const familyIndex = new Map(familyOrder.map((f, i) => [f, i]));
  const n = ids.length;
  const depth = new Uint32Array(n);
  const family = new Uint32Array(n);
  const downloads = new Float64Array(n);
  const rank = Uint32Array.from(ids, (_, i) => i);
  ids.forEach((id, i) => {
    const a = attributes(id);
    depth[i] = a.depth;
    if (!familyIndex.has(a.family)) familyIndex.set(a.family, familyIndex.size);
    family[i] = familyIndex.get(a.family) as number;
    downloads[i] = a.downloads;
  });
  const input: LayoutInput = {
    depth,
    family,
    downloads,
    rank,
    edgeParent: Uint32Array.from(edges, ([s]) => index.get(s) as number),
    edgeChild: Uint32Array.from(edges, ([, t]) => index.get(t) as number),
    familyCount: familyIndex.size,
  };
  return { ids, input, key: layoutKey(ids, input, [...familyIndex.keys()]) };
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
