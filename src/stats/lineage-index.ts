// The lineage in columns for the statistics: every model's family, author, month, license and incoming relation as
// small integer codes, and the parent lists as one flat array. Built in two passes over the graph when the graph
// changes; every statistic then runs over typed arrays, so a change of filters or scope at 200,000 models costs
// milliseconds, not one graph traversal per statistic. A scope is a mask over `ids` (1 = in scope).
import type { LineageGraph } from '../graph/graph.ts';
import type { ColumnarRows } from '../lineage/columnar.ts';
import type { ModelNode } from '../lineage/types.ts';
import { mergeWins, NO_RELATION, relationCode, RELATIONS, type Relation } from '../lineage/relation.ts';
import { dateRule, monthCode } from './months.ts';

export interface LineageIndex {
  ids: readonly string[];
  position: ReadonlyMap<string, number>;
  family: Uint32Array;
  families: readonly string[];
  author: Uint32Array;
  authors: readonly string[];
  /** Months since year 0 (year * 12 + month - 1); negative when the date cannot be placed (months.ts says why). */
  month: Int32Array;
  /** Index into RELATIONS of the relation to the parents ('merge' wins), -1 for a root. Parents outside `ids`
   * do not count. */
  relation: Int8Array;
  downloads: Float64Array;
  depth: Int32Array;
  license: Uint32Array;
  licenses: readonly string[];
  /** 1 when the model's name (after the org) says it is a distillation. */
  distilled: Uint8Array;
  /** Parents of model i: parents[parentStart[i] .. parentStart[i + 1]), with their edge's relation and cycle flag. */
  parentStart: Int32Array;
  parents: Int32Array;
  edgeRelation: Int8Array;
  edgeCycle: Uint8Array;
}

export type ScopeMask = Uint8Array;

class Codes {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) this.codes.set(value, (c = this.values.push(value) - 1));
    return c;
  }
}

const DISTILLED = /distil/i;

export { monthCode, monthName } from './months.ts';

export interface IndexOptions {
  /** The moment dates are judged against (a date after the next day is out of range); now by default. */
  now?: number;
}

/** The index of the models `ids` (the explorer's order, so its masks line up with the renderer's). */
export function indexLineage(graph: LineageGraph, ids: readonly string[], options: IndexOptions = {}): LineageIndex {
  const position = new Map(ids.map((id, i) => [id, i]));
  return buildIndex(
    ids,
    position,
    (i) => graph.getNodeAttributes(ids[i] as string),
    options,
    (i, add) =>
      graph.forEachInEdge(ids[i] as string, (_e, attrs, parent) => {
        const p = position.get(parent);
        if (p !== undefined) add(p, relationCode(attrs.relation), attrs.cycle);
      }),
  );
}

/** The same index straight from the stored columns, with no graph built: what the dynamics worker does at 200,000
 * models. Edges as the graph keeps them: self-loops dropped, a repeated edge once (in its first place, with its last
 * relation). Null when an id repeats (the graph merges such rows; indexLineage over it serves). */
export function indexColumnar(rows: ColumnarRows, options: IndexOptions = {}): LineageIndex | null {
  const { ids, columnar: c } = rows;
  const position = new Map(ids.map((id, i) => [id, i]));
  if (position.size !== ids.length) return null;
  const { parent, child, relation, cycle } = c.edges;
  const { start, order: byChild } = groupBy(child, ids.length);
  const slotOf = new Int32Array(ids.length).fill(-1);
  const seenFor = new Int32Array(ids.length).fill(-1);
  return buildIndex(ids, position, rows.node, options, (i, add, set) => {
    for (let k = start[i] as number; k < (start[i + 1] as number); k++) {
      const e = byChild[k] as number;
      const p = parent[e] as number;
      if (p === i) continue;
      // The column holds relation codes (indexes into RELATIONS) already.
      const rel = relation[e] as number;
      if (seenFor[p] === i) set(slotOf[p] as number, rel, cycle[e] === 1);
      else [seenFor[p], slotOf[p]] = [i, add(p, rel, cycle[e] === 1)];
    }
  });
}

type AddParent = (parent: number, relation: number, cycle: boolean) => number;
type SetParent = (slot: number, relation: number, cycle: boolean) => void;

