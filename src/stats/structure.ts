// The shape of a family or a selection (the scope): size, depth distribution, relation mix, the parents with most
// children, downloads summed over subtrees, and the authors who publish most derivatives (re-uploaders such as
// quantizer orgs). Only edges inside the scope count, so a selection's numbers describe the selection itself.
import type { LineageGraph } from '../graph/graph.ts';
import { RELATIONS, type Relation } from '../hub/model.ts';

export type RelationTally = Record<Relation, number>;

export interface ScopeStructure {
  models: number;
  /** Models with a parent in the scope. */
  derivatives: number;
  roots: number;
  edges: number;
  downloads: number;
  depth: { depth: number; models: number }[];
  relations: { relation: Relation; models: number }[];
  fanOut: ({ id: string; children: number } & RelationTally)[];
  subtrees: { id: string; models: number; downloads: number }[];
  reuploaders: ({ author: string; models: number } & RelationTally)[];
}

const tally = (): RelationTally => Object.fromEntries(RELATIONS.map((r) => [r, 0])) as RelationTally;

/** Statistics of the scope; lists are cut to their `top` largest entries (ties by id). */
export function scopeStructure(
  graph: LineageGraph,
  scope: ReadonlySet<string>,
  ownOrgs: readonly string[],
  top = 15,
): ScopeStructure {
  const depth = new Map<number, number>();
  const relations = tally();
  const fanOut = new Map<string, { id: string; children: number } & RelationTally>();
  const authors = new Map<string, { author: string; models: number } & RelationTally>();
  const own = new Set(ownOrgs.map((o) => o.toLowerCase()));
  let derivatives = 0;
  let edges = 0;
  let downloads = 0;
  for (const id of scope) {
    const node = graph.getNodeAttributes(id);
    downloads += node.downloads;
    depth.set(node.depth, (depth.get(node.depth) ?? 0) + 1);
    graph.forEachInEdge(id, (_e, attrs, parent) => {
      if (!scope.has(parent)) return;
      edges++;
      let f = fanOut.get(parent);
      if (!f) fanOut.set(parent, (f = { id: parent, children: 0, ...tally() }));
      f.children++;
      f[attrs.relation]++;
    });
    const relation = inScopeRelation(graph, scope, id);
    if (!relation) continue;
    derivatives++;
    relations[relation]++;
    if (own.has(node.author.toLowerCase())) continue;
    let a = authors.get(node.author);
    if (!a) authors.set(node.author, (a = { author: node.author, models: 0, ...tally() }));
    a.models++;
    a[relation]++;
  }
  return {
    models: scope.size,
    derivatives,
    roots: scope.size - derivatives,
    edges,
    downloads,
    depth: [...depth].sort((x, y) => x[0] - y[0]).map(([d, models]) => ({ depth: d, models })),
    relations: RELATIONS.map((relation) => ({ relation, models: relations[relation] })).filter((r) => r.models > 0),
    fanOut: largest(
      [...fanOut.values()],
      (f) => f.children,
      (f) => f.id,
      top,
    ),
    subtrees: largest(
      subtreeDownloads(graph, scope),
      (s) => s.downloads,
      (s) => s.id,
      top,
    ),
    reuploaders: largest(
      [...authors.values()],
      (a) => a.models,
      (a) => a.author,
      top,
    ),
  };
}

/** The model's relation counting only parents inside the scope (null when it has none there). */
function inScopeRelation(graph: LineageGraph, scope: ReadonlySet<string>, id: string): Relation | null {
  let rel: Relation | null = null;
  graph.forEachInEdge(id, (_e, attrs, parent) => {
    if (scope.has(parent) && (rel === null || attrs.relation === 'merge')) rel = attrs.relation;
  });
  return rel;
}

/** For every model with a descendant in the scope: models and downloads of its subtree, each model counted once
 * even when merges reach it along several paths. */
export function subtreeDownloads(
  graph: LineageGraph,
  scope: ReadonlySet<string>,
): { id: string; models: number; downloads: number }[] {
  const sums = new Map<string, { id: string; models: number; downloads: number }>();
  const add = (to: string, downloads: number): void => {
    let s = sums.get(to);
    if (!s) sums.set(to, (s = { id: to, models: 0, downloads: 0 }));
    s.models++;
    s.downloads += downloads;
  };
  for (const id of scope) {
    const downloads = graph.getNodeAttribute(id, 'downloads');
    const seen = new Set([id]);
    const queue = [id];
    for (let i = 0; i < queue.length; i++)
      graph.forEachInEdge(queue[i] as string, (_e, attrs, parent) => {
        if (attrs.cycle || seen.has(parent) || !scope.has(parent)) return;
        seen.add(parent);
        queue.push(parent);
      });
    for (const node of seen) add(node, downloads);
  }
  return [...sums.values()].filter((s) => s.models > 1);
}

function largest<T>(items: T[], size: (t: T) => number, name: (t: T) => string, top: number): T[] {
  return items.sort((x, y) => size(y) - size(x) || name(x).localeCompare(name(y))).slice(0, top);
}
