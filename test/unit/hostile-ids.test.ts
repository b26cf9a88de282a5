// Ids named like JavaScript built-ins (`__proto__`, `constructor`, …) are keys, never property names: a snapshot
// holding them goes through the parser, the graph, its queries, the search index, every statistic, the encodings,
// the layout, every export and `npm run export --dynamics` exactly like any other id.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { buildLineage } from '../../src/crawl/closure.ts';
import { Knowledge } from '../../src/crawl/knowledge.ts';
import { parseModel } from '../../src/hub/parse.ts';
import { edgesCsv, nodesCsv } from '../../src/export/csv.ts';
import { gexf, graphml, snapshotJson } from '../../src/export/formats.ts';
import { makeSnapshot, parseSnapshot } from '../../src/export/snapshot.ts';
import { createLineageGraph, lineageOf } from '../../src/graph/graph.ts';
import {
  ancestors,
  ancestryChain,
  childCounts,
  descendants,
  familyOf,
  incomingRelation,
  lineagePath,
  roots,
  subgraph,
} from '../../src/graph/queries.ts';
import { SafeGraph } from '../../src/graph/safe-keys.ts';
import { SearchIndex } from '../../src/graph/search-index.ts';
import { prepareLayout } from '../../src/layout/input.ts';
import { radialLayout } from '../../src/layout/radial.ts';
import { decodeLineage, encodeLineage } from '../../src/lineage/columnar.ts';
import { crossFamilyMerges, distillations } from '../../src/stats/crossings.ts';
import { crossoverAnswer } from '../../src/stats/crossover.ts';
import { licenseChanges } from '../../src/stats/licenses.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives, timelineRows } from '../../src/stats/timeline.ts';
import {
  computeColors,
  computeFolding,
  computeSizes,
  descendantShares,
  incomingRelations,
} from '../../src/view/encoding.ts';
import type { Lineage } from '../../src/lineage/types.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { edge, node } from './fixtures.ts';

const BUILT_INS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
];

/** Qwen/base → each built-in name (as a finetune), each one's own quantization, and a merge of two of them. Authors,
 * families and licenses are built-in names too. */
function hostileLineage(): Lineage {
  const nodes = [node('Qwen/base', { family: 'Qwen', created_at: '2025-01-03T00:00:00Z' })];
  const edges = [];
  for (const [i, name] of BUILT_INS.entries()) {
    const month = `2025-0${1 + (i % 6)}-10T00:00:00Z`;
    nodes.push(node(name, { author: name, family: name, license: name, library_name: name, created_at: month }));
    nodes.push(node(`${name}/q`, { author: name, family: name, created_at: month }));
    edges.push(edge('Qwen/base', name), edge(name, `${name}/q`, 'quantized'));
  }
  nodes.push(node('m/distil-x', { created_at: '2025-03-01T00:00:00Z' }));
  edges.push(edge('__proto__', 'm/distil-x', 'merge'), edge('constructor', 'm/distil-x', 'merge'));
  return { nodes, edges };
}

const meta = { hub: 'http://hub.test', orgs: ['Qwen', ...BUILT_INS], roots: [], crawledAt: '2026-11-22T00:00:00Z' };

function parsed(): Lineage {
  // Through JSON text, as a file or a download would arrive.
  const result = parseSnapshot(JSON.parse(JSON.stringify(makeSnapshot(hostileLineage(), meta))));
  if (!result.ok) throw new Error(result.error);
  return result.snapshot;
}

