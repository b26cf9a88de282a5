// Crawl worker: runs the crawler off the main thread with the IndexedDB journal, so closing the tab at any
// moment loses at most the page in flight. A Web Lock keeps a second tab from crawling the same cache; partial
// lineages are posted as the crawl goes, and the finished one is saved as the snapshot the app reopens with.
import { Crawler } from '../crawl/crawler.ts';
import type { Seeds } from '../crawl/records.ts';
import { buildLineage, familyMembers } from '../crawl/closure.ts';
import { hubDerivativesOf } from '../stats/denominator.ts';
import { HubClient, MAX_PAGE } from '../hub/client.ts';
import type { CrawlResult } from '../crawl/options.ts';
import { ForkscopeStore, type SnapshotInfo } from '../store/db.ts';
import { encodeLineage } from '../lineage/columnar.ts';
import {
  transferables,
  type CrawlCommand,
  type CrawlEvent,
  type CrawlReport,
  type CrawlSettings,
  type RefreshKind,
} from './protocol.ts';
import { CrawlUpdates } from './crawl-updates.ts';
import { openData } from './open-data.ts';
import { primedJournal, type JournalContents } from '../crawl/seed.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<CrawlCommand>) => void) | null;
  postMessage(message: CrawlEvent, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
const post = (event: CrawlEvent, transfer: Transferable[] = []): void => scope.postMessage(event, transfer);
/** Tries per request before the crawl stops with an error (HubHttp's own default is the same). */
const MAX_ATTEMPTS = 8;
const LOCK = 'forkscope-crawl';

let current: Crawler | null = null;
let running: { abort: AbortController; mode: 'pause' | 'cancel' | null } | null = null;
let updates: CrawlUpdates | null = null;

scope.onmessage = (e) => {
  const cmd = e.data;
  if (cmd.type === 'start') void start(() => crawl(cmd.settings, cmd.seeds, cmd.refresh ?? null));
  else if (cmd.type === 'shown') updates?.shown(cmd.seq);
  // [open-data, #11] A published dataset is loaded under the same lock, then refreshed by the same crawl.
  else if (cmd.type === 'open-data')
    void start(async () => {
      const kept = await openData(cmd, post).catch((e: unknown) => {
        post({ type: 'data-failed', kind: 'unreachable', message: (e as Error).message });
        return null;
      });
      if (kept) await crawl(cmd.settings, kept.seeds, 'incremental', kept.journal);
    });
  else if (running) {
    running.mode = cmd.type;
    running.abort.abort(new Error(cmd.type === 'pause' ? 'paused' : 'cancelled'));
  }
};

async function start(job: () => Promise<void>): Promise<void> {
  if (running) return;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) return job();
  await locks.request(LOCK, { ifAvailable: true }, async (lock) => {
    if (!lock) {
      post({
        type: 'busy',
        message: 'Another Forkscope tab is crawling this cache; this tab shows its result when it finishes.',
      });
      // Queue for the lock without holding it: granted when the other tab's crawl ends (or its tab closes).
      void locks.request(LOCK, () => post({ type: 'lock-freed' }));
      return;
    }
    await job();
  });
}

/** The counts a finished crawl reports beside its graph. */
function reportOf(result: CrawlResult): CrawlReport {
  return {
    malformed: result.parseErrors.length,
    firstMalformed: result.parseErrors[0]?.slice(0, 200) ?? null,
    junk: result.knowledge.junk.length,
    unread: result.lineage.nodes.filter((n) => n.status === 'unread').length,
  };
}

