// The picture of the view as SVG (export/svg.ts): well-formed under a strict parser whatever Hub text the view
// holds, with the scene the renderer drew, the legend and the caption that names the Hub, seeds, data and date.
import { describe, expect, it } from 'vitest';
import {
  frameLayout,
  pictureCaption,
  sizeNotes,
  type PictureNotes,
  type PictureScene,
} from '../../src/view/picture-frame.ts';
import { viewSvg } from '../../src/export/svg.ts';
import { sizeOf } from '../../src/view/encoding.ts';
import { assertWellFormedXml } from './xml-check.ts';

const HOSTILE = [
  '<script>alert(1)</script>',
  'a & b "c" \'d\'',
  ']]><!-- -->',
  'tab\there\nnew\rline',
  'c0-\u0001-\u001f',
  'lone-\ud800-surrogate',
  '\ufffe\uffff',
  '&#1;&amp;',
  'x" onload="alert(1)',
];

function scene(labels: string[]): PictureScene {
  return {
    width: 400,
    height: 300,
    background: '#f7f7f8',
    ink: '#000000',
    font: 'Arial',
    labelSize: 14,
    edges: [{ x0: 10, y0: 10, x1: 100, y1: 120, color: '#dee2e6', width: 1 }],
    nodes: labels.map((id, i) => ({ id, x: 20 + i * 30, y: 50, r: 4, color: '#4263eb', marked: i === 0 })),
    labels: labels.map((text, i) => ({ text, x: 27 + i * 30, y: 55 })),
  };
}

function notes(text: string): PictureNotes {
  return {
    colourTitle: 'Colour: family',
    colours: [
      { label: text, color: '#4263eb', count: 12 },
      { label: 'meta-llama', color: '#f76707', count: 3 },
    ],
    ...sizeNotes('downloads'),
    caption: pictureCaption({
      hub: `http://hub.test/${text}`,
      orgs: ['Qwen', text],
      roots: [],
      crawledAt: '2026-11-22T10:00:00.000Z',
      models: 15,
      shown: 12,
      scope: '',
      exportedAt: new Date('2026-12-01T18:00:00Z'),
    }),
  };
}

const texts = (doc: Document, tag: string): string[] =>
  Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent ?? '');

describe('the view as SVG', () => {
  it('is well-formed and reads back every hostile label, legend entry and caption line as written', () => {
    for (const text of HOSTILE) {
      const { text: svg } = viewSvg(scene([text, 'Qwen/Qwen2.5-7B']), notes(text));
      const doc = assertWellFormedXml(svg);
      expect(doc.documentElement.tagName).toBe('svg');
      const all = texts(doc, 'text');
      // Characters XML cannot carry become U+FFFD; everything else reads back as it was.
      // eslint-disable-next-line no-control-regex
      const carried = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/g, '\ufffd');
      expect(all, text).toContain(carried);
      expect(all.some((t) => t.includes('Qwen/Qwen2.5-7B'))).toBe(true);
      const ids = Array.from(doc.getElementsByTagName('circle')).map((c) => c.getAttribute('data-id'));
      expect(ids).toContain(carried);
      // No element or attribute came from the text: only the writer's own.
      expect(doc.getElementsByTagName('script').length).toBe(0);
      for (const c of Array.from(doc.getElementsByTagName('circle'))) expect(c.hasAttribute('onload')).toBe(false);
    }
  });

  it('counts and reports the characters it had to replace', () => {
    expect(viewSvg(scene(['plain']), notes('plain')).warning).toBeNull();
    const { text, warning } = viewSvg(scene(['c0-\u0001']), notes('ok'));
    // The label is written twice: as the disc's id and as its text.
    expect(warning).toMatch(/SVG: 2 characters/);
    expect(text).toContain(`<!-- ${warning} -->`);
  });

  it('draws the scene, the legend (colours and sizes) and the caption naming Hub, seeds, data and date', () => {
    const doc = assertWellFormedXml(viewSvg(scene(['Qwen/Qwen2.5-7B', 'u/ft']), notes('Qwen')).text);
    const all = texts(doc, 'text');
    expect(all).toEqual(expect.arrayContaining(['Colour: family', 'Qwen (12)', 'meta-llama (3)']));
    expect(all).toContain('Disc size: downloads (log scale)');
    expect(all).toContain('1,000 downloads');
    expect(all).toContain('Hub: http://hub.test/Qwen');
    expect(all).toContain('Seeds: orgs Qwen, Qwen');
    expect(all).toContain('Data: crawl of 2026-11-22T10:00:00.000Z');
    expect(all).toContain('Exported 2026-12-01');
    expect(texts(doc, 'title')[0]).toBe('Forkscope lineage of 12 of 15 models');
    const circles = Array.from(doc.getElementsByTagName('circle'));
    const graphDiscs = circles.filter((c) => c.getAttribute('data-id'));
    expect(graphDiscs.map((c) => [c.getAttribute('cx'), c.getAttribute('r'), c.getAttribute('fill')])).toEqual([
      ['20', '4', '#4263eb'],
      ['50', '4', '#4263eb'],
    ]);
    // The size legend's discs are the sizes the explorer draws for those counts.
    const legendRadii = circles.map((c) => Number(c.getAttribute('r')));
    expect(legendRadii).toContain(Math.round(sizeOf(1000) * 100) / 100);
    expect(doc.getElementsByTagName('line').length).toBeGreaterThanOrEqual(1);
  });

  it('refuses colours and numbers that are not ones', () => {
    const bad = scene(['a']);
    bad.nodes[0] = { id: 'a', x: NaN, y: Infinity, r: 3, color: 'red" onclick="x', marked: false };
    const doc = assertWellFormedXml(viewSvg(bad, notes('a')).text);
    const c = Array.from(doc.getElementsByTagName('circle')).find((e) => e.getAttribute('data-id') === 'a');
    expect([c?.getAttribute('cx'), c?.getAttribute('cy'), c?.getAttribute('fill')]).toEqual(['0', '0', '#868e96']);
  });

  it('places the legend beside the graph and the caption under both, cutting long lines', () => {
    const n = notes('x'.repeat(500));
    const frame = frameLayout({ width: 400, height: 300 }, n);
    expect(frame.width).toBeGreaterThan(400);
    const caption = frame.marks.filter((m) => m.y > frame.panel.h);
    expect(caption).toHaveLength(n.caption.length);
    expect(frame.height).toBeGreaterThan(Math.max(...caption.map((m) => m.y)));
    for (const m of frame.marks) if (m.kind === 'text') expect(m.text.length).toBeLessThanOrEqual(100);
  });
});
