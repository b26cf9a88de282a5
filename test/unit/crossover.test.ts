// "When did A pass B?" must state the same facts whichever family is named first, and months with too few
// derivatives to call a leader must not flip the answer: on hand-made series, on random ones, and on the real
// records of ../shared/hub-data.
import { describe, expect, it } from 'vitest';
import { RELATIONS, type Relation } from '../../src/lineage/model.ts';
import { crossover, crossoverAnswer, MIN_SAMPLE, type CrossoverAnswer } from '../../src/stats/crossover.ts';
import { crossoverCsv, crossoverMonths, describeCrossover, possessive } from '../../src/stats/crossover-words.ts';
import { monthRange, type MonthlyDerivatives } from '../../src/stats/timeline.ts';
import { createRng } from '../hub/random.ts';
import { loadRealHub } from '../hub/real-data.ts';
import { resolvedTo, truthMonthly } from '../e2e/dynamics-truth.ts';

/** Two families' monthly series from 2023-01 on, one list per relation. */
function monthly(a: Partial<Record<Relation, number[]>>, b: Partial<Record<Relation, number[]>>): MonthlyDerivatives {
  const length = Math.max(...[...Object.values(a), ...Object.values(b)].map((s) => s.length));
  const months = monthRange('2023-01', '2030-12').slice(0, length);
  const full = (s: Partial<Record<Relation, number[]>>) =>
    Object.fromEntries(RELATIONS.map((r) => [r, months.map((_m, i) => s[r]?.[i] ?? 0)])) as Record<Relation, number[]>;
  return {
    months,
    families: ['A', 'B'],
    counts: new Map([
      ['A', full(a)],
      ['B', full(b)],
    ]),
    undated: 0,
    outOfRange: 0,
    legacy: 0,
  };
}

/** The facts of an answer, without the order the question named the families in. */
const facts = ({ a: _a, b: _b, ...rest }: CrossoverAnswer) => rest;
/** Months and signed numbers an answer states, as a sorted list. */
const stated = (text: string): string[] => [...text.matchAll(/\d{4}-\d{2}|[+−]\d[\d,]*/g)].map((x) => x[0]).sort();

function expectMirrored(m: MonthlyDerivatives, a: string, b: string, window: number, minimum?: number): void {
  const [ab, ba] = [crossoverAnswer(m, a, b, window, minimum), crossoverAnswer(m, b, a, window, minimum)];
  expect(facts(ba)).toEqual(facts(ab));
  const [tab, tba] = [describeCrossover(ab), describeCrossover(ba)];
  expect(tab.startsWith(a) || tab.startsWith('Too few')).toBe(true);
  expect(tba.startsWith(b) || tba.startsWith('Too few')).toBe(true);
  expect(stated(tba)).toEqual(stated(tab));
}

