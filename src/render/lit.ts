// What the renderer draws apart from the view's encodings: the lineage a hover lights up (its models, the ancestry
// boxed, labels forced on a readable number, its edges in their relation's colour) and the marked models (the picked
// one, search hits: a ring and a label at any zoom, on top). It says which models and edges a change touches, so
// the renderer refreshes only those, and styles a model or an edge as sigma's reducers draw it.
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { LineageGraph } from '../graph/graph.ts';
import { RELATION_COLORS } from '../view/encoding.ts';

export class LitModels {
  private lit = new Set<string>();
  /** Lit models whose label is forced: the ancestry and a readable number of children. */
  labelled = new Set<string>();
  private boxed = new Set<string>();
  private litEdges = new Set<string>();
  /** Models whose label is always drawn and whose mark stays: the picked and the searched ones. */
  private marked = new Set<string>();
  hovered: string | null = null;

  /** The models whose labels are drawn whatever else: the marked and the hovered one. */
  forced(): string[] {
    return [...this.marked, ...(this.hovered ? [this.hovered] : [])];
  }

  /** Lights up a lineage (null clears it); gives the models and edges lit before or now, to be drawn again. */
  light(
    graph: LineageGraph,
    nodes: readonly string[] | null,
    labelled: readonly string[],
    boxed: readonly string[],
    hovered: string | null,
  ): { nodes: string[]; edges: string[] } {
    const [before, beforeEdges] = [[...this.lit], [...this.litEdges]];
    this.hovered = hovered;
    this.lit = new Set(nodes ?? []);
    this.labelled = new Set(labelled);
    this.boxed = new Set(boxed);
    this.litEdges = new Set();
    for (const n of this.lit) graph.forEachInEdge(n, (e, _a, s) => void (this.lit.has(s) && this.litEdges.add(e)));
    return { nodes: [...before, ...this.lit], edges: [...beforeEdges, ...this.litEdges] };
  }

  /** Marks `ids` instead of those marked; gives the models marked before or now, or null when nothing changed. */
  mark(ids: readonly string[]): string[] | null {
    const before = [...this.marked];
    this.marked = new Set(ids);
    if (before.length === this.marked.size && before.every((id) => this.marked.has(id))) return null;
    return [...before, ...this.marked];
  }

  /** A lit model is drawn over the others (its ancestry boxed, its label forced where asked); a marked one on top. */
  styleNode(node: string, attr: NodeDisplayData): void {
    if (this.lit.has(node)) {
      attr.highlighted = this.boxed.has(node);
      attr.forceLabel = this.labelled.has(node);
      attr.zIndex = 1;
    }
    if (this.marked.has(node)) {
      attr.highlighted = true;
      attr.forceLabel = true;
      attr.zIndex = 2;
    }
  }

  /** A lit edge in its relation's colour, thicker and on top; any other in `dim`. */
  styleEdge(graph: LineageGraph, edge: string, attr: EdgeDisplayData, dim: string): void {
    if (this.litEdges.has(edge)) {
      attr.color = RELATION_COLORS[graph.getEdgeAttribute(edge, 'relation')];
      attr.size = 2;
      attr.zIndex = 1;
    } else attr.color = dim;
  }
}

/** The models whose visibility flipped, and those only renamed (a fold count a slider step changed), between two
 * states of the same models: a renamed model's edges need no drawing again (the parents renamed hold thousands). */
export function changedModels(
  ids: readonly string[],
  before: { visible: Uint8Array; label: readonly string[] },
  after: { visible: Uint8Array; label: readonly string[] },
): { flipped: string[]; renamed: string[] } {
  const [flipped, renamed]: [string[], string[]] = [[], []];
  for (let i = 0; i < after.visible.length; i++)
    if (before.visible[i] !== after.visible[i]) flipped.push(ids[i] as string);
    else if (before.label[i] !== after.label[i]) renamed.push(ids[i] as string);
  return { flipped, renamed };
}
