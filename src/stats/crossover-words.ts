// The crossover answer (crossover.ts) in words and tables. The facts are the pair's; only the words depend on which
// family the question names first: "A passed B in 2024-05 and has stayed ahead since" and "B has been behind A
// since 2024-05, when A passed it" say the same. Every month and number is taken from the answer itself.
import { tableCsv } from '../export/table.ts';
import type { Crossover, CrossoverAnswer, MonthCall, Pass } from './crossover.ts';
import { countAt, type MonthlyDerivatives, type MonthTotal } from './timeline.ts';

const n = (x: number): string => x.toLocaleString('en');
const signed = (x: number): string => (x > 0 ? `+${n(x)}` : `−${n(-x)}`);
const span = (window: number): string => (window === 1 ? 'month' : `${window} months`);

/** Changes of leader in order; a long history keeps its first two and its last. */
function history(passes: readonly Pass[]): string {
  const said = (p: Pass): string => `${p.month} ${p.passer} passed ${p.passed}`;
  const shown = passes.length <= 4 ? passes.map(said) : [...passes.slice(0, 2).map(said), '…', said(passes.at(-1)!)];
  return `The lead changed ${passes.length === 1 ? 'once' : `${passes.length} times`}: ${shown.join('; ')}.`;
}

function called(c: Crossover): MonthCall[] {
  return c.months.filter((x) => !x.tooFew);
}

/** The head sentence, from `a`'s side. */
function head(c: Crossover, a: string, b: string, basis: string): string {
  const callable = called(c);
  if (callable.length === 0)
    return `Too few derivatives to call a leader between ${a} and ${b} in any month (${basis}).`;
  const range = `${callable.length} months that could be called, ${callable[0]?.month} to ${callable.at(-1)?.month}`;
  if (c.leader === null) return `${a} and ${b} have been level in every month that could be called (${basis}).`;
  if (c.leader === a)
    return c.throughout
      ? `${a} has been ahead of ${b} throughout (${basis}; ${range}).`
      : `${a} passed ${b} as a base in ${c.since} (${basis}) and has stayed ahead since.`;
  return c.throughout
    ? `${a} has not passed ${b} as a base: ${b} has been ahead throughout (${basis}; ${range}).`
    : `${a} has been behind ${b} since ${c.since}, when ${b} passed it (${basis}).`;
}

function relationPhrase(c: Crossover): string {
  const name = c.relation === 'unknown' ? 'unspecified relation' : c.relation;
  if (c.leader === null) return `${name}: ${called(c).length === 0 ? 'too few to call' : 'level'}`;
  const changes = c.passes.length === 0 ? '' : ` (${c.passes.length} change${c.passes.length === 1 ? '' : 's'})`;
  return c.throughout
    ? `${name}: ${c.leader} ahead throughout`
    : `${name}: ${c.leader} ahead since ${c.since}${changes}`;
}

/** The answer in one paragraph, worded from the side of the family named first. */
export function describeCrossover(ans: CrossoverAnswer): string {
  const { a, b, overall, window, minimum } = ans;
  const basis = `new derivatives per ${window === 1 ? 'month' : `trailing ${window} months`}`;
  const parts = [head(overall, a, b, basis)];
  // One change of leader is the head sentence itself; a longer history is told in order.
  if (overall.passes.length > 1) parts.push(history(overall.passes));
  const small = overall.months.filter((x) => x.tooFew).length;
  if (small > 0)
    parts.push(
      `${small === 1 ? 'One month has' : `${small} months have`} fewer than ${minimum} new derivatives of the two ` +
        `${window === 1 ? 'in the month' : `in the trailing ${window} months`}: too few to call a leader, so ` +
        `${small === 1 ? 'it does' : 'they do'} not count (marked in the chart and the table).`,
    );
  if (ans.byRelation.length > 0) parts.push(`By relation: ${ans.byRelation.map(relationPhrase).join('; ')}.`);
  if (ans.lead.length > 0 && !overall.throughout && overall.leader)
    parts.push(
      `${possessive(overall.leader)} lead by relation in the ${span(window)} to ${overall.since}: ` +
        `${ans.lead.map((d) => `${d.relation} ${signed(d.difference)}`).join(', ')}.`,
    );
  return parts.join(' ');
}

const ANSWER_COLUMNS = [
  'family',
  'other',
  'relation',
  'window_months',
  'minimum_sample',
  'leader',
  'leader_since',
  'leader_throughout',
  'lead_changes',
  'passes',
  'months_too_few',
  'leader_lead_in_window',
] as const;

/** The answer as a table: one row for all relations, one per relation. */
export function crossoverCsv(ans: CrossoverAnswer): string {
  const rows = [ans.overall, ...ans.byRelation].map((c) => ({
    family: ans.a,
    other: ans.b,
    relation: c.relation,
    window_months: ans.window,
    minimum_sample: ans.minimum,
    leader: c.leader ?? '',
    leader_since: c.since ?? '',
    leader_throughout: c.throughout,
    lead_changes: c.passes.length,
    passes: c.passes.map((p) => `${p.month} ${p.passer} passed ${p.passed}`).join('; '),
    months_too_few: c.months.filter((x) => x.tooFew).length,
    leader_lead_in_window:
      c.relation === 'all'
        ? ans.lead.reduce((s, d) => s + d.difference, 0)
        : (ans.lead.find((d) => d.relation === c.relation)?.difference ?? 0),
  }));
  return tableCsv(ANSWER_COLUMNS, rows);
}

export interface MonthRow {
  month: string;
  /** New derivatives that month, and their share of the month's denominator (null when it is empty). */
  aCount: number;
  aShare: number | null;
  bCount: number;
  bShare: number | null;
  /** Both together in the trailing window: the sample the call is made on. */
  sample: number;
  /** The leader's name, 'level', or 'too few'. */
  call: string;
}

/** Month by month, the two families' counts beside their shares and the call made on the window (all relations). */
export function crossoverMonths(ans: CrossoverAnswer, m: MonthlyDerivatives, total: MonthTotal): MonthRow[] {
  return ans.overall.months.map((c, i) => {
    const [x, y, of] = [countAt(m, ans.a, 'all', i), countAt(m, ans.b, 'all', i), total('all', i)];
    return {
      month: c.month,
      aCount: x,
      aShare: of > 0 ? x / of : null,
      bCount: y,
      bShare: of > 0 ? y / of : null,
      sample: c.sample,
      call: c.tooFew ? 'too few' : (c.leader ?? 'level'),
    };
  });
}

/** The month table as CSV, its columns named after the two families. */
export function crossoverMonthsCsv(ans: CrossoverAnswer, rows: readonly MonthRow[]): string {
  const columns = ['month', 'family_a', 'a_new', 'a_share', 'family_b', 'b_new', 'b_share', 'window_sample', 'leader'];
  return tableCsv(
    columns,
    rows.map((r) => ({
      month: r.month,
      family_a: ans.a,
      a_new: r.aCount,
      a_share: r.aShare ?? '',
      family_b: ans.b,
      b_new: r.bCount,
      b_share: r.bShare ?? '',
      window_sample: r.sample,
      leader: r.call,
    })),
  );
}

/** "Qwen's", but "Chinese labs'" (a family or group's name as an owner). */
export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}
