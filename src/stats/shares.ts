// What a share is taken of: the crawled families' new derivatives (two crawled families then always add up to
// 100%), or every new derivative the crawl saw on the Hub (the Hub-wide table). Either way the kind filter applies
// to numerator and denominator alike, and the answer says which denominator it used and how large it was.
import type { HubDerivatives } from '../lineage/hub-derivatives.ts';
import { UNNAMED_ROOT } from '../lineage/hub-derivatives.ts';
import { counted } from './counted.ts';
import { hubMonthly, type HubMonthly } from './denominator.ts';
import { describeKind, type KindFilter } from './kinds.ts';
import { countAt, type MonthlyDerivatives, type MonthTotal, type RelationOrAll } from './timeline.ts';

export type ShareOf = 'families' | 'hub';
export const SHARE_OF: readonly ShareOf[] = ['families', 'hub'];

export interface Denominator {
  shareOf: ShareOf;
  /** In words, kind included: what the shares are of. */
  label: string;
  /** Short, for a chart's axis. */
  axis: string;
  total: MonthTotal;
  /** Derivatives of the kind without a usable date, counted apart. */
  undated: number;
  /** Hub-wide only: derivatives whose root the crawl cannot name. */
  unnamed: number;
}

/** The crawled families' derivatives (family series, before any grouping) as the denominator. */
export function familiesDenominator(m: MonthlyDerivatives, kind: KindFilter): Denominator {
  return {
    shareOf: 'families',
    label: `new derivatives of all crawled families (${describeKind(kind)})`,
    axis: `new derivatives of the crawled families${kind.pipelines || kind.library ? ` (${describeKind(kind)})` : ''}`,
    total: (r, i) => m.families.reduce((sum, f) => sum + countAt(m, f, r, i), 0),
    undated: m.undated,
    unnamed: 0,
  };
}

/** Every new derivative the crawl saw on the Hub, of the kind, for the months of `m`. */
export function hubDenominator(t: HubDerivatives, m: MonthlyDerivatives, kind: KindFilter): Denominator {
  const by = new Map<RelationOrAll, HubMonthly>();
  const of = (r: RelationOrAll): HubMonthly => {
    const known = by.get(r);
    if (known) return known;
    const made = hubMonthly(t, kind, r);
    by.set(r, made);
    return made;
  };
  const all = of('all');
  return {
    shareOf: 'hub',
    label: `all new derivatives the crawl saw on the Hub (${describeKind(kind)})`,
    axis: `all new derivatives on the Hub${kind.pipelines || kind.library ? ` (${describeKind(kind)})` : ''}`,
    total: (r, i) => of(r).byMonth.get(m.months[i] as string) ?? 0,
    undated: all.undated,
    unnamed: all.byFamily.get(UNNAMED_ROOT) ?? 0,
  };
}

const n = (x: number): string => x.toLocaleString('en');
const pct = (x: number, of: number): string => (of > 0 ? `${((100 * x) / of).toFixed(1)}%` : 'n/a');

/** The denominator and the sample sizes behind an answer about `a` and `b`, in the `window` months to the last. */
export function describeDenominator(
  d: Denominator,
  m: MonthlyDerivatives,
  compared: readonly string[],
  window: number,
): string {
  if (m.months.length === 0) return `Shares are of ${d.label}; no dated derivatives in view.`;
  const sizes = m.months.map((_m, i) => d.total('all', i));
  const last = m.months.length - 1;
  const from = Math.max(0, last - window + 1);
  const inWindow = sizes.slice(from).reduce((s, x) => s + x, 0);
  const counts = compared.map((f) => {
    let c = 0;
    for (let i = from; i <= last; i++) c += countAt(m, f, 'all', i);
    return `${f} ${n(c)} (${pct(c, inWindow)})`;
  });
  const span = window === 1 ? `in ${m.months[last]}` : `in the ${window} months to ${m.months[last]}`;
  const extra = [
    d.undated > 0
      ? `${counted(d.undated, 'derivative without a usable date is', 'derivatives without a usable date are')} counted apart`
      : '',
    d.unnamed > 0
      ? `${counted(d.unnamed, 'goes', 'go')} back to a root the crawl cannot name (counted as unnamed)`
      : '',
  ].filter(Boolean);
  return (
    `Shares are of ${d.label}: ${n(sizes.reduce((s, x) => s + x, 0))} from ${m.months[0]} to ${m.months[last]} ` +
    `(${n(Math.min(...sizes))} to ${n(Math.max(...sizes))} a month); ${span}, ${n(inWindow)}, of which ` +
    `${counts.join(' and ')}.${extra.length > 0 ? ` ${extra.join('; ')}.` : ''}`
  );
}
