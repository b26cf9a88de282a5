// What the family-dynamics panel must find, computed from the local Hub's own records and not from a crawl: a
// derivative belongs to a family when its ancestors reach that family's org, and only that one; derivatives whose
// ancestors reach both orgs (cross-family merges) are ambiguous, and kept apart so a test can bound them.
import { RELATIONS, type Relation } from '../../src/lineage/model.ts';
import { monthRange, type MonthlyDerivatives } from '../../src/stats/timeline.ts';
import type { HubDataset, HubRecord } from '../hub/records.ts';

export interface TruthMonthly {
  monthly: MonthlyDerivatives;
  /** Per month, derivatives whose ancestry reaches more than one of the orgs. */
  ambiguous: Map<string, { relation: Relation; families: string[] }[]>;
}

/** Private and disabled repos are in no listing: a crawl never sees them as models. */
const unseen = (r: HubRecord): boolean => r.private || r.disabled;

function orgsAbove(record: HubRecord, byId: Map<string, HubRecord>, orgs: readonly string[]): Set<string> {
  const found = new Set<string>();
  const seen = new Set<string>();
  const queue = [record];
  for (let i = 0; i < queue.length; i++) {
    const r = queue[i] as HubRecord;
    const org = orgs.find((o) => r.id.startsWith(`${o}/`));
    if (org) found.add(org);
    for (const p of r.parents) {
      const parent = byId.get(p.id);
      if (!parent || unseen(parent) || seen.has(parent.id)) continue;
      seen.add(parent.id);
      queue.push(parent);
    }
  }
  return found;
}

export function truthMonthly(dataset: HubDataset, orgs: readonly string[]): TruthMonthly {
  const byId = new Map(dataset.records.map((r) => [r.id, r]));
  const dated: { families: string[]; relation: Relation; month: string }[] = [];
  for (const r of dataset.records) {
    const visibleParents = r.parents.filter((p) => byId.get(p.id) && !unseen(byId.get(p.id) as HubRecord));
    if (unseen(r) || r.parents.length === 0 || visibleParents.length === 0 || !r.createdAt) continue;
    const families = [...orgsAbove(r, byId, orgs)];
    const relation: Relation = r.parents.some((p) => p.relation === 'merge')
      ? 'merge'
      : ((r.parents[0]?.relation ?? 'unknown') as Relation);
    if (families.length > 0) dated.push({ families, relation, month: r.createdAt.slice(0, 7) });
  }
  const sorted = dated.map((d) => d.month).sort();
  const months = monthRange(sorted[0] as string, sorted.at(-1) as string);
  const counts = new Map(
    orgs.map((f) => [
      f,
      Object.fromEntries(RELATIONS.map((r) => [r, months.map(() => 0)])) as Record<Relation, number[]>,
    ]),
  );
  const ambiguous = new Map<string, { relation: Relation; families: string[] }[]>();
  for (const d of dated) {
    if (d.families.length > 1) {
      ambiguous.set(d.month, [...(ambiguous.get(d.month) ?? []), { relation: d.relation, families: d.families }]);
      continue;
    }
    const series = (counts.get(d.families[0] as string) as Record<Relation, number[]>)[d.relation];
    series[months.indexOf(d.month)] = (series[months.indexOf(d.month)] ?? 0) + 1;
  }
  return { monthly: { months, families: [...orgs], counts, undated: 0, outOfRange: 0, legacy: 0 }, ambiguous };
}

/** The truth with every ambiguous derivative given to one family. */
export function resolvedTo(t: TruthMonthly, family: string): MonthlyDerivatives {
  const counts = new Map([...t.monthly.counts].map(([f, byRel]) => [f, structuredClone(byRel)]));
  for (const [month, items] of t.ambiguous)
    for (const item of items) {
      const series = (counts.get(family) as Record<Relation, number[]>)[item.relation];
      const i = t.monthly.months.indexOf(month);
      series[i] = (series[i] ?? 0) + 1;
    }
  return { ...t.monthly, counts };
}
