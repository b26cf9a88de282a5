// `npm run export -- --dynamics` with `--share-of hub`, `--kind language` and `--groups FILE`: the monthly table
// gains each month's denominator, the comparison table is written, and bad flags or files give clear errors.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { lineageOf } from '../../src/graph/graph.ts';
import { comparedGraph } from './compared-fixture.ts';

describe('npm run export --dynamics over groups and the Hub-wide table', () => {
  it('writes the monthly table with its denominator, the comparison, and the answer naming its denominator', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forkscope-groups-'));
    const lineage = lineageOf(comparedGraph());
    const hubDerivatives = {
      v: 1 as const,
      months: ['2025-01', '2025-02', '2025-03'],
      families: ['other'],
      pipelines: ['text-generation'],
      libraries: ['transformers'],
      rows: [0, 0, 0, 0, 0, 20, 1, 0, 0, 0, 0, 5, 2, 0, 0, 0, 0, 4],
    };
    const snapshot = join(dir, 'snap.json');
    const meta = {
      hub: 'http://hub.test',
      orgs: ['Qwen', 'meta-llama', 'google'],
      roots: [],
      crawledAt: '2026-11-22T00:00:00.000Z',
    };
    await writeFile(snapshot, JSON.stringify(makeSnapshot(lineage, { ...meta, hubDerivatives })));
    await writeFile(join(dir, 'groups.json'), JSON.stringify({ Alibaba: ['Qwen'], US: ['meta-llama', 'google'] }));
    const written = await main([
      '--snapshot',
      snapshot,
      '--out',
      dir,
      '--dynamics',
      '--share-of',
      'hub',
      '--kind',
      'language',
      '--groups',
      join(dir, 'groups.json'),
    ]);
    const monthly = written.find((f) => f.endsWith('-new-derivatives.csv')) as string;
    const rows = Papa.parse<Record<string, string>>(await readFile(join(dir, monthly), 'utf8'), { header: true }).data;
    expect(rows[0]).toEqual({
      month: '2025-01',
      family: 'Alibaba',
      relation: 'all',
      count: '2',
      share: '0.1',
      denominator: '20',
    });
    expect(written.some((f) => f.endsWith('-derivatives-compared.csv'))).toBe(true);
    await expect(
      main(['--snapshot', snapshot, '--out', dir, '--dynamics', '--share-of', 'everything']),
    ).rejects.toThrow(/--share-of is families or hub/);
    await writeFile(join(dir, 'bad.json'), JSON.stringify({ '<x>': ['Qwen'] }));
    await expect(
      main(['--snapshot', snapshot, '--out', dir, '--dynamics', '--groups', join(dir, 'bad.json')]),
    ).rejects.toThrow(/not a usable group name/);
    await writeFile(snapshot, JSON.stringify(makeSnapshot(lineage, meta)));
    await expect(main(['--snapshot', snapshot, '--out', dir, '--dynamics', '--share-of', 'hub'])).rejects.toThrow(
      /no Hub-wide table/,
    );
  });
});
