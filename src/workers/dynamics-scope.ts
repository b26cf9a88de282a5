// Which models the dynamics panel counts: the explorer's visibility (view/visibility.ts: the filters, and under a
// focus the focused subtree with its ancestry) worked out over the lineage index, with no graph. The rule is the
// explorer's: the filters are its passesFilters, and test/unit/dynamics-columnar.test.ts checks the whole answer
// against computeVisible.
import type { ModelNode } from '../lineage/types.ts';
import type { childrenOf, incomingOf, LineageIndex } from '../stats/lineage-index.ts';
import { passesFilters } from '../view/filters.ts';
import type { Filters } from '../view/state.ts';

export interface IndexedLineage {
  ix: LineageIndex;
  relations: ReturnType<typeof incomingOf>;
  /** Model i's attributes (an object that may be reused by the next call). */
  node(i: number): ModelNode;
  /** Each model's children, made when first asked for (only a focus needs them). */
  children(): ReturnType<typeof childrenOf>;
}

/** 1 for each model the explorer shows with these filters and focus (folding aside), in the index's order. */
export function visibleIn(src: IndexedLineage, filters: Filters, focus: string | null): Uint8Array {
  const { ix, relations } = src;
  const at = focus === null ? undefined : ix.position.get(focus);
  const inFocus = at === undefined ? null : focusedLineage(src, at);
  const out = new Uint8Array(ix.ids.length);
  for (let i = 0; i < out.length; i++)
    if ((!inFocus || inFocus[i] === 1) && passesFilters(src.node(i), relations[i] ?? 'root', filters)) out[i] = 1;
  return out;
}

/** The focused model, every model below it and every model above it. */
function focusedLineage(src: IndexedLineage, focus: number): Uint8Array {
  const { ix } = src;
  const { childStart, children } = src.children();
  const mark = new Uint8Array(ix.ids.length);
  mark[focus] = 1;
  const walk = (start: Int32Array, next: Int32Array): void => {
    const queue = [focus];
    const seen = new Uint8Array(ix.ids.length);
    seen[focus] = 1;
    for (let k = 0; k < queue.length; k++) {
      const v = queue[k] as number;
      for (let e = start[v] as number; e < (start[v + 1] as number); e++) {
        const w = next[e] as number;
        if (seen[w] === 1) continue;
        [seen[w], mark[w]] = [1, 1];
        queue.push(w);
      }
    }
  };
  walk(childStart, children);
  walk(ix.parentStart, ix.parents);
  return mark;
}
