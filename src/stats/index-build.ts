// The one way a LineageIndex (./lineage-index.ts) is made, from either place the lineage is held: the graph (the
// explorer, the command line) or the stored columns (the dynamics worker, which builds no graph: at 200,000 models
// the graph cost seconds). Each input says per model its family, author and license as codes, its date, downloads
// and depth, and its in-edges; the builder does the rest, so both give the same index (unit-tested).
import type { LineageGraph } from '../graph/graph.ts';
import type { ColumnarRows } from '../lineage/columnar.ts';
import { inEdgesOf } from '../lineage/in-edges.ts';
import { relationCode } from '../lineage/relation.ts';
import type { LineageIndex } from './lineage-index.ts';
import { dateRule, monthCode } from './months.ts';

/** Codes of a text column, numbered in order of first appearance. */
interface Coded {
  readonly values: string[];
  code(i: number): number;
}

/** Codes from the values themselves. */
function codedBy(value: (i: number) => string): Coded {
  const values: string[] = [];
  const codes = new Map<string, number>();
  return {
    values,
    code(i) {
      const v = value(i);
      let c = codes.get(v);
      if (c === undefined) codes.set(v, (c = values.push(v) - 1));
      return c;
    },
  };
}

/** Codes from a stored dictionary column, renumbered in order of first appearance (unused values dropped). */
function codedFromDictionary(dict: { values: string[]; codes: Uint32Array }): Coded {
  const values: string[] = [];
  const renumbered = new Int32Array(dict.values.length).fill(-1);
  return {
    values,
    code(i) {
      const d = dict.codes[i] as number;
      let c = renumbered[d] as number;
      if (c < 0) renumbered[d] = c = values.push(dict.values[d] as string) - 1;
      return c;
    },
  };
}

/** Adds a parent edge to the current model. */
export type AddParent = (parent: number, relation: number, cycle: boolean) => void;

export interface IndexInput {
  ids: readonly string[];
  position: ReadonlyMap<string, number>;
  family: Coded;
  author: Coded;
  license: Coded;
  createdAt(i: number): string;
  downloads(i: number): number;
  depth(i: number): number;
  /** At least as many as the parent edges the models have. */
  edgeBound: number;
  inEdges(i: number, add: AddParent): void;
}

export function positions(ids: readonly string[]): Map<string, number> {
  const position = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) position.set(ids[i] as string, i);
  return position;
}

export function graphInput(graph: LineageGraph, ids: readonly string[]): IndexInput {
  const position = positions(ids);
  const attrs = ids.map((id) => graph.getNodeAttributes(id));
  const at = (i: number) => attrs[i] as (typeof attrs)[number];
  return {
    ids,
    position,
    family: codedBy((i) => at(i).family),
    author: codedBy((i) => at(i).author),
    license: codedBy((i) => at(i).license),
    createdAt: (i) => at(i).created_at,
    downloads: (i) => at(i).downloads,
    depth: (i) => at(i).depth,
    edgeBound: graph.size,
    inEdges: (i, add) =>
      graph.forEachInEdge(ids[i] as string, (_e, a, parent) => {
        const p = position.get(parent);
        if (p !== undefined) add(p, relationCode(a.relation), a.cycle);
      }),
  };
}

/** The stored columns as the builder's input; null when an id repeats (the graph merges such rows). Edges as the
 * graph keeps them (lineage/in-edges.ts). */
export function columnarInput(rows: ColumnarRows): IndexInput | null {
  const { ids, columnar: c } = rows;
  const position = positions(ids);
  if (position.size !== ids.length) return null;
  const { start, parent, relation, cycle } = inEdgesOf(c, ids);
  const created = rows.text.created_at;
  return {
    ids,
    position,
    family: codedFromDictionary(c.dicts.family),
    author: codedFromDictionary(c.dicts.author),
    license: codedFromDictionary(c.dicts.license),
    createdAt: (i) => created[i] as string,
    downloads: (i) => c.downloads[i] as number,
    depth: (i) => c.depth[i] as number,
    edgeBound: parent.length,
    inEdges: (i, add) => {
      for (let e = start[i] as number; e < (start[i + 1] as number); e++)
        add(parent[e] as number, relation[e] as number, cycle[e] === 1);
    },
  };
}

const DISTILLED = /distil/i;

/** The index, but for each model's relation to its parents (the caller's rule, which needs the index). */
export function buildIndex(input: IndexInput, now?: number): Omit<LineageIndex, 'relation'> {
  const rule = dateRule(now);
  const { ids } = input;
  const n = ids.length;
  const ix = {
    family: new Uint32Array(n),
    author: new Uint32Array(n),
    month: new Int32Array(n),
    downloads: new Float64Array(n),
    depth: new Int32Array(n),
    license: new Uint32Array(n),
    distilled: new Uint8Array(n),
    parentStart: new Int32Array(n + 1),
  };
  const parents = new Int32Array(input.edgeBound);
  const edgeRelation = new Int8Array(input.edgeBound);
  const edgeCycle = new Uint8Array(input.edgeBound);
  let edges = 0;
  const add: AddParent = (p, rel, cycle) => {
    parents[edges] = p;
    edgeRelation[edges] = rel;
    edgeCycle[edges++] = cycle ? 1 : 0;
  };
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    ix.family[i] = input.family.code(i);
    ix.author[i] = input.author.code(i);
    ix.license[i] = input.license.code(i);
    ix.month[i] = monthCode(input.createdAt(i), rule);
    ix.downloads[i] = input.downloads(i);
    ix.depth[i] = input.depth(i);
    ix.distilled[i] = DISTILLED.test(id.slice(id.indexOf('/') + 1)) ? 1 : 0;
    ix.parentStart[i] = edges;
    input.inEdges(i, add);
  }
  ix.parentStart[n] = edges;
  return {
    ...ix,
    ids,
    position: input.position,
    families: input.family.values,
    authors: input.author.values,
    licenses: input.license.values,
    parents: parents.slice(0, edges),
    edgeRelation: edgeRelation.slice(0, edges),
    edgeCycle: edgeCycle.slice(0, edges),
  };
}
