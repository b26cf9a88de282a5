// The CLI's file journal under kills at any byte: the journal file is cut at every record boundary (±2 bytes) and
// at sampled offsets in between, the crawl resumes from the state saved before the cut and appends the rest; every
// whole page is kept, the torn one is read again, and no two pages merge. Old one-line-per-page journals still load.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJournal } from '../../src/cli/file-journal.ts';
import { RECORD_KINDS } from '../../src/crawl/record-check.ts';
import type { CrawlRecord } from '../../src/crawl/records.ts';
import { crawlState, hubModel } from './journal-fixtures.ts';
import type { HubModel } from '../../src/lineage/model.ts';

const state = crawlState;

const model = (id: string, note = ''): HubModel => hubModel(id, note || null);

/** Page p (1-based): a few records of varied sizes, with multi-byte text so byte and character offsets differ. */
const page = (p: number): CrawlRecord[] => [
  ...Array.from({ length: 2 + (p % 3) }, (_, i) => ({
    t: 'model' as const,
    model: model(`u${p}/m${i}`, 'é✓'.repeat(p)),
  })),
  { t: 'looked', id: `x${p}/y` },
];
const PAGES = 6;
const pagesFrom = (from: number, to: number): CrawlRecord[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => page(from + i)).flat();

async function journalFile(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => n !== 'state.json' && !n.endsWith('.tmp'));
  expect(names).toHaveLength(1);
  return join(dir, names[0] as string);
}

/** Writes pages 1..PAGES and returns the journal's bytes and the size after each page. */
async function fullJournal(): Promise<{ bytes: Buffer; ends: number[]; name: string }> {
  const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-'));
  const journal = new FileJournal(out);
  await journal.append([], state(0));
  const ends = [0];
  for (let p = 1; p <= PAGES; p++) {
    await journal.append(page(p), state(p));
    ends.push((await readFile(await journalFile(journal.dir))).length);
  }
  const file = await journalFile(journal.dir);
  const bytes = await readFile(file);
  await rm(out, { recursive: true });
  return { bytes, ends, name: file.slice(file.lastIndexOf('/') + 1) };
}

/** A kill when the journal held `cut` bytes and the state of `saved` pages; resume, append the rest, reload. */
async function killAndResume(full: Awaited<ReturnType<typeof fullJournal>>, cut: number, saved: number) {
  const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-'));
  const dir = join(out, '.forkscope-crawl');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, full.name), full.bytes.subarray(0, cut));
  await writeFile(join(dir, 'state.json'), JSON.stringify(state(saved)));
  const resumed = new FileJournal(out);
  const first = await resumed.load();
  for (let p = (first?.state.pages ?? 0) + 1; p <= PAGES; p++) await resumed.append(page(p), state(p));
  const second = await new FileJournal(out).load();
  await rm(out, { recursive: true });
  return { first, second };
}