describe('ids named like JavaScript built-ins', () => {
  it('build a graph whose queries see every edge', () => {
    const g = createLineageGraph(parsed());
    expect(g.order).toBe(2 + 2 * BUILT_INS.length);
    expect(g.size).toBe(2 + 2 * BUILT_INS.length);
    for (const name of BUILT_INS) {
      expect(g.inNeighbors(name)).toEqual(['Qwen/base']);
      expect(g.outNeighbors(`${name}/q`)).toEqual([]);
      expect(incomingRelation(g, name)).toBe('finetune');
      expect(ancestors(g, `${name}/q`)).toEqual([name, 'Qwen/base']);
      expect(lineagePath(g, 'Qwen/base', `${name}/q`)).toEqual(['Qwen/base', name, `${name}/q`]);
      expect(familyOf(g, name)).toEqual([name, `${name}/q`]);
    }
    expect(g.hasEdge('toString', 'constructor')).toBe(false);
    expect(incomingRelation(g, 'm/distil-x')).toBe('merge');
    expect(ancestryChain(g, 'm/distil-x')[0]).toBe('Qwen/base');
    expect(descendants(g, 'Qwen/base')).toHaveLength(1 + 2 * BUILT_INS.length);
    expect(childCounts(g, '__proto__').direct).toMatchObject({ quantized: 1, merge: 1 });
    expect(roots(g)).toEqual(['Qwen/base']);
    const sub = subgraph(g, ['__proto__', '__proto__/q', 'constructor']);
    expect(sub.edges().length).toBe(1);
    expect(sub.inNeighbors('__proto__/q')).toEqual(['__proto__']);
    expect(lineageOf(g).edges).toHaveLength(g.size);
  });

  it('are found by the search index and survive the columnar codec', () => {
    const l = parsed();
    const index = new SearchIndex(
      l.nodes.map((n) => n.id),
      l.nodes.map((n) => n.downloads),
    );
    for (const name of BUILT_INS) expect(index.search(name)[0]?.id).toBe(name);
    const byId = [...l.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(decodeLineage(encodeLineage(l))).toEqual({ nodes: byId, edges: l.edges });
  });

  it('count in every statistic', () => {
    const g = createLineageGraph(parsed());
    const ix = indexLineage(g, g.nodes());
    const all = everything(ix);
    const s = scopeStructure(ix, all, ['Qwen']);
    expect(s.models).toBe(g.order);
    expect(s.edges).toBe(g.size);
    expect(s.reuploaders.map((r) => r.author).sort()).toEqual(['m', ...BUILT_INS].sort());
    expect(s.fanOut.find((f) => f.id === '__proto__')).toMatchObject({ children: 2, quantized: 1, merge: 1 });
    const m = monthlyDerivatives(ix, all, ['Qwen', ...BUILT_INS]);
    expect(m.counts.get('constructor')?.quantized.reduce((a, b) => a + b, 0)).toBe(1);
    expect(timelineRows(m, 'split').filter((r) => r.family === '__proto__' && r.count > 0)).toMatchObject([
      { month: '2025-01', relation: 'finetune', count: 1 },
      { month: '2025-01', relation: 'quantized', count: 1 },
    ]);
    expect(crossoverAnswer(m, '__proto__', 'constructor').a).toBe('__proto__');
    expect(licenseChanges(ix, all).filter((c) => c.childLicense === 'valueOf')).toHaveLength(1);
    expect(crossFamilyMerges(ix, all)[0]?.parentFamilies).toEqual(['__proto__', 'constructor']);
    expect(distillations(ix, all)).toEqual([]);
  });

  it('get colours, sizes, folds and a layout', () => {
    const g = createLineageGraph(parsed());
    const ids = g.nodes();
    const rows = rowsOfGraph(g, ids);
    const relations = incomingRelations(rows);
    for (const by of ['family', 'license', 'library', 'relation'] as const) {
      const { colors, legend } = computeColors(rows, by, relations, ['Qwen', ...BUILT_INS]);
      expect(colors.every((c) => /^#[0-9a-f]{6}$/.test(c))).toBe(true);
      expect(legend.reduce((s, e) => s + e.count, 0)).toBe(ids.length);
    }
    const shares = descendantShares(rows, (i) => rows.node(i).depth);
    expect(computeSizes(rows, 'descendants', shares).every(Number.isFinite)).toBe(true);
    expect(computeFolding(rows, relations).quantizations).toBe(BUILT_INS.length);
    const { input, ids: order } = prepareLayout(g, ['Qwen', ...BUILT_INS]);
    const xy = radialLayout(input);
    expect(order).toHaveLength(g.order);
    expect(xy.every(Number.isFinite)).toBe(true);
  });

  it('come out of every export and read back', () => {
    const l = parsed();
    const nodes = Papa.parse<{ id: string }>(nodesCsv(l), { header: true }).data.map((r) => r.id);
    expect(nodes.sort()).toEqual(l.nodes.map((n) => n.id).sort());
    expect(edgesCsv(l).split('\r\n')).toHaveLength(1 + l.edges.length);
    for (const text of [gexf(l), graphml(l)]) {
      const g = text.includes('<gexf') ? parseGexf(SafeGraph, text) : parseGraphml(SafeGraph, text);
      expect(g.order).toBe(l.nodes.length);
      expect(g.size).toBe(l.edges.length);
    }
    const back = parseSnapshot(JSON.parse(snapshotJson(l, meta)));
    expect(back.ok && back.snapshot.edges).toEqual(l.edges);
  });

  it('go through npm run export, with the family dynamics', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forkscope-hostile-'));
    const file = join(dir, 'snapshot.json');
    await writeFile(file, JSON.stringify(makeSnapshot(hostileLineage(), meta)));
    const written = await main([
      '--snapshot',
      file,
      '--out',
      dir,
      '--format',
      'csv,gexf,graphml,json',
      '--dynamics',
      '--compare',
      '__proto__,constructor',
    ]);
    expect(written).toContain('forkscope-snapshot-2026-11-22-crossover.csv');
    const monthly = await readFile(join(dir, 'forkscope-snapshot-2026-11-22-new-derivatives.csv'), 'utf8');
    expect(monthly).toContain('2025-01,__proto__,all,2,');
  });
});

describe('a Hub tag naming a built-in as parent', () => {
  it('builds a lineage whose graph, codec and exports work (base_model:merge:__proto__)', () => {
    const k = new Knowledge();
    const items = [
      { id: 'Qwen/base', author: 'Qwen', tags: [] },
      { id: 'u/merged', author: 'u', tags: ['base_model:merge:__proto__', 'base_model:merge:Qwen/base'] },
      { id: 'u/ft', author: 'u', tags: ['base_model:finetune:constructor'] },
    ];
    k.apply(
      items.flatMap((raw) => {
        const p = parseModel(raw);
        return p.ok ? [{ t: 'model' as const, model: p.model }] : [];
      }),
    );
    const lineage = buildLineage(k, { orgs: ['Qwen'], roots: [] });
    const g = createLineageGraph(decodeLineage(encodeLineage(lineage)));
    expect(g.hasNode('u/merged')).toBe(true);
    expect(incomingRelation(g, 'u/merged')).toBe('merge');
    const ix = indexLineage(g, g.nodes());
    expect(scopeStructure(ix, everything(ix), ['Qwen']).models).toBe(g.order);
    expect(() => gexf(lineageOf(g))).not.toThrow();
  });
});
