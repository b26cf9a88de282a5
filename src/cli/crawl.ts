// `npm run crawl -- --hub URL --org ORG … --root ID … --out DIR`: the crawler from the command line (DESIGN.md
// §2). Progress goes to stderr; one summary line to stdout; nodes.csv, edges.csv and snapshot.json to DIR.
// The token comes from $HF_TOKEN only and is never printed or written.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Crawler, REAL_HUB_SIZE } from '../crawl/crawler.ts';
import { familyMembers } from '../crawl/closure.ts';
import { hubDerivativesOf } from '../stats/denominator.ts';
import { HubClient } from '../hub/client.ts';
import { edgesCsv, nodesCsv } from '../export/csv.ts';
import { makeSnapshot } from '../export/snapshot.ts';
import { FileJournal } from './file-journal.ts';

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      hub: { type: 'string', default: process.env.HF_ENDPOINT ?? 'https://huggingface.co' },
      org: { type: 'string', multiple: true },
      root: { type: 'string', multiple: true },
      out: { type: 'string', default: 'forkscope-crawl' },
      quota: { type: 'string' },
      window: { type: 'string', default: '300' },
      strategy: { type: 'string', default: 'auto' },
      'hub-size': { type: 'string', default: String(REAL_HUB_SIZE) },
      refresh: { type: 'boolean', default: false },
    },
  });
  const token = process.env.HF_TOKEN || undefined;
  const roots = values.root ?? [];
  const orgs = values.org ?? (roots.length === 0 ? ['Qwen', 'meta-llama'] : []);
  const strategy = values.strategy;
  if (strategy !== 'auto' && strategy !== 'sweep' && strategy !== 'walk')
    throw new Error('crawl: --strategy is auto, sweep or walk');
  const client = new HubClient({
    hubUrl: values.hub,
    ...(token ? { token } : {}),
    quota: positive(values.quota ?? (token ? '1000' : '500'), 'quota'),
    windowMs: positive(values.window, 'window') * 1000,
    onRetry: (r) => process.stderr.write(`retry ${r.attempt} in ${Math.round(r.delayMs / 1000)} s: ${r.reason}\n`),
    onPageSize: (size) => process.stderr.write(`listing pages now ask ${size} models (gateway time-outs)\n`),
  });
  const started = performance.now();
  const crawler = new Crawler(client, new FileJournal(values.out), {
    seeds: { orgs, roots },
    strategy,
    hubSizeEstimate: positive(values['hub-size'], 'hub-size'),
    onProgress: (p) =>
      process.stderr.write(
        `${p.phase} (${p.strategy}): ${p.models} models kept, ${p.requests} requests, ${p.queue} to go, eta ${Math.round(p.etaMs / 1000)} s - ${p.message}\n`,
      ),
  });
  const result = values.refresh ? await crawler.refresh() : await crawler.run();
  const { lineage } = result;
  await mkdir(values.out, { recursive: true });
  const snapshot = makeSnapshot(lineage, {
    hub: client.hubUrl,
    orgs,
    roots,
    crawledAt: result.state.finishedAt ?? new Date().toISOString(),
    ...(result.state.strategy === 'sweep' && {
      hubDerivatives: hubDerivativesOf(result.knowledge, familyMembers(result.knowledge, { orgs, roots })),
    }),
  });
  await Promise.all([
    writeFile(join(values.out, 'nodes.csv'), nodesCsv(lineage)),
    writeFile(join(values.out, 'edges.csv'), edgesCsv(lineage)),
    writeFile(join(values.out, 'snapshot.json'), JSON.stringify(snapshot)),
  ]);
  if (result.knowledge.junk.length > 0)
    process.stderr.write(
      `${result.knowledge.junk.length} base_model entries name nothing on the Hub (local paths, foreign URLs)\n`,
    );
  if (result.parseErrors.length > 0)
    process.stderr.write(`${result.parseErrors.length} malformed items skipped, first: ${result.parseErrors[0]}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `crawled ${lineage.nodes.length} models, ${lineage.edges.length} edges in ${result.state.requests} requests, ${seconds} s\n`,
  );
}

function positive(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`crawl: --${name} must be a positive number, got "${raw}"`);
  return n;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
