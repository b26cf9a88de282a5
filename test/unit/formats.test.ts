// GEXF and GraphML exports parse back, with graphology's own parsers, into the same graph.
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { gexf, graphml } from '../../src/export/formats.ts';
import { node, smallLineage } from './fixtures.ts';

const lineage = smallLineage();
lineage.nodes[0] = node('Q/base', { license: 'a <b> & "c"', downloads: 42 });

describe('GEXF and GraphML', () => {
  it('writes GEXF that graphology-gexf reads back', () => {
    const g = parseGexf(Graph, gexf(lineage));
    expect(g.order).toBe(9);
    expect(g.size).toBe(8);
    expect(g.getNodeAttribute('Q/base', 'license')).toBe('a <b> & "c"');
    expect(g.getEdgeAttributes(g.edge('u/ft1', 'u/gguf')).relation).toBe('quantized');
  });

  it('writes GraphML that graphology-graphml reads back, escaping hostile text', () => {
    const g = parseGraphml(Graph, graphml(lineage));
    expect(g.order).toBe(9);
    expect(g.size).toBe(8);
    expect(g.getNodeAttribute('Q/base', 'license')).toBe('a <b> & "c"');
    expect(g.getNodeAttribute('Q/base', 'downloads')).toBe(42);
    expect(g.getEdgeAttributes(g.edge('Q/inst', 'u/merge')).relation).toBe('merge');
  });
});
