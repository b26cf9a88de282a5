// The monthly derivative counts, shares and the crossover answer, on a lineage whose months were written by hand.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import type { Relation } from '../../src/lineage/types.ts';
import { crossover, crossoverAnswer, leaders } from '../../src/stats/crossover.ts';
import { describeCrossover } from '../../src/stats/crossover-words.ts';
import { everything, indexLineage, maskOf } from '../../src/stats/lineage-index.ts';
import { monthlyDerivatives, monthRange, timelineRows } from '../../src/stats/timeline.ts';
import { edge, node } from './fixtures.ts';

// [month, relation, count] per family; every derivative hangs off its family's root.
const LLAMA: [string, Relation, number][] = [
  ['2023-01', 'finetune', 2],
  ['2023-02', 'finetune', 2],
  ['2023-03', 'finetune', 1],
  ['2023-03', 'quantized', 1],
  ['2023-04', 'finetune', 1],
  ['2023-06', 'quantized', 1],
];
const QWEN: [string, Relation, number][] = [
  ['2023-02', 'quantized', 1],
  ['2023-03', 'quantized', 1],
  ['2023-04', 'quantized', 3],
  ['2023-05', 'finetune', 1],
  ['2023-06', 'finetune', 2],
];

function timelineGraph() {
  const nodes = [
    node('Qwen/base', { created_at: '2022-06-01T00:00:00Z' }),
    node('meta-llama/base', { family: 'meta-llama', created_at: '2022-01-01T00:00:00Z' }),
    node('Qwen/own-ft', { family: 'Qwen', author: 'Qwen', created_at: '2023-06-03T00:00:00Z' }),
    node('u/undated', { created_at: '' }),
    node('x/outside', { family: 'other', created_at: '2023-01-01T00:00:00Z' }),
    node('x/outside-ft', { family: 'other', created_at: '2023-01-02T00:00:00Z' }),
  ];
  const edges = [edge('Qwen/base', 'Qwen/own-ft'), edge('Qwen/base', 'u/undated'), edge('x/outside', 'x/outside-ft')];
  for (const [family, rows, root] of [
    ['Qwen', QWEN, 'Qwen/base'],
    ['meta-llama', LLAMA, 'meta-llama/base'],
  ] as const)
    for (const [month, relation, count] of rows)
      for (let i = 0; i < count; i++) {
        const id = `u/${family}-${month}-${relation}-${i}`;
        nodes.push(node(id, { family, created_at: `${month}-1${i}T08:00:00Z` }));
        edges.push(edge(root, id, relation));
      }
  return createLineageGraph({ nodes, edges });
}

const families = ['Qwen', 'meta-llama'];

