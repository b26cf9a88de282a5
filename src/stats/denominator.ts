// The Hub-wide denominator: every new derivative the crawl saw on the Hub (a sweep keeps every lineage-tagged
// model, whatever its family), counted once after a crawl into the small table of lineage/hub-derivatives.ts, and
// read back as monthly totals for a kind and a relation. A derivative is what the graph calls one: a model with a
// parent named by a lineage tag or by a card entry the crawl found missing; its relation is the graph's ('merge'
// wins). Its root family is the crawl's family label when it belongs to a crawled family, else the org of the root
// its ancestors lead to; a root the crawl cannot name (a deleted or private ancestor, a cycle) is counted as
// 'unnamed', never guessed.
import {
  OTHER_ROOTS,
  SEVERAL_ROOTS,
  UNNAMED_ROOT,
  forEachHubRow,
  type HubDerivatives,
} from '../lineage/hub-derivatives.ts';
import { RELATIONS, type HubModel, type Relation } from '../lineage/model.ts';
import { normalizeRepoId } from '../lineage/repo-id.ts';
import { matchesKind, type KindFilter } from './kinds.ts';
import { monthCode, monthName } from './lineage-index.ts';

/** What the table needs of a crawl's Knowledge (structural, so src/stats does not import src/crawl). */
export interface KnownModels {
  readonly models: ReadonlyMap<string, HubModel>;
  readonly missing: ReadonlyMap<string, { id: string }>;
  resolve(id: string): HubModel | undefined;
}

/** Root orgs outside the crawled families kept by name; smaller ones are folded into 'other'. */
export const NAMED_ROOT_ORGS = 60;

const MERGE = RELATIONS.indexOf('merge');

/** The relation codes of a model's parent edges, as the crawl's lineage draws them; empty for a root. */
function parentRelations(k: KnownModels, m: HubModel): number[] {
  const self = m.id.toLowerCase();
  const out: number[] = [];
  for (const p of m.parents)
    if ((k.resolve(p.id)?.id ?? p.id).toLowerCase() !== self) out.push(RELATIONS.indexOf(p.relation));
  const cardRelation: Relation =
    m.cardRelation ?? m.parents[0]?.relation ?? (m.cardBase.length > 1 ? 'merge' : 'unknown');
  for (const raw of m.cardBase) {
    const id = normalizeRepoId(raw);
    if (id && id.toLowerCase() !== self && k.missing.has(id.toLowerCase())) out.push(RELATIONS.indexOf(cardRelation));
  }
  return out;
}

/** Root orgs of every model, memoised: a set of orgs, or null when some ancestor cannot be named. */
function rootFinder(k: KnownModels): (m: HubModel) => ReadonlySet<string> | null {
  const memo = new Map<string, ReadonlySet<string> | null>();
  const visiting = new Set<string>();
  const orgOf = (id: string): string => id.split('/')[0] ?? id;
  const rootsOf = (m: HubModel): ReadonlySet<string> | null => {
    const key = m.id.toLowerCase();
    if (memo.has(key)) return memo.get(key) ?? null;
    if (visiting.has(key)) return null; // a cycle has no root
    visiting.add(key);
    let roots: Set<string> | null = new Set();
    const missingCard = m.cardBase.some((raw) => {
      const id = normalizeRepoId(raw);
      return id !== null && k.missing.has(id.toLowerCase());
    });
    if (missingCard) roots = null;
    for (const p of m.parents) {
      if (roots === null) break;
      const parent = k.resolve(p.id);
      if (parent && parent.id.toLowerCase() === key) continue;
      if (k.missing.has(p.id.toLowerCase())) roots = null;
      // A parent the sweep did not keep has no lineage tag of its own: it is a root.
      else if (!parent) roots.add(orgOf(p.id));
      else {
        const up = rootsOf(parent);
        if (up === null) roots = null;
        else for (const o of up) roots.add(o);
      }
    }
    if (roots !== null && roots.size === 0) roots.add(orgOf(m.id));
    visiting.delete(key);
    memo.set(key, roots);
    return roots;
  };
  return rootsOf;
}

