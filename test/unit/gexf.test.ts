// The streamed GEXF writer: Gephi's format with typed attributes and the explorer's picture (viz), read back by
// graphology-gexf's parser into the same graph, and a 100,000-model lineage written chunk by chunk, never as one
// DOM or one string (500,000 models streamed to a file: `npm run bench -- --only export`).
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/export/files.ts';
import { gexf, gexfChunks, graphml } from '../../src/export/formats.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import { familyOrderOf } from '../../src/view/encoding.ts';
import { SafeGraph } from '../../src/graph/safe-keys.ts';
import { NODE_COLUMNS, type Lineage, type ModelNode } from '../../src/lineage/types.ts';
import { edge, node, smallLineage } from './fixtures.ts';
import { assertWellFormedXml } from './xml-check.ts';

const meta = { hub: 'http://hub.test', orgs: ['Qwen', 'meta-llama'], roots: [], crawledAt: '2026-11-22T00:00:00Z' };

describe('GEXF', () => {
  it('reads back with graphology-gexf: the same nodes, edges, typed attributes and picture', () => {
    const lineage = smallLineage();
    lineage.nodes[0] = node('Q/base', { downloads: 123456789012, likes: 7, depth: 0, license: 'a <b> & "c"' });
    const doc = gexf(lineage, {
      visual: (id, i) => ({ x: i * 1.5, y: 1 - i, color: id.startsWith('L/') ? '#1c7ed6' : '#e8590c', size: 2 + i }),
    });
    assertWellFormedXml(doc);
    expect(doc).toContain('<attribute id="downloads" title="downloads" type="long"/>');
    expect(doc).toContain('<attribute id="depth" title="depth" type="integer"/>');
    const g = parseGexf(SafeGraph, doc);
    expect(g.nodes()).toEqual(lineage.nodes.map((n) => n.id));
    expect(g.edges().map((e) => [g.source(e), g.target(e), g.getEdgeAttribute(e, 'relation')])).toEqual(
      lineage.edges.map((e) => [e.parent, e.child, e.relation]),
    );
    for (const [i, n] of lineage.nodes.entries()) {
      const { label, x, y, color, size, ...attrs } = g.getNodeAttributes(n.id);
      const id = n.id;
      expect(attrs).toEqual(Object.fromEntries(NODE_COLUMNS.filter((c) => c !== 'id').map((c) => [c, n[c]])));
      expect({ label, x, y, size }).toEqual({ label: id, x: i * 1.5, y: 1 - i, size: 2 + i });
      expect(color).toBe(id.startsWith('L/') ? 'rgb(28,126,214)' : 'rgb(232,89,12)');
    }
    expect(g.getNodeAttribute('Q/base', 'downloads')).toBe(123456789012);
  });

  it("carries the explorer's picture in the app's and the worker's export files", () => {
    const [file] = exportFiles(smallLineage(), 'gexf', 'stem', meta);
    const g = parseGexf(SafeGraph, String(file?.text ?? ''));
    const a = g.getNodeAttributes('Q/base');
    expect(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0).toBe(true);
    expect(a.color).toMatch(/^rgb\(\d+,\d+,\d+\)$/);
    expect(g.getNodeAttribute('L/base', 'color')).not.toBe(a.color);
  });

  it('streams a 100,000-model lineage in bounded chunks', () => {
    const n = 100_000;
    const base = node('o/m', { created_at: '2025-01-01T00:00:00.000Z', license: 'apache-2.0' });
    const lineage: Lineage = { nodes: new Array<ModelNode>(n), edges: [] };
    for (let i = 0; i < n; i++) {
      lineage.nodes[i] = { ...base, id: `org${i % 997}/model-${i}`, downloads: i };
      if (i > 0)
        lineage.edges.push({
          parent: `org${(i >> 1) % 997}/model-${i >> 1}`,
          child: lineage.nodes[i]?.id as string,
          relation: 'finetune',
          cycle: false,
        });
    }
    let [chunks, bytes, largest] = [0, 0, 0];
    let [nodes, edges] = [0, 0];
    for (const chunk of gexfChunks(lineage)) {
      chunks++;
      bytes += chunk.length;
      largest = Math.max(largest, chunk.length);
      nodes += chunk.split('<node id=').length - 1;
      edges += chunk.split('<edge id=').length - 1;
    }
    expect([nodes, edges]).toEqual([n, n - 1]);
    expect(chunks).toBeGreaterThan(80);
    expect(largest).toBeLessThan(2_000_000);
    expect(bytes).toBeGreaterThan(50_000_000);
  });
});

