// The dynamics worker works on the stored columns, with no graph (src/workers/dynamics.ts): its index, its scope and
// its kind filter must be the ones the graph gives, on a lineage with the awkward cases (merges whose parents come
// in either order, repeated edges, self-loops, cycle edges, undated and distilled models, several pipelines).
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { decodeLineage, encodeLineage, readColumnar, type ColumnarLineage } from '../../src/lineage/columnar.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { keepKind, keepKindOf, kindFilter } from '../../src/stats/kinds.ts';
import { incomingOf, indexColumnar, indexLineage, type LineageIndex } from '../../src/stats/lineage-index.ts';
import { emptyFilters, type Filters } from '../../src/view/state.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { computeVisible } from '../../src/view/visibility.ts';
import { dynamicsSource } from '../../src/workers/dynamics.ts';
import { visibleIn } from '../../src/workers/dynamics-scope.ts';
import { syntheticLineage } from '../bench/synthetic.ts';
import { edge, node, smallLineage } from './fixtures.ts';

const NOW = Date.UTC(2026, 0, 1);

function awkwardLineage(): Lineage {
  const lineage = syntheticLineage(1500, 3);
  const small = smallLineage();
  lineage.nodes.push(
    ...small.nodes,
    node('deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', { created_at: '' }),
    node('x/other-merge', { pipeline_tag: 'image-text-to-text', library_name: 'peft' }),
    node('x/later', { created_at: '2099-01-01T00:00:00Z', pipeline_tag: '' }),
    node('12'),
    node('x/two'),
  );
  lineage.edges.push(
    ...small.edges,
    edge('Q/base', 'deepseek-ai/DeepSeek-R1-Distill-Qwen-7B', 'finetune'),
    // Its parents in the other order than u/merge's, the first one repeated with another relation.
    edge('L/base', 'x/other-merge', 'finetune'),
    edge('Q/inst', 'x/other-merge', 'merge'),
    edge('L/base', 'x/other-merge', 'adapter'),
    edge('x/later', 'x/later', 'finetune'),
    edge('u/merge', 'Q/base', 'finetune', true),
    edge('L/inst', 'x/later', 'quantized'),
    // "12" is an array-index key: the graph lists it before the parent added first, so x/two is a fine-tune.
    edge('Q/base', 'x/two', 'adapter'),
    edge('12', 'x/two', 'finetune'),
  );
  return lineage;
}

/** An index as plain data, Map and typed arrays included, for a deep comparison. */
const plain = (ix: LineageIndex) => ({ ...ix, position: [...ix.position] });

describe('the dynamics worker’s columnar index', () => {
  const lineage = awkwardLineage();
  // The graph the app builds from the cache, whose columns hold the models in id order.
  const graph = createLineageGraph(decodeLineage(encodeLineage(lineage)));
  const fromGraph = indexLineage(graph, graph.nodes(), { now: NOW });
  const rows = readColumnar(encodeLineage(lineage));
  const fromColumns = indexColumnar(rows, { now: NOW });

  it('equals the index built from the graph, field by field', () => {
    expect(fromColumns).not.toBeNull();
    expect(plain(fromColumns as LineageIndex)).toEqual(plain(fromGraph));
    // The awkward cases are there: a merge, a cycle edge, a repeated edge kept once with its last relation.
    const at = (id: string) => fromGraph.position.get(id) as number;
    expect(incomingOf(fromGraph)[at('x/other-merge')]).toBe('merge');
    expect(incomingOf(fromGraph)[at('x/two')]).toBe('finetune');
    expect(fromGraph.parentStart[at('x/other-merge') + 1]! - fromGraph.parentStart[at('x/other-merge')]!).toBe(2);
    expect([...fromGraph.edgeCycle].some((c) => c === 1)).toBe(true);
  });

  it('reads every model as the decoded lineage has it', () => {
    const decoded = decodeLineage(encodeLineage(lineage));
    for (const i of [0, 1, 700, decoded.nodes.length - 1]) expect({ ...rows.node(i) }).toEqual(decoded.nodes[i]);
  });

  it('leaves repeated ids to the graph, which merges them, and the source gives the graph’s index', () => {
    // The codec writes one record per id; a cache written before it did may repeat one.
    const columns = withRowRepeated(encodeLineage(lineage), 3, 123456);
    expect(indexColumnar(readColumnar(columns), { now: NOW })).toBeNull();
    const merged = createLineageGraph(decodeLineage(columns));
    const src = dynamicsSource(columns);
    expect(src.ix.ids).toEqual(merged.nodes());
    expect(src.ix.downloads[3]).toBe(123456);
    expect(src.node(3).downloads).toBe(123456);
  });

  it('scopes as the explorer shows: filters, focus with its subtree and ancestry', () => {
    const src = dynamicsSource(encodeLineage(lineage));
    const relations = incomingOf(src.ix);
    const cases: [Partial<Filters>, string | null][] = [
      [{}, null],
      [{ relations: ['quantized', 'merge'], minDownloads: 2 }, null],
      [{ license: 'mit', createdFrom: '2024-03-01', asOf: '2024-09' }, null],
      [{}, 'Q/inst'],
      [{ maxDepth: 2 }, 'u/merge'],
      [{}, lineage.nodes[40]!.id],
      [{}, 'no/such-model'],
    ];
    for (const [f, focus] of cases) {
      const filters = { ...emptyFilters(), ...f };
      const expected = computeVisible(graph, rowsOfGraph(graph, src.ix.ids), relations, filters, focus);
      expect(visibleIn(src, filters, focus), JSON.stringify([f, focus])).toEqual(expected);
    }
    expect(visibleIn(src, emptyFilters(), 'Q/inst').reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
  });

  it('keeps the models of a kind as the graph-based filter does', () => {
    const src = dynamicsSource(encodeLineage(lineage));
    const all = new Uint8Array(src.ix.ids.length).fill(1);
    for (const kind of [kindFilter('language'), kindFilter('all', null, 'peft'), kindFilter('language', '')]) {
      const kept = keepKindOf(all, src.node, kind);
      expect(kept).toEqual(keepKind(all, graph, src.ix.ids, kind));
      expect(kept.reduce((a, b) => a + b, 0)).toBeLessThan(all.length);
    }
  });
});

/** A columnar record with row `row` repeated at its end, with other downloads (as an older cache could hold). */
function withRowRepeated(c: ColumnarLineage, row: number, downloads: number): ColumnarLineage {
  const text = Object.fromEntries(
    Object.entries(c.text).map(([k, joined]) => [k, `${joined}\n${joined.split('\n')[row] as string}`]),
  ) as ColumnarLineage['text'];
  const dicts = Object.fromEntries(
    Object.entries(c.dicts).map(([k, d]) => [
      k,
      { values: d.values, codes: Uint32Array.from([...d.codes, d.codes[row]!]) },
    ]),
  ) as ColumnarLineage['dicts'];
  return {
    ...c,
    count: c.count + 1,
    text,
    dicts,
    depth: Uint32Array.from([...c.depth, c.depth[row]!]),
    downloads: Float64Array.from([...c.downloads, downloads]),
    likes: Float64Array.from([...c.likes, c.likes[row]!]),
  };
}
