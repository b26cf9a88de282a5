// What the camera frames (view/framing.ts), on a real radial layout: everything visible, some models, or a picked
// model with its near lineage, never a cross-family merge child drawn in another family's disc.
import { describe, expect, it } from 'vitest';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { familyDiscs, frameBox, nearLineage, NEAR_SIBLINGS, type Box, type Placement } from '../../src/view/framing.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { edge, node } from './fixtures.ts';

const PICK = 'meta-llama/Llama-3.1-8B-Instruct';

/** A Llama disc (base → instruct → 30 fine-tunes, each with a child) and a larger Qwen disc, in which sit three merges
 * of the Llama instruct model with a Qwen one. */
function lineage(): Lineage {
  const llama = (id: string, depth: number) => node(id, { family: 'meta-llama', depth, downloads: 10 });
  const qwen = (id: string, depth: number) => node(id, { family: 'Qwen', depth, downloads: 10 });
  const nodes = [llama('meta-llama/Llama-3.1-8B', 0), llama(PICK, 1), qwen('Qwen/base', 0)];
  const edges = [edge('meta-llama/Llama-3.1-8B', PICK)];
  for (let i = 0; i < 30; i++) {
    nodes.push(llama(`u/ft-${i}`, 2), llama(`u/ft-${i}-q`, 3));
    edges.push(edge(PICK, `u/ft-${i}`), edge(`u/ft-${i}`, `u/ft-${i}-q`, 'quantized'));
  }
  for (let i = 0; i < 400; i++) {
    nodes.push(qwen(`q/ft-${i}`, 1));
    edges.push(edge('Qwen/base', `q/ft-${i}`));
  }
  for (let i = 0; i < 3; i++) {
    nodes.push(qwen(`m/merge-${i}`, 2));
    edges.push(edge(`q/ft-${i * 100}`, `m/merge-${i}`, 'merge'), edge(PICK, `m/merge-${i}`, 'merge'));
  }
  return { nodes, edges };
}

function placement(l: Lineage, hidden: (id: string) => boolean = () => false) {
  const graph = createLineageGraph(l);
  const { ids, input } = prepareLayout(graph, ['Qwen', 'meta-llama']);
  const room = new Float32Array(ids.length);
  const xy = radialLayout(input, room);
  const at: Placement = {
    ids,
    index: new Map(ids.map((id, i) => [id, i])),
    xy,
    room,
    visible: Uint8Array.from(ids, (id) => (hidden(id) ? 0 : 1)),
    disc: familyDiscs(rowsOfGraph(graph, ids)),
  };
  const pos = (id: string): [number, number] => {
    const i = at.index.get(id) as number;
    return [xy[2 * i] as number, xy[2 * i + 1] as number];
  };
  return { graph, at, pos };
}

const inside = (b: Box, [x, y]: [number, number]) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
const width = (b: Box) => b.x1 - b.x0;

describe('framing a picked model', () => {
  it('frames its parents, children and nearest siblings in its own disc, not merge children in another', () => {
    const { graph, at, pos } = placement(lineage());
    const near = nearLineage(graph, PICK, at);
    expect(near[0]).toBe(PICK);
    expect(near).toContain('meta-llama/Llama-3.1-8B');
    expect(near).toContain('u/ft-7');
    expect(near.filter((id) => id.startsWith('m/'))).toEqual([]);

    const box = frameBox(graph, { kind: 'pick', id: PICK }, at) as Box;
    for (const id of near) expect(inside(box, pos(id))).toBe(true);
    for (let i = 0; i < 3; i++) expect(inside(box, pos(`m/merge-${i}`))).toBe(false);
    // Centred on the pick.
    const [x, y] = pos(PICK);
    expect((box.x0 + box.x1) / 2).toBeCloseTo(x, 3);
    expect((box.y0 + box.y1) / 2).toBeCloseTo(y, 3);
    // Without discs (every model one disc), the merges would stretch the box across both families.
    const careless = frameBox(graph, { kind: 'pick', id: PICK }, { ...at, disc: undefined }) as Box;
    expect(width(careless)).toBeGreaterThan(3 * width(box));
  });

  it('takes the nearest siblings only, and none that are hidden', () => {
    const { graph, at, pos } = placement(lineage(), (id) => id === 'q/ft-1');
    const near = nearLineage(graph, 'q/ft-0', at);
    const siblings = near.filter((id) => id.startsWith('q/ft-') && id !== 'q/ft-0');
    expect(siblings).toHaveLength(NEAR_SIBLINGS);
    expect(siblings).not.toContain('q/ft-1');
    const d = (id: string) => Math.hypot(pos(id)[0] - pos('q/ft-0')[0], pos(id)[1] - pos('q/ft-0')[1]);
    const farthest = Math.max(...siblings.map(d));
    const others = graph.outNeighbors('Qwen/base').filter((s) => s !== 'q/ft-0' && s !== 'q/ft-1' && !near.includes(s));
    for (const s of others) expect(d(s)).toBeGreaterThanOrEqual(farthest - 1e-6);
  });
});

describe('framing what is visible', () => {
  it('holds every visible model and ignores hidden ones', () => {
    const { graph, at, pos } = placement(lineage());
    const all = frameBox(graph, { kind: 'visible' }, at) as Box;
    for (const id of at.ids) expect(inside(all, pos(id))).toBe(true);

    const llamaOnly = placement(lineage(), (id) => !id.startsWith('meta-llama/') && !id.startsWith('u/'));
    const box = frameBox(llamaOnly.graph, { kind: 'visible' }, llamaOnly.at) as Box;
    expect(inside(box, llamaOnly.pos('u/ft-3-q'))).toBe(true);
    expect(inside(box, llamaOnly.pos('q/ft-200'))).toBe(false);
    expect(width(box)).toBeLessThan(width(all) / 2);
  });

  it('frames named models that are visible, and nothing when none is', () => {
    const { graph, at, pos } = placement(lineage(), (id) => id === 'q/ft-5');
    const box = frameBox(graph, { kind: 'ids', ids: ['u/ft-1', 'u/ft-2', 'q/ft-5'] }, at) as Box;
    expect(inside(box, pos('u/ft-1')) && inside(box, pos('u/ft-2'))).toBe(true);
    expect(inside(box, pos('q/ft-5'))).toBe(false);
    expect(frameBox(graph, { kind: 'ids', ids: ['q/ft-5', 'nobody'] }, at)).toBeNull();
    expect(frameBox(graph, { kind: 'pick', id: 'nobody' }, at)).toBeNull();
  });

  it('shows a lone model among its neighbours rather than filling the screen with it', () => {
    const { graph, at } = placement(lineage());
    const i = at.index.get('u/ft-4-q') as number;
    const box = frameBox(graph, { kind: 'ids', ids: ['u/ft-4-q'] }, at) as Box;
    expect(width(box)).toBeGreaterThanOrEqual(8 * (at.room?.[i] as number) - 1e-6);
  });
});
