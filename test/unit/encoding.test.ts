// Disc sizes stay within finite bounds whatever the counts say: `downloads: 1e308` must not draw one disc over
// the whole graph.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { computeSizes, MAX_NODE_SIZE, sizeOf } from '../../src/view/encoding.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { node } from './fixtures.ts';

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
