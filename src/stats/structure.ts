// The shape of a family or a selection (the scope): size, depth distribution, relation mix, the parents with most
// children, downloads summed over subtrees, and the authors who publish most derivatives (re-uploaders such as
// quantizer orgs). Only edges inside the scope count, so a selection's numbers describe the selection itself.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { relationInScope, type LineageIndex, type ScopeMask } from './lineage-index.ts';
import { topBy } from './rank.ts';

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

const R = RELATIONS.length;
const inc = (counts: Int32Array, k: number, by = 1): void => void (counts[k] = (counts[k] as number) + by);

/** Per-relation counts of item k out of a flat array of R counts per item. */
function tallyOf(counts: Int32Array, k: number): RelationTally {
  return Object.fromEntries(RELATIONS.map((r, j) => [r, counts[k * R + j] as number])) as RelationTally;
}

/** Statistics of the scope; lists are cut to their `top` largest entries (ties by id). */
export function scopeStructure(
  ix: LineageIndex,
  scope: ScopeMask,
  ownOrgs: readonly string[],
  top = 15,
): ScopeStructure {
  const n = ix.ids.length;
  const own = new Set(ownOrgs.map((o) => o.toLowerCase()));
  const ownAuthor = ix.authors.map((a) => own.has(a.toLowerCase()));
  const depth = new Map<number, number>();
  const relations = new Int32Array(R);
  const children = new Int32Array(n);
  const childRelations = new Int32Array(n * R);
  const byAuthor = new Int32Array(ix.authors.length * R);
  let [models, derivatives, edges, downloads] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    if (scope[i] !== 1) continue;
    models++;
    downloads += ix.downloads[i] as number;
    depth.set(ix.depth[i] as number, (depth.get(ix.depth[i] as number) ?? 0) + 1);
    for (let e = ix.parentStart[i] as number; e < (ix.parentStart[i + 1] as number); e++) {
      const p = ix.parents[e] as number;
      if (scope[p] !== 1) continue;
      edges++;
      inc(children, p);
      inc(childRelations, p * R + (ix.edgeRelation[e] as number));
    }
    const rel = relationInScope(ix, scope, i);
    if (rel < 0) continue;
    derivatives++;
    inc(relations, rel);
    if (!ownAuthor[ix.author[i] as number]) inc(byAuthor, (ix.author[i] as number) * R + rel);
  }
  // Totals once per author and plain loops: 100,000s of authors and parents at real scale.
  const totals = new Int32Array(ix.authors.length);
  for (let k = 0; k < byAuthor.length; k++) inc(totals, Math.floor(k / R), byAuthor[k] as number);
  const authorTotal = (a: number): number => totals[a] as number;
  const parentsWithChildren: number[] = [];
  for (let i = 0; i < n; i++) if ((children[i] as number) > 0) parentsWithChildren.push(i);
  const busiest = topBy(
    parentsWithChildren,
    (i) => children[i] as number,
    (i) => ix.ids[i] as string,
    top,
  );
  const authorCodes: number[] = [];
  for (let a = 0; a < totals.length; a++) if ((totals[a] as number) > 0) authorCodes.push(a);
  const uploaders = topBy(authorCodes, authorTotal, (a) => ix.authors[a] as string, top);
  return {
    models,
    derivatives,
    roots: models - derivatives,
    edges,
    downloads,
    depth: [...depth].sort((x, y) => x[0] - y[0]).map(([d, count]) => ({ depth: d, models: count })),
    relations: RELATIONS.map((relation, j) => ({ relation, models: relations[j] as number })).filter(
      (r) => r.models > 0,
    ),
    fanOut: busiest.map((i) => ({
      id: ix.ids[i] as string,
      children: children[i] as number,
      ...tallyOf(childRelations, i),
    })),
    subtrees: topBy(
      subtreeDownloads(ix, scope),
      (s) => s.downloads,
      (s) => s.id,
      top,
    ),
    reuploaders: uploaders.map((a) => ({
      author: ix.authors[a] as string,
      models: authorTotal(a),
      ...tallyOf(byAuthor, a),
    })),
  };
}

/** For every model with a descendant in the scope: models and downloads of its subtree, each model counted once
 * even when merges reach it along several paths. One walk up from each model, over integer indices. */
export function subtreeDownloads(
  ix: LineageIndex,
  scope: ScopeMask,
): { id: string; models: number; downloads: number }[] {
  const n = ix.ids.length;
  const seenBy = new Int32Array(n).fill(-1);
  const models = new Int32Array(n);
  const downloads = new Float64Array(n);
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (scope[i] !== 1) continue;
    const own = ix.downloads[i] as number;
    let length = 0;
    queue[length++] = i;
    seenBy[i] = i;
    for (let k = 0; k < length; k++) {
      const v = queue[k] as number;
      models[v] = (models[v] as number) + 1;
      downloads[v] = (downloads[v] as number) + own;
      for (let e = ix.parentStart[v] as number; e < (ix.parentStart[v + 1] as number); e++) {
        const p = ix.parents[e] as number;
        if (ix.edgeCycle[e] === 1 || scope[p] !== 1 || seenBy[p] === i) continue;
        seenBy[p] = i;
        queue[length++] = p;
      }
    }
  }
  const out: { id: string; models: number; downloads: number }[] = [];
  for (let i = 0; i < n; i++)
    if ((models[i] as number) > 1)
      out.push({ id: ix.ids[i] as string, models: models[i] as number, downloads: downloads[i] as number });
  return out;
}