/** Runs a crawl or a refresh; `written` is the journal just seeded from published data (read from memory, not again). */
async function crawl(
  settings: CrawlSettings,
  seeds: Seeds,
  refresh: RefreshKind | null,
  written?: JournalContents,
): Promise<void> {
  current = null;
  const run = { abort: new AbortController(), mode: null as 'pause' | 'cancel' | null };
  running = run;
  let store: ForkscopeStore | null = null;
  try {
    store = await ForkscopeStore.open(settings.dbName);
    const client = new HubClient({
      hubUrl: settings.hubUrl,
      ...(settings.token ? { token: settings.token } : {}),
      quota: settings.quota,
      windowMs: settings.windowMs,
      signal: run.abort.signal,
      maxAttempts: MAX_ATTEMPTS,
      onRetry: (r) => post({ type: 'retrying', retry: { ...r, url: pathOf(r.url), maxAttempts: MAX_ATTEMPTS } }),
      onPageSize: (size) =>
        post({
          type: 'notice',
          message:
            size < MAX_PAGE
              ? `The Hub timed out on large listing pages; now asking ${size} models per request.`
              : 'Listing pages are back to 1,000 models per request.',
        }),
    });
    // Partial results rebuild the lineage from everything known: on a large Hub that takes seconds (crawl-updates.ts
    // paces them, and the progress, to what the app can draw). A refresh sends none: the page already shows the
    // whole families, and at the public Hub's size drawing a partial one costs more than the refresh itself.
    const journal = written ? primedJournal(store.journal(), written) : store.journal();
    const crawler: Crawler = new Crawler(client, journal, {
      seeds,
      hubSizeEstimate: settings.hubSizeEstimate,
      signal: run.abort.signal,
      onProgress: (progress) => out.progress(progress),
    });
    const partial = refresh ? null : () => encodeLineage(buildLineage(crawler.knowledgeSoFar(), seeds, true));
    const out = new CrawlUpdates(post, partial);
    updates = out;
    current = crawler;
    const job = refresh === 'full' ? crawler.fullRefresh() : refresh ? crawler.refresh() : crawler.run();
    const result = await job.finally(() => out.stop());
    const crawledAt = result.state.finishedAt ?? new Date().toISOString();
    // [dataset origin, #11] Data opened from a published dataset stays so through refreshes and added families;
    // not once the journal was cleared (another Hub) or a full sweep replaced it.
    const origin = await store.loadSnapshotInfo().catch(() => null);
    const dataset = !result.hubChanged && !result.deletions.checked ? origin?.dataset : undefined;
    const info: SnapshotInfo = {
      v: 1,
      hub: settings.hubUrl,
      orgs: seeds.orgs,
      roots: seeds.roots,
      crawledAt,
      nodes: result.lineage.nodes.length,
      edges: result.lineage.edges.length,
      // A published snapshot holds its families, not the whole Hub's lineage: no Hub-wide table from it.
      ...(result.state.strategy === 'sweep' &&
        !dataset && {
          hubDerivatives: hubDerivativesOf(result.knowledge, familyMembers(result.knowledge, seeds)),
        }),
      ...(dataset && { dataset }),
    };
    // Encoded once: the cache copies the record when it is saved, then its buffers go to the page.
    const lineage = encodeLineage(result.lineage);
    await store.saveSnapshot(lineage, info);
    post(
      {
        type: 'done',
        lineage,
        info,
        requests: result.state.requests,
        report: reportOf(result),
        deletions: { run: refresh ?? 'crawl', ...result.deletions },
      },
      transferables(lineage),
    );
  } catch (e) {
    if (run.mode === 'pause') post({ type: 'paused', requests: 0 });
    else if (run.mode === 'cancel') {
      const info = await keepPartialAndForget(store, settings, seeds);
      post({ type: 'cancelled', info });
    } else post({ type: 'error', message: (e as Error).message });
  } finally {
    updates?.stop();
    updates = null;
    store?.close();
    running = null;
  }
}

/** Cancel keeps what was crawled (as the snapshot) and forgets the crawl's journal, so the next one starts anew. */
async function keepPartialAndForget(
  store: ForkscopeStore | null,
  settings: CrawlSettings,
  seeds: Seeds,
): Promise<SnapshotInfo | null> {
  if (!store || !current) return null;
  const lineage = buildLineage(current.knowledgeSoFar(), seeds);
  const info: SnapshotInfo = {
    v: 1,
    hub: settings.hubUrl,
    orgs: seeds.orgs,
    roots: seeds.roots,
    crawledAt: new Date().toISOString(),
    nodes: lineage.nodes.length,
    edges: lineage.edges.length,
  };
  await store.saveSnapshot(encodeLineage(lineage), info);
  await store.journal().clear();
  return info;
}

/** A request URL without its origin (the status already names the Hub). */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}
