// The CLI's crawl journal on disk (in --out DIR/.forkscope-crawl/): each page of records is one length- and
// checksum-framed record appended to journal.log (frames.ts), then the state is replaced atomically (write +
// rename). A kill at any byte leaves at most a torn last frame: it is cut before the next append, and the page it
// held, whose state was never saved, is fetched again. Journals of the older format (journal.ndjson, one JSON line
// per page) are still read, including the line a kill tore and the next page appended onto.
import { appendFile, mkdir, readFile, rename, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCrawlState, type CrawlJournal, type CrawlRecord, type CrawlState } from '../crawl/records.ts';
import { parseRecords } from '../crawl/record-check.ts';
import { frame, scanFrames } from './frames.ts';

export class JournalDamagedError extends Error {}

const LOG = 'journal.log';
const LEGACY = 'journal.ndjson';

export class FileJournal implements CrawlJournal {
  readonly dir: string;
  /** Where the next frame goes; null until the file has been read (then a torn tail is cut first). */
  private validLength: number | null = null;
  private tailChecked = false;

  constructor(outDir: string) {
    this.dir = join(outDir, '.forkscope-crawl');
  }

  async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    const stateText = await readFile(join(this.dir, 'state.json'), 'utf8').catch(() => null);
    if (stateText === null) {
      // Records without a state belong to no crawl: the next append starts the journal afresh.
      this.validLength = -1;
      return null;
    }
    let state: CrawlState | null;
    try {
      state = parseCrawlState(JSON.parse(stateText));
    } catch {
      state = null;
    }
    if (!state)
      throw new JournalDamagedError(
        `crawl: ${join(this.dir, 'state.json')} is not a crawl state this version can resume; delete the folder to start again`,
      );
    const records = legacyRecords(await readFile(join(this.dir, LEGACY), 'utf8').catch(() => ''));
    for (const page of await this.framedPages()) records.push(...page);
    return { state, records };
  }

  async append(records: CrawlRecord[], state: CrawlState): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    if (records.length > 0) {
      await this.cutTornTail();
      const bytes = frame(JSON.stringify(records));
      await appendFile(join(this.dir, LOG), bytes);
      this.validLength = (this.validLength ?? 0) + bytes.length;
    }
    const tmp = join(this.dir, 'state.json.tmp');
    await writeFile(tmp, JSON.stringify(state));
    await rename(tmp, join(this.dir, 'state.json'));
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    this.validLength = 0;
    this.tailChecked = true;
  }

  private async framedPages(): Promise<CrawlRecord[][]> {
    const buf = await readFile(join(this.dir, LOG)).catch(() => Buffer.alloc(0));
    const scan = scanFrames(buf);
    const where = join(this.dir, LOG);
    if (scan.damage)
      throw new JournalDamagedError(
        `crawl: ${where} is damaged at byte ${scan.damage.offset} (${scan.damage.reason}); delete the folder to start again`,
      );
    this.validLength = scan.validLength;
    return scan.payloads.map((payload, i) => {
      let parsed: ReturnType<typeof parseRecords>;
      try {
        parsed = parseRecords(JSON.parse(payload));
      } catch {
        parsed = { ok: false, reason: 'not JSON' };
      }
      if (!parsed.ok)
        throw new JournalDamagedError(
          `crawl: ${where}, page ${i + 1}: ${parsed.reason}; delete the folder to start again`,
        );
      return parsed.records;
    });
  }

  /** Before the first append of this process: drop the bytes after the last whole frame. */
  private async cutTornTail(): Promise<void> {
    if (this.tailChecked) return;
    const path = join(this.dir, LOG);
    if (this.validLength === -1) {
      await rm(path, { force: true });
      await rm(join(this.dir, LEGACY), { force: true });
      this.validLength = 0;
    }
    if (this.validLength === null) {
      const scan = scanFrames(await readFile(path).catch(() => Buffer.alloc(0)));
      if (scan.damage) throw new JournalDamagedError(`crawl: ${path} is damaged at byte ${scan.damage.offset}`);
      this.validLength = scan.validLength;
    }
    const size = (await stat(path).catch(() => null))?.size ?? 0;
    if (size > this.validLength) await truncate(path, this.validLength);
    this.tailChecked = true;
  }
}

/** Pages of the older one-JSON-line-per-page journal. A line a kill cut short is dropped (its page was never
 * marked done); when the next page was appended onto it, that page is read from where it starts. */
function legacyRecords(text: string): CrawlRecord[] {
  const records: CrawlRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let page = legacyPage(line);
    // Pages start with `[{"t":`, which cannot occur unescaped inside a JSON string.
    for (let at = line.indexOf('[{"t":', 1); !page && at > 0; at = line.indexOf('[{"t":', at + 1))
      page = legacyPage(line.slice(at));
    if (page) records.push(...page);
  }
  return records;
}

function legacyPage(line: string): CrawlRecord[] | null {
  try {
    const parsed = parseRecords(JSON.parse(line));
    return parsed.ok ? parsed.records : null;
  } catch {
    return null;
  }
}
