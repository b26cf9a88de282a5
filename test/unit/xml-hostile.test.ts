// Every XML document the app writes is well-formed whatever Hub text it holds (issue: GEXF failed 62 of 88 hostile
// strings, GraphML 4): ids and attributes carrying C0 controls, U+FFFE/U+FFFF, lone surrogates and markup give
// documents a strict parser accepts, that read back to the same text with only the impossible characters replaced
// (and counted), and the charts' SVG likewise.
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../src/charts/render.ts';
import { barSpec, DIRECTION_SERIES } from '../../src/charts/specs.ts';
import { exportFiles, exportParts } from '../../src/export/files.ts';
import { gexf, graphml } from '../../src/export/formats.ts';
import { XmlText } from '../../src/export/xml.ts';
import { SafeGraph } from '../../src/graph/safe-keys.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { edge, node } from './fixtures.ts';
import { assertWellFormedXml } from './xml-check.ts';

const C0 = Array.from({ length: 32 }, (_v, i) => `c0-${String.fromCharCode(i)}-x`);
export const HOSTILE: string[] = [
  ...C0,
  '\u007f',
  '\u0085',
  '\u2028\u2029',
  '\ufeffbom',
  '\ufffe',
  '\uffff',
  'a\ufffeb\uffffc',
  '\ud800',
  '\udfff',
  'x\ud83dy',
  'x\ude00y',
  '\ude00\ud83d',
  '😀 ok pair',
  '\ud83d\ude00\ud800',
  '&',
  '&amp;',
  '&#1;',
  '&#x0;',
  '&#xFFFE;',
  '&lt;',
  '&nbsp;',
  '<',
  '>',
  '<script>alert(1)</script>',
  '"',
  "'",
  '"\'"',
  ']]>',
  '<![CDATA[x]]>',
  '<!-- c -->',
  '--',
  '-->',
  '<?xml version="1.0"?>',
  '<!DOCTYPE x [<!ENTITY e "boom">]>&e;',
  'a\tb',
  'a\nb',
  'a\rb',
  'a\r\nb',
  ' lead',
  'trail ',
  '  ',
  '',
  '__proto__',
  'constructor',
  'toString',
  '=cmd|"/c calc"!A1',
  '${x}',
  '\\u0000',
  'x'.repeat(5000),
  '\u0000'.repeat(100),
  'мир',
  '中文',
  'עברית',
  '\u202etxt.exe',
  '\u200b',
  '\u{10ffff}',
  '\u{1f600}\u{1f600}',
  'a\u0000b\u0001c\u0002d',
  '\u001b[31mred\u001b[0m',
  '\u001b]0;title\u0007',
  'xmlns="evil"',
  'id="x" onload="y"',
  '/',
  'org/name',
];

const REPLACED =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const expected = (s: string): string => s.replace(REPLACED, '\ufffd');

function hostileLineage(text: string): Lineage {
  const nodes = [
    node(`root/${text}`, { author: text, family: text, license: text, pipeline_tag: text, library_name: text }),
    node(`child/${text}`, { created_at: text, last_modified: text }),
  ];
  return { nodes, edges: [edge(`root/${text}`, `child/${text}`)] };
}

describe('XML exports of hostile text', () => {
  it(`has ${HOSTILE.length} hostile strings to try`, () => expect(HOSTILE.length).toBeGreaterThanOrEqual(88));

  it('writes well-formed GEXF that reads back with only impossible characters replaced, and counts them', () => {
    for (const text of HOSTILE) {
      const l = hostileLineage(text);
      const xml = new XmlText();
      const doc = gexf(l, { xml });
      expect(() => assertWellFormedXml(doc), JSON.stringify(text)).not.toThrow();
      const g = parseGexf(SafeGraph, doc);
      const root = expected(`root/${text}`);
      expect(g.nodes()).toEqual([root, expected(`child/${text}`)]);
      expect(g.getNodeAttributes(root)).toMatchObject({ author: expected(text), license: expected(text) });
      const bad = [...`root/${text}`.matchAll(REPLACED)].length;
      expect(xml.replaced).toBeGreaterThanOrEqual(bad);
      if (bad > 0) expect(doc).toContain('replaced by U+FFFD');
    }
  });

  it('writes well-formed GraphML that reads back the same way', () => {
    for (const text of HOSTILE) {
      const doc = graphml(hostileLineage(text));
      expect(() => assertWellFormedXml(doc), JSON.stringify(text)).not.toThrow();
      const g = parseGraphml(SafeGraph, doc);
      const root = expected(`root/${text}`);
      expect(g.getNodeAttribute(root, 'license'), JSON.stringify(text)).toBe(expected(text));
    }
  });

  it('draws charts of hostile labels (the license-changes chart) as well-formed SVG', async () => {
    const rows = HOSTILE.slice(0, 90).map((label, i) => ({
      label: `${label}→${i}`,
      value: i + 1,
      series: DIRECTION_SERIES.domain[i % 4] as string,
    }));
    const svg = await chartSvg(
      barSpec(rows, { valueTitle: 'edges', labelTitle: 'license', width: 400, series: DIRECTION_SERIES }),
    );
    expect(() => assertWellFormedXml(svg)).not.toThrow();
    expect(svg).toContain('<svg');
  });
});

describe('export files of hostile text', () => {
  it('say how many characters their writer replaced', () => {
    const meta = { hub: 'h', orgs: ['x'], roots: [], crawledAt: '2026-01-01' };
    const l = hostileLineage('a\u0000b\uffff');
    for (const format of ['gexf', 'graphml'] as const) {
      const [file] = exportFiles(l, format, 'stem', meta);
      expect(file?.warnings?.[0]).toMatch(/characters that XML cannot carry/);
      assertWellFormedXml(String(file?.text ?? ''));
    }
    const [clean] = exportFiles(hostileLineage('plain'), 'gexf', 'stem', meta);
    expect(clean?.warnings).toEqual([]);
    const [parts] = exportParts(hostileLineage('plain'), 'gexf', 'stem', meta);
    expect([...(parts?.parts ?? [])].join('')).toBe(clean?.text);
  });
});
