// The explorer's current view as a standalone SVG: the edges, discs and labels the renderer drew (in its pixels,
// from render/picture.ts), clipped to the graph area, with the legend and caption of view/picture-frame.ts. Pure
// text: every piece of Hub text (model ids, family names, the Hub's address) goes through xml.ts, and colours
// and numbers are checked, so any data gives a well-formed document.
import { frameLayout, type FrameMark, type PictureNotes, type PictureScene } from '../view/picture-frame.ts';
import { XmlText } from './xml.ts';

const COLOR = /^(#[0-9a-f]{3,8}|rgba?\(\s*[\d.]+\s*,\s*[\d.]+\s*,\s*[\d.]+\s*(,\s*[\d.]+\s*)?\))$/i;
const FALLBACK = '#868e96';

/** A colour as SVG may take it, else a neutral grey (colours come from the palette; this is a fence). */
function color(c: string): string {
  return COLOR.test(c) ? c : FALLBACK;
}

/** A coordinate with two decimals, 0 for anything not finite. */
function num(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 100) / 100) : '0';
}

/** Fonts are ours (sigma's setting), but a name could still hold a quote: keep letters, digits, spaces, commas, dashes. */
function fontFamily(font: string): string {
  return font.replace(/[^\w ,-]/g, '') || 'sans-serif';
}

export interface SvgResult {
  text: string;
  /** What xml.ts had to replace, in words, or null. */
  warning: string | null;
}

export function viewSvg(scene: PictureScene, notes: PictureNotes): SvgResult {
  const xml = new XmlText();
  const frame = frameLayout(scene, notes);
  const ink = color(scene.ink);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(frame.width)}" height="${num(frame.height)}" ` +
      `viewBox="0 0 ${num(frame.width)} ${num(frame.height)}" font-family="${fontFamily(scene.font)}">`,
    `<title>${xml.escape(notes.caption[0] ?? 'Forkscope')}</title>`,
    `<desc>${xml.escape(notes.caption.join('\n'))}</desc>`,
    `<rect width="100%" height="100%" fill="${color(scene.background)}"/>`,
    `<defs><clipPath id="graph-area"><rect width="${num(scene.width)}" height="${num(scene.height)}"/></clipPath></defs>`,
    '<g clip-path="url(#graph-area)" class="graph">',
    '<g class="edges" stroke-linecap="round">',
  ];
  for (const e of scene.edges)
    out.push(
      `<line x1="${num(e.x0)}" y1="${num(e.y0)}" x2="${num(e.x1)}" y2="${num(e.y1)}" stroke="${color(e.color)}" stroke-width="${num(e.width)}"/>`,
    );
  out.push('</g>', '<g class="nodes">');
  for (const n of scene.nodes) {
    const id = xml.escape(n.id);
    out.push(`<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r)}" fill="${color(n.color)}" data-id="${id}"/>`);
    if (n.marked)
      out.push(
        `<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r + 3)}" fill="none" stroke="${ink}" stroke-width="2"/>`,
      );
  }
  out.push('</g>', `<g class="labels" fill="${ink}" font-size="${num(scene.labelSize)}">`);
  for (const l of scene.labels) out.push(`<text x="${num(l.x)}" y="${num(l.y)}">${xml.escape(l.text)}</text>`);
  out.push('</g>', '</g>');
  const p = frame.panel;
  out.push(
    `<line class="panel-edge" x1="${num(p.x)}" y1="0" x2="${num(p.x)}" y2="${num(p.h)}" stroke="${FALLBACK}" stroke-width="1"/>`,
    `<g class="legend" fill="${ink}">`,
    ...frame.marks.filter((m) => m.y < p.h).map((m) => mark(m, xml)),
    '</g>',
    `<g class="caption" fill="${ink}">`,
    ...frame.marks.filter((m) => m.y >= p.h).map((m) => mark(m, xml)),
    '</g>',
  );
  const warning = xml.report('SVG');
  if (warning) out.push(`<!-- ${warning} -->`);
  out.push('</svg>', '');
  return { text: out.join('\n'), warning };
}

function mark(m: FrameMark, xml: XmlText): string {
  if (m.kind === 'disc') return `<circle cx="${num(m.x)}" cy="${num(m.y)}" r="${num(m.r)}" fill="${color(m.color)}"/>`;
  const weight = m.bold ? ' font-weight="bold"' : '';
  return `<text x="${num(m.x)}" y="${num(m.y)}" font-size="${num(m.size)}"${weight}>${xml.escape(m.text)}</text>`;
}
