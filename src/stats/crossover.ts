// When one family passed another as a base, overall and relation by relation. Months are compared on a trailing
// window of new derivatives (3 months by default) so one quiet month does not read as a change of leader; the
// window is part of every answer, so a reader can check it against the chart.
import { tableCsv } from '../export/table.ts';
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { countAt, usedRelations, type MonthlyDerivatives, type RelationOrAll } from './timeline.ts';

export interface Crossover {
  relation: RelationOrAll;
  /** The first month `a` led after `b` had led; null if `b` never led or `a` never caught up. */
  firstPassed: string | null;
  /** The first month `a` led after `b` last led (level months do not count against it); null if `a` never has. */
  aheadSince: string | null;
  /** `a` led in every month in which either had derivatives. */
  neverBehind: boolean;
}

export interface CrossoverAnswer {
  a: string;
  b: string;
  window: number;
  overall: Crossover;
  byRelation: Crossover[];
  /** Per relation, `a` minus `b` in the window ending at the overall `aheadSince` month (largest first). */
  lead: { relation: Relation; difference: number }[];
}

function windowed(m: MonthlyDerivatives, family: string, relation: RelationOrAll, window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  m.months.forEach((_month, i) => {
    sum += countAt(m, family, relation, i) - (i >= window ? countAt(m, family, relation, i - window) : 0);
    out.push(sum);
  });
  return out;
}

export function crossover(m: MonthlyDerivatives, a: string, b: string, relation: RelationOrAll, window = 3): Crossover {
  const wa = windowed(m, a, relation, window);
  const wb = windowed(m, b, relation, window);
  const ahead = (i: number): boolean => (wa[i] as number) > (wb[i] as number);
  const behind = (i: number): boolean => (wb[i] as number) > (wa[i] as number);
  const months = m.months.map((_m, i) => i);
  const firstBehind = months.find(behind);
  const lastBehind = months.findLast(behind) ?? -1;
  // Months where both are level (often both at zero) neither break a lead nor start one.
  const passed = firstBehind === undefined ? undefined : months.find((i) => i > firstBehind && ahead(i));
  const since = months.find((i) => i > lastBehind && ahead(i));
  return {
    relation,
    firstPassed: passed === undefined ? null : (m.months[passed] as string),
    aheadSince: since === undefined ? null : (m.months[since] as string),
    neverBehind: firstBehind === undefined && months.some(ahead),
  };
}

/** The answer to "when did `a` pass `b` as a base, and by which relation?". */
export function crossoverAnswer(m: MonthlyDerivatives, a: string, b: string, window = 3): CrossoverAnswer {
  const overall = crossover(m, a, b, 'all', window);
  const byRelation = usedRelations(m).map((r) => crossover(m, a, b, r, window));
  const at = overall.aheadSince ? m.months.indexOf(overall.aheadSince) : -1;
  const lead =
    at < 0
      ? []
      : RELATIONS.map((relation) => {
          let difference = 0;
          for (let i = Math.max(0, at - window + 1); i <= at; i++)
            difference += countAt(m, a, relation, i) - countAt(m, b, relation, i);
          return { relation, difference };
        })
          .filter((d) => d.difference !== 0)
          .sort((x, y) => y.difference - x.difference);
  return { a, b, window, overall, byRelation, lead };
}

/** The family with the most derivatives in the last `window` months, then the runner-up: the natural "a" and "b". */
export function leaders(m: MonthlyDerivatives, window = 3): string[] {
  const last = m.months.length - 1;
  const recent = (f: string): number => (last < 0 ? 0 : (windowed(m, f, 'all', window)[last] ?? 0));
  return [...m.families].sort((x, y) => recent(y) - recent(x));
}

function relationPhrase(c: Crossover, a: string, b: string): string {
  const name = c.relation === 'unknown' ? 'unspecified relation' : c.relation;
  if (c.neverBehind) return `${name}: ${a} ahead throughout`;
  if (c.aheadSince) return `${name}: ${a} ahead since ${c.aheadSince}`;
  return c.firstPassed
    ? `${name}: ${b} ahead again (${a} led for a while from ${c.firstPassed})`
    : `${name}: ${b} ahead, never passed`;
}

/** The answer in one paragraph, every month and number taken from the answer itself. */
export function describeCrossover(ans: CrossoverAnswer): string {
  const { a, b, overall, window } = ans;
  const basis = `new derivatives per ${window === 1 ? 'month' : `trailing ${window} months`}`;
  const head = overall.neverBehind
    ? `${a} has had more ${basis} than ${b} throughout the crawl.`
    : overall.aheadSince
      ? `${a} passed ${b} as a base in ${overall.firstPassed ?? overall.aheadSince} (${basis})` +
        (overall.firstPassed && overall.firstPassed !== overall.aheadSince
          ? ` and has stayed ahead since ${overall.aheadSince}.`
          : ' and has stayed ahead since.')
      : `${a} has not passed ${b} as a base (${basis})${overall.firstPassed ? `; it led for a while from ${overall.firstPassed}` : ''}.`;
  const parts = ans.byRelation.map((c) => relationPhrase(c, a, b));
  const signed = (n: number): string => (n > 0 ? `+${n}` : `−${-n}`);
  const lead =
    ans.lead.length > 0 && overall.aheadSince && !overall.neverBehind
      ? ` Difference by relation in the ${window === 1 ? 'month' : `${window} months`} to ${overall.aheadSince}: ` +
        `${ans.lead.map((d) => `${d.relation} ${signed(d.difference)}`).join(', ')}.`
      : '';
  return `${head} By relation: ${parts.join('; ')}.${lead}`;
}

const ANSWER_COLUMNS = [
  'family',
  'passed',
  'relation',
  'window_months',
  'first_passed',
  'ahead_since',
  'never_behind',
  'lead_in_window',
] as const;

/** The answer as a table: one row for all relations, one per relation, with the lead behind the crossover. */
export function crossoverCsv(ans: CrossoverAnswer): string {
  const rows = [ans.overall, ...ans.byRelation].map((c) => ({
    family: ans.a,
    passed: ans.b,
    relation: c.relation,
    window_months: ans.window,
    first_passed: c.firstPassed ?? '',
    ahead_since: c.aheadSince ?? '',
    never_behind: c.neverBehind,
    lead_in_window:
      c.relation === 'all'
        ? ans.lead.reduce((s, d) => s + d.difference, 0)
        : (ans.lead.find((d) => d.relation === c.relation)?.difference ?? 0),
  }));
  return tableCsv(ANSWER_COLUMNS, rows);
}
