// The monthly chart of new derivatives per family (counts or shares, all relations, one, or split by relation) and
// the answer to "when did A pass B as a base, and by which relation?", with its numbers as CSV.
import { useMemo } from 'react';
import { timelineSpec } from '../../charts/specs.ts';
import { RELATIONS } from '../../lineage/model.ts';
import { counted } from '../../stats/counted.ts';
import { crossover, crossoverAnswer, leaders, tooFewMonths } from '../../stats/crossover.ts';
import { crossoverCsv, describeCrossover } from '../../stats/crossover-words.ts';
import { describeDenominator, type Denominator } from '../../stats/shares.ts';
import { timelineCsv, timelineRows, type MonthlyDerivatives } from '../../stats/timeline.ts';
import { WINDOWS, type DynamicsView, type TimelineRelation } from '../../view/state.ts';
import { download } from '../exportView.ts';
import { ChartCard } from './ChartCard.tsx';
import { CrossoverMonths } from './CrossoverMonths.tsx';

interface Props {
  /** One series per family, or per group. */
  monthly: MonthlyDerivatives;
  denominator: Denominator;
  /** Whether the crawl left a Hub-wide table (it swept the Hub). */
  hubTable: boolean;
  dynamics: DynamicsView;
  familyColors: readonly string[];
  asOf: string | null;
  fileStem: string;
  onChange(patch: Partial<DynamicsView>): void;
  /** Moves the time slider to a month. */
  onAsOf(month: string): void;
}

/** The month of a clicked point ('YYYY-MM'), read defensively: the chart parsed it into a Date. */
export function clickedMonth(datum: unknown): string | null {
  const value = (datum as { month?: unknown } | null)?.month;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : NaN;
  return Number.isFinite(time) ? new Date(time).toISOString().slice(0, 7) : null;
}

const RELATION_CHOICES: [TimelineRelation, string][] = [
  ['all', 'all relations'],
  ['split', 'split by relation'],
  ...RELATIONS.map((r): [TimelineRelation, string] => [r, r === 'unknown' ? 'unspecified only' : `${r} only`]),
];

/** The two families compared: the link's, if both were crawled, else the leader now and the runner-up. */
export function comparedFamilies(m: MonthlyDerivatives, d: DynamicsView): [string, string] | null {
  const ranked = leaders(m, d.window);
  const a = d.a && m.families.includes(d.a) ? d.a : ranked[0];
  const b = d.b && m.families.includes(d.b) && d.b !== a ? d.b : ranked.find((f) => f !== a);
  return a && b ? [a, b] : null;
}

