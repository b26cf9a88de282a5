// Visual encoding of the lineage, computed once per change into arrays indexed like the layout: colour by
// relation, family, license or library; size by downloads, likes or descendants; folding of quantization and
// adapter leaves into counts on their parent. The renderer's reducers only read these arrays. Each reads the models
// by position (rows.ts), whether the rows come from the laid-out records or from the graph.
import { mergeWins, NO_RELATION, RELATIONS } from '../lineage/relation.ts';
import { CATEGORY_PALETTE, OTHER_COLOR, RELATION_COLORS, type IncomingRelation } from './palette.ts';
import type { ModelRows } from './rows.ts';
import type { ColorBy, SizeBy } from './state.ts';

export { RELATION_COLORS, type IncomingRelation } from './palette.ts';

/** The families' order for the layout and the colours: the seeds as listed, then models outside them. The explorer
 * and the default picture of exports (export/picture.ts) take it from here, so both lay out the same forests. */
export function familyOrderOf(orgs: readonly string[], roots: readonly string[]): string[] {
  return [...orgs, ...roots, 'other']; // crawl/closure.ts's EXTERNAL_FAMILY: models outside the crawled families
}

/** The colour the graph gives the i-th family present (families keep the order of the family list). */
export function familyColor(i: number): string {
  return CATEGORY_PALETTE[i] ?? OTHER_COLOR;
}

export interface LegendEntry {
  label: string;
  color: string;
  count: number;
}

/** The relation by which each model derives from its parents ('root' for none; 'merge' wins for merges: the rule of
 * graph/queries.ts incomingRelation, over the rows' parents in the graph's order). */
export function incomingRelations(rows: ModelRows): IncomingRelation[] {
  const { parentStart, edgeRelation } = rows;
  const out = new Array<IncomingRelation>(rows.ids.length);
  for (let i = 0; i < out.length; i++) {
    let code = NO_RELATION;
    for (let e = parentStart[i] as number; e < (parentStart[i + 1] as number); e++)
      code = mergeWins(code, edgeRelation[e] as number);
    out[i] = RELATIONS[code] ?? 'root';
  }
  return out;
}

export function computeColors(
  rows: ModelRows,
  by: ColorBy,
  relations: readonly IncomingRelation[],
  familyOrder: readonly string[],
): { colors: string[]; legend: LegendEntry[] } {
  if (by === 'relation') {
    const colors = relations.map((r) => RELATION_COLORS[r]);
    return { colors, legend: legendOf(relations.map(String), (v) => RELATION_COLORS[v as IncomingRelation]) };
  }
  const key = by === 'family' ? 'family' : by === 'license' ? 'license' : 'library_name';
  const values = rows.ids.map((_, i) => rows.node(i)[key] || '(none)');
  const counts = countValues(values);
  const ordered =
    by === 'family'
      ? [...familyOrder, ...[...counts.keys()].filter((v) => !familyOrder.includes(v))]
      : [...counts.keys()];
  const top = ordered.filter((v) => counts.has(v)).slice(0, CATEGORY_PALETTE.length);
  const colorOf = new Map(top.map((v, i) => [v, CATEGORY_PALETTE[i] as string]));
  const colors = values.map((v) => colorOf.get(v) ?? OTHER_COLOR);
  return { colors, legend: legendOf(values, (v) => colorOf.get(v) ?? OTHER_COLOR, top) };
}

function countValues(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1]));
}

function legendOf(values: readonly string[], color: (v: string) => string, named?: string[]): LegendEntry[] {
  const counts = countValues(values);
  const entries: LegendEntry[] = [];
  let other = 0;
  for (const [label, count] of counts) {
    if (!named || named.includes(label)) entries.push({ label, color: color(label), count });
    else other += count;
  }
  if (other > 0) entries.push({ label: 'other', color: OTHER_COLOR, count: other });
  return entries;
}

/** The legend of what is drawn (a picture's): each entry counts its models that are visible, and an entry with none
 * drawn is left out. Entries are told apart by colour, which is one per entry (the palettes have no repeats). */
export function drawnLegend(
  legend: readonly LegendEntry[],
  colors: readonly string[],
  visible: Uint8Array,
): LegendEntry[] {
  const drawn = new Map<string, number>();
  for (let i = 0; i < visible.length; i++) {
    if (visible[i] !== 1) continue;
    const c = colors[i] as string;
    drawn.set(c, (drawn.get(c) ?? 0) + 1);
  }
  return legend.map((e) => ({ ...e, count: drawn.get(e.color) ?? 0 })).filter((e) => e.count > 0);
}

