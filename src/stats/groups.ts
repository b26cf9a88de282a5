// Groups of families in the charts and statistics: a group's series is the sum of its member families' series, so
// the monthly chart, the crossover answer and the exports work on groups exactly as on families. A family belongs
// to a group when the group names its label (an org or a root model id, compared without case).
import type { FamilyGroup } from '../lineage/groups.ts';
import { RELATIONS, type Relation } from '../lineage/model.ts';
import type { MonthlyDerivatives } from './timeline.ts';

/** The crawled families a group gathers, in the order given. */
export function memberFamilies(group: FamilyGroup, families: readonly string[]): string[] {
  const named = new Set(group.members.map((m) => m.toLowerCase()));
  return families.filter((f) => named.has(f.toLowerCase()));
}

/** Members of a group that are not (yet) crawled families. */
export function uncrawledMembers(group: FamilyGroup, families: readonly string[]): string[] {
  const crawled = new Set(families.map((f) => f.toLowerCase()));
  return group.members.filter((m) => !crawled.has(m.toLowerCase()));
}

/** The monthly derivatives with one series per group (the sum of its families) instead of one per family. */
export function groupMonthly(m: MonthlyDerivatives, groups: readonly FamilyGroup[]): MonthlyDerivatives {
  const counts = new Map<string, Record<Relation, number[]>>();
  for (const g of groups) {
    const series = Object.fromEntries(RELATIONS.map((r) => [r, new Array<number>(m.months.length).fill(0)])) as Record<
      Relation,
      number[]
    >;
    for (const f of memberFamilies(g, m.families)) {
      const own = m.counts.get(f);
      if (!own) continue;
      for (const r of RELATIONS) own[r].forEach((c, i) => (series[r][i] = (series[r][i] as number) + c));
    }
    counts.set(g.name, series);
  }
  return { ...m, families: groups.map((g) => g.name), counts };
}