describe('the crossover answer is the same whichever family is named first', () => {
  it('on a history where the lead changes hands three times', () => {
    // A leads, B passes in 2023-04, A passes back in 2023-07, B passes again in 2023-10 (window 1).
    const m = monthly(
      { finetune: [30, 30, 30, 5, 5, 5, 40, 40, 40, 5, 5, 5] },
      { finetune: [5, 5, 5, 30, 30, 30, 5, 5, 5, 30, 30, 30] },
    );
    const ans = crossoverAnswer(m, 'A', 'B', 1);
    expect(ans.overall.passes.map((p) => [p.month, p.passer])).toEqual([
      ['2023-04', 'B'],
      ['2023-07', 'A'],
      ['2023-10', 'B'],
    ]);
    expect(ans.overall).toMatchObject({ leader: 'B', since: '2023-10', throughout: false });
    expect(describeCrossover(ans)).toMatch(/^A has been behind B since 2023-10, when B passed it/);
    expect(describeCrossover(crossoverAnswer(m, 'B', 'A', 1))).toMatch(/^B passed A as a base in 2023-10/);
    // The old answer said "A passed B in 2023-07" one way and "B passed A in 2023-04" the other: now both say all three.
    for (const text of [describeCrossover(ans), describeCrossover(crossoverAnswer(m, 'B', 'A', 1))])
      expect(text).toContain('The lead changed 3 times: 2023-04 B passed A; 2023-07 A passed B; 2023-10 B passed A.');
    for (const w of [1, 2, 3, 6]) expectMirrored(m, 'A', 'B', w);
  });

  it('on random histories, every window, with and without the small-sample rule', () => {
    const rng = createRng(12);
    for (let k = 0; k < 200; k++) {
      const series = () => Array.from({ length: 1 + rng.int(30) }, () => (rng.chance(0.3) ? 0 : rng.int(40)));
      const m = monthly({ finetune: series(), adapter: series() }, { finetune: series(), quantized: series() });
      for (const w of [1, 3, 12]) {
        expectMirrored(m, 'A', 'B', w);
        expectMirrored(m, 'A', 'B', w, 1);
      }
    }
  });

  it('on the real records of ../shared/hub-data, Qwen against Llama, at every window', () => {
    const truth = truthMonthly(loadRealHub(), ['Qwen', 'meta-llama']);
    const m = resolvedTo(truth, 'Qwen');
    for (let w = 1; w <= 12; w++) expectMirrored(m, 'Qwen', 'meta-llama', w);
    const ans = crossoverAnswer(m, 'Qwen', 'meta-llama', 3);
    // The records span years; their first months hold a handful of derivatives, too few to call.
    expect(ans.overall.months.some((c) => c.tooFew)).toBe(true);
    expect(ans.overall.months.some((c) => !c.tooFew)).toBe(true);
    const csv = crossoverCsv(ans).split('\r\n');
    const swapped = crossoverCsv(crossoverAnswer(m, 'meta-llama', 'Qwen', 3)).split('\r\n');
    // Row by row the same facts; only the first two columns (who was asked about) swap.
    const tail = (row: string) => row.split(',').slice(2).join(',');
    expect(swapped.map(tail)).toEqual(csv.map(tail));
  });
});

describe('months with too few derivatives to call a leader', () => {
  // A leads on large months; in 2023-04 both have a handful and B has more: a "lead" of one upload.
  const m = monthly({ finetune: [40, 50, 60, 2, 70, 80] }, { finetune: [10, 10, 10, 3, 10, 10] });

  it('are marked and do not flip the answer', () => {
    const ans = crossoverAnswer(m, 'A', 'B', 1);
    expect(ans.overall.months.find((c) => c.month === '2023-04')).toEqual({
      month: '2023-04',
      sample: 5,
      leader: null,
      tooFew: true,
    });
    expect(ans.overall).toMatchObject({ passes: [], leader: 'A', since: '2023-01', throughout: true });
    expect(describeCrossover(ans)).toContain(
      `One month has fewer than ${MIN_SAMPLE} new derivatives of the two in the month: too few to call a leader`,
    );
    // Without the rule the handful would have made B a leader for a month, and A "pass" it again.
    expect(crossover(m, 'A', 'B', 'all', 1, 1).passes.map((p) => p.month)).toEqual(['2023-04', '2023-05']);
  });

  it('are judged on the window the call is made on, the two families together', () => {
    const quiet = monthly({ finetune: [8, 8, 8, 1] }, { finetune: [1, 1, 1, 9] });
    const calls = crossover(quiet, 'A', 'B', 'all', 3).months.map((c) => [c.sample, c.tooFew]);
    expect(calls).toEqual([
      [9, true],
      [18, true],
      [27, false],
      [28, false],
    ]);
  });

  it('show counts beside shares in the month table', () => {
    const ans = crossoverAnswer(m, 'A', 'B', 1);
    const rows = crossoverMonths(ans, m, (_r, i) => [50, 60, 70, 5, 80, 90][i] as number);
    expect(rows[3]).toEqual({
      month: '2023-04',
      aCount: 2,
      aShare: 0.4,
      bCount: 3,
      bShare: 0.6,
      sample: 5,
      call: 'too few',
    });
    expect(rows[0]).toMatchObject({ aCount: 40, bCount: 10, call: 'A' });
  });
});

describe('the answer’s words', () => {
  it('names a family or a group as an owner', () => {
    expect(possessive('Qwen')).toBe("Qwen's");
    expect(possessive('Chinese labs')).toBe("Chinese labs'");
  });
});
