// License changes along derivation edges. Hub license ids are sorted into four tiers by what a re-user may do,
// so an edge can be read as "the child claims a more permissive license than its parent" (say, a Llama fine-tune
// re-published as apache-2.0). Ids outside the table, and missing licenses, are left unrated, never guessed.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import type { LineageIndex, ScopeMask } from './lineage-index.ts';
import { groupBy } from '../lineage/in-edges.ts';
import { byText } from './rank.ts';

export type LicenseTier = 'permissive' | 'copyleft' | 'restricted' | 'non-commercial';
/** Higher is more permissive. */
export const TIER_RANK: Record<LicenseTier, number> = {
  'non-commercial': 1,
  restricted: 2,
  copyleft: 3,
  permissive: 4,
};

const EXACT: Record<string, LicenseTier> = {
  'apache-2.0': 'permissive',
  mit: 'permissive',
  isc: 'permissive',
  zlib: 'permissive',
  unlicense: 'permissive',
  wtfpl: 'permissive',
  'cc0-1.0': 'permissive',
  'afl-3.0': 'permissive',
  'artistic-2.0': 'permissive',
  'bsl-1.0': 'permissive',
  'ecl-2.0': 'permissive',
  'ms-pl': 'permissive',
  ncsa: 'permissive',
  postgresql: 'permissive',
  pddl: 'permissive',
  'odc-by': 'permissive',
  'etalab-2.0': 'permissive',
  'mpl-2.0': 'copyleft',
  'osl-3.0': 'copyleft',
  odbl: 'copyleft',
  gfdl: 'copyleft',
  'ofl-1.1': 'copyleft',
  'lppl-1.3c': 'copyleft',
  'cdla-sharing-1.0': 'copyleft',
  gemma: 'restricted',
  other: 'restricted',
  'apple-amlr': 'restricted',
  'bigscience-bloom-rail-1.0': 'restricted',
  'fair-noncommercial-research-license': 'non-commercial',
  'intel-research': 'non-commercial',
  'h-research': 'non-commercial',
  'apple-ascl': 'non-commercial',
  'deepfloyd-if-license': 'non-commercial',
  'c-uda': 'non-commercial',
};

const PATTERNS: [RegExp, LicenseTier][] = [
  [/^(bsd|cdla-permissive)/, 'permissive'],
  [/^cc-by-(nc|nd)/, 'non-commercial'],
  [/^cc-by-sa/, 'copyleft'],
  [/^cc-by-\d/, 'permissive'],
  [/^(a|l)?gpl/, 'copyleft'],
  [/^(epl|eupl)-/, 'copyleft'],
  [/^llama\d/, 'restricted'],
  [/openrail/, 'restricted'],
];

/** The tier of a Hub license id, or null when it is missing or not one the table knows. */
export function licenseTier(license: string): LicenseTier | null {
  const known = tierCache.get(license);
  if (known !== undefined) return known;
  const tier = tierOf(license.trim().toLowerCase());
  if (tierCache.size < 10_000) tierCache.set(license, tier);
  return tier;
}

// Hubs use a few hundred license ids: each is classified once.
const tierCache = new Map<string, LicenseTier | null>();

function tierOf(id: string): LicenseTier | null {
  if (id === '' || id === 'unknown') return null;
  return (Object.hasOwn(EXACT, id) ? EXACT[id] : undefined) ?? PATTERNS.find(([re]) => re.test(id))?.[1] ?? null;
}

export type LicenseDirection = 'more permissive' | 'less permissive' | 'same tier' | 'unrated';

export interface LicenseChange {
  parent: string;
  child: string;
  relation: Relation;
  parentLicense: string;
  childLicense: string;
  direction: LicenseDirection;
}

export function licenseDirection(parentLicense: string, childLicense: string): LicenseDirection {
  const [p, c] = [licenseTier(parentLicense), licenseTier(childLicense)];
  if (!p || !c) return 'unrated';
  return TIER_RANK[c] > TIER_RANK[p]
    ? 'more permissive'
    : TIER_RANK[c] < TIER_RANK[p]
      ? 'less permissive'
      : 'same tier';
}

/** The directions in the order the changes are listed. */
export const DIRECTIONS: readonly LicenseDirection[] = ['more permissive', 'less permissive', 'same tier', 'unrated'];

/** The license-changing edges of a scope, compact (a family can have 100,000 of them): for each, the child and the
 * entry of the index's parent lists (so the parent and relation), and its direction (index into DIRECTIONS); in
 * the order licenseChanges lists them. */
