// CSV and snapshot exports: columns, RFC 4180 quoting, formula injection, and a validating snapshot parser.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { edgesCsv, nodesCsv, safeCell } from '../../src/export/csv.ts';
import { makeSnapshot, parseSnapshot } from '../../src/export/snapshot.ts';
import { node, smallLineage } from './fixtures.ts';

describe('CSV export', () => {
  it('writes the DESIGN columns, header first, and parses back to the same values', () => {
    const lineage = smallLineage();
    lineage.nodes[0] = node('Q/base', { license: 'other, "custom"\nline' });
    const rows = Papa.parse<Record<string, string>>(nodesCsv(lineage), { header: true }).data;
    expect(Object.keys(rows[0] as object)).toEqual([
      'id',
      'author',
      'family',
      'depth',
      'downloads',
      'likes',
      'created_at',
      'pipeline_tag',
      'library_name',
      'license',
      'status',
    ]);
    expect(rows[0]?.license).toBe('other, "custom"\nline');
    const edges = Papa.parse<Record<string, string>>(edgesCsv(lineage), { header: true }).data;
    expect(edges).toHaveLength(8);
    expect(edges[2]).toEqual({ parent: 'u/ft1', child: 'u/gguf', relation: 'quantized' });
  });

  it('makes cells that start with = + - @ tab or CR inert', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(String(safeCell(bad)).startsWith("'")).toBe(true);
    expect(safeCell('Qwen/Qwen2.5-7B')).toBe('Qwen/Qwen2.5-7B');
    expect(safeCell(-5)).toBe(-5);
    const csv = nodesCsv({ nodes: [node('u/x', { license: '=cmd|" /C calc"!A0' })], edges: [] });
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
  });

  it('makes inert what a spreadsheet reads as a formula after spaces, in full width, or after another separator', () => {
    const cases: [string, string][] = [
      [' =cmd()', "' =cmd()"],
      ['\u3000=1+1', "'\u3000=1+1"],
      ['＝cmd()', "'＝cmd()"],
      ['＋1', "'＋1"],
      ['－1', "'－1"],
      ['＠SUM(A1)', "'＠SUM(A1)"],
      ['\tx', "'\tx"],
      ['\rx', "'\rx"],
      ['x;=cmd', "x;'=cmd"],
      ['x; @cmd', "x;' @cmd"],
      ['a,-2+3', "a,'-2+3"],
      ['a\n=b', "a\n'=b"],
    ];
    for (const [raw, inert] of cases) expect(safeCell(raw), JSON.stringify(raw)).toBe(inert);
    for (const plain of ['Qwen/Qwen2.5-7B', '2025-01-01T00:00:00.000Z', 'apache-2.0', ' lead', 'a;b', 'x=y'])
      expect(safeCell(plain)).toBe(plain);
    const csv = nodesCsv({ nodes: [node('u/x', { license: 'mit;=HYPERLINK("x")' })], edges: [] });
    expect(Papa.parse<string[]>(csv).data[1]?.[9]).toBe('mit;\'=HYPERLINK("x")');
  });
});

describe('snapshot', () => {
  const meta = { hub: 'http://hub.test', orgs: ['Qwen'], roots: [], crawledAt: '2026-11-22T00:00:00.000Z' };

  it('round-trips through JSON', () => {
    // Every field of every model and edge comes back as it was, the unusual values included.
    const lineage = smallLineage();
    lineage.nodes[1] = node('Q/inst', {
      depth: 1,
      downloads: 123_456_789,
      likes: 42,
      license: 'other, "custom"\nline',
      gated: 'manual',
      pipeline_tag: '',
      last_modified: '2025-02-03T04:05:06.000Z',
    });
    lineage.nodes[7] = node('L/base', { family: 'meta-llama', status: 'missing', gated: 'auto', author: 'L' });
    lineage.edges[0] = { ...(lineage.edges[0] as (typeof lineage.edges)[number]), cycle: true };
    const snap = makeSnapshot(lineage, { ...meta, roots: ['Q/inst'] });
    const parsed = parseSnapshot(JSON.parse(JSON.stringify(snap)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.snapshot).toEqual(snap);
    expect(parsed.snapshot.nodes).toEqual(lineage.nodes);
    expect(parsed.snapshot.edges).toEqual(lineage.edges);
  });

  it('refuses other files, other versions and hostile content with a clear message', () => {
    const good = JSON.parse(JSON.stringify(makeSnapshot(smallLineage(), meta))) as Record<string, unknown>;
    const cases: [unknown, RegExp][] = [
      [null, /not a JSON object/],
      [{ ...good, format: 'x' }, /not a Forkscope snapshot/],
      [{ ...good, v: 2 }, /version 2/],
      [{ ...good, nodes: [{ ...(good.nodes as object[])[0], downloads: 'lots' }] }, /downloads is not a count/],
      [
        { ...good, edges: [{ parent: 'Q/base', child: 'nope/x', relation: 'finetune', cycle: false }] },
        /unknown model/,
      ],
      [{ ...good, nodes: [{ ...(good.nodes as object[])[0], status: '<img src=x>' }], edges: [] }, /unknown status/],
    ];
    for (const [raw, why] of cases) {
      const r = parseSnapshot(raw);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(why);
    }
  });
});
