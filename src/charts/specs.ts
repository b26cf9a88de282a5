// Vega-Lite specifications of the family-dynamics charts, built from plain rows so the same chart renders in the
// browser (vega-embed) and in Node (tests, the CLI). Colours match the graph: families by the explorer's palette,
// relations by RELATION_COLORS (view/palette.ts).
import type { TopLevelSpec } from 'vega-lite';

/** A chart specification (Vega-Lite), as the rest of the app names it without importing Vega. */
export type ChartSpec = TopLevelSpec;
import type { Relation } from '../lineage/model.ts';
import { ALERT_COLOR, PRIMARY_COLOR, RELATION_COLORS, UNRATED_COLOR } from '../view/palette.ts';
import type { TimelineRow } from '../stats/timeline.ts';

export interface TimelineChartOptions {
  measure: 'count' | 'share';
  families: readonly string[];
  familyColors: readonly string[];
  /** The time slider's month, drawn as a rule. */
  asOf: string | null;
  /** Pixels, or the width of the element the chart is drawn in (a facetted chart needs pixels). */
  width: number | 'container';
  /** What the shares are of, for the axis title (default: the crawled families). */
  shareOf?: string;
  /** What a line is, for the legend's title (default: family). */
  seriesTitle?: 'family' | 'group';
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const FACET_WIDTH = 760;
const FONT = { font: 'system-ui, sans-serif', labelFontSize: 11, titleFontSize: 12 };

function monthDatum(month: string): { year: number; month: number; utc: true } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { year: y, month: m, utc: true };
}

/** A chart row: a month's count and share, and what the crossover called that month for the compared pair. */
export type TimelineChartRow = TimelineRow & {
  /** The leader in the trailing window ('level', 'too few (n < 20)'); absent when no pair is compared. */
  call?: string;
  /** Too few derivatives of the compared pair to call a leader: the month is shaded and its points faded. */
  tooFew?: boolean;
};

/** An axis title of more than `max` characters in lines of whole words: Vega-Lite does not wrap titles, and a
 * vertical title longer than the plot made the chart taller than its plot (the Hub-wide share's names its kind). */
