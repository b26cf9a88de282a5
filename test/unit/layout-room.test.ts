// Room in the layout: family discs packed without overlap into a landscape block, and each model's room (the
// largest disc that meets no other), checked against every pair of models.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { packDiscs, radialLayout } from '../../src/layout/radial.ts';
import { syntheticLineage } from '../bench/synthetic.ts';

describe('family discs', () => {
  it('never overlap, fit a landscape block, and are placed the same way every time', () => {
    const radii = [120, 8, 40, 3, 3, 60, 1, 25];
    const centres = packDiscs(radii);
    for (let i = 0; i < radii.length; i++)
      for (let j = i + 1; j < radii.length; j++) {
        const d = Math.hypot(centres[i]![0] - centres[j]![0], centres[i]![1] - centres[j]![1]);
        expect(d).toBeGreaterThan(radii[i]! + radii[j]!);
      }
    const xs = centres.flatMap(([x], i) => [x - radii[i]!, x + radii[i]!]);
    const ys = centres.flatMap(([, y], i) => [y - radii[i]!, y + radii[i]!]);
    const [w, h] = [Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)];
    // A strip of the same discs would be ~4.4 times as wide as tall; packed, the block is near the screen's shape.
    expect(w / h).toBeGreaterThan(0.8);
    expect(w / h).toBeLessThan(2.5);
    expect(packDiscs(radii)).toEqual(centres);
  });
});

describe("each model's room", () => {
  it('holds discs that never meet, on a synthetic lineage of several families', () => {
    const prepared = prepareLayout(createLineageGraph(syntheticLineage(1500, 3)), ['Qwen', 'meta-llama']);
    const n = prepared.ids.length;
    const room = new Float32Array(n);
    const xy = radialLayout(prepared.input, room);
    const meeting: string[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const d = Math.hypot(xy[2 * i]! - xy[2 * j]!, xy[2 * i + 1]! - xy[2 * j + 1]!);
        if (d + 1e-4 < room[i]! + room[j]!) meeting.push(`${prepared.ids[i]} / ${prepared.ids[j]}`);
      }
    expect(n).toBeGreaterThan(1000);
    expect(Math.min(...room)).toBeGreaterThan(0);
    expect(meeting.slice(0, 5)).toEqual([]);
  });
});