/** The Hub-wide table of a crawl: `members` are the crawled families' models (lower-case id → family label). */
export function hubDerivativesOf(
  k: KnownModels,
  members: ReadonlyMap<string, string>,
  namedOrgs = NAMED_ROOT_ORGS,
): HubDerivatives {
  const rootsOf = rootFinder(k);
  const found: { month: number; family: string; pipeline: string; library: string; relation: number }[] = [];
  const outside = new Map<string, number>();
  for (const m of k.models.values()) {
    const relations = parentRelations(k, m);
    if (relations.length === 0) continue;
    const relation = relations.includes(MERGE) ? MERGE : (relations[0] as number);
    let family = members.get(m.id.toLowerCase());
    if (family === undefined) {
      const roots = rootsOf(m);
      family = roots === null ? UNNAMED_ROOT : roots.size === 1 ? ([...roots][0] as string) : SEVERAL_ROOTS;
      outside.set(family, (outside.get(family) ?? 0) + 1);
    }
    const month = monthCode(m.createdAt ?? '');
    found.push({ month, family, pipeline: m.pipelineTag ?? '', library: m.libraryName ?? '', relation });
  }
  const labels = new Set(members.values());
  const special = new Set([OTHER_ROOTS, UNNAMED_ROOT, SEVERAL_ROOTS]);
  const named = [...outside]
    .filter(([f]) => !special.has(f) && !labels.has(f))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, namedOrgs)
    .map(([f]) => f);
  return tabulate(found, [...labels, ...named], special);
}

function tabulate(
  found: readonly { month: number; family: string; pipeline: string; library: string; relation: number }[],
  named: readonly string[],
  special: ReadonlySet<string>,
): HubDerivatives {
  const months = [...new Set(found.map((f) => f.month).filter((m) => m >= 0))].sort((a, b) => a - b);
  const families = [...named, ...special];
  const [pipelines, libraries] = [new Map<string, number>(), new Map<string, number>()];
  const code = (dict: Map<string, number>, s: string): number => dict.get(s) ?? dict.set(s, dict.size).get(s) ?? 0;
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const familyIndex = new Map(families.map((f, i) => [f, i]));
  const other = familyIndex.get(OTHER_ROOTS) as number;
  const counts = new Map<string, number>();
  for (const f of found) {
    const key = [
      f.month < 0 ? -1 : monthIndex.get(f.month),
      familyIndex.get(f.family) ?? other,
      code(pipelines, f.pipeline),
      code(libraries, f.library),
      f.relation,
    ].join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: number[] = [];
  for (const [key, n] of counts) rows.push(...key.split(',').map(Number), n);
  return {
    v: 1,
    months: months.map(monthName),
    families,
    pipelines: [...pipelines.keys()],
    libraries: [...libraries.keys()],
    rows,
  };
}

export interface HubMonthly {
  /** Derivatives of the kind and relation per month 'YYYY-MM'. */
  byMonth: Map<string, number>;
  /** Derivatives of the kind and relation with no usable date, counted apart. */
  undated: number;
  /** Of those, per root family (all months and undated together). */
  byFamily: Map<string, number>;
}

/** Monthly totals of the Hub-wide table for one kind and one relation (or all relations). */
export function hubMonthly(t: HubDerivatives, kind: KindFilter, relation: Relation | 'all'): HubMonthly {
  const out: HubMonthly = { byMonth: new Map(), undated: 0, byFamily: new Map() };
  const r = relation === 'all' ? -1 : RELATIONS.indexOf(relation);
  const kindOk = (p: number, l: number) => matchesKind(kind, t.pipelines[p] ?? '', t.libraries[l] ?? '');
  forEachHubRow(t, (row) => {
    if ((r >= 0 && row.relation !== r) || !kindOk(row.pipeline, row.library)) return;
    const family = t.families[row.family] ?? OTHER_ROOTS;
    out.byFamily.set(family, (out.byFamily.get(family) ?? 0) + row.count);
    if (row.month < 0) out.undated += row.count;
    else {
      const month = t.months[row.month] as string;
      out.byMonth.set(month, (out.byMonth.get(month) ?? 0) + row.count);
    }
  });
  return out;
}
