// The lineage in columns for the statistics: every model's family, author, month, license and incoming relation as
// small integer codes, and the parent lists as one flat array. Built in two passes over the graph when the graph
// changes; every statistic then runs over typed arrays, so a change of filters or scope at 200,000 models costs
// milliseconds, not one graph traversal per statistic. A scope is a mask over `ids` (1 = in scope).
import type { LineageGraph } from '../graph/graph.ts';
import type { ColumnarRows } from '../lineage/columnar.ts';
import { mergeWins, NO_RELATION, RELATIONS, type Relation } from '../lineage/relation.ts';
import { groupBy } from '../lineage/in-edges.ts';
import { buildIndex, columnarInput, graphInput } from './index-build.ts';

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

export { monthCode, monthName } from './months.ts';

export interface IndexOptions {
  /** The moment dates are judged against (a date after the next day is out of range); now by default. */
  now?: number;
}

/** The index of the models `ids` (the explorer's order, so its masks line up with the renderer's). */
export function indexLineage(graph: LineageGraph, ids: readonly string[], options: IndexOptions = {}): LineageIndex {
  return withRelations(buildIndex(graphInput(graph, ids), options.now));
}

/** The same index straight from the stored columns, with no graph built (./index-build.ts): null when an id
 * repeats (the graph merges such rows; indexLineage over it serves). */
export function indexColumnar(rows: ColumnarRows, options: IndexOptions = {}): LineageIndex | null {
  const input = columnarInput(rows);
  return input && withRelations(buildIndex(input, options.now));
}

function withRelations(built: Omit<LineageIndex, 'relation'>): LineageIndex {
  const index: LineageIndex = { ...built, relation: new Int8Array(built.ids.length) };
  // The relation to the parents is the in-scope relation with every model in scope: one copy of the rule.
  const all = everything(index);
  for (let i = 0; i < built.ids.length; i++) index.relation[i] = relationInScope(index, all, i);
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