export function TimelineSection(p: Props) {
  const { monthly, denominator, dynamics: d, familyColors, asOf, fileStem, onChange, onAsOf } = p;
  const rows = useMemo(() => timelineRows(monthly, d.relation, denominator.total), [monthly, d.relation, denominator]);
  const pair = useMemo(() => comparedFamilies(monthly, d), [monthly, d]);
  const a = pair?.[0] ?? null;
  const b = pair?.[1] ?? null;
  const window = d.window;
  const answer = useMemo(() => (a && b ? crossoverAnswer(monthly, a, b, window) : null), [monthly, a, b, window]);
  // Each row carries the call made that month for the compared pair, in its own relation.
  const chartRows = useMemo(() => {
    if (!a || !b) return rows;
    const calls = new Map(
      [...new Set(rows.map((r) => r.relation))].map((r) => {
        const c = crossover(monthly, a, b, r, window);
        return [r, { c, small: tooFewMonths(c) }] as const;
      }),
    );
    return rows.map((r) => {
      const { c, small } = calls.get(r.relation) as { c: ReturnType<typeof crossover>; small: Set<string> };
      const call = c.months.find((x) => x.month === r.month);
      const tooFew = small.has(r.month);
      const said = tooFew ? `too few (${call?.sample ?? 0} < ${answer?.minimum ?? 0})` : (call?.leader ?? 'level');
      return { ...r, tooFew, call: said };
    });
  }, [rows, monthly, a, b, window, answer]);
  const grouped = d.series === 'groups' && d.groups.length > 0;
  const spec = useMemo(
    () =>
      chartRows.length === 0
        ? null
        : timelineSpec(chartRows, {
            measure: d.measure,
            families: monthly.families,
            familyColors,
            asOf,
            width: 'container',
            shareOf: denominator.axis,
            seriesTitle: grouped ? 'group' : 'family',
          }),
    [chartRows, d.measure, monthly.families, familyColors, asOf, denominator, grouped],
  );
  const csv = () => timelineCsv(rows);
  const familySelect = (key: 'a' | 'b', value: string) => (
    <select
      aria-label={
        key === 'a' ? `${grouped ? 'group' : 'family'} that passes` : `${grouped ? 'group' : 'family'} passed`
      }
      value={value}
      onChange={(e) => onChange({ [key]: e.target.value })}
    >
      {monthly.families.map((f) => (
        <option key={f}>{f}</option>
      ))}
    </select>
  );
  return (
    <ChartCard
      name="new-derivatives"
      title="New derivatives per month"
      spec={spec}
      csv={csv}
      fileStem={fileStem}
      empty="No dated derivatives in view: crawl a family, or widen the filters."
      onClickDatum={(datum) => {
        const month = clickedMonth(datum);
        if (month) onAsOf(month);
      }}
    >
      <div className="chart-controls">
        <label>
          Show{' '}
          <select value={d.measure} onChange={(e) => onChange({ measure: e.target.value as DynamicsView['measure'] })}>
            <option value="share">shares</option>
            <option value="count">counts</option>
          </select>
        </label>
        <label>
          Relations{' '}
          <select value={d.relation} onChange={(e) => onChange({ relation: e.target.value as TimelineRelation })}>
            {RELATION_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={d.communityOnly}
            onChange={(e) => onChange({ communityOnly: e.target.checked })}
          />{' '}
          leave out the families&apos; own releases
        </label>
        <label>
          Shares of{' '}
          {/* Keyed on the Hub-wide table: Chromium keeps a select as wide as its longest option was when first laid
              out, so the "needs a sweep" wording would otherwise leave it twice as wide once the table arrives. */}
          <select
            key={p.hubTable ? 'hub' : 'no-hub'}
            data-testid="share-of"
            value={d.shareOf === 'hub' && p.hubTable ? 'hub' : 'families'}
            onChange={(e) => onChange({ shareOf: e.target.value as DynamicsView['shareOf'] })}
          >
            <option value="families">all crawled families</option>
            <option value="hub" disabled={!p.hubTable}>
              all new derivatives on the Hub{p.hubTable ? '' : ' (needs a sweep of the Hub)'}
            </option>
          </select>
        </label>
        <label>
          Kind{' '}
          <select
            data-testid="kind"
            value={d.kind}
            onChange={(e) => onChange({ kind: e.target.value as DynamicsView['kind'] })}
          >
            <option value="all">any kind of model</option>
            <option value="language">language models (text-generation, image-text-to-text)</option>
          </select>
        </label>
        <label>
          Series{' '}
          <select
            data-testid="series"
            value={grouped ? 'groups' : 'families'}
            onChange={(e) => onChange({ series: e.target.value as DynamicsView['series'], a: null, b: null })}
          >
            <option value="families">one per family</option>
            <option value="groups" disabled={d.groups.length === 0}>
              one per group{d.groups.length === 0 ? ' (define groups below)' : ''}
            </option>
          </select>
        </label>
      </div>
      {pair && answer && (
        <div className="crossover" data-testid="crossover">
          <div className="chart-controls">
            When did {familySelect('a', pair[0])} pass {familySelect('b', pair[1])}, on a trailing window of{' '}
            <select aria-label="window" value={d.window} onChange={(e) => onChange({ window: Number(e.target.value) })}>
              {WINDOWS.map((w) => (
                <option key={w} value={w}>
                  {w === 1 ? '1 month' : `${w} months`}
                </option>
              ))}
            </select>
            ?
          </div>
          <p data-testid="crossover-answer">
            {describeCrossover(answer)} {describeDenominator(denominator, monthly, pair, d.window)}{' '}
            <button
              type="button"
              onClick={() =>
                download({ name: `${fileStem}-crossover.csv`, text: crossoverCsv(answer), type: 'text/csv' })
              }
            >
              Answer as CSV
            </button>
          </p>
          <CrossoverMonths answer={answer} monthly={monthly} denominator={denominator} fileStem={fileStem} />
        </div>
      )}
      <p className="note">Click a point to see the forests, and the statistics below, as they were at that month.</p>
      {!pair && (
        <p className="note" data-testid="denominator">
          {describeDenominator(denominator, monthly, monthly.families, d.window)}
        </p>
      )}
      {monthly.undated > 0 && (
        <p className="note">
          {counted(
            monthly.undated,
            'derivative of the crawled families has no usable creation date and is',
            'derivatives of the crawled families have no usable creation date and are',
          )}{' '}
          not in the chart.
        </p>
      )}
    </ChartCard>
  );
}