export function titleLines(title: string, max = 44): string | string[] {
  if (title.length <= max) return title;
  const lines: string[] = [];
  for (const word of title.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

const monthX = { field: 'month', type: 'temporal' as const, timeUnit: 'utcyearmonth' as const };

/** New derivatives per month, one line per family; facetted by relation when the rows are split by relation.
 * Points are large, and the nearest point answers the pointer (a Voronoi cell each), so a month is easy to hover
 * and click; months too few to call a leader are shaded. */
export function timelineSpec(rows: readonly TimelineChartRow[], o: TimelineChartOptions): TopLevelSpec {
  const split = new Set(rows.map((r) => r.relation)).size > 1;
  const share = o.measure === 'share';
  const called = rows.some((r) => r.call !== undefined);
  const x = { ...monthX, title: 'month created' };
  const y = {
    field: o.measure,
    type: 'quantitative' as const,
    title: share ? titleLines(`share of ${o.shareOf ?? 'new derivatives of the crawled families'}`) : 'new derivatives',
    ...(share ? { axis: { format: '%' }, scale: { domain: [0, 1] } } : {}),
  };
  const color = {
    field: 'family',
    type: 'nominal' as const,
    title: o.seriesTitle ?? 'family',
    scale: { domain: [...o.families], range: [...o.familyColors] },
  };
  const layer = [
    ...(rows.some((r) => r.tooFew)
      ? [
          {
            transform: [
              { filter: 'datum.tooFew' },
              { aggregate: [{ op: 'count' as const, as: 'rows' }], groupby: ['month', 'relation'] },
            ],
            mark: { type: 'rect' as const, color: UNRATED_COLOR, opacity: 0.18 },
            encoding: { x },
          },
        ]
      : []),
    { mark: { type: 'line' as const, strokeWidth: 2 }, encoding: { x, y, color } },
    {
      params: [{ name: 'nearest', select: { type: 'point' as const, on: 'pointerover', nearest: true } }],
      mark: { type: 'point' as const, filled: true, size: 70, cursor: 'pointer' as const },
      encoding: {
        x,
        y,
        color,
        opacity: { condition: { test: 'datum.tooFew', value: 0.35 }, value: 1 },
        tooltip: [
          { ...monthX, title: 'month' },
          { field: 'family', type: 'nominal' as const },
          { field: 'relation', type: 'nominal' as const },
          { field: 'count', type: 'quantitative' as const, format: ',', title: 'new derivatives' },
          { field: 'share', type: 'quantitative' as const, format: '.1%' },
          { field: 'denominator', type: 'quantitative' as const, format: ',', title: 'of (denominator)' },
          ...(called ? [{ field: 'call', type: 'nominal' as const, title: 'leader (trailing window)' }] : []),
        ],
      },
    },
    ...(o.asOf
      ? [
          {
            mark: { type: 'rule' as const, color: ALERT_COLOR, strokeDash: [4, 3] },
            encoding: { x: { datum: monthDatum(o.asOf), type: 'temporal' as const } },
          },
        ]
      : []),
  ];
  const data = { values: rows.map((r) => ({ ...r })), format: { parse: { month: 'utc:"%Y-%m"' } } };
  const config = { axis: FONT, legend: FONT, header: FONT };
  if (!split) return { $schema: SCHEMA, data, width: o.width, height: 240, layer, config } as TopLevelSpec;
  return {
    $schema: SCHEMA,
    data,
    facet: {
      row: {
        field: 'relation',
        type: 'nominal',
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelFontWeight: 'bold' },
      },
    },
    spec: { width: o.width === 'container' ? FACET_WIDTH : o.width, height: 120, layer },
    resolve: { scale: { y: share ? 'shared' : 'independent' } },
    config,
  } as TopLevelSpec;
}

export interface BarRow {
  label: string;
  value: number;
  /** The stack a bar part belongs to (a relation), if the bars are stacked. */
  series?: string;
}

export interface SeriesColors {
  title: string;
  domain: string[];
  range: string[];
}

const RELATIONS_DRAWN = Object.keys(RELATION_COLORS).filter((r) => r !== 'root') as Relation[];
/** Relations in the graph's colours. */
export const RELATION_SERIES: SeriesColors = {
  title: 'relation',
  domain: RELATIONS_DRAWN,
  range: RELATIONS_DRAWN.map((r) => RELATION_COLORS[r]),
};
/** License changes: the child more permissive stands out. */
export const DIRECTION_SERIES: SeriesColors = {
  title: 'direction',
  domain: ['more permissive', 'less permissive', 'same tier', 'unrated'],
  range: [ALERT_COLOR, RELATION_COLORS.finetune, RELATION_COLORS.unknown, UNRATED_COLOR],
};

export interface BarChartOptions {
  valueTitle: string;
  labelTitle: string;
  width: number | 'container';
  /** Bars stacked and coloured by each row's `series`. */
  series?: SeriesColors;
  color?: string;
  /** Vertical bars in label order (a distribution), instead of horizontal bars largest first. */
  columns?: boolean;
}

/** A ranked list (or a distribution) as bars. */
export function barSpec(rows: readonly BarRow[], o: BarChartOptions): TopLevelSpec {
  const labels = [...new Set(rows.map((r) => r.label))];
  const rankOf = new Map(labels.map((l, i) => [l, i]));
  const label = {
    field: 'label',
    type: o.columns ? ('ordinal' as const) : ('nominal' as const),
    title: o.labelTitle,
    // Sorted by a rank field, not by a list of the labels: vega-lite turns such a list into an expression, which
    // Hub text (a license id with a control character or a quote) breaks.
    sort: o.columns ? null : { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: { labelLimit: 260 },
  };
  const value = { field: 'value', type: 'quantitative' as const, title: o.valueTitle, stack: 'zero' as const };
  const s = o.series;
  const color = s
    ? {
        color: {
          field: 'series',
          type: 'nominal' as const,
          title: s.title,
          scale: { domain: s.domain, range: s.range },
        },
      }
    : {};
  return {
    $schema: SCHEMA,
    data: { values: rows.map((r) => ({ ...r, rank: rankOf.get(r.label) })) },
    width: o.width,
    height: o.columns ? 180 : Math.max(60, labels.length * 18),
    mark: { type: 'bar', ...(s ? {} : { color: o.color ?? PRIMARY_COLOR }) },
    encoding: {
      ...(o.columns ? { x: label, y: value } : { y: label, x: value }),
      ...color,
      tooltip: [
        { field: 'label', type: 'nominal', title: o.labelTitle },
        ...(s ? [{ field: 'series', type: 'nominal' as const, title: s.title }] : []),
        { field: 'value', type: 'quantitative', title: o.valueTitle, format: ',' },
      ],
    },
    config: { axis: FONT, legend: FONT },
  } as TopLevelSpec;
}
