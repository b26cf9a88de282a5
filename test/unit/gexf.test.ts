// The streamed GEXF writer: Gephi's format with typed attributes and the explorer's picture (viz), read back by
// graphology-gexf's parser into the same graph, and a 100,000-model lineage written chunk by chunk, never as one
// DOM or one string (500,000 models streamed to a file: `npm run bench -- --only export`).
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/export/files.ts';
import { gexf, gexfChunks } from '../../src/export/formats.ts';
import { SafeGraph } from '../../src/graph/safe-keys.ts';
import { NODE_COLUMNS, type Lineage, type ModelNode } from '../../src/lineage/types.ts';
import { node, smallLineage } from './fixtures.ts';
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
