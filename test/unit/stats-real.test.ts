// The statistics on the real records of ../shared/hub-data, each checked against a count made straight from the
// CSV rows, plus facts of the data pinned by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { computeDepths } from '../../src/graph/depth.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import type { LineageEdge, ModelNode, Relation } from '../../src/lineage/types.ts';
import { crossFamilyMerges, distillations } from '../../src/stats/crossings.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { licenseChanges } from '../../src/stats/licenses.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives, monthOf } from '../../src/stats/timeline.ts';
import { DEFAULT_HUB_DATA } from '../hub/real-data.ts';
import { node } from './fixtures.ts';

type Row = Record<string, string>;
const read = (file: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(DEFAULT_HUB_DATA, file), 'utf8'), { header: true, skipEmptyLines: true }).data;

const nodeRows = read('nodes.csv');
const edgeRows = read('edges.csv');
const spelling = new Map<string, string>();
const canonical = (id: string): string => {
  const key = id.trim().toLowerCase();
  if (!spelling.has(key)) spelling.set(key, id.trim());
  return spelling.get(key) as string;
};
const meta = new Map(nodeRows.map((r) => [canonical(r.id ?? ''), r]));
const pairs = new Map<string, { parent: string; child: string; relation: Relation }>();
for (const e of edgeRows) {
  const [parent, child] = [canonical(e.parent_id ?? ''), canonical(e.child_id ?? '')];
  const relation = (e.relation === 'unspecified' ? 'unknown' : e.relation) as Relation;
  if (parent !== child && !pairs.has(`${parent}\u0000${child}`))
    pairs.set(`${parent}\u0000${child}`, { parent, child, relation });
}

function realGraph() {
  const ids = new Set([...meta.keys(), ...[...pairs.values()].flatMap((p) => [p.parent, p.child])]);
  const nodes: ModelNode[] = [...ids].map((id) => {
    const r = meta.get(id);
    return node(id, {
      family: r?.family || 'other',
      created_at: r?.createdAt ?? '',
      license: r?.license ?? '',
      downloads: Number(r?.downloads) || 0,
    });
  });
  const edges: LineageEdge[] = [...pairs.values()].map((p) => ({ ...p, cycle: false }));
  const { depth } = computeDepths([...ids], edges);
  for (const n of nodes) n.depth = depth.get(n.id) ?? 0;
  return createLineageGraph({ nodes, edges });
}

describe('statistics on the real hub-data records', () => {
  const graph = realGraph();
  const ix = indexLineage(graph, graph.nodes());
  const all = everything(ix);

  it('counts every dated derivative of a family in exactly one month', () => {
    const m = monthlyDerivatives(ix, all, ['qwen', 'llama']);
    for (const family of ['qwen', 'llama']) {
      const children = new Set(
        [...pairs.values()].filter((p) => meta.get(p.child)?.family === family).map((p) => p.child),
      );
      const dated = [...children].filter((c) => monthOf(meta.get(c)?.createdAt ?? '') !== null);
      const counted = Object.values(m.counts.get(family) ?? {}).reduce((s, xs) => s + xs.reduce((a, b) => a + b, 0), 0);
      expect(counted).toBe(dated.length);
      expect(counted).toBeGreaterThan(100);
    }
    const undated = new Set(
      [...pairs.values()]
        .filter((p) => ['qwen', 'llama'].includes(meta.get(p.child)?.family ?? '') && !meta.get(p.child)?.createdAt)
        .map((p) => p.child),
    );
    expect(m.undated).toBe(undated.size);
  });

  it('finds the parent with most children, as a direct count of the edge rows does', () => {
    const children = new Map<string, number>();
    for (const p of pairs.values()) children.set(p.parent, (children.get(p.parent) ?? 0) + 1);
    const [topId, topCount] = [...children].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const s = scopeStructure(ix, all, []);
    expect(s.fanOut[0]).toMatchObject({ id: topId, children: topCount });
    expect(s.edges).toBe(pairs.size);
  });

  it('gets the depth distribution, relation mix, re-uploaders and subtree downloads the rows give', () => {
    const s = scopeStructure(ix, all, [], 5);
    const parentsOf = new Map<string, Relation[]>();
    for (const p of pairs.values()) parentsOf.set(p.child, [...(parentsOf.get(p.child) ?? []), p.relation]);
    expect(s.models).toBe(graph.order);
    expect(s.depth.reduce((sum, d) => sum + d.models, 0)).toBe(graph.order);
    expect(s.depth[0]).toEqual({ depth: 0, models: graph.order - parentsOf.size });
    // A child with merge among its parents is a merge; one whose parents disagree otherwise is left as a bound.
    const sure = new Map<Relation, number>();
    let unsure = 0;
    for (const rels of parentsOf.values()) {
      const r = rels.includes('merge') ? 'merge' : new Set(rels).size === 1 ? rels[0] : undefined;
      if (r) sure.set(r, (sure.get(r) ?? 0) + 1);
      else unsure++;
    }
    for (const { relation, models } of s.relations) {
      expect(models).toBeGreaterThanOrEqual(sure.get(relation) ?? 0);
      expect(models).toBeLessThanOrEqual((sure.get(relation) ?? 0) + unsure);
    }
    expect(s.derivatives).toBe(parentsOf.size);
    const byAuthor = new Map<string, number>();
    for (const child of parentsOf.keys())
      byAuthor.set(child.split('/')[0] as string, (byAuthor.get(child.split('/')[0] as string) ?? 0) + 1);
    const topAuthor = [...byAuthor].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    expect([s.reuploaders[0]?.author, s.reuploaders[0]?.models]).toEqual(topAuthor);
    const kids = new Map<string, string[]>();
    for (const p of pairs.values()) kids.set(p.parent, [...(kids.get(p.parent) ?? []), p.child]);
    const top = s.subtrees[0] as { id: string; models: number; downloads: number };
    const below = new Set([top.id]);
    for (const id of below) for (const k of kids.get(id) ?? []) below.add(k);
    const downloads = [...below].reduce((sum, id) => sum + (Number(meta.get(id)?.downloads) || 0), 0);
    expect(top).toEqual({ id: top.id, models: below.size, downloads });
    expect(top.downloads).toBeGreaterThan(0);
  });

  it('finds every edge whose two ends state different licenses', () => {
    const differ = [...pairs.values()].filter((p) => {
      const [a, b] = [meta.get(p.parent)?.license, meta.get(p.child)?.license];
      return a && b && a !== b;
    });
    const changes = licenseChanges(ix, all);
    expect(changes).toHaveLength(differ.length);
    const llama2ToApache = changes.filter((c) => c.parentLicense === 'llama2' && c.childLicense === 'apache-2.0');
    expect(llama2ToApache.length).toBeGreaterThan(10);
    expect(llama2ToApache.every((c) => c.direction === 'more permissive')).toBe(true);
  });

  it('finds the cross-family merges and the DeepSeek distillations on Qwen and Llama bases', () => {
    const merges = crossFamilyMerges(ix, all);
    const direct = new Map<string, Set<string>>();
    for (const p of pairs.values())
      direct.set(p.child, (direct.get(p.child) ?? new Set()).add(meta.get(p.parent)?.family || 'other'));
    expect(merges.length).toBe([...direct.values()].filter((f) => f.size >= 2).length);
    const ds = distillations(ix, all);
    expect(ds.some((d) => d.teachers.includes('deepseek') && d.base === 'qwen')).toBe(true);
    expect(ds.every((d) => !/gguf/i.test(d.model) || d.relation !== 'quantized')).toBe(true);
  });
});
