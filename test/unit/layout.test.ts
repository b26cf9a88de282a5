// The radial tree layout: deterministic, families apart, subtrees inside their parent's wedge.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout, prepareLayoutOf } from '../../src/layout/input.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import { edge, node } from './fixtures.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import { buildLineage } from '../../src/crawl/closure.ts';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import { generateHub } from '../hub/generate.ts';
import { parseModel } from '../../src/hub/parse.ts';
import type { Lineage } from '../../src/lineage/types.ts';

function syntheticLineage(size: number, seed: number): Lineage {
  const k = new Knowledge();
  const records = generateHub({ size, seed }).records.filter((r) => !r.private);
  k.apply(
    records.flatMap((r) => {
      const p = parseModel(r);
      return p.ok ? [{ t: 'model' as const, model: p.model }] : [];
    }),
  );
  return buildLineage(k, { orgs: ['Qwen', 'meta-llama'], roots: [] });
}

const lineage = syntheticLineage(5000, 2);

function positions(l: Lineage): Map<string, [number, number]> {
  const { ids, input } = prepareLayout(createLineageGraph(l), ['Qwen', 'meta-llama', 'other']);
  const xy = radialLayout(input);
  return new Map(ids.map((id, i) => [id, [xy[2 * i] as number, xy[2 * i + 1] as number]]));
}

describe('radial tree layout', () => {
  it('gives the same positions whatever order the graph was built in', () => {
    const a = positions(lineage);
    const shuffled: Lineage = { nodes: [...lineage.nodes].reverse(), edges: [...lineage.edges].reverse() };
    const b = positions(shuffled);
    expect(b).toEqual(a);
    for (const [x, y] of a.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });

  it('keeps each family in its own disc, apart from the others', () => {
    const pos = positions(lineage);
    const range = (family: string, axis: 0 | 1) => {
      const v = lineage.nodes.filter((n) => n.family === family).map((n) => pos.get(n.id)?.[axis] as number);
      return [Math.min(...v), Math.max(...v)] as const;
    };
    const apart = (a: readonly [number, number], b: readonly [number, number]) => a[1] < b[0] || b[1] < a[0];
    const [q, l] = [
      [range('Qwen', 0), range('Qwen', 1)],
      [range('meta-llama', 0), range('meta-llama', 1)],
    ] as const;
    expect(apart(q[0], l[0]) || apart(q[1], l[1])).toBe(true);
  });

  it('places every primary child one ring further out than its parent', () => {
    const pos = positions(lineage);
    const byId = new Map(lineage.nodes.map((n) => [n.id, n]));
    const at = (id: string) => pos.get(id) as [number, number];
    // Llama's disc: its roots (no Llama parent) share the first ring; rings are one spacing apart.
    const llama = lineage.nodes.filter((n) => n.family === 'meta-llama');
    const hasLlamaParent = new Set(
      lineage.edges.filter((e) => byId.get(e.parent)?.family === 'meta-llama').map((e) => e.child),
    );
    const roots = llama.filter((n) => !hasLlamaParent.has(n.id)).map((n) => at(n.id));
    expect(roots.length).toBeGreaterThan(1);
    expect(roots.length).toBeGreaterThan(2);
    // The circle through three roots: its centre is the disc's.
    const sorted = [...roots].sort((p, q) => p[0] - q[0]);
    const [a, b, c] = [sorted[0], sorted[sorted.length >> 1], sorted[sorted.length - 1]] as [number, number][];
    const [cx, cy] = circumcentre(a as [number, number], b as [number, number], c as [number, number]);
    const radius = ([x, y]: [number, number]) => Math.hypot(x - cx, y - cy);
    const step = radius(a as [number, number]);
    expect(step).toBeGreaterThan(0);
    for (const r of roots) expect(radius(r)).toBeCloseTo(step, 2);

    const parentCount = new Map<string, number>();
    for (const e of lineage.edges) parentCount.set(e.child, (parentCount.get(e.child) ?? 0) + 1);
    const deeper = lineage.edges.filter(
      (e) =>
        byId.get(e.parent)?.family === 'meta-llama' &&
        byId.get(e.child)?.family === 'meta-llama' &&
        parentCount.get(e.child) === 1,
    );
    expect(deeper.length).toBeGreaterThan(100);
    // Exactly one ring further: not the same ring, not two rings out.
    for (const e of deeper) expect(radius(at(e.child)) - radius(at(e.parent))).toBeCloseTo(step, 2);
  });
});

function circumcentre(
  [ax, ay]: [number, number],
  [bx, by]: [number, number],
  [cx, cy]: [number, number],
): [number, number] {
  const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  const a2 = ax * ax + ay * ay;
  const b2 = bx * bx + by * by;
  const c2 = cx * cx + cy * cy;
  return [
    (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d,
    (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d,
  ];
}

describe('preparing the layout from a lineage, without a graph', () => {
  it('gives what preparing it from the graph gives: ids, input and cache key', () => {
    const order = ['Qwen', 'meta-llama', 'other'];
    expect(prepareLayoutOf(lineage, order)).toEqual(prepareLayout(createLineageGraph(lineage), order));
    // Duplicates, a self-loop, a cycle edge, and a family outside the order, as a graph would hold them.
    const odd: Lineage = {
      nodes: [
        node('Qwen/a'),
        node('b/b', { family: 'mistralai', depth: 1 }),
        node('c/c', { depth: 2 }),
        node('b/b', { family: 'Qwen', downloads: 7 }),
      ],
      edges: [
        edge('Qwen/a', 'b/b'),
        edge('b/b', 'b/b'),
        edge('b/b', 'c/c', 'merge', true),
        edge('Qwen/a', 'c/c'),
        edge('Qwen/a', 'b/b', 'adapter'),
        edge('b/b', 'c/c', 'merge', false),
      ],
    };
    expect(prepareLayoutOf(odd, order)).toEqual(prepareLayout(createLineageGraph(odd), order));
    // Through the cache's columnar form, whose nodes are in id order: read by position, with the same result.
    for (const l of [lineage, odd]) {
      const columnar = encodeLineage(l);
      const decoded = decodeLineage(columnar);
      expect(decoded.nodes.map((n) => n.id)).toEqual([...new Set(l.nodes.map((n) => n.id))].sort());
      expect(prepareLayoutOf(decoded, order, columnar)).toEqual(prepareLayout(createLineageGraph(l), order));
    }
    expect(() => prepareLayoutOf({ nodes: [node('a/a')], edges: [edge('a/a', 'x/x')] }, order)).toThrow('unknown node');
  });
});