/** The one way an index is made, from each model's attributes and in-edges, whatever holds them. */
function buildIndex(
  ids: readonly string[],
  position: ReadonlyMap<string, number>,
  nodeAt: (i: number) => ModelNode,
  options: IndexOptions,
  inEdges: (i: number, add: AddParent, set: SetParent) => void,
): LineageIndex {
  const rule = dateRule(options.now);
  const n = ids.length;
  const [families, authors, licenses] = [new Codes(), new Codes(), new Codes()];
  const ix = {
    family: new Uint32Array(n),
    author: new Uint32Array(n),
    month: new Int32Array(n),
    relation: new Int8Array(n).fill(-1),
    downloads: new Float64Array(n),
    depth: new Int32Array(n),
    license: new Uint32Array(n),
    distilled: new Uint8Array(n),
    parentStart: new Int32Array(n + 1),
  };
  const parents: number[] = [];
  const edgeRelation: number[] = [];
  const edgeCycle: number[] = [];
  const add: AddParent = (p, rel, cycle) => {
    edgeRelation.push(rel);
    edgeCycle.push(cycle ? 1 : 0);
    return parents.push(p) - 1;
  };
  const set: SetParent = (slot, rel, cycle) => void ([edgeRelation[slot], edgeCycle[slot]] = [rel, cycle ? 1 : 0]);
  for (let i = 0; i < n; i++) {
    const a = nodeAt(i);
    const id = ids[i] as string;
    ix.family[i] = families.code(a.family);
    ix.author[i] = authors.code(a.author);
    ix.month[i] = monthCode(a.created_at, rule);
    ix.downloads[i] = a.downloads;
    ix.depth[i] = a.depth;
    ix.license[i] = licenses.code(a.license);
    ix.distilled[i] = DISTILLED.test(id.slice(id.indexOf('/') + 1)) ? 1 : 0;
    ix.parentStart[i] = parents.length;
    inEdges(i, add, set);
  }
  ix.parentStart[n] = parents.length;
  const index: LineageIndex = {
    ...ix,
    ids,
    position,
    families: families.values,
    authors: authors.values,
    licenses: licenses.values,
    parents: Int32Array.from(parents),
    edgeRelation: Int8Array.from(edgeRelation),
    edgeCycle: Uint8Array.from(edgeCycle),
  };
  // The relation to the parents is the in-scope relation with every model in scope: one copy of the rule.
  const all = everything(index);
  for (let i = 0; i < n; i++) ix.relation[i] = relationInScope(index, all, i);
  return index;
}

/** Children of each model (the parent lists turned round), for walks down the lineage. */
export function childrenOf(ix: LineageIndex): { childStart: Int32Array; children: Int32Array } {
  const { start: childStart, order } = groupBy(ix.parents, ix.ids.length);
  // Entry e of the parent lists belongs to the child whose range holds it.
  const childOfEntry = new Int32Array(ix.parents.length);
  for (let i = 0; i < ix.ids.length; i++) childOfEntry.fill(i, ix.parentStart[i], ix.parentStart[i + 1]);
  return { childStart, children: order.map((e) => childOfEntry[e] as number) };
}

/** Items 0..keys.length-1 grouped by their key (0..buckets-1), in their order within a group (a counting sort):
 * the items of key k are order[start[k] .. start[k + 1]). */
function groupBy(keys: ArrayLike<number>, buckets: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(buckets + 1);
  for (let e = 0; e < keys.length; e++) start[(keys[e] as number) + 1] = (start[(keys[e] as number) + 1] as number) + 1;
  for (let k = 0; k < buckets; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const next = start.slice(0, buckets);
  const order = new Int32Array(keys.length);
  for (let e = 0; e < keys.length; e++) {
    const k = keys[e] as number;
    order[next[k] as number] = e;
    next[k] = (next[k] as number) + 1;
  }
  return { start, order };
}

/** A scope of the given models (unknown ids are ignored). */
export function maskOf(ix: LineageIndex, ids: Iterable<string>): ScopeMask {
  const mask = new Uint8Array(ix.ids.length);
  for (const id of ids) {
    const i = ix.position.get(id);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}

/** Each model's relation to its parents as the renderer names it ('root' for none). */
export function incomingOf(ix: LineageIndex): (Relation | 'root')[] {
  return Array.from(ix.relation, (r) => RELATIONS[r] ?? 'root');
}

export function everything(ix: LineageIndex): ScopeMask {
  return new Uint8Array(ix.ids.length).fill(1);
}

/** The relation of model i counting only parents inside the scope ('merge' wins), or -1. */
export function relationInScope(ix: LineageIndex, mask: ScopeMask, i: number): number {
  let rel = NO_RELATION;
  for (let e = ix.parentStart[i] as number; e < (ix.parentStart[i + 1] as number); e++)
    if (mask[ix.parents[e] as number] === 1) rel = mergeWins(rel, ix.edgeRelation[e] as number);
  return rel;
}
