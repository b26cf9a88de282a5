// Walking the lineage from the keyboard: from the picked model to its parent, a child, or the next or previous
// sibling, among the models the view shows. Siblings are in the layout's order around their parent (by id, as
// layout/radial.ts places them), so Right and Left go round the wedge as the eye does; the parent is the one the
// layout hangs the model under (one of its own family), so Up and Down retrace the drawn tree.
import type { LineageGraph } from '../graph/graph.ts';

export type Step = 'parent' | 'child' | 'next' | 'previous';

/** The keys, and what each does (also the words of the graph's help and aria description). */
export const LINEAGE_KEYS: readonly { key: string; step: Step; words: string }[] = [
  { key: 'ArrowUp', step: 'parent', words: '↑ parent' },
  { key: 'ArrowDown', step: 'child', words: '↓ child' },
  { key: 'ArrowLeft', step: 'previous', words: '← previous sibling' },
  { key: 'ArrowRight', step: 'next', words: '→ next sibling' },
  { key: '[', step: 'previous', words: '[ previous sibling' },
  { key: ']', step: 'next', words: '] next sibling' },
];

export function stepOfKey(key: string): Step | null {
  return LINEAGE_KEYS.find((k) => k.key === key)?.step ?? null;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The parent the drawn tree hangs `id` under: a shown parent of its own family first, then any shown one. */
export function drawnParent(graph: LineageGraph, id: string, shown: (id: string) => boolean): string | null {
  const family = graph.getNodeAttribute(id, 'family');
  const parents = [...new Set(graph.inNeighbors(id))].filter((p) => p !== id && shown(p)).sort(byId);
  return parents.find((p) => graph.getNodeAttribute(p, 'family') === family) ?? parents[0] ?? null;
}

/** Shown children of `id` in the layout's order. */
export function shownChildren(graph: LineageGraph, id: string, shown: (id: string) => boolean): string[] {
  return [...new Set(graph.outNeighbors(id))].filter((c) => c !== id && shown(c)).sort(byId);
}

/** The shown children drawn under `id` (a merge of two families hangs under its own family's parent only). */
function drawnChildren(graph: LineageGraph, id: string, shown: (id: string) => boolean): string[] {
  return shownChildren(graph, id, shown).filter((c) => drawnParent(graph, c, shown) === id);
}

/** Where a step from `id` leads, or null when there is nowhere to go (a root has no parent, a leaf no child). A
 * model's siblings are the children drawn under its drawn parent; a root's are the other shown roots. `lastChild` is the
 * child the walk last came up from, so Down returns to it. */
export function stepFrom(
  graph: LineageGraph,
  id: string,
  step: Step,
  shown: (id: string) => boolean,
  roots: () => string[],
  lastChild?: string | null,
): string | null {
  if (step === 'parent') return drawnParent(graph, id, shown);
  if (step === 'child') {
    const children = shownChildren(graph, id, shown);
    if (lastChild && children.includes(lastChild)) return lastChild;
    return drawnChildren(graph, id, shown)[0] ?? children[0] ?? null;
  }
  const parent = drawnParent(graph, id, shown);
  const siblings = parent ? drawnChildren(graph, parent, shown) : roots();
  const at = siblings.indexOf(id);
  if (siblings.length < 2 || at < 0) return null;
  const next = (at + (step === 'next' ? 1 : siblings.length - 1)) % siblings.length;
  return siblings[next] ?? null;
}

/** Where a walk starts when nothing is picked: the most downloaded shown root (ids break ties). */
export function startOfWalk(roots: readonly string[], graph: LineageGraph): string | null {
  let best: string | null = null;
  for (const r of roots) {
    const d = graph.getNodeAttribute(r, 'downloads');
    if (best === null || d > graph.getNodeAttribute(best, 'downloads')) best = r;
  }
  return best;
}

/** The position of `id` among its siblings, in words ("3 of 12 siblings"), or '' for an only child. The walk goes
 * round the siblings drawn; when the parent has more children (folded, filtered out, drawn under another parent),
 * that is said too, so the count does not read as the parent's ("3 of 12 siblings drawn, of 40 children"). */
export function siblingPosition(
  graph: LineageGraph,
  id: string,
  shown: (id: string) => boolean,
  /** The children counted (the time slider's month): those not yet made are no children yet. */
  counted: (id: string) => boolean = () => true,
): string {
  const parent = drawnParent(graph, id, shown);
  if (!parent) return '';
  const siblings = drawnChildren(graph, parent, shown);
  if (siblings.length < 2) return '';
  const children = graph.outNeighbors(parent).filter((c) => c !== parent && counted(c)).length;
  const more = children > siblings.length ? ` drawn, of ${children.toLocaleString('en')} children` : '';
  return `${siblings.indexOf(id) + 1} of ${siblings.length.toLocaleString('en')} siblings${more}`;
}
