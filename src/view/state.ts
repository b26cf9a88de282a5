// The explorer's view state: which families and roots are shown, what is focused and selected, how marks are
// encoded and which filters apply. Plain data with defaults, so the permalink codec can omit what is default.
import type { Relation } from '../hub/model.ts';
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
  };
}

export function activeFilterCount(f: Filters): number {
  const e = emptyFilters();
  return (Object.keys(e) as (keyof Filters)[]).filter((k) => JSON.stringify(f[k]) !== JSON.stringify(e[k])).length;
}
