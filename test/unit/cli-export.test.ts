// `npm run export` over a snapshot file: the selection rules and every format.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { readEdgesParquet, readNodesParquet } from '../../src/export/parquet.ts';
import { smallLineage } from './fixtures.ts';

async function snapshotFile(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'forkscope-export-'));
  const file = join(dir, 'snapshot.json');
  await writeFile(
    file,
    JSON.stringify(
      makeSnapshot(smallLineage(), {
        hub: 'http://hub.test',
        orgs: ['Qwen'],
        roots: [],
        crawledAt: '2026-11-22T00:00:00.000Z',
      }),
    ),
  );
  return { dir, file };
}

describe('npm run export', () => {
  it('writes the Parquet tables of the selection', async () => {
    const { dir, file } = await snapshotFile();
    const written = await main(['--snapshot', file, '--out', dir, '--root', 'Q/inst', '--format', 'parquet']);
    expect(written).toEqual(['forkscope-Q_inst-2026-11-22-nodes.parquet', 'forkscope-Q_inst-2026-11-22-edges.parquet']);
    const nodes = await readNodesParquet(new Uint8Array(await readFile(join(dir, written[0] as string))));
    const edges = await readEdgesParquet(new Uint8Array(await readFile(join(dir, written[1] as string))));
    expect(nodes.map((n) => n.id).sort()).toEqual(['Q/inst', 'u/ft1', 'u/gguf', 'u/lora', 'u/merge', 'u/q4']);
    expect(edges).toHaveLength(5);
  });

  it('writes every format for the descendants of a root to depth k', async () => {
    const { dir, file } = await snapshotFile();
    const written = await main([
      '--snapshot',
      file,
      '--out',
      dir,
      '--root',
      'Q/inst',
      '--depth',
      '1',
      '--format',
      'csv,gexf,graphml,json',
    ]);
    expect(written).toEqual([
      'forkscope-Q_inst-2026-11-22-nodes.csv',
      'forkscope-Q_inst-2026-11-22-edges.csv',
      'forkscope-Q_inst-2026-11-22.gexf',
      'forkscope-Q_inst-2026-11-22.graphml',
      'forkscope-Q_inst-2026-11-22.json',
    ]);
    const nodes = Papa.parse<{ id: string }>(await readFile(join(dir, written[0] as string), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(nodes.map((n) => n.id).sort()).toEqual(['Q/inst', 'u/ft1', 'u/merge', 'u/q4']);
  });

  it('writes the family-dynamics tables, and calls no leader on months of a handful of derivatives', async () => {
    const lineage = smallLineage();
    // Llama's derivative in January, Qwen's three in February and March: Qwen passes in February.
    const dated: Record<string, string> = {
      'L/inst': '2025-01-05',
      'Q/inst': '2025-02-01',
      'u/ft1': '2025-02-03',
      'u/q4': '2025-03-01',
    };
    lineage.nodes = lineage.nodes
      .filter((n) => !['u/gguf', 'u/lora', 'u/merge'].includes(n.id))
      .map((n) => ({ ...n, created_at: dated[n.id] ?? '2024-06-01' }));
    lineage.edges = lineage.edges.filter((e) => !['u/gguf', 'u/lora', 'u/merge'].includes(e.child));
    const dir = await mkdtemp(join(tmpdir(), 'forkscope-dynamics-'));
    const file = join(dir, 'snapshot.json');
    const meta = { hub: 'http://hub.test', orgs: ['Qwen', 'meta-llama'], roots: [], crawledAt: '2026-11-22T00:00:00Z' };
    await writeFile(file, JSON.stringify(makeSnapshot(lineage, meta)));
    const said: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(String(text)) > 0);
    const written = await main(['--snapshot', file, '--out', dir, '--dynamics', '--window', '1']).finally(() =>
      spy.mockRestore(),
    );
    // The answer's sentences on lines of their own (line breaks kept, not shown as escapes).
    const printed = said.join('');
    expect(printed).not.toContain('\\u000a');
    expect(printed).toMatch(/\nShares are of new derivatives[^\n]*\nOf derivatives of all time/);
    expect(printed).toMatch(/^exported \d+ models, \d+ edges: forkscope-snapshot-/m);
    expect(written.slice(2)).toEqual([
      'forkscope-snapshot-2026-11-22-new-derivatives.csv',
      'forkscope-snapshot-2026-11-22-new-derivatives-by-relation.csv',
      'forkscope-snapshot-2026-11-22-new-derivatives.svg',
      'forkscope-snapshot-2026-11-22-crossover.csv',
      'forkscope-snapshot-2026-11-22-derivatives-compared.csv',
    ]);
    const svg = await readFile(join(dir, written[4] as string), 'utf8');
    expect(svg).toMatch(/^<svg[\s\S]*share of new derivatives[\s\S]*>Qwen<[\s\S]*<\/svg>$/);
    const read = async (name: string) =>
      Papa.parse<Record<string, string>>(await readFile(join(dir, name), 'utf8'), {
        header: true,
        skipEmptyLines: true,
      }).data;
    const monthly = await read(written[2] as string);
    expect(monthly.filter((r) => r.family === 'Qwen').map((r) => [r.month, r.count, r.share])).toEqual([
      ['2025-01', '0', '0'],
      ['2025-02', '2', '1'],
      ['2025-03', '1', '1'],
    ]);
    const crossover = await read(written[5] as string);
    // A handful of derivatives a month is too few to call a leader (crossover.ts, MIN_SAMPLE): no one leads.
    expect(crossover[0]).toMatchObject({
      family: 'Qwen',
      other: 'meta-llama',
      relation: 'all',
      minimum_sample: '20',
      leader: '',
      lead_changes: '0',
      months_too_few: '3',
    });
    await expect(main(['--snapshot', file, '--out', dir, '--dynamics', '--compare', 'Qwen,mistralai'])).rejects.toThrow(
      'mistralai is not a family of the snapshot',
    );
    await expect(main(['--snapshot', file, '--out', dir, '--dynamics', '--window', '5'])).rejects.toThrow('--window');
  });

  it('refuses what it cannot read with a clear message', async () => {
    const { dir, file } = await snapshotFile();
    await expect(main(['--out', dir])).rejects.toThrow('--snapshot FILE is required');
    await expect(main(['--snapshot', file, '--format', 'xlsx'])).rejects.toThrow('unknown format xlsx');
    await expect(main(['--snapshot', file, '--root', 'nope/x'])).rejects.toThrow('not in the snapshot');
    await writeFile(join(dir, 'bad.json'), '{"format":"forkscope-snapshot","v":7}');
    await expect(main(['--snapshot', join(dir, 'bad.json')])).rejects.toThrow('version 7 is not supported');
  });
});