describe('GEXF positions are the explorer’s', () => {
  // What the app does (ui/useExplorer.ts and the layout worker): the graph, laid out with the explorer's family order.
  function explorerPositions(lineage: Lineage, orgs: string[], roots: string[]): Map<string, [number, number]> {
    const { ids, input } = prepareLayout(createLineageGraph(lineage), familyOrderOf(orgs, roots));
    const xy = radialLayout(input);
    return new Map(ids.map((id, i) => [id, [xy[2 * i] as number, xy[2 * i + 1] as number]]));
  }

  function gexfPositions(text: string): Map<string, [number, number]> {
    const g = parseGexf(SafeGraph, text);
    return new Map(g.mapNodes((id, a) => [id, [a.x as number, a.y as number]]));
  }

  it('lays out the same data at the same positions (the command line’s default picture)', () => {
    const lineage = smallLineage();
    // Models outside the seeds ('other') and a family the seeds do not name, listed before 'other' by id: the
    // family order decides which disc goes where.
    lineage.nodes.push(node('a/ext', { family: 'zzz-extra' }), node('b/out', { family: 'other', depth: 0 }));
    lineage.edges.push(edge('b/out', 'u/merge', 'merge'));
    const [file] = exportFiles(lineage, 'gexf', 'stem', meta);
    const exported = gexfPositions(String(file?.text ?? ''));
    const explorer = explorerPositions(lineage, meta.orgs, meta.roots);
    expect([...exported.keys()].sort()).toEqual([...explorer.keys()].sort());
    for (const [id, [x, y]] of explorer) {
      expect(exported.get(id)?.[0], id).toBeCloseTo(x, 4);
      expect(exported.get(id)?.[1], id).toBeCloseTo(y, 4);
    }
  });

  it('writes the picture the app hands it for any subset: the explorer’s positions, colours and sizes', () => {
    const lineage = smallLineage();
    const explorer = explorerPositions(lineage, meta.orgs, meta.roots);
    // A selection of three models keeps where the explorer put them (a fresh layout of the three would not).
    const subset: Lineage = { nodes: lineage.nodes.filter((n) => n.id.startsWith('u/')).slice(0, 3), edges: [] };
    const ids = subset.nodes.map((n) => n.id);
    const picture = {
      xy: Float64Array.from(ids.flatMap((id) => explorer.get(id) as [number, number])),
      size: Float64Array.from(ids, (_, i) => 3 + i),
      color: ids.map(() => '#4263eb'),
    };
    const [file] = exportFiles(subset, 'gexf', 'stem', meta, picture);
    const g = parseGexf(SafeGraph, String(file?.text ?? ''));
    for (const [i, id] of ids.entries()) {
      const a = g.getNodeAttributes(id);
      expect([a.x, a.y]).toEqual(explorer.get(id));
      expect([a.size, a.color]).toEqual([3 + i, 'rgb(66,99,235)']);
    }
    const [fresh] = exportFiles(subset, 'gexf', 'stem', meta);
    expect(gexfPositions(String(fresh?.text ?? ''))).not.toEqual(gexfPositions(String(file?.text ?? '')));
  });
});

describe('GraphML types', () => {
  it('declares the counts as integers, so tools read 12 downloads as 12, not 12.0', () => {
    const doc = graphml(smallLineage());
    expect(doc).toContain('<key id="depth" for="node" attr.name="depth" attr.type="int"/>');
    expect(doc).toContain('<key id="downloads" for="node" attr.name="downloads" attr.type="long"/>');
    expect(doc).toContain('<key id="likes" for="node" attr.name="likes" attr.type="long"/>');
    const xml = assertWellFormedXml(doc);
    const types = Array.from(xml.getElementsByTagName('key')).map((k) => [
      k.getAttribute('id'),
      k.getAttribute('attr.type'),
    ]);
    expect(types.filter(([, t]) => t === 'double' || t === 'float')).toEqual([]);
  });
});
