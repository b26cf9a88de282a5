// `npm run crawl -- --hub URL --org ORG … --root ID … --out DIR`: the crawler from the command line (DESIGN.md
// §2). Progress goes to stderr (one updating line on a terminal); one summary line to stdout; nodes.csv,
// edges.csv and snapshot.json to DIR. The token comes from the Hub tools' usual places (token.ts) and is never
// printed or written. Exit status: 0 done, 1 error, 2 usage, 3 the Hub could not be reached (journal kept).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Crawler, REAL_HUB_SIZE, type CrawlResult } from '../crawl/crawler.ts';
import type { CrawlRecord, CrawlState } from '../crawl/records.ts';
import { familyMembers } from '../crawl/closure.ts';
import { hubDerivativesOf } from '../stats/denominator.ts';
import { HubClient } from '../hub/client.ts';
import { forkscopeUserAgent } from '../hub/user-agent.ts';
import { edgesCsv, nodesCsv } from '../export/csv.ts';
import { makeSnapshot } from '../export/snapshot.ts';
import { HELP, parseFlags, positiveFlag, UsageError } from './args.ts';
import { crawlNotes, crawlSummary, progressLine } from './crawl-report.ts';
import { FileJournal } from './file-journal.ts';
import { Reachability } from './reach.ts';
import { inert, StatusLine } from './terminal.ts';
import { findToken, offline } from './token.ts';

const PUBLIC_HUB = 'https://huggingface.co';

const USAGE = `
Usage: npm run crawl -- [--org NAME …] [--root ID …] [--out DIR] [flags]

Crawls the base_model lineage of the seed orgs and models into DIR/nodes.csv, DIR/edges.csv and DIR/snapshot.json.
A crawl saved in DIR/.forkscope-crawl/ (by a run that was stopped or killed) is resumed.

  --hub URL            the Hub (default: $HF_ENDPOINT, else the public Hub)
  --org NAME           a seed org, repeatable (default: Qwen and meta-llama, when no --root is given)
  --root ID            a seed model, repeatable
  --out DIR            the output folder (default: forkscope-crawl)
  --quota N            requests per window (default: 500; 1000 with a token)
  --window S           the quota's window in seconds (default: 300)
  --strategy S         auto, sweep or walk (default: auto)
  --hub-size N         models on the Hub, for the sweep's ETA (default: known for the public Hub only)
  --refresh            list again only what changed since the last crawl in DIR (cannot see deletions)
  --full-refresh       sweep the Hub again and remove the models it no longer lists
  --give-up-after S    stop when the Hub has not answered for S seconds (default: 180)
  -h, --help           this text

Environment: HF_TOKEN, else HUGGING_FACE_HUB_TOKEN, else the file \`hf auth login\` writes ($HF_HOME/token,
by default ~/.cache/huggingface/token); HF_ENDPOINT; HF_HUB_OFFLINE=1 refuses to use the network.
Ends with one line on stdout: crawled <models> models, <edges> edges in <requests this run> requests, <seconds> s.
Exit status: 0 done, 1 error, 2 bad flags or HF_HUB_OFFLINE, 3 the Hub could not be reached (what was crawled is kept).
`;

export class HubUnreachableError extends Error {}

/** The file journal, remembering how many requests the crawl it resumes had already spent. */
class RunJournal extends FileJournal {
  spentBefore = 0;

  constructor(
    outDir: string,
    private readonly hubUrl: string,
  ) {
    super(outDir);
  }

