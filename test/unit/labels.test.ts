// The label placer: labels sigma offers are placed by rank once all are offered, never over one another, over a
// named disc, under the page's controls or past the canvas's edges; forced labels are drawn whatever they cover.
import { describe, expect, it } from 'vitest';
import type Sigma from 'sigma';
import type { Settings } from 'sigma/settings';
import type { Box } from '../../src/render/box-grid.ts';
import type { LabelBox } from '../../src/render/label-marks.ts';
import { LabelPlacer } from '../../src/render/labels.ts';

interface Node {
  x: number;
  y: number;
  size: number;
  label: string;
  hidden?: boolean;
}

const SETTINGS = { labelSize: 10, labelWeight: 'normal', labelFont: 'sans', labelColor: { color: '#000' } };
/** Each character 6 px wide. */
const CHAR = 6;

/** The parts of sigma the placer reads (positions already in viewport pixels), and a 2D context that records. */
function fakeSigma(nodes: Record<string, Node>, size = { width: 400, height: 300 }) {
  const sigma = {
    getSettings: () => SETTINGS,
    getDimensions: () => size,
    getNodeDisplayData: (key: string) => nodes[key],
    framedGraphToViewport: (d: { x: number; y: number }) => ({ x: d.x, y: d.y }),
    scaleSize: (s: number) => s,
  };
  const written: string[] = [];
  const marks: string[] = [];
  const none = (): void => undefined;
  const context = {
    font: '',
    fillStyle: '',
    measureText: (t: string) => ({ width: t.length * CHAR }),
    fillText: (t: string) => void written.push(t),
    // The labels' canvas cleared: what was written on it is gone.
    clearRect: () => void (written.length = 0),
    ...{ beginPath: none, moveTo: none, lineTo: none, arc: none, closePath: none },
    fill: () => void marks.push('mark'),
  };
  return {
    sigma: sigma as unknown as Sigma,
    context: context as unknown as CanvasRenderingContext2D,
    written,
    marks,
    size,
  };
}

/** One frame in sigma's order: beforeRender, its offers in `order`, the hover layer's marks (`hovers`), then
 * afterRender. Returns the labels written (the marks' texts after the labels'). */
function frame(
  placer: LabelPlacer,
  fake: ReturnType<typeof fakeSigma>,
  nodes: Record<string, Node>,
  order: string[],
  always: string[] = [],
  preferred: string[] = [],
  hovers: string[] = [],
): string[] {
  fake.written.length = 0;
  placer.reset(fake.sigma, always, preferred);
  const data = (key: string) => ({ key, ...(nodes[key] as Node), color: '#000' });
  for (const key of order) placer.draw(fake.context, data(key), SETTINGS as Settings);
  for (const key of hovers) placer.drawHover(fake.context, data(key), SETTINGS as Settings);
  placer.flush();
  return [...fake.written];
}

