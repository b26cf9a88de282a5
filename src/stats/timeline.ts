// How the forests grow: new derivatives per month, per family and per relation, as counts and as shares of all
// crawled families. A derivative is a model with a parent in the graph; it counts for the family the crawl gave it
// and for the relation by which it derives (the renderer's rule: 'merge' wins). Models without a date are counted
// apart, never guessed.
import type { LineageGraph } from '../graph/graph.ts';
import { incomingRelation } from '../graph/queries.ts';
import { RELATIONS, type Relation } from '../hub/model.ts';

export type RelationOrAll = Relation | 'all';

export interface MonthlyDerivatives {
  /** Every month from the first derivative to the last, 'YYYY-MM', gaps included. */
  months: string[];
  families: string[];
  /** Per family, per relation, the count for each month (indexed like `months`). */
  counts: Map<string, Record<Relation, number[]>>;
  /** Derivatives in scope without a creation date, which no month can hold. */
  undated: number;
}

export interface TimelineOptions {
  /** Leave out a family's own releases (models authored by the org it is named after). */
  communityOnly?: boolean;
}

const MONTH = /^(\d{4})-(\d{2})/;

export function monthOf(createdAt: string): string | null {
  const m = MONTH.exec(createdAt);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Months from `first` to `last` inclusive. */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (let key = first; key <= last; key = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(key);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export function monthlyDerivatives(
  graph: LineageGraph,
  scope: Iterable<string>,
  families: readonly string[],
  options: TimelineOptions = {},
): MonthlyDerivatives {
  const wanted = new Set(families);
  const dated: { family: string; relation: Relation; month: string }[] = [];
  let undated = 0;
  for (const id of scope) {
    const node = graph.getNodeAttributes(id);
    const relation = incomingRelation(graph, id);
    if (!relation || !wanted.has(node.family)) continue;
    if (options.communityOnly && node.author.toLowerCase() === node.family.toLowerCase()) continue;
    const month = monthOf(node.created_at);
    if (month) dated.push({ family: node.family, relation, month });
    else undated++;
  }
  const sorted = dated.map((d) => d.month).sort();
  const months = sorted.length > 0 ? monthRange(sorted[0] as string, sorted[sorted.length - 1] as string) : [];
  const index = new Map(months.map((m, i) => [m, i]));
  const counts = new Map<string, Record<Relation, number[]>>();
  for (const f of families)
    counts.set(
      f,
      Object.fromEntries(RELATIONS.map((r) => [r, new Array<number>(months.length).fill(0)])) as Record<
        Relation,
        number[]
      >,
    );
  for (const d of dated) {
    const series = (counts.get(d.family) as Record<Relation, number[]>)[d.relation];
    const i = index.get(d.month) as number;
    series[i] = (series[i] ?? 0) + 1;
  }
  return { months, families: [...families], counts, undated };
}

/** One family's count in month `i` for a relation, or for all of them. */
export function countAt(m: MonthlyDerivatives, family: string, relation: RelationOrAll, i: number): number {
  const byRelation = m.counts.get(family);
  if (!byRelation) return 0;
  if (relation !== 'all') return byRelation[relation][i] ?? 0;
  return RELATIONS.reduce((sum, r) => sum + (byRelation[r][i] ?? 0), 0);
}

export interface TimelineRow {
  month: string;
  family: string;
  relation: RelationOrAll;
  count: number;
  /** The family's share of that month's derivatives of all crawled families (same relation); null if none. */
  share: number | null;
}

/** Chart and CSV rows: one relation (or all together), or `split` for one series per relation. */
export function timelineRows(m: MonthlyDerivatives, relation: RelationOrAll | 'split'): TimelineRow[] {
  const relations: RelationOrAll[] = relation === 'split' ? usedRelations(m) : [relation];
  const rows: TimelineRow[] = [];
  for (const r of relations)
    m.months.forEach((month, i) => {
      const total = m.families.reduce((sum, f) => sum + countAt(m, f, r, i), 0);
      for (const family of m.families) {
        const count = countAt(m, family, r, i);
        rows.push({ month, family, relation: r, count, share: total > 0 ? count / total : null });
      }
    });
  return rows;
}

/** Relations with at least one derivative, in the usual order. */
export function usedRelations(m: MonthlyDerivatives): Relation[] {
  return RELATIONS.filter((r) => m.families.some((f) => m.counts.get(f)?.[r].some((c) => c > 0)));
}