  override async load(): Promise<{ state: CrawlState; records: CrawlRecord[] } | null> {
    const saved = await super.load();
    this.spentBefore = saved && saved.state.hub === this.hubUrl ? saved.state.requests : 0;
    return saved;
  }
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const values = parseFlags(
    argv,
    {
      ...HELP,
      hub: { type: 'string', default: env.HF_ENDPOINT || PUBLIC_HUB },
      org: { type: 'string', multiple: true },
      root: { type: 'string', multiple: true },
      out: { type: 'string', default: 'forkscope-crawl' },
      quota: { type: 'string' },
      window: { type: 'string', default: '300' },
      strategy: { type: 'string', default: 'auto' },
      'hub-size': { type: 'string' },
      refresh: { type: 'boolean', default: false },
      'give-up-after': { type: 'string', default: '180' },
      'full-refresh': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if (!values) return;
  if (offline(env))
    throw new UsageError('crawl: HF_HUB_OFFLINE is set, so the crawl may not use the network; unset it to crawl');
  const roots = values.root ?? [];
  const orgs = values.org ?? (roots.length === 0 ? ['Qwen', 'meta-llama'] : []);
  const strategy = values.strategy;
  if (strategy !== 'auto' && strategy !== 'sweep' && strategy !== 'walk')
    throw new UsageError('crawl: --strategy is auto, sweep or walk');
  let hubOrigin: string;
  try {
    hubOrigin = new URL(values.hub).origin;
  } catch {
    throw new UsageError(`crawl: --hub ${inert(values.hub)} is not a URL`);
  }
  // Another Hub's size is not the public Hub's: without --hub-size it is unknown, and progress says so.
  const hubSize = values['hub-size'] ? positiveFlag(values['hub-size'], 'hub-size') : undefined;
  const sizeKnown = hubSize !== undefined || hubOrigin === PUBLIC_HUB;
  const giveUpMs = positiveFlag(values['give-up-after'], 'give-up-after') * 1000;
  const windowMs = positiveFlag(values.window, 'window') * 1000;
  const found = await findToken(env);
  const status = new StatusLine(process.stderr);
  const say = (text: string): void => status.say(inert(text));
  const reach = new Reachability(values.hub, giveUpMs, say);
  if (found) say(`crawl: using the access token from ${found.source}`);
  const client = new HubClient({
    hubUrl: values.hub,
    ...(found ? { token: found.token } : {}),
    quota: positiveFlag(values.quota ?? (found ? '1000' : '500'), 'quota'),
    windowMs,
    signal: reach.controller.signal,
    userAgent: forkscopeUserAgent(`node/${process.versions.node}`),
    onRetry: (r) => {
      reach.retried(r);
      say(`retry ${r.attempt} in ${Math.round(r.delayMs / 1000)} s: ${r.reason}`);
    },
    onPageSize: (size) => say(`listing pages now ask ${size} models (gateway time-outs)`),
  });
  const started = performance.now();
  const journal = new RunJournal(values.out, client.hubUrl);
  const crawler = new Crawler(client, journal, {
    seeds: { orgs, roots },
    strategy,
    ...(sizeKnown ? { hubSizeEstimate: hubSize ?? REAL_HUB_SIZE } : {}),
    signal: reach.controller.signal,
    onProgress: (p) => {
      reach.answered();
      status.update(progressLine(p, journal.spentBefore, sizeKnown));
    },
  });
  let result: CrawlResult;
  try {
    result = values['full-refresh']
      ? await crawler.fullRefresh()
      : values.refresh
        ? await crawler.refresh()
        : await crawler.run();
  } catch (e) {
    status.end();
    if (reach.unreachable) throw new HubUnreachableError(reach.failure(journal.dir), { cause: e });
    throw e;
  } finally {
    reach.stop();
  }
  status.end();
  await writeOutputs(values.out, client.hubUrl, orgs, roots, result);
  for (const line of crawlSummary(result, journal.spentBefore, [...orgs, ...roots])) say(line);
  for (const line of crawlNotes(result)) say(line);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { lineage } = result;
  process.stdout.write(
    `crawled ${lineage.nodes.length} models, ${lineage.edges.length} edges in ${result.state.requests - journal.spentBefore} requests, ${seconds} s\n`,
  );
}

async function writeOutputs(
  out: string,
  hub: string,
  orgs: string[],
  roots: string[],
  result: CrawlResult,
): Promise<void> {
  const { lineage } = result;
  await mkdir(out, { recursive: true });
  const crawledAt = result.state.finishedAt ?? new Date().toISOString();
  // A sweep saw every lineage-tagged model on the Hub: the Hub-wide count of new derivatives comes with it.
  const hubDerivatives =
    result.state.strategy === 'sweep'
      ? hubDerivativesOf(result.knowledge, familyMembers(result.knowledge, { orgs, roots }))
      : undefined;
  const snapshot = makeSnapshot(lineage, { hub, orgs, roots, crawledAt, ...(hubDerivatives && { hubDerivatives }) });
  await Promise.all([
    writeFile(join(out, 'nodes.csv'), nodesCsv(lineage)),
    writeFile(join(out, 'edges.csv'), edgesCsv(lineage)),
    writeFile(join(out, 'snapshot.json'), JSON.stringify(snapshot)),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${inert((e as Error).message)}\n`);
    process.exit(e instanceof UsageError ? 2 : e instanceof HubUnreachableError ? 3 : 1);
  });
}
