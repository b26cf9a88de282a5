// How the forests grow: new derivatives per month, per family and per relation, as counts and as shares of all
// crawled families. A derivative is a model with a parent in the graph; it counts for the family the crawl gave it
// and for the relation by which it derives (the renderer's rule: 'merge' wins). Models without a date, with a date
// out of range or with the Hub's legacy date are counted apart, never guessed (months.ts owns the rule).
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { tableCsv } from '../export/table.ts';
import type { LineageIndex, ScopeMask } from './lineage-index.ts';
import {
  dateRule,
  LEGACY_DATE,
  monthCode,
  monthKeyCode,
  monthName,
  monthsBetween,
  OUT_OF_RANGE,
  UNDATED,
} from './months.ts';

export type RelationOrAll = Relation | 'all';

export interface MonthlyDerivatives {
  /** Every month from the first derivative to the last, 'YYYY-MM', gaps included. */
  months: string[];
  families: string[];
  /** Per family, per relation, the count for each month (indexed like `months`). */
  counts: Map<string, Record<Relation, number[]>>;
  /** Derivatives in scope without a creation date, which no month can hold. */
  undated: number;
  /** Derivatives dated before 2015 or after tomorrow: counted apart, like undated ones. */
  outOfRange: number;
  /** Derivatives carrying the Hub's legacy date (every repo made before March 2022): counted apart too. */
  legacy: number;
}

export interface TimelineOptions {
  /** Leave out a family's own releases (models authored by the org it is named after). */
  communityOnly?: boolean;
}

/** The month of a creation date ('YYYY-MM'), or null for a date no month holds (undated, out of range, legacy). */
export function monthOf(createdAt: string, now?: number): string | null {
  const code = monthCode(createdAt, dateRule(now));
  return code < 0 ? null : monthName(code);
}

/** Months from `first` to `last` inclusive ('YYYY-MM' keys, compared as months). */
export function monthRange(first: string, last: string): string[] {
  const [a, b] = [monthKeyCode(first), monthKeyCode(last)];
  return a < 0 || b < 0 ? [] : monthsBetween(a, b);
}

export function monthlyDerivatives(
  ix: LineageIndex,
  scope: ScopeMask,
  families: readonly string[],
  options: TimelineOptions = {},
): MonthlyDerivatives {
  const slot = ix.families.map((f) => families.indexOf(f));
  // Lower-cased once per author and family, and only when asked: 100,000s of models share them.
  const lower = (names: readonly string[]) => (options.communityOnly ? names.map((x) => x.toLowerCase()) : []);
  const [authorNames, familyNames] = [lower(ix.authors), lower(ix.families)];
  const ownRelease = (i: number): boolean =>
    authorNames[ix.author[i] as number] === familyNames[ix.family[i] as number];
  const counted = (i: number): boolean =>
    scope[i] === 1 &&
    (ix.relation[i] as number) >= 0 &&
    (slot[ix.family[i] as number] as number) >= 0 &&
    !(options.communityOnly && ownRelease(i));
  let [first, last] = [Infinity, -Infinity];
  const apart = new Map<number, number>([
    [UNDATED, 0],
    [OUT_OF_RANGE, 0],
    [LEGACY_DATE, 0],
  ]);
  for (let i = 0; i < ix.ids.length; i++) {
    if (!counted(i)) continue;
    const m = ix.month[i] as number;
    if (m < 0) apart.set(m, (apart.get(m) ?? 0) + 1);
    else [first, last] = [Math.min(first, m), Math.max(last, m)];
  }
  const months = first <= last ? monthsBetween(first, last) : [];
  const counts = new Map(
    families.map((f) => [f, Object.fromEntries(RELATIONS.map((r) => [r, new Array<number>(months.length).fill(0)]))]),
  ) as Map<string, Record<Relation, number[]>>;
  const series = families.map((f) => counts.get(f) as Record<Relation, number[]>);
  for (let i = 0; i < ix.ids.length; i++) {
    const m = ix.month[i] as number;
    if (m < 0 || !counted(i)) continue;
    const byRelation = series[slot[ix.family[i] as number] as number] as Record<Relation, number[]>;
    const list = byRelation[RELATIONS[ix.relation[i] as number] as Relation];
    list[m - first] = (list[m - first] as number) + 1;
  }
  const [undated, outOfRange, legacy] = [UNDATED, OUT_OF_RANGE, LEGACY_DATE].map((k) => apart.get(k) ?? 0) as [
    number,
    number,
    number,
  ];
  return { months, families: [...families], counts, undated, outOfRange, legacy };
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
  /** The family's share of the month's denominator (same relation); null if it is empty. */
  share: number | null;
  /** The denominator's size that month: derivatives of all crawled families, or of the whole Hub. */
  denominator: number;
}

/** A month's denominator for a relation (index into `months`); without one, all crawled families together. */
export type MonthTotal = (relation: RelationOrAll, month: number) => number;

/** Chart and CSV rows: one relation (or all together), or `split` for one series per relation. */
export function timelineRows(
  m: MonthlyDerivatives,
  relation: RelationOrAll | 'split',
  total: MonthTotal = (r, i) => m.families.reduce((sum, f) => sum + countAt(m, f, r, i), 0),
): TimelineRow[] {
  const relations: RelationOrAll[] = relation === 'split' ? usedRelations(m) : [relation];
  const rows: TimelineRow[] = [];
  for (const r of relations)
    m.months.forEach((month, i) => {
      const denominator = total(r, i);
      for (const family of m.families) {
        const count = countAt(m, family, r, i);
        rows.push({
          month,
          family,
          relation: r,
          count,
          share: denominator > 0 ? count / denominator : null,
          denominator,
        });
      }
    });
  return rows;
}

const ROW_COLUMNS = ['month', 'family', 'relation', 'count', 'share', 'denominator'] as const;

/** The chart's rows as CSV: month, family, relation, count, share, denominator. */
export function timelineCsv(rows: readonly TimelineRow[]): string {
  return tableCsv(ROW_COLUMNS, rows);
}

/** Relations with at least one derivative, in the usual order. */
export function usedRelations(m: MonthlyDerivatives): Relation[] {
  return RELATIONS.filter((r) => m.families.some((f) => m.counts.get(f)?.[r].some((c) => c > 0)));
}