/** Descendants of each model, a merge's subtree shared out between its parents so totals stay exact. */
export function descendantShares(rows: ModelRows, depth: (i: number) => number): Float64Array {
  const { ids, parentStart } = rows;
  const share = new Float64Array(ids.length);
  const order = ids.map((_, i) => i).sort((a, b) => depth(b) - depth(a));
  const counted = (p: number, i: number): boolean => p >= 0 && depth(p) < depth(i);
  for (const i of order) {
    const [from, to] = [parentStart[i] as number, parentStart[i + 1] as number];
    let n = 0;
    for (let e = from; e < to; e++) if (counted(rows.parents[e] as number, i)) n++;
    for (let e = from; e < to; e++) {
      const p = rows.parents[e] as number;
      if (counted(p, i)) share[p] = (share[p] as number) + (1 + (share[i] as number)) / n;
    }
  }
  return share;
}

export function computeSizes(
  rows: ModelRows,
  by: SizeBy,
  /** Each model's descendants (descendantShares): needed only when sizing by them. */
  descendants: Float64Array | null,
): Float32Array {
  if (by === 'descendants' && !descendants) throw new Error('computeSizes: sizing by descendants needs their counts');
  const sizes = new Float32Array(rows.ids.length);
  for (let i = 0; i < sizes.length; i++)
    sizes[i] = sizeOf(by === 'descendants' ? (descendants?.[i] as number) : rows.node(i)[by]);
  return sizes;
}

// No real count reaches ten billion (the most downloaded models have about a billion), so larger values (a hostile
// `downloads: 1e308`) are drawn at that size, not as one disc over the whole graph; nonsense counts as zero.
const MAX_COUNT = 1e10;
export const MAX_NODE_SIZE = 2 + 2.2 * Math.log10(1 + MAX_COUNT);

/** The disc size of a count: logarithmic, between 2 and MAX_NODE_SIZE. */
export function sizeOf(count: number): number {
  const v = Number.isFinite(count) && count > 0 ? Math.min(count, MAX_COUNT) : count === Infinity ? MAX_COUNT : 0;
  return 2 + 2.2 * Math.log10(1 + v);
}

/** How many leaves a folding hides: per parent index and in all. */
export interface FoldCounts {
  quantizations: number;
  adapters: number;
  /** Per parent index: how many quantization and adapter leaves it holds folded. */
  perParent: Map<number, { quantized: number; adapter: number }>;
}

/** Which leaves are folded (the layout's structure alone), with the counts of all of them. */
export interface Folding extends FoldCounts {
  folded: Uint8Array;
}

/** Leaves that are quantizations or adapters of one parent, folded into that parent. */
export function computeFolding(rows: ModelRows, relations: readonly IncomingRelation[]): Folding {
  const { parentStart, childCount } = rows;
  const folded = new Uint8Array(rows.ids.length);
  for (let i = 0; i < folded.length; i++) {
    const rel = relations[i];
    const inDegree = (parentStart[i + 1] as number) - (parentStart[i] as number);
    if ((rel === 'quantized' || rel === 'adapter') && (childCount[i] as number) === 0 && inDegree === 1) folded[i] = 1;
  }
  return { folded, ...countFolds(rows, relations, folded, null) };
}

/** The counts of the `folded` leaves that `counted` lets through (all of them without it): those the filters, the
 * time slider and a focus would draw unfolded, so a label's "+12 quant." and the legend's totals say what folding
 * hides of the view. Which leaves fold does not change with the view; only these counts do. */
export function countFolds(
  rows: ModelRows,
  relations: readonly IncomingRelation[],
  folded: Uint8Array,
  counted: Uint8Array | null,
): FoldCounts {
  const perParent = new Map<number, { quantized: number; adapter: number }>();
  let [quantizations, adapters] = [0, 0];
  for (let i = 0; i < folded.length; i++) {
    const rel = relations[i];
    if (!folded[i] || (counted && !counted[i]) || (rel !== 'quantized' && rel !== 'adapter')) continue;
    const parent = rows.parents[rows.parentStart[i] as number] as number;
    const entry = perParent.get(parent) ?? { quantized: 0, adapter: 0 };
    entry[rel]++;
    perParent.set(parent, entry);
    if (rel === 'quantized') quantizations++;
    else adapters++;
  }
  return { quantizations, adapters, perParent };
}

/** The folding with the leaves at `positions` drawn after all (a picked or searched model must be seen); the counts
 * of what is folded stay those of the folding itself. */
export function unfoldAt(folding: Folding | null, positions: readonly number[]): Folding | null {
  if (!folding || positions.length === 0) return folding;
  const folded = folding.folded.slice();
  for (const i of positions) folded[i] = 0;
  return { ...folding, folded };
}

export function labelsWithFolds(ids: readonly string[], folds: FoldCounts | null): string[] {
  return ids.map((id, i) => {
    const f = folds?.perParent.get(i);
    if (!f) return id;
    const parts = [f.quantized ? `${f.quantized} quant.` : '', f.adapter ? `${f.adapter} adapters` : ''].filter(
      Boolean,
    );
    return `${id} (+${parts.join(', +')})`;
  });
}
