// A columnar lineage's edges as the graph keeps them (graph/graph.ts mergeLineage), grouped by child, by position:
// the one copy of that rule for everything that reads the stored columns instead of the graph (the explorer's
// encodings, the dynamics worker's index). Self-loops are dropped; a repeated parent → child edge is kept once, in
// its first place, with its last relation and cycle flag; and each child's parents are listed in the graph's order.
import type { ColumnarLineage } from './columnar.ts';

/** Parents of model i: parent[start[i] .. start[i + 1]), with their edge's relation code (index in RELATIONS) and
 * cycle flag. */
export interface InEdges {
  start: Int32Array;
  parent: Int32Array;
  relation: Int8Array;
  cycle: Uint8Array;
}

/** The in-edges of the `ids.length` models of `columnar` (its id column, in the columns' order). */
export function inEdgesOf(columnar: ColumnarLineage, ids: readonly string[]): InEdges {
  const n = ids.length;
  const { parent: from, child: to, relation: rel, cycle: loops } = columnar.edges;
  const { start: byChildStart, order: byChild } = groupBy(to, n);
  const start = new Int32Array(n + 1);
  const parent = new Int32Array(to.length);
  const relation = new Int8Array(to.length);
  const cycle = new Uint8Array(to.length);
  // The slot of parent p's edge to the current child i, when seenFor[p] === i.
  const slotOf = new Int32Array(n);
  const seenFor = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    start[i] = m;
    for (let k = byChildStart[i] as number; k < (byChildStart[i + 1] as number); k++) {
      const e = byChild[k] as number;
      const p = from[e] as number;
      if (p === i) continue;
      if (seenFor[p] !== i) {
        seenFor[p] = i;
        slotOf[p] = m;
        parent[m++] = p;
      }
      // The column holds relation codes (indexes into RELATIONS) already; a repeated edge's last values win.
      const slot = slotOf[p] as number;
      relation[slot] = rel[e] as number;
      cycle[slot] = loops[e] as number;
    }
    if (m - (start[i] as number) > 1) inGraphOrder(ids, start[i] as number, m, parent, relation, cycle);
  }
  start[n] = m;
  return { start, parent: parent.slice(0, m), relation: relation.slice(0, m), cycle: cycle.slice(0, m) };
}

/** An id JavaScript treats as an array index ("0" to "4294967294", no leading zero). */
const isIndexKey = (id: string): boolean => /^(0|[1-9]\d{0,9})$/.test(id) && Number(id) < 4294967295;

/** graphology keeps a node's parents as the keys of a plain object, which lists array-index keys first (in numeric
 * order), then the others in the order they were added: the first parent is the one whose relation names a model
 * derived from several (relation.ts), so a child's parents are put in that order too. */
function inGraphOrder(
  ids: readonly string[],
  from: number,
  to: number,
  parent: Int32Array,
  relation: Int8Array,
  cycle: Uint8Array,
): void {
  const key = (s: number): number => {
    const id = ids[parent[s] as number] as string;
    return isIndexKey(id) ? Number(id) : Infinity;
  };
  let indexKeys = false;
  for (let s = from; s < to && !indexKeys; s++) indexKeys = key(s) !== Infinity;
  if (!indexKeys) return;
  const slots = Array.from({ length: to - from }, (_, k) => from + k);
  // A stable sort: the non-index parents keep the order they were added in.
  slots.sort((a, b) => (key(a) === key(b) ? 0 : key(a) < key(b) ? -1 : 1));
  const [p, r, c] = [slots.map((s) => parent[s]), slots.map((s) => relation[s]), slots.map((s) => cycle[s])];
  parent.set(p as number[], from);
  relation.set(r as number[], from);
  cycle.set(c as number[], from);
}

/** Items 0..keys.length-1 grouped by their key (0..buckets-1), in their order within a group (a counting sort):
 * the items of key k are order[start[k] .. start[k + 1]). */
export function groupBy(keys: ArrayLike<number>, buckets: number): { start: Int32Array; order: Int32Array } {
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