const meet = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('label placer', () => {
  it('names the most important of two crowding models, whatever order sigma offers them in', () => {
    const nodes = {
      small: { x: 50, y: 100, size: 3, label: 'obscure/derivative' },
      big: { x: 60, y: 104, size: 9, label: 'family/root' },
    };
    const placer = new LabelPlacer();
    placer.rank = (key) => (key === 'big' ? 10 : 1);
    const fake = fakeSigma(nodes);
    expect(frame(placer, fake, nodes, ['small', 'big'])).toEqual(['family/root']);
    expect(frame(placer, fake, nodes, ['big', 'small'])).toEqual(['family/root']);
  });

  it('draws no label under the controls over the canvas, past its edges, or over a named disc', () => {
    const nodes = {
      under: { x: 20, y: 285, size: 3, label: 'under/the-slider' },
      top: { x: 100, y: 2, size: 3, label: 'cut/at-the-top' },
      named: { x: 200, y: 150, size: 20, label: 'named' },
      over: { x: 120, y: 150, size: 3, label: 'runs/over-the-named-disc' },
    };
    const placer = new LabelPlacer();
    placer.covered = () => [{ x0: 0, y0: 270, x1: 300, y1: 300 }];
    placer.rank = (key) => (key === 'named' ? 10 : 1);
    const fake = fakeSigma(nodes);
    const drawn = frame(placer, fake, nodes, ['under', 'top', 'over', 'named']);
    // The disc at 120 has no room on the right (the named disc) and none on the left (the canvas's edge is 0).
    expect(drawn).toEqual(['named']);
    for (const b of placer.boxes) expect(b.x0 >= 0 && b.y0 >= 0 && b.x1 <= 400 && b.y1 <= 270).toBe(true);
  });

  it('puts a label on the left of its disc when the right runs past the canvas or is taken', () => {
    const nodes = {
      edge: { x: 380, y: 50, size: 3, label: 'near/the-right-edge' },
      a: { x: 200, y: 200, size: 3, label: 'first/on-the-right' },
      b: { x: 185, y: 200, size: 3, label: 'b' },
    };
    const placer = new LabelPlacer();
    placer.rank = (key) => (key === 'a' ? 2 : 1);
    const fake = fakeSigma(nodes);
    expect(frame(placer, fake, nodes, ['edge', 'b', 'a']).sort()).toEqual([
      'b',
      'first/on-the-right',
      'near/the-right-edge',
    ]);
    const boxOf = (text: string): LabelBox => placer.boxes[placer.labels.findIndex((l) => l.text === text)] as LabelBox;
    const [edge, a, b] = [boxOf('near/the-right-edge'), boxOf('first/on-the-right'), boxOf('b')];
    expect(edge.left && edge.x1 <= 380).toBe(true);
    expect(a.left).toBeFalsy();
    // b's right is a's disc: b goes left of its own, clear of a's label.
    expect(b.left && !meet(a, b)).toBe(true);
  });

  it('draws a forced label whatever it covers, and a lit one only where there is room', () => {
    const nodes = {
      picked: { x: 20, y: 285, size: 3, label: 'the/picked-model' },
      under: { x: 200, y: 285, size: 3, label: 'lit/under-the-slider' },
      clear: { x: 200, y: 100, size: 3, label: 'lit/in-the-open' },
    };
    const placer = new LabelPlacer();
    placer.covered = () => [{ x0: 0, y0: 270, x1: 400, y1: 300 }];
    const fake = fakeSigma(nodes);
    const drawn = frame(placer, fake, nodes, ['picked', 'under', 'clear'], ['picked'], ['under', 'clear']);
    expect(drawn).toEqual(['the/picked-model', 'lit/in-the-open']);
  });

  it('writes in the hover layer only the labels it placed, where it placed them', () => {
    // The parent's label would run over the picked one's: it is left out, and its white mark holds no text.
    const nodes = {
      picked: { x: 100, y: 100, size: 3, label: 'the/picked-model' },
      parent: { x: 60, y: 102, size: 3, label: 'its/parent-model-with-a-long-name' },
    };
    const placer = new LabelPlacer();
    const fake = fakeSigma(nodes);
    const written = frame(placer, fake, nodes, ['picked', 'parent'], ['picked'], ['parent'], ['picked', 'parent']);
    expect(written).toEqual(['the/picked-model', 'the/picked-model']);
    expect(fake.marks).toHaveLength(2);
    expect(placer.labels.map((l) => l.text)).toEqual(['the/picked-model']);
  });

  it('keeps two forced labels apart when a side of one is clear of the other', () => {
    const nodes = {
      picked: { x: 100, y: 100, size: 3, label: 'the/picked-model' },
      hovered: { x: 112, y: 103, size: 3, label: 'the/hovered-one' },
    };
    const placer = new LabelPlacer();
    const fake = fakeSigma(nodes);
    expect(frame(placer, fake, nodes, ['picked', 'hovered'], ['picked', 'hovered'])).toHaveLength(2);
    const [a, b] = placer.boxes as [Box, Box];
    expect(meet(a, b)).toBe(false);
  });

  it('says when the controls over the canvas moved since the last frame', () => {
    const nodes = { n: { x: 100, y: 100, size: 3, label: 'n' } };
    let covered = [{ x0: 0, y0: 270, x1: 300, y1: 300 }];
    const placer = new LabelPlacer();
    placer.covered = () => covered;
    frame(placer, fakeSigma(nodes), nodes, ['n']);
    expect(placer.coveredMoved()).toBe(false);
    covered = [...covered, { x0: 0, y0: 0, x1: 400, y1: 30 }];
    expect(placer.coveredMoved()).toBe(true);
  });

  it('places the labels again on their own canvas when the controls move, the lit ones where they were', () => {
    const nodes = {
      top: { x: 100, y: 20, size: 3, label: 'near/the-top' },
      low: { x: 100, y: 280, size: 3, label: 'near/the-bottom' },
      lit: { x: 250, y: 150, size: 3, label: 'picked/model' },
    };
    const bar = { x0: 0, y0: 0, x1: 400, y1: 30 };
    const slider = { x0: 0, y0: 265, x1: 400, y1: 300 };
    let covered = [bar];
    const placer = new LabelPlacer();
    placer.covered = () => covered;
    const fake = fakeSigma(nodes);
    expect(frame(placer, fake, nodes, ['top', 'low', 'lit'], ['lit'])).toEqual(['picked/model', 'near/the-bottom']);
    const litBox = placer.boxes[0];
    // The bar went and the time slider came: no frame from sigma, the labels alone placed again.
    covered = [slider];
    expect(placer.coveredMoved()).toBe(true);
    expect(placer.relabel()).toBe(true);
    expect(fake.written).toEqual(['picked/model', 'near/the-top']);
    expect(placer.boxes[0]).toEqual(litBox);
    expect(placer.coveredMoved()).toBe(false);
    for (const b of placer.boxes) expect(meet(b, slider)).toBe(false);
  });

  it('asks for a whole frame when a control comes over a lit label, or one that found no room now would', () => {
    const nodes = {
      picked: { x: 100, y: 280, size: 3, label: 'picked/model' },
      child: { x: 100, y: 15, size: 3, label: 'lit/child' },
    };
    const bar = { x0: 0, y0: 0, x1: 400, y1: 30 };
    let covered = [bar];
    const placer = new LabelPlacer();
    placer.covered = () => covered;
    const fake = fakeSigma(nodes);
    // The lineage's child finds no room under the bar; the picked model is named right of its disc.
    expect(frame(placer, fake, nodes, ['picked', 'child'], ['picked'], ['child'])).toEqual(['picked/model']);
    // The time slider comes over the picked label: it must take its left side, on the hover layer too.
    covered = [bar, { x0: 110, y0: 265, x1: 400, y1: 300 }];
    expect(placer.relabel()).toBe(false);
    frame(placer, fake, nodes, ['picked', 'child'], ['picked'], ['child']);
    // The bar goes: the child now has room.
    covered = [];
    expect(placer.relabel()).toBe(false);
  });

  it('reads the canvas size when the first label is drawn, not when the frame starts (sigma resizes between)', () => {
    const nodes = { n: { x: 250, y: 50, size: 3, label: 'twenty-characters-xx' } };
    const placer = new LabelPlacer();
    const fake = fakeSigma(nodes, { width: 400, height: 300 });
    placer.reset(fake.sigma, [], []);
    // The details panel opened: the canvas is narrower by the time sigma draws.
    fake.size.width = 300;
    placer.draw(fake.context, { key: 'n', ...nodes.n, color: '#000' }, SETTINGS as Settings);
    placer.flush();
    expect(placer.boxes[0]?.left).toBe(true);
  });

  it('never lets two labels meet, among hundreds offered in any order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const nodes: Record<string, Node> = {};
    for (let i = 0; i < 400; i++)
      nodes[`m${i}`] = {
        x: random() * 400,
        y: random() * 300,
        size: 1 + random() * 8,
        label: `model-${i}`.repeat(1 + (i % 3)),
      };
    const placer = new LabelPlacer();
    placer.rank = (key) => nodes[key]!.size;
    placer.covered = () => [{ x0: 300, y0: 0, x1: 400, y1: 40 }];
    const fake = fakeSigma(nodes);
    frame(placer, fake, nodes, Object.keys(nodes), ['m1'], ['m2', 'm3']);
    const boxes = placer.boxes;
    expect(boxes.length).toBeGreaterThan(20);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(meet(boxes[i]!, boxes[j]!)).toBe(false);
  });
});
