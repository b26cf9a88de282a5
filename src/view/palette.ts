// Every colour the app draws with, in one place: the graph, its legend and the charts (Vega-Lite) use the same
// values, so a family or a relation has one colour everywhere.
import type { Relation } from '../lineage/relation.ts';

export type IncomingRelation = Relation | 'root';

export const RELATION_COLORS: Record<IncomingRelation, string> = {
  root: '#212529',
  finetune: '#1c7ed6',
  adapter: '#e8590c',
  quantized: '#2f9e44',
  merge: '#ae3ec9',
  unknown: '#868e96',
};

/** Categorical colours for families, licenses, libraries, in order of appearance. */
export const CATEGORY_PALETTE: readonly string[] = [
  '#4263eb',
  '#f76707',
  '#37b24d',
  '#ae3ec9',
  '#f59f00',
  '#1098ad',
  '#d6336c',
  '#74b816',
  '#7048e8',
  '#0ca678',
  '#e03131',
  '#5c7cfa',
];
/** Values past the palette, and "other" in legends. */
export const OTHER_COLOR = '#adb5bd';
/** What is greyed out: marks outside a selection, dimmed edges. */
export const DIM_COLOR = '#dee2e6';
/** What must stand out: the time slider's month on a chart, a license made more permissive. */
export const ALERT_COLOR = '#e03131';
/** A single-series chart's bars. */
export const PRIMARY_COLOR = CATEGORY_PALETTE[0] as string;
/** A value that cannot be rated (unrated license changes). */
export const UNRATED_COLOR = '#ced4da';

/** The graph's surroundings in the system's light and dark schemes (prefers-color-scheme): the canvas background,
 * the labels' ink, the box behind a hovered label, dimmed edges and marks outside a selection. The page's CSS
 * variables (ui/app.css) use the same values. */
export interface GraphTheme {
  background: string;
  ink: string;
  box: string;
  dimEdge: string;
  unselected: string;
}
export type ColorScheme = 'light' | 'dark';
export const GRAPH_THEMES: Record<ColorScheme, GraphTheme> = {
  light: { background: '#f7f7f8', ink: '#000000', box: '#ffffff', dimEdge: DIM_COLOR, unselected: DIM_COLOR },
  dark: { background: '#15171c', ink: '#e9ecef', box: '#2c3038', dimEdge: '#3b4049', unselected: '#3b4049' },
};

/** A chart's colours in the dark scheme (Vega-Lite config merged into every spec): the card's surface behind it,
 * the page's ink and muted text, its lines for grid and axes. The light scheme keeps Vega's own (white, grey). */
export const DARK_CHART_CONFIG = {
  background: '#1f2228',
  axis: {
    domainColor: '#5c636a',
    gridColor: '#343a40',
    tickColor: '#5c636a',
    labelColor: '#ced4da',
    titleColor: '#e9ecef',
  },
  legend: { labelColor: '#ced4da', titleColor: '#e9ecef' },
  header: { labelColor: '#ced4da', titleColor: '#e9ecef' },
  title: { color: '#e9ecef' },
  view: { stroke: '#343a40' },
} as const;
