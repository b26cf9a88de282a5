// File names built from data stay plain names: `npm run export` of a snapshot whose crawl date, root or family
// is hostile writes only inside --out; the one file-name rule keeps separators, `..` and controls out.
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/export.ts';
import { crawlDay, exportStem, fileNamePart } from '../../src/export/file-name.ts';
import { exportFiles } from '../../src/export/files.ts';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { smallLineage } from './fixtures.ts';

describe('the file-name rule', () => {
  it('keeps separators, dot-dot names and control characters out', () => {
    for (const hostile of ['/../../../x', '..', '.', 'a/b\\c', '\u001b]0;x\u0007', '', 'C:\\x', '..\\..\\y'])
      expect(fileNamePart(hostile)).toMatch(/^(?!\.)[\w.+-]+$/);
    expect(fileNamePart('Qwen/Qwen2.5-7B')).toBe('Qwen_Qwen2.5-7B');
    expect(crawlDay('/../../../x')).toBe('undated');
    expect(crawlDay('2026-11-22T00:00:00Z')).toBe('2026-11-22');
    expect(crawlDay(null)).toBe('uncrawled');
    expect(exportStem('Q/inst', '/../../../x')).toBe('forkscope-Q_inst-undated');
    const files = exportFiles(smallLineage(), 'csv', '../../evil', { hub: 'h', orgs: [], roots: [], crawledAt: 'x' });
    for (const f of files) expect(f.name).not.toMatch(/[/\\]/);
  });
});

describe('npm run export with a hostile snapshot', () => {
  it('writes only inside --out, whatever crawledAt, --root or --family say', async () => {
    const base = await mkdtemp(join(tmpdir(), 'forkscope-out-'));
    const deep = join(base, 'a', 'b');
    await mkdir(deep, { recursive: true });
    const lineage = smallLineage();
    const snapshot = makeSnapshot(lineage, {
      hub: 'http://hub.test',
      orgs: ['Qwen', 'meta-llama'],
      roots: [],
      crawledAt: '/../../../x',
    });
    const file = join(deep, 'snapshot.json');
    await writeFile(file, JSON.stringify(snapshot));
    const out = join(deep, 'out');
    const runs = [
      ['--format', 'csv,gexf,graphml,json', '--dynamics'],
      ['--root', 'Q/inst', '--format', 'csv'],
      ['--family', '../../Qwen', '--format', 'json'],
    ];
    const written: string[] = [];
    for (const args of runs) written.push(...(await main(['--snapshot', file, '--out', out, ...args])));
    expect(written.length).toBeGreaterThan(6);
    expect((await readdir(out)).sort()).toEqual([...new Set(written)].sort());
    expect((await readdir(deep)).sort()).toEqual(['out', 'snapshot.json']);
    expect(await readdir(join(base, 'a'))).toEqual(['b']);
    expect(await readdir(base)).toEqual(['a']);
  });
});