describe('FileJournal', () => {
  it('loses at most the page being written, at any byte a kill comes', async () => {
    const full = await fullJournal();
    const cuts = new Set<number>();
    for (const end of full.ends) for (let d = -2; d <= 2; d++) cuts.add(end + d);
    for (let k = 0; k < full.bytes.length; k += 37) cuts.add(k);
    let checked = 0;
    for (const cut of [...cuts].filter((k) => k >= 0 && k <= full.bytes.length).sort((a, b) => a - b)) {
      const whole = full.ends.filter((e) => e <= cut).length - 1;
      // At a page's end the kill may have come before or after its state was saved.
      const savedStates = full.ends.includes(cut) && whole > 0 ? [whole, whole - 1] : [whole];
      for (const saved of savedStates) {
        const { first, second } = await killAndResume(full, cut, saved);
        expect(first?.records, `cut at ${cut}`).toEqual(pagesFrom(1, whole));
        expect(second?.records, `cut at ${cut}, resumed from ${saved}`).toEqual([
          ...pagesFrom(1, whole),
          ...pagesFrom(saved + 1, PAGES),
        ]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('survives a real SIGKILL between the writes of pages over 512 KiB', async () => {
    const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-kill-'));
    const script = join(out, 'writer.mts');
    const journalModule = new URL('../../src/cli/file-journal.ts', import.meta.url).pathname;
    // Each page is about 1.5 MB, so one append is several writes; the writer says when a page is saved.
    await writeFile(
      script,
      `import { FileJournal } from ${JSON.stringify(journalModule)};
const j = new FileJournal(${JSON.stringify(out)});
const saved = await j.load();
const pad = 'p'.repeat(1500);
for (let p = (saved?.state.pages ?? 0) + 1; p <= 40; p++) {
  const records = Array.from({ length: 1000 }, (_, i) => ({ t: 'junk', child: 'c' + p + '/' + i, raw: pad }));
  await j.append(records, { ...${JSON.stringify(state(0))}, pages: p, requests: p });
  process.stdout.write('saved ' + p + '\\n');
}
`,
    );
    for (let run = 0; run < 3; run++) {
      await new Promise<void>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', script]);
        let seen = '';
        child.stdout.on('data', (d: Buffer) => {
          seen += d.toString();
          if ((seen.match(/saved/g) ?? []).length >= 2) child.kill('SIGKILL');
        });
        child.on('close', () => resolve());
      });
    }
    const loaded = await new FileJournal(out).load();
    const pages = loaded?.state.pages ?? 0;
    expect(pages).toBeGreaterThanOrEqual(4);
    // Every saved page is there whole and once; nothing after the saved state but at most one extra whole page.
    const byPage = new Map<string, number>();
    for (const r of loaded?.records ?? [])
      if (r.t === 'junk')
        byPage.set(r.child.split('/')[0] as string, (byPage.get(r.child.split('/')[0] as string) ?? 0) + 1);
    for (let p = 1; p <= pages; p++) expect(byPage.get(`c${p}`), `page ${p}`).toBe(1000);
    for (const count of byPage.values()) expect(count).toBe(1000);
    expect(byPage.size).toBeLessThanOrEqual(pages + 1);
    await rm(out, { recursive: true });
  }, 60_000);

  it('still reads a journal of the one-line-per-page format, and the page a kill merged onto a torn line', async () => {
    const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-old-'));
    const dir = join(out, '.forkscope-crawl');
    await mkdir(dir, { recursive: true });
    const torn = JSON.stringify(page(3)).slice(0, 50);
    const lines = `${JSON.stringify(page(1))}\n${JSON.stringify(page(2))}\n${torn}${JSON.stringify(page(3))}\n`;
    await writeFile(join(dir, 'journal.ndjson'), lines);
    await writeFile(join(dir, 'state.json'), JSON.stringify(state(3)));
    const journal = new FileJournal(out);
    expect((await journal.load())?.records).toEqual(pagesFrom(1, 3));
    await journal.append(page(4), state(4));
    expect((await new FileJournal(out).load())?.records).toEqual(pagesFrom(1, 4));
    await rm(out, { recursive: true });
  });

  it('refuses a journal damaged in a way no crash explains, saying where', async () => {
    const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-bad-'));
    const journal = new FileJournal(out);
    await journal.append(page(1), state(1));
    await journal.append(page(2), state(2));
    const file = await journalFile(journal.dir);
    const bytes = await readFile(file);
    bytes[bytes.length - 10] = 0x41;
    await writeFile(file, bytes);
    await expect(new FileJournal(out).load()).rejects.toThrow(/damaged at byte \d+ \(checksum mismatch\)/);
    await rm(out, { recursive: true });
  });

  it('reads back every kind of record a crawl writes, those of full refreshes and walks included', async () => {
    const out = await mkdtemp(join(tmpdir(), 'forkscope-fj-kinds-'));
    const records: CrawlRecord[] = [
      { t: 'model', model: model('a/b') },
      { t: 'missing', id: 'gone/x', status: 403, relation: 'unknown', reason: 'disabled', disabled: true },
      { t: 'alias', from: 'old/name', to: 'a/b' },
      { t: 'junk', child: 'a/b', raw: './local' },
      { t: 'looked', id: 'gone/x' },
      { t: 'sweep', at: '2026-12-01T00:00:00.000Z' },
      { t: 'removed', ids: ['c/d'] },
      { t: 'expanded', ids: ['a/b', 'e/f'] },
    ];
    expect(new Set(records.map((r) => r.t))).toEqual(new Set(RECORD_KINDS));
    await new FileJournal(out).append(records, state(1));
    expect((await new FileJournal(out).load())?.records).toEqual(records);
    await rm(out, { recursive: true });
  });
});