export interface LicenseChangeEdges {
  child: Int32Array;
  edge: Int32Array;
  direction: Uint8Array;
}

/** Edges into the scope whose two ends both state a license, and different ones: those that make the child more
 * permissive first, then less permissive, same tier, unrated; in the scope's order within each. */
export function licenseChangeEdges(ix: LineageIndex, scope: ScopeMask): LicenseChangeEdges {
  const bound = ix.parents.length;
  const [child, edge, direction] = [new Int32Array(bound), new Int32Array(bound), new Uint8Array(bound)];
  // Hubs use a few hundred license ids: each pair's direction is worked out once.
  const pairs = new Map<number, number>();
  const L = ix.licenses.length;
  let count = 0;
  for (let i = 0; i < ix.ids.length; i++) {
    if (scope[i] !== 1) continue;
    const c = ix.license[i] as number;
    const childLicense = ix.licenses[c] as string;
    if (!childLicense) continue;
    for (let e = ix.parentStart[i] as number; e < (ix.parentStart[i + 1] as number); e++) {
      const p = ix.license[ix.parents[e] as number] as number;
      const parentLicense = ix.licenses[p] as string;
      if (!parentLicense || p === c) continue;
      let d = pairs.get(p * L + c);
      if (d === undefined)
        pairs.set(p * L + c, (d = DIRECTIONS.indexOf(licenseDirection(parentLicense, childLicense))));
      [child[count], edge[count], direction[count]] = [i, e, d];
      count++;
    }
  }
  // Grouped by direction, in the scope's order within each (a stable counting sort).
  const { order } = groupBy(direction.subarray(0, count), DIRECTIONS.length);
  return {
    child: order.map((k) => child[k] as number),
    edge: order.map((k) => edge[k] as number),
    direction: Uint8Array.from(order, (k) => direction[k] as number),
  };
}

/** The k-th change of a compact list, in full. */
export function licenseChangeAt(ix: LineageIndex, changes: LicenseChangeEdges, k: number): LicenseChange {
  const [i, e] = [changes.child[k] as number, changes.edge[k] as number];
  const p = ix.parents[e] as number;
  return {
    parent: ix.ids[p] as string,
    child: ix.ids[i] as string,
    relation: RELATIONS[ix.edgeRelation[e] as number] as Relation,
    parentLicense: ix.licenses[ix.license[p] as number] as string,
    childLicense: ix.licenses[ix.license[i] as number] as string,
    direction: DIRECTIONS[changes.direction[k] as number] as LicenseDirection,
  };
}

/** Every license change of the scope, in full. */
export function licenseChanges(ix: LineageIndex, scope: ScopeMask): LicenseChange[] {
  const changes = licenseChangeEdges(ix, scope);
  return Array.from(changes.child, (_c, k) => licenseChangeAt(ix, changes, k));
}

export interface LicenseTransition {
  from: string;
  to: string;
  direction: LicenseDirection;
  edges: number;
}

/** Changes grouped by (parent license → child license), most frequent first. */
export function licenseTransitions(changes: readonly LicenseChange[]): LicenseTransition[] {
  const byPair = new Map<string, LicenseTransition>();
  for (const c of changes) {
    const key = `${c.parentLicense}\u0000${c.childLicense}`;
    let t = byPair.get(key);
    if (!t) byPair.set(key, (t = { from: c.parentLicense, to: c.childLicense, direction: c.direction, edges: 0 }));
    t.edges++;
  }
  return [...byPair.values()].sort(byFrequency);
}

/** The same, from the compact list: counted by license codes, never building the changes. */
export function licenseTransitionsOf(ix: LineageIndex, changes: LicenseChangeEdges): LicenseTransition[] {
  const L = ix.licenses.length;
  const byPair = new Map<number, LicenseTransition>();
  changes.child.forEach((i, k) => {
    const [p, c] = [ix.license[ix.parents[changes.edge[k] as number] as number] as number, ix.license[i] as number];
    let t = byPair.get(p * L + c);
    if (!t) {
      const [from, to] = [ix.licenses[p] as string, ix.licenses[c] as string];
      const direction = DIRECTIONS[changes.direction[k] as number] as LicenseDirection;
      byPair.set(p * L + c, (t = { from, to, direction, edges: 0 }));
    }
    t.edges++;
  });
  return [...byPair.values()].sort(byFrequency);
}

const byFrequency = (x: LicenseTransition, y: LicenseTransition): number =>
  y.edges - x.edges || byText(x.from, y.from) || byText(x.to, y.to);
