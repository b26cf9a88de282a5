// The explorer's view state: which families and roots are shown, what is focused and selected, how marks are
// encoded and which filters apply. Plain data with defaults, so the permalink codec can omit what is default.
import type { FamilyGroup } from '../lineage/groups.ts';
import type { Relation } from '../lineage/model.ts';
import { emptySelection, type Selection } from './selection.ts';

export type ColorBy = 'family' | 'relation' | 'license' | 'library';
export type SizeBy = 'downloads' | 'likes' | 'descendants';
export const COLOR_BY: readonly ColorBy[] = ['family', 'relation', 'license', 'library'];
export const SIZE_BY: readonly SizeBy[] = ['downloads', 'likes', 'descendants'];

export interface Filters {
  /** Relations to the parent a model must have; empty means any. */
  relations: Relation[];
  minDownloads: number | null;
  maxDownloads: number | null;
  minLikes: number | null;
  maxLikes: number | null;
  license: string | null;
  pipeline: string | null;
  library: string | null;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  createdFrom: string | null;
  createdTo: string | null;
  minDepth: number | null;
  maxDepth: number | null;
  /** The time slider: only models created up to this month ('YYYY-MM'); undated ones stay. */
  asOf: string | null;
}

export type Measure = 'count' | 'share';
export type TimelineRelation = Relation | 'all' | 'split';
export const MEASURES: readonly Measure[] = ['count', 'share'];
export const WINDOWS: readonly number[] = [1, 3, 6, 12];

/** The family-dynamics panel: the monthly chart's settings, the two families compared, the statistics' scope. */
export interface DynamicsView {
  open: boolean;
  measure: Measure;
  relation: TimelineRelation;
  /** Months in the trailing window that decides who leads. */
  window: number;
  /** Leave out a family's own releases. */
  communityOnly: boolean;
  /** 'all', 'selection', or a family label. */
  scope: string;
  a: string | null;
  b: string | null;
  /** What shares are taken of: the crawled families' derivatives, or every derivative the crawl saw on the Hub. */
  shareOf: 'families' | 'hub';
  /** Language models only (text-generation, image-text-to-text), or any kind. */
  kind: 'all' | 'language';
  /** Groups of families (a name and its orgs or root models). */
  groups: FamilyGroup[];
  /** The chart's series: one per family, or one per group. */
  series: 'families' | 'groups';
}

export interface ViewState {
  orgs: string[];
  roots: string[];
  focus: string | null;
  selected: string | null;
  colorBy: ColorBy;
  sizeBy: SizeBy;
  /** Fold quantization and adapter leaves into a count on their parent. */
  fold: boolean;
  filters: Filters;
  selection: Selection;
  /** Embedded in another page: the graph only, no panels. */
  embed: boolean;
  dynamics: DynamicsView;
}

export const DEFAULT_ORGS = ['Qwen', 'meta-llama'];

export function emptyFilters(): Filters {
  return {
    relations: [],
    minDownloads: null,
    maxDownloads: null,
    minLikes: null,
    maxLikes: null,
    license: null,
    pipeline: null,
    library: null,
    createdFrom: null,
    createdTo: null,
    minDepth: null,
    maxDepth: null,
    asOf: null,
  };
}

export function defaultDynamics(): DynamicsView {
  return {
    open: false,
    measure: 'share',
    relation: 'all',
    window: 3,
    communityOnly: false,
    scope: 'all',
    a: null,
    b: null,
    shareOf: 'families',
    kind: 'all',
    groups: [],
    series: 'families',
  };
}

export function defaultView(): ViewState {
  return {
    orgs: [...DEFAULT_ORGS],
    roots: [],
    focus: null,
    selected: null,
    colorBy: 'family',
    sizeBy: 'downloads',
    fold: true,
    filters: emptyFilters(),
    selection: emptySelection(),
    embed: false,
    dynamics: defaultDynamics(),
  };
}

export function activeFilterCount(f: Filters): number {
  const e = emptyFilters();
  return (Object.keys(e) as (keyof Filters)[]).filter((k) => JSON.stringify(f[k]) !== JSON.stringify(e[k])).length;
}