describe('monthly derivatives', () => {
  const graph = timelineGraph();
  const ix = indexLineage(graph, graph.nodes());
  const m = monthlyDerivatives(ix, everything(ix), families, { communityOnly: true });

  it('spans every month from the first derivative to the last, gaps included', () => {
    expect(m.months).toEqual(['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06']);
    expect(monthRange('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });

  it('counts per family and relation, leaving out roots, other families, own releases; undated apart', () => {
    expect(m.counts.get('meta-llama')?.finetune).toEqual([2, 2, 1, 1, 0, 0]);
    expect(m.counts.get('meta-llama')?.quantized).toEqual([0, 0, 1, 0, 0, 1]);
    expect(m.counts.get('Qwen')?.quantized).toEqual([0, 1, 1, 3, 0, 0]);
    expect(m.counts.get('Qwen')?.finetune).toEqual([0, 0, 0, 0, 1, 2]);
    expect(m.undated).toBe(1);
    const withOwn = monthlyDerivatives(ix, everything(ix), families);
    expect(withOwn.counts.get('Qwen')?.finetune).toEqual([0, 0, 0, 0, 1, 3]);
  });

  it('gives shares of all crawled families per month, null for an empty month', () => {
    const rows = timelineRows(m, 'all');
    const at = (month: string, family: string) => rows.find((r) => r.month === month && r.family === family);
    expect(at('2023-04', 'Qwen')).toMatchObject({ count: 3, share: 0.75 });
    expect(at('2023-04', 'meta-llama')).toMatchObject({ count: 1, share: 0.25 });
    expect(at('2023-01', 'Qwen')).toMatchObject({ count: 0, share: 0 });
    const split = timelineRows(m, 'split');
    expect(new Set(split.map((r) => r.relation))).toEqual(new Set(['finetune', 'quantized']));
    const q = split.find((r) => r.month === '2023-05' && r.family === 'Qwen' && r.relation === 'quantized');
    expect(q).toMatchObject({ count: 0, share: null });
  });

  it('finds when one family passed another, month by month and on a trailing window', () => {
    // Every call counts here (minimum 1): the small-sample rule has its own tests (crossover.test.ts).
    expect(crossover(m, 'Qwen', 'meta-llama', 'all', 1, 1)).toMatchObject({
      relation: 'all',
      passes: [{ month: '2023-04', passer: 'Qwen', passed: 'meta-llama' }],
      leader: 'Qwen',
      since: '2023-04',
      throughout: false,
    });
    // Trailing 3 months: Llama 2,4,6,5,3,2 vs Qwen 0,1,2,5,5,6: a tie in April, ahead from May.
    expect(crossover(m, 'Qwen', 'meta-llama', 'all', 3, 1)).toMatchObject({
      passes: [{ month: '2023-05', passer: 'Qwen', passed: 'meta-llama' }],
      since: '2023-05',
    });
    expect(crossover(m, 'Qwen', 'meta-llama', 'finetune', 3, 1)).toMatchObject({ leader: 'Qwen', since: '2023-06' });
    expect(crossover(m, 'Qwen', 'meta-llama', 'quantized', 3, 1)).toMatchObject({
      relation: 'quantized',
      passes: [],
      leader: 'Qwen',
      since: '2023-02',
      throughout: true,
    });
    expect(crossover(m, 'meta-llama', 'Qwen', 'all', 3, 1)).toEqual(crossover(m, 'Qwen', 'meta-llama', 'all', 3, 1));
  });

  it('lets level months (often both at zero) neither break a lead nor start one', () => {
    const series = (finetune: number[]) => ({
      finetune,
      adapter: [0, 0, 0, 0, 0],
      quantized: [0, 0, 0, 0, 0],
      merge: [0, 0, 0, 0, 0],
      unknown: [0, 0, 0, 0, 0],
    });
    const sparse = {
      months: ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05'],
      families: ['a', 'b'],
      counts: new Map([
        ['a', series([0, 3, 0, 0, 2])],
        ['b', series([1, 0, 0, 0, 1])],
      ]),
      undated: 0,
      outOfRange: 0,
      legacy: 0,
    };
    expect(crossover(sparse, 'a', 'b', 'all', 1, 1)).toMatchObject({
      passes: [{ month: '2024-02', passer: 'a', passed: 'b' }],
      leader: 'a',
      since: '2024-02',
    });
    expect(describeCrossover(crossoverAnswer(sparse, 'b', 'a', 1, 1))).toMatch(
      /^b has been behind a since 2024-02, when a passed it \(new derivatives per month\)\. .*By relation: finetune: a ahead since 2024-02 \(1 change\)\./,
    );
  });

  it('answers "when, and by which relation" in words, with the numbers behind it', () => {
    const ans = crossoverAnswer(m, 'Qwen', 'meta-llama', 3, 1);
    expect(ans.lead).toEqual([
      { relation: 'quantized', difference: 3 },
      { relation: 'finetune', difference: -1 },
    ]);
    expect(describeCrossover(ans)).toBe(
      'Qwen passed meta-llama as a base in 2023-05 (new derivatives per trailing 3 months) and has stayed ahead since. ' +
        'By relation: finetune: Qwen ahead since 2023-06 (1 change); quantized: Qwen ahead throughout. ' +
        "Qwen's lead by relation in the 3 months to 2023-05: quantized +3, finetune −1.",
    );
    expect(describeCrossover(crossoverAnswer(m, 'meta-llama', 'Qwen', 3, 1))).toBe(
      'meta-llama has been behind Qwen since 2023-05, when Qwen passed it (new derivatives per trailing 3 months). ' +
        'By relation: finetune: Qwen ahead since 2023-06 (1 change); quantized: Qwen ahead throughout. ' +
        "Qwen's lead by relation in the 3 months to 2023-05: quantized +3, finetune −1.",
    );
    expect(leaders(m)).toEqual(['Qwen', 'meta-llama']);
  });

  it('is empty, not broken, for a scope without derivatives', () => {
    const empty = monthlyDerivatives(ix, maskOf(ix, ['Qwen/base']), families);
    expect(empty.months).toEqual([]);
    expect(timelineRows(empty, 'split')).toEqual([]);
    expect(describeCrossover(crossoverAnswer(empty, 'Qwen', 'meta-llama'))).toMatch(/^Too few derivatives to call/);
  });
});
