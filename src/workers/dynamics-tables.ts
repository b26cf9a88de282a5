// The lists behind the statistics (license-changing edges, cross-family merges, distillations) stay in the dynamics
// worker: a family can have 100,000 license-changing edges, too many to copy to the page for the dozen rows it
// shows. The page gets each list's size, the summaries its charts draw, and its first rows; a list's CSV is made
// here when asked for. One shape per list, for the rows shown and the CSV alike.
import type { Cell } from '../export/table.ts';
import { tableCsv } from '../export/table.ts';
import {
  distillationPairs,
  mergePairs,
  pairCounts,
  type CrossFamilyMerge,
  type Distillation,
} from '../stats/crossings.ts';
import {
  DIRECTIONS,
  licenseChangeAt,
  licenseTransitionsOf,
  type LicenseChangeEdges,
  type LicenseTransition,
} from '../stats/licenses.ts';
import type { LineageIndex } from '../stats/lineage-index.ts';

/** The lists of one scope, in full (the license changes compact, over the index). */
export interface ScopeLists {
  ix: LineageIndex;
  licenses: LicenseChangeEdges;
  merges: CrossFamilyMerge[];
  distilled: Distillation[];
}

export const STAT_TABLES = {
  'license-edges': ['child', 'parent', 'relation', 'parent_license', 'child_license', 'direction'],
  'cross-family-merges': ['model', 'family', 'parent_families', 'parents'],
  distillations: ['model', 'relation', 'base', 'teachers'],
} as const;
export type StatTableName = keyof typeof STAT_TABLES;
export type StatRow<N extends StatTableName> = Record<(typeof STAT_TABLES)[N][number], Cell>;

const MORE_PERMISSIVE = DIRECTIONS.indexOf('more permissive');

/** Rows the panel shows of each list (the CSV has them all). */
export const SHOWN_ROWS = 12;

export interface StatList<N extends StatTableName> {
  total: number;
  /** The first SHOWN_ROWS rows. */
  head: StatRow<N>[];
}

/** What the page gets of the lists: sizes, the summaries its charts draw, the rows it shows. */
export interface ListSummaries {
  licenses: StatList<'license-edges'> & {
    /** The most frequent license changes (at most 15). */
    transitions: LicenseTransition[];
    morePermissive: number;
  };
  merges: StatList<'cross-family-merges'> & { pairs: { pair: string; models: number }[] };
  distilled: StatList<'distillations'> & { pairs: { pair: string; models: number }[] };
}

function rowsOf<N extends StatTableName>(name: N, lists: ScopeLists, count = Infinity): StatRow<N>[] {
  const rows: Record<StatTableName, () => Record<string, Cell>[]> = {
    'license-edges': () =>
      Array.from(lists.licenses.child.subarray(0, count), (_c, k) => licenseChangeAt(lists.ix, lists.licenses, k)).map(
        (l) => ({
          child: l.child,
          parent: l.parent,
          relation: l.relation,
          parent_license: l.parentLicense,
          child_license: l.childLicense,
          direction: l.direction,
        }),
      ),
    'cross-family-merges': () =>
      lists.merges.slice(0, count).map((m) => ({
        model: m.model,
        family: m.family,
        parent_families: m.parentFamilies.join(' + '),
        parents: m.parents.join(' ; '),
      })),
    distillations: () =>
      lists.distilled
        .slice(0, count)
        .map((d) => ({ model: d.model, relation: d.relation, base: d.base, teachers: d.teachers.join(' + ') })),
  };
  return rows[name]() as StatRow<N>[];
}

export function summariseLists(lists: ScopeLists): ListSummaries {
  const { ix, licenses, merges, distilled } = lists;
  return {
    licenses: {
      total: licenses.child.length,
      head: rowsOf('license-edges', lists, SHOWN_ROWS),
      transitions: licenseTransitionsOf(ix, licenses).slice(0, 15),
      morePermissive: licenses.direction.filter((d) => d === MORE_PERMISSIVE).length,
    },
    merges: {
      total: merges.length,
      head: rowsOf('cross-family-merges', lists, SHOWN_ROWS),
      pairs: pairCounts(mergePairs(merges)),
    },
    distilled: {
      total: distilled.length,
      head: rowsOf('distillations', lists, SHOWN_ROWS),
      pairs: pairCounts(distillationPairs(distilled)),
    },
  };
}

/** A whole list as CSV, under the columns the panel shows. */
export function listCsv(name: StatTableName, lists: ScopeLists): string {
  return tableCsv(STAT_TABLES[name], rowsOf(name, lists));
}
