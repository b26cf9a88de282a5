// The CLI's crawl journal on disk (in --out DIR/.forkscope-crawl/): records appended as one JSON line per page,
// then the state replaced atomically (write + rename). A line cut short by a kill is ignored on resume; a page
// whose state was not yet saved is fetched once more and its records, keyed by id, simply repeat.
import { appendFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCrawlState, type CrawlJournal, type CrawlRecord, type CrawlState } from '../crawl/records.ts';

export class FileJournal implements CrawlJournal {
  private readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, '.forkscope-crawl');
  }

  async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    const stateText = await readFile(join(this.dir, 'state.json'), 'utf8').catch(() => null);
    if (stateText === null) return null;
    let state: CrawlState | null;
    try {
      state = parseCrawlState(JSON.parse(stateText));
    } catch {
      state = null;
    }
    if (!state)
      throw new Error(
        `crawl: ${join(this.dir, 'state.json')} is not a crawl state this version can resume; delete the folder to start again`,
      );
    const text = await readFile(join(this.dir, 'journal.ndjson'), 'utf8').catch(() => '');
    const records: CrawlRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        records.push(...(JSON.parse(line) as CrawlRecord[]));
      } catch {
        // a line cut short by a kill: its page is fetched again
      }
    }
    return { state, records };
  }

  async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (records.length > 0) await appendFile(join(this.dir, 'journal.ndjson'), `${JSON.stringify(records)}\n`);
    const tmp = join(this.dir, 'state.json.tmp');
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, join(this.dir, 'state.json'));
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
