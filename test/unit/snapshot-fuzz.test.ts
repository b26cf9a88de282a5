// Fuzzing the snapshot parser: hundreds of mutated snapshots (wrong types, missing and extra fields, hostile text,
// absurd numbers, prototype-named keys, deep nesting, duplicates, truncated JSON text). The parser never throws and
// never hangs; it refuses with its own clear error, or returns a lineage every export and statistic can take.
import { describe, expect, it } from 'vitest';
import { edgesCsv, nodesCsv } from '../../src/export/csv.ts';
import { gexf, graphml, snapshotJson } from '../../src/export/formats.ts';
import { makeSnapshot, parseSnapshot } from '../../src/export/snapshot.ts';
import { createLineageGraph } from '../../src/graph/graph.ts';
import { everything, indexLineage } from '../../src/stats/lineage-index.ts';
import { scopeStructure } from '../../src/stats/structure.ts';
import { monthlyDerivatives } from '../../src/stats/timeline.ts';
import { computeSizes, descendantShares } from '../../src/view/encoding.ts';
import { rowsOfGraph } from '../../src/view/rows.ts';
import { assertWellFormedXml } from './xml-check.ts';
import { smallLineage } from './fixtures.ts';

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deep = (depth: number): unknown => {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

const VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  1e308,
  -0,
  Number.MAX_VALUE,
  Infinity,
  NaN,
  '',
  '__proto__',
  'constructor',
  'toString',
  '\u0000\u0001\u001b[31m',
  '\uFFFE\uFFFF',
  '\uD800',
  'a'.repeat(10_000),
  '=cmd()',
  [],
  {},
  [1, 'x'],
  { __proto__: null, toString: 'x' },
  JSON.parse('{"__proto__": {"polluted": 1}}'),
  deep(20_000),
  'finetune',
  'merge',
  'ok',
  'Q/base',
];

const KEYS = ['__proto__', 'constructor', 'toString', 'id', 'parent', 'nodes', 'downloads', 'x'];
const own = (value: unknown): PropertyDescriptor => ({ value, enumerable: true, writable: true, configurable: true });

type Json = Record<string, unknown> | unknown[];

function mutate(value: Json, rnd: () => number): void {
  // Walk down to a random container, then change, delete, add or duplicate one of its entries.
  let at: Json = value;
  for (let d = 0; d < 4 && rnd() < 0.7; d++) {
    const keys = Object.keys(at);
    const next = (at as Record<string, unknown>)[keys[Math.floor(rnd() * keys.length)] ?? ''];
    if (typeof next !== 'object' || next === null) break;
    at = next as Json;
  }
  const keys = Object.keys(at);
  const key = keys[Math.floor(rnd() * keys.length)] ?? 'x';
  const pick = (): unknown => VALUES[Math.floor(rnd() * VALUES.length)];
  const r = rnd();
  const target = at as Record<string, unknown>;
  if (r < 0.5) target[key] = pick();
  else if (r < 0.65) delete target[key];
  // An own property, as JSON.parse makes it even for `__proto__`.
  else if (r < 0.8) Object.defineProperty(target, KEYS[Math.floor(rnd() * KEYS.length)] as string, own(pick()));
  else if (Array.isArray(at)) at.push(structuredClone(at[Math.floor(rnd() * at.length)]));
  else target[key] = structuredClone(target[keys[0] ?? key] ?? null);
}

function base(): Record<string, unknown> {
  const meta = { hub: 'http://hub.test', orgs: ['Qwen', 'meta-llama'], roots: [], crawledAt: '2026-11-22T00:00:00Z' };
  return JSON.parse(JSON.stringify(makeSnapshot(smallLineage(), meta))) as Record<string, unknown>;
}

/** Everything downstream of the parser, over what it accepted. */
function useAll(text: string): void {
  const parsed = parseSnapshot(JSON.parse(text));
  if (!parsed.ok) return;
  const l = parsed.snapshot;
  const g = createLineageGraph(l);
  const ids = g.nodes();
  const ix = indexLineage(g, ids);
  scopeStructure(ix, everything(ix), l.orgs);
  monthlyDerivatives(ix, everything(ix), l.orgs);
  const rows = rowsOfGraph(g, ids);
  const sizes = computeSizes(
    rows,
    'downloads',
    descendantShares(rows, () => 0),
  );
  expect(sizes.every(Number.isFinite)).toBe(true);
  nodesCsv(l);
  edgesCsv(l);
  assertWellFormedXml(gexf(l));
  assertWellFormedXml(graphml(l));
  expect(parseSnapshot(JSON.parse(snapshotJson(l, l))).ok).toBe(true);
}

describe('the snapshot parser under fuzzing', () => {
  it('refuses broken snapshots with its own error and hands on only what every consumer takes', () => {
    const rnd = random(20261201);
    const outcomes = { ok: 0, refused: 0 };
    for (let run = 0; run < 600; run++) {
      const snap = base();
      const mutations = 1 + Math.floor(rnd() * 4);
      for (let m = 0; m < mutations; m++) mutate(snap, rnd);
      const result = parseSnapshot(snap);
      if (result.ok) {
        outcomes.ok++;
        expect(Object.getPrototypeOf(result.snapshot.nodes[0] ?? {})).toBe(Object.prototype);
        useAll(JSON.stringify(result.snapshot));
      } else {
        outcomes.refused++;
        expect(result.error).toMatch(/^snapshot: /);
        expect(result.error).not.toMatch(/unreadable/);
        expect(result.error.length).toBeLessThan(400);
      }
    }
    // Both paths were exercised.
    expect(outcomes.ok).toBeGreaterThan(30);
    expect(outcomes.refused).toBeGreaterThan(150);
  });

  it('refuses any prefix of a snapshot file that still parses as JSON, and input that is not a snapshot at all', () => {
    const text = JSON.stringify(base());
    for (let cut = 0; cut < text.length; cut += 7) {
      let raw: unknown;
      try {
        raw = JSON.parse(text.slice(0, cut));
      } catch {
        continue;
      }
      expect(parseSnapshot(raw).ok).toBe(false);
    }
    for (const v of VALUES) expect(parseSnapshot(v)).toMatchObject({ ok: false });
  });

  it('clamps counts to safe integers and keeps no foreign field', () => {
    const snap = base() as { nodes: Record<string, unknown>[] };
    Object.assign(snap.nodes[0] as object, { downloads: 1e308, likes: 2.7, extra: 'x'.repeat(100) });
    const result = parseSnapshot(snap);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.snapshot.nodes[0]).toMatchObject({ downloads: Number.MAX_SAFE_INTEGER, likes: 2 });
    expect(result.snapshot.nodes[0]).not.toHaveProperty('extra');
  });
});
