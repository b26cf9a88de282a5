// When one family passed another as a base, overall and relation by relation, as facts about the pair that do not
// depend on which family is named first: who led each month, every change of leader, who leads now and since when.
// Months are compared on a trailing window of new derivatives (3 months by default) so one quiet month does not
// read as a change of leader, and a window holding fewer than MIN_SAMPLE derivatives of the two together is too
// small to call: like a level one, it neither starts a lead nor breaks one. Words and tables: crossover-words.ts.
import { RELATIONS, type Relation } from '../lineage/model.ts';
import { countAt, usedRelations, type MonthlyDerivatives, type RelationOrAll } from './timeline.ts';

/** Below this many new derivatives of the two families together in the window, no leader is called. With fewer
 * than 20, one model more or less moves either family's share by more than 5 points, so a "lead" can be a single
 * upload; from 20 on, a leader has at least 11 of them. */
export const MIN_SAMPLE = 20;

export interface MonthCall {
  month: string;
  /** New derivatives of both families together in the window ending this month: the sample behind the call. */
  sample: number;
  /** The family with more in the window; null when level or too few. */
  leader: string | null;
  /** Fewer than the minimum in the window: no leader is called, whatever the counts. */
  tooFew: boolean;
}

export interface Pass {
  /** The first month `passer` led after `passed` had led (level and too-few months in between are skipped). */
  month: string;
  passer: string;
  passed: string;
}

export interface Crossover {
  relation: RelationOrAll;
  months: MonthCall[];
  /** Every change of leader, in order. */
  passes: Pass[];
  /** The family ahead in the last month that could be called; null if none could be, or all were level. */
  leader: string | null;
  /** The month the leader's current lead began: its last pass, or its first lead if it was never behind. */
  since: string | null;
  /** The leader led in every month that could be called. */
  throughout: boolean;
}

export interface CrossoverAnswer {
  /** The family named first ("when did a pass b?") and the other: the only order-dependent fields. */
  a: string;
  b: string;
  window: number;
  minimum: number;
  overall: Crossover;
  byRelation: Crossover[];
  /** Per relation, the leader's derivatives minus the other's in the window ending at `overall.since` (largest
   * first); empty when no one leads. */
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

/** The pair's facts for one relation (or all). Swapping `a` and `b` gives the same object. */
export function crossover(
  m: MonthlyDerivatives,
  a: string,
  b: string,
  relation: RelationOrAll,
  window = 3,
  minimum = MIN_SAMPLE,
): Crossover {
  const [wa, wb] = [windowed(m, a, relation, window), windowed(m, b, relation, window)];
  const months: MonthCall[] = m.months.map((month, i) => {
    const [x, y] = [wa[i] as number, wb[i] as number];
    const tooFew = x + y < minimum;
    return { month, sample: x + y, leader: tooFew || x === y ? null : x > y ? a : b, tooFew };
  });
  const passes: Pass[] = [];
  let [leader, since] = [null as string | null, null as string | null];
  for (const c of months) {
    if (c.leader === null || c.leader === leader) continue;
    if (leader !== null) passes.push({ month: c.month, passer: c.leader, passed: leader });
    [leader, since] = [c.leader, c.month];
  }
  return { relation, months, passes, leader, since, throughout: leader !== null && passes.length === 0 };
}

/** The answer to "when did `a` pass `b` as a base, and by which relation?": the same facts either way round. */
export function crossoverAnswer(
  m: MonthlyDerivatives,
  a: string,
  b: string,
  window = 3,
  minimum = MIN_SAMPLE,
): CrossoverAnswer {
  const overall = crossover(m, a, b, 'all', window, minimum);
  const byRelation = usedRelations(m).map((r) => crossover(m, a, b, r, window, minimum));
  const { leader, since } = overall;
  const at = since ? m.months.indexOf(since) : -1;
  const other = leader === a ? b : a;
  const lead =
    at < 0 || leader === null
      ? []
      : RELATIONS.map((relation) => {
          let difference = 0;
          for (let i = Math.max(0, at - window + 1); i <= at; i++)
            difference += countAt(m, leader, relation, i) - countAt(m, other, relation, i);
          return { relation, difference };
        })
          .filter((d) => d.difference !== 0)
          .sort((x, y) => y.difference - x.difference || RELATIONS.indexOf(x.relation) - RELATIONS.indexOf(y.relation));
  return { a, b, window, minimum, overall, byRelation, lead };
}

/** The family with the most derivatives in the last `window` months, then the runner-up: the natural "a" and "b". */
export function leaders(m: MonthlyDerivatives, window = 3): string[] {
  const last = m.months.length - 1;
  const recent = (f: string): number => (last < 0 ? 0 : (windowed(m, f, 'all', window)[last] ?? 0));
  return [...m.families].sort((x, y) => recent(y) - recent(x));
}

/** The months too few to call a leader in, for a relation (or all), as a set of 'YYYY-MM'. */
export function tooFewMonths(c: Crossover): Set<string> {
  return new Set(c.months.filter((x) => x.tooFew).map((x) => x.month));
}
