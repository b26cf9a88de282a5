// Turns the lineage graph into the typed arrays the layout worker takes (transferred, not copied), and the
// key under which its positions are cached: the same graph and families give the same key.
import type { LineageGraph } from '../graph/graph.ts';
import type { LayoutInput } from './radial.ts';

export interface PreparedLayout {
  ids: string[];
  input: LayoutInput;
  key: string;
}

export function prepareLayout(graph: LineageGraph, familyOrder: readonly string[]): PreparedLayout {
  const ids = graph.nodes().sort();
  const familyIndex = new Map(familyOrder.map((f, i) => [f, i]));
  const input = layoutInput(graph, ids, (id) => {
    const family = graph.getNodeAttribute(id, 'family');
    if (!familyIndex.has(family)) familyIndex.set(family, familyIndex.size);
    return familyIndex.get(family) as number;
  });
  return { ids, input, key: layoutKey(ids, input, [...familyIndex.keys()]) };
}

/** The layout's input for some models of the graph (`ids`, sorted: the rank is the index) and the disc each is drawn
 * in; only edges between two of them count. */
export function layoutInput(graph: LineageGraph, ids: readonly string[], discOf: (id: string) => number): LayoutInput {
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const depth = new Uint32Array(n);
  const family = new Uint32Array(n);
  const downloads = new Float64Array(n);
  const rank = Uint32Array.from(ids, (_, i) => i);
  ids.forEach((id, i) => {
    const a = graph.getNodeAttributes(id);
    depth[i] = a.depth;
    family[i] = discOf(id);
    downloads[i] = a.downloads;
  });
  const parents: number[] = [];
  const children: number[] = [];
  const add = (_e: string, attrs: { cycle?: boolean }, s: string, t: string): void => {
    const [p, c] = [index.get(s), index.get(t)];
    if (attrs.cycle || p === undefined || c === undefined) return;
    parents.push(p);
    children.push(c);
  };
  if (n === graph.order) graph.forEachEdge(add);
  else for (const id of ids) graph.forEachInEdge(id, add);
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
