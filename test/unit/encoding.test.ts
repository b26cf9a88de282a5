// Disc sizes stay within finite bounds whatever the counts say: `downloads: 1e308` must not draw one disc over
// the whole graph. Folded leaves are drawn while marked; a picture's legend counts what is drawn.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import {
  computeColors,
  computeFolding,
  countFolds,
  computeSizes,
  drawnLegend,
  incomingRelations,
  labelsWithFolds,
  MAX_NODE_SIZE,
  sizeOf,
  unfoldAt,
} from '../../src/view/encoding.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { emptyFilters } from '../../src/view/state.ts';
import { computeVisible, withoutFolded } from '../../src/view/visibility.ts';
import { node, smallLineage } from './fixtures.ts';

describe('disc sizes', () => {
  it('grow with the count, logarithmically, up to a finite bound', () => {
    const counts = [0, 10, 1e6, 1e9, 1e10, 1e12, 1e308, Number.MAX_VALUE, Infinity, NaN, -5];
    const graph = createLineageGraph({
      nodes: counts.map((downloads, i) => node(`u/m${i}`, { downloads })),
      edges: [],
    });
    const sizes = Array.from(
      computeSizes(rowsOfGraph(graph, graph.nodes()), 'downloads', new Float64Array(counts.length)),
    );
    expect(sizes.every((s) => Number.isFinite(s) && s >= 2 && s <= MAX_NODE_SIZE + 1e-4)).toBe(true);
    expect(MAX_NODE_SIZE).toBeLessThan(25);
    const [zero, ten, million, billion] = sizes as [number, number, number, number];
    expect(zero).toBe(2);
    expect(zero < ten && ten < million && million < billion).toBe(true);
    expect(sizeOf(1e308)).toBe(MAX_NODE_SIZE);
    expect(sizeOf(NaN)).toBe(2);
    expect(sizeOf(-5)).toBe(2);
  });
});

describe('folding and the legend of what is drawn', () => {
  const graph = createLineageGraph(smallLineage());
  const ids = graph.nodes().sort();
  const rows = rowsOfGraph(graph, ids);
  const relations = incomingRelations(rows);
  const folding = computeFolding(rows, relations);
  const at = (id: string): number => ids.indexOf(id);

  it('draws a folded leaf that is marked, and keeps the counts of what is folded', () => {
    expect(['u/gguf', 'u/lora', 'u/q4'].map((id) => folding.folded[at(id)])).toEqual([1, 1, 1]);
    const shown = unfoldAt(folding, [at('u/lora')]);
    const visible = withoutFolded(computeVisible(graph, rows, relations, emptyFilters(), null), shown);
    expect([visible[at('u/lora')], visible[at('u/gguf')], visible[at('u/q4')]]).toEqual([1, 0, 0]);
    expect(shown).toMatchObject({ quantizations: folding.quantizations, adapters: folding.adapters });
    // The folding itself is not changed, and nothing marked gives the folding as it is.
    expect(folding.folded[at('u/lora')]).toBe(1);
    expect(unfoldAt(folding, [])).toBe(folding);
  });

  it('counts what folding hides of the view: the leaves the filters and the time slider let through', () => {
    // u/q4 (a quantization of Q/inst) made later than the other leaves: the slider before it leaves it out.
    const base = smallLineage();
    const later = (n: (typeof base.nodes)[number]) => (n.id === 'u/q4' ? { ...n, created_at: '2025-06-01' } : n);
    const g = createLineageGraph({ ...base, nodes: base.nodes.map(later) });
    const r = rowsOfGraph(g, ids);
    const rel = incomingRelations(r);
    const early = computeVisible(g, r, rel, { ...emptyFilters(), asOf: '2025-03' }, null);
    expect(early[at('u/q4')]).toBe(0);
    const all = computeFolding(r, rel);
    const then = countFolds(r, rel, all.folded, early);
    // The later quantization is folded all the same, and not counted, on its parent's label or in all.
    expect(all.folded[at('u/q4')]).toBe(1);
    expect(all.perParent.get(at('Q/inst'))).toEqual({ quantized: 1, adapter: 0 });
    expect(then.perParent.has(at('Q/inst'))).toBe(false);
    expect([then.quantizations, then.adapters]).toEqual([all.quantizations - 1, all.adapters]);
    expect(labelsWithFolds(ids, then)[at('Q/inst')]).toBe('Q/inst');
    // Drawn: what passes, less what is folded.
    const drawn = withoutFolded(early, all);
    expect(ids.filter((_, i) => drawn[i])).toEqual(ids.filter((_, i) => early[i] && !all.folded[i]));
    expect(withoutFolded(early, null)).toBe(early);
  });

  it('counts only the drawn models per legend entry, leaving out entries with none drawn', () => {
    const { colors, legend } = computeColors(rows, 'family', relations, ['Qwen', 'meta-llama']);
    expect(legend.map((e) => [e.label, e.count])).toEqual([
      ['Qwen', 7],
      ['meta-llama', 2],
    ]);
    const visible = computeVisible(graph, rows, relations, emptyFilters(), 'L/base');
    expect(drawnLegend(legend, colors, visible).map((e) => [e.label, e.count])).toEqual([
      ['Qwen', 1],
      ['meta-llama', 2],
    ]);
    const onlyQwen = Uint8Array.from(ids, (id) => (id.startsWith('Q/') ? 1 : 0));
    expect(drawnLegend(legend, colors, onlyQwen).map((e) => [e.label, e.count])).toEqual([['Qwen', 2]]);
  });
});
