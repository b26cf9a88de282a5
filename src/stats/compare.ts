// Counts that compare families: per family and per group, the derivatives created up to a month (the time
// slider's, else all time), direct (a parent is one of the family's own models) and all below, and the answer to
// "which has the most, and does it have more than the next two combined?" with its numbers.
import type { FamilyGroup } from '../lineage/groups.ts';
import { tableCsv } from '../export/table.ts';
import { memberFamilies } from './groups.ts';
import { monthCode, type LineageIndex, type ScopeMask } from './lineage-index.ts';

export interface Cumulative {
  name: string;
  kind: 'family' | 'group';
  /** Derivatives with a parent among the family's own models (authored by its org, or its root model). */
  direct: number;
  /** Every derivative of the family, at any depth. */
  all: number;
}

export interface Comparison {
  /** The month counted up to ('YYYY-MM'), or null for all time. */
  asOf: string | null;
  rows: Cumulative[];
  /** Derivatives in scope without a usable date: in all-time counts, but in no month's. */
  undated: number;
}

/** Cumulative derivatives of each family (and group) in `scope` created up to `asOf`. */
export function cumulativeCounts(
  ix: LineageIndex,
  scope: ScopeMask,
  families: readonly string[],
  groups: readonly FamilyGroup[],
  asOf: string | null,
): Comparison {
  const limit = asOf === null ? Infinity : monthCode(asOf);
  const slot = ix.families.map((f) => families.indexOf(f));
  const lowerAuthor = ix.authors.map((a) => a.toLowerCase());
  const lowerFamily = ix.families.map((f) => f.toLowerCase());
  const own = (p: number): boolean => {
    const label = lowerFamily[ix.family[p] as number] as string;
    return lowerAuthor[ix.author[p] as number] === label || (ix.ids[p] as string).toLowerCase() === label;
  };
  const [direct, all] = [new Array<number>(families.length).fill(0), new Array<number>(families.length).fill(0)];
  let undated = 0;
  for (let i = 0; i < ix.ids.length; i++) {
    const s = slot[ix.family[i] as number] as number;
    if (scope[i] !== 1 || s < 0 || (ix.relation[i] as number) < 0) continue;
    const month = ix.month[i] as number;
    if (month < 0) undated++;
    if ((month < 0 && asOf !== null) || month > limit) continue;
    all[s] = (all[s] as number) + 1;
    for (let e = ix.parentStart[i] as number; e < (ix.parentStart[i + 1] as number); e++) {
      const p = ix.parents[e] as number;
      if (ix.family[p] === ix.family[i] && own(p)) {
        direct[s] = (direct[s] as number) + 1;
        break;
      }
    }
  }
  const rows: Cumulative[] = families.map((name, k) => ({
    name,
    kind: 'family',
    direct: direct[k] as number,
    all: all[k] as number,
  }));
  for (const g of groups) {
    const members = new Set(memberFamilies(g, families));
    const sum = (key: 'direct' | 'all') => rows.reduce((t, r) => t + (members.has(r.name) ? r[key] : 0), 0);
    rows.push({ name: g.name, kind: 'group', direct: sum('direct'), all: sum('all') });
  }
  return { asOf, rows, undated };
}

const n = (x: number): string => x.toLocaleString('en');

/** "Which has the most derivatives, and more than the next two combined?", among families or among groups. */
export function describeComparison(c: Comparison, kind: Cumulative['kind']): string {
  const ranked = c.rows.filter((r) => r.kind === kind).sort((a, b) => b.all - a.all);
  const when = c.asOf ? `created up to ${c.asOf}` : 'of all time';
  const what = kind === 'family' ? 'families' : 'groups';
  const [top, second, third] = ranked;
  if (!top || top.all === 0) return `No derivatives ${when} among the ${what}.`;
  const head = `Of derivatives ${when}, ${top.name} has the most: ${n(top.all)} (${n(top.direct)} direct).`;
  if (!second) return `${head} It is the only one of the ${what}.`;
  if (!third)
    return `${head} ${second.name} has ${n(second.all)}; only two ${what} to compare, so no "two others combined".`;
  const two = second.all + third.all;
  const verdict = top.all > two ? 'more than' : top.all === two ? 'exactly as many as' : 'fewer than';
  return (
    `${head} The next two, ${second.name} (${n(second.all)}) and ${third.name} (${n(third.all)}), have ${n(two)} ` +
    `combined: ${top.name} has ${verdict} the two combined.`
  );
}

const COLUMNS = ['name', 'kind', 'as_of', 'direct', 'all'] as const;

export function comparisonCsv(c: Comparison): string {
  return tableCsv(
    COLUMNS,
    c.rows.map((r) => ({ ...r, as_of: c.asOf ?? 'all time' })),
  );
}
