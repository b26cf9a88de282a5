// When one family passed another as a base, overall and relation by relation. Months are compared on a trailing
// window of new derivatives (3 months by default) so one quiet month does not read as a change of leader; the
// window is part of every answer, so a reader can check it against the chart.
import { RELATIONS, type Relation } from '../hub/model.ts';
import { countAt, usedRelations, type MonthlyDerivatives, type RelationOrAll } from './timeline.ts';

export interface Crossover {
  relation: RelationOrAll;
  /** The first month `a` led after `b` had led; null if `b` never led or `a` never caught up. */
  firstPassed: string | null;
  /** Start of the run of months in which `a` has led up to the last month; null if `a` is not ahead now. */
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
  let firstPassed: string | null = null;
  let aheadSince: string | null = null;
  let bLed = false;
  let aLed = false;
  m.months.forEach((month, i) => {
    const [x, y] = [wa[i] as number, wb[i] as number];
    if (x > y) {
      if (bLed && firstPassed === null) firstPassed = month;
      if (aheadSince === null) aheadSince = month;
      aLed = true;
    } else {
      if (y > x) bLed = true;
      aheadSince = null;
    }
  });
  return { relation, firstPassed, aheadSince, neverBehind: aLed && !bLed };
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
  return `${name}: ${b} still ahead${c.firstPassed ? ` (${a} led for a while from ${c.firstPassed})` : ''}`;
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
    ans.lead.length > 0 && overall.aheadSince
      ? ` Difference by relation in the ${window === 1 ? 'month' : `${window} months`} to ${overall.aheadSince}: ` +
        `${ans.lead.map((d) => `${d.relation} ${signed(d.difference)}`).join(', ')}.`
      : '';
  return `${head} By relation: ${parts.join('; ')}.${lead}`;
}
