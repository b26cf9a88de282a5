// `npm run export` over a snapshot file: the selection rules and every format.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
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

  it('refuses what it cannot read with a clear message', async () => {
    const { dir, file } = await snapshotFile();
    await expect(main(['--out', dir])).rejects.toThrow('--snapshot FILE is required');
    await expect(main(['--snapshot', file, '--format', 'xlsx'])).rejects.toThrow('unknown format xlsx');
    await expect(main(['--snapshot', file, '--root', 'nope/x'])).rejects.toThrow('not in the snapshot');
    await writeFile(join(dir, 'bad.json'), '{"format":"forkscope-snapshot","v":7}');
    await expect(main(['--snapshot', join(dir, 'bad.json')])).rejects.toThrow('version 7 is not supported');
  });
});
