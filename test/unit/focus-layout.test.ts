// A focused subtree laid out on its own (layout/focus.ts): the focused model at the centre of its disc with its
// children all around it (not stacked in the wedge the whole graph gave it), the ancestry to its left, every other
// model at the focused model's place, rooms that never meet, and the same positions every time.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { descendants } from '../../src/graph/queries.ts';
import { ANCESTRY_DISC, prepareFocusLayout, spreadFocus, SUBTREE_DISC } from '../../src/layout/focus.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import { syntheticLineage } from '../bench/synthetic.ts';

const graph = createLineageGraph(syntheticLineage(3000, 5));
// A model two generations down with many children: its subtree, its ancestry, and the rest of the graph.
const focus = graph
  .nodes()
  .filter((id) => graph.inDegree(id) > 0)
  .sort((a, b) => graph.outDegree(b) - graph.outDegree(a) || (a < b ? -1 : 1))[0] as string;

function focused() {
  const ids = graph.nodes().sort();
  const prepared = prepareFocusLayout(graph, focus);
  const m = prepared.ids.length;
  const placed = new Float32Array(3 * m);
  placed.set(radialLayout(prepared.input, placed.subarray(2 * m)));
  const out = spreadFocus(ids, prepared, placed);
  const index = new Map(ids.map((id, i) => [id, i]));
  const at = (id: string): [number, number] => {
    const i = index.get(id) as number;
    return [out.xy[2 * i] as number, out.xy[2 * i + 1] as number];
  };
  return { ids, prepared, out, index, at };
}

describe('a focused subtree laid out on its own', () => {
  it('puts the focused model at the centre, its children all around it', () => {
    const { at } = focused();
    const [fx, fy] = at(focus);
    const children = graph.outNeighbors(focus);
    expect(children.length).toBeGreaterThan(10);
    const angles = children.map((c) => Math.atan2(at(c)[1] - fy, at(c)[0] - fx)).sort((a, b) => a - b);
    // The largest angular gap between neighbouring children: small when they surround the model.
    const gaps = angles.map((a, i) =>
      i === 0 ? a + 2 * Math.PI - (angles.at(-1) as number) : a - (angles[i - 1] as number),
    );
    expect(Math.max(...gaps)).toBeLessThan(Math.PI / 2);

    // In the whole graph's layout the same children are crowded into the focused model's wedge.
    const whole = prepareLayout(graph, ['Qwen', 'meta-llama']);
    const xy = radialLayout(whole.input);
    const i = whole.ids.indexOf(focus);
    const wholeAngles = children.map((c) => {
      const j = whole.ids.indexOf(c);
      return Math.atan2(
        (xy[2 * j + 1] as number) - (xy[2 * i + 1] as number),
        (xy[2 * j] as number) - (xy[2 * i] as number),
      );
    });
    const spread = (a: number[]) => Math.max(...a) - Math.min(...a);
    expect(spread(angles)).toBeGreaterThan(spread(wholeAngles));
  });

  it('draws the ancestry left of the subtree, hides the rest at the focused model, and keeps rooms apart', () => {
    const { ids, prepared, out, index, at } = focused();
    const [fx, fy] = at(focus);
    const subtree = new Set([focus, ...descendants(graph, focus)]);
    const left = Math.min(...[...subtree].map((id) => at(id)[0] - (out.room[index.get(id) as number] as number)));
    const above = graph.inNeighbors(focus);
    expect(above.length).toBeGreaterThan(0);
    for (const p of above) {
      expect(out.disc[index.get(p) as number]).toBe(ANCESTRY_DISC);
      expect(at(p)[0]).toBeLessThan(left);
    }
    for (const id of ids)
      if (!prepared.ids.includes(id)) {
        expect(at(id)).toEqual([fx, fy]);
        expect(out.room[index.get(id) as number]).toBe(0);
      } else if (subtree.has(id)) expect(out.disc[index.get(id) as number]).toBe(SUBTREE_DISC);
    const laid = prepared.ids.map((id) => index.get(id) as number);
    for (let a = 0; a < laid.length; a++)
      for (let b = a + 1; b < laid.length; b++) {
        const [i, j] = [laid[a] as number, laid[b] as number];
        const d = Math.hypot(
          (out.xy[2 * i] as number) - (out.xy[2 * j] as number),
          (out.xy[2 * i + 1] as number) - (out.xy[2 * j + 1] as number),
        );
        expect(d + 1e-3).toBeGreaterThanOrEqual((out.room[i] as number) + (out.room[j] as number));
      }
  });

  it('gives the same positions every time', () => {
    expect(focused().out).toEqual(focused().out);
  });
});
