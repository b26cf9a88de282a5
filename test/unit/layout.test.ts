// The radial tree layout: deterministic, families apart, subtrees inside their parent's wedge.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout } from '../../src/layout/input.ts';
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
    // Llama's disc has one centre; ring distances from it grow by the same step for each generation.
    const llama = lineage.nodes.filter((n) => n.family === 'meta-llama');
    const xs = llama.map((n) => (pos.get(n.id) as [number, number])[0]);
    const ys = llama.map((n) => (pos.get(n.id) as [number, number])[1]);
    const centre = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    const radius = (id: string) =>
      Math.hypot(
        (pos.get(id)?.[0] as number) - (centre[0] as number),
        (pos.get(id)?.[1] as number) - (centre[1] as number),
      );
    const parentCount = new Map<string, number>();
    for (const e of lineage.edges) parentCount.set(e.child, (parentCount.get(e.child) ?? 0) + 1);
    const deeper = lineage.edges.filter(
      (e) =>
        byId.get(e.parent)?.family === 'meta-llama' &&
        byId.get(e.child)?.family === 'meta-llama' &&
        parentCount.get(e.child) === 1,
    );
    expect(deeper.length).toBeGreaterThan(100);
    for (const e of deeper) expect(radius(e.child)).toBeGreaterThan(radius(e.parent) - 1e-3);
  });
});
