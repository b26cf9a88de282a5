// `npm run publish -- --from DIR --repo OWNER/NAME [--hub URL] [--private]`: publishes the crawl in DIR
// (DIR/snapshot.json, and the crawl state in DIR/.forkscope-crawl/ for its start time) as a lineage dataset on the
// Hub: one commit adding snapshots/<UTC time>/{nodes.parquet, edges.parquet, manifest.json} and replacing
// latest.json. The repo is created when absent. The commit oid is the snapshot's version. Token: see token.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCrawlState } from '../crawl/records.ts';
import { publicationFiles, type PublishedCrawl, type SnapshotManifest } from '../export/manifest.ts';
import { parseSnapshot, type Snapshot } from '../export/snapshot.ts';
import { commitFiles, datasetCommits, ensureDataset } from '../hub/datasets.ts';
import { findToken } from './token.ts';

const HELP = `npm run publish -- --from DIR --repo OWNER/NAME [--hub URL] [--private] [--watermark TIME]

Publishes the crawl in DIR (written by npm run crawl -- --out DIR) as a lineage dataset on the Hub, in one
commit: snapshots/<UTC time>/nodes.parquet, edges.parquet and manifest.json, and latest.json pointing at them.
The dataset repo is created when absent (--private makes it private). The commit oid is the snapshot's version.

  --from DIR        the crawl's folder (DIR/snapshot.json and DIR/.forkscope-crawl/state.json)
  --repo OWNER/NAME the dataset repo
  --hub URL         the Hub to publish to (default $HF_ENDPOINT, else https://huggingface.co)
  --watermark TIME  where a later refresh starts, when DIR has no crawl state (default: the crawl's start)
  --private         make the dataset repo private when it is created (an existing repo keeps its visibility)
  -h, --help        this text

Token: $HF_TOKEN, else $HUGGING_FACE_HUB_TOKEN, else $HF_HOME/token (default ~/.cache/huggingface/token),
the file 'hf auth login' writes. It needs write access to OWNER.
`;

export interface PublishOptions {
  from: string;
  repo: string;
  hubUrl: string;
  token: string;
  private?: boolean;
  watermark?: string;
  now?: Date;
  fetch?: typeof fetch;
}

export interface Published {
  oid: string;
  folder: string;
  manifest: SnapshotManifest;
  created: boolean;
}

/** Reads the crawl in `from` and commits its snapshot files to the dataset; returns the commit. */
export async function publishCrawl(o: PublishOptions): Promise<Published> {
  const path = join(o.from, 'snapshot.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`publish: ${path} is not readable JSON (${(e as Error).message})`, { cause: e });
  }
  const parsed = parseSnapshot(raw);
  if (!parsed.ok) throw new Error(`publish: ${parsed.error}`);
  const snap = parsed.snapshot;
  const stateText = await readFile(join(o.from, '.forkscope-crawl', 'state.json'), 'utf8').catch(() => null);
  const state = stateText === null ? null : parseCrawlState(JSON.parse(stateText));
  if (state && state.hub !== snap.hub) throw new Error(`publish: the crawl state in ${o.from} is of another Hub`);
  const startedAt = o.watermark ?? state?.startedAt;
  if (!startedAt || !Number.isFinite(Date.parse(startedAt)))
    throw new Error(`publish: ${o.from} has no crawl state saying when the crawl began; pass --watermark TIME`);
  const iso = (t: string): string => new Date(t).toISOString();
  return publishSnapshot({
    ...o,
    snapshot: snap,
    crawl: {
      startedAt: iso(startedAt),
      finishedAt: iso(state?.finishedAt ?? snap.crawledAt),
      ...(state?.pageSize && { pageSize: state.pageSize }),
    },
  });
}

/** Commits a snapshot's files on top of the dataset's head (created when absent). */
export async function publishSnapshot(
  o: Omit<PublishOptions, 'from' | 'watermark'> & {
    snapshot: Snapshot;
    crawl: PublishedCrawl;
  },
): Promise<Published> {
  const snap = o.snapshot;
  const { files, manifest, latest } = await publicationFiles(snap, {
    hub: snap.hub,
    seeds: { orgs: snap.orgs, roots: snap.roots },
    crawl: o.crawl,
    publishedAt: o.now ?? new Date(),
  });
  const access = { hubUrl: o.hubUrl, repo: o.repo, accessToken: o.token, ...(o.fetch ? { fetch: o.fetch } : {}) };
  const created = await ensureDataset(access, o.private === undefined ? {} : { private: o.private });
  const [head] = await datasetCommits(access, 1);
  const title = `Lineage snapshot ${latest.path.slice('snapshots/'.length)}: ${manifest.counts.nodes} models, ${manifest.counts.edges} edges`;
  const description = `Crawled from ${snap.hub} (seeds: ${[...snap.orgs, ...snap.roots].join(', ')}), ${manifest.crawl.startedAt} to ${manifest.crawl.finishedAt}. Watermark ${manifest.watermark}.`;
  const oid = await commitFiles(access, files, title, { description, ...(head ? { parentCommit: head.oid } : {}) });
  return { oid, folder: latest.path, manifest, created };
}

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      repo: { type: 'string' },
      hub: { type: 'string', default: process.env.HF_ENDPOINT ?? 'https://huggingface.co' },
      private: { type: 'boolean' },
      watermark: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  if (!values.from || !values.repo)
    throw new Error(`publish: --from DIR and --repo OWNER/NAME are required\n\n${HELP}`);
  if (!/^[\w.-]+\/[\w.-]+$/.test(values.repo)) throw new Error(`publish: --repo ${values.repo} is not OWNER/NAME`);
  const found = await findToken(process.env);
  if (!found)
    throw new Error('publish: no token ($HF_TOKEN, $HUGGING_FACE_HUB_TOKEN or the file hf auth login writes)');
  process.stderr.write(
    `publishing ${values.from} to datasets/${values.repo} on ${values.hub} with the token from ${found.source}\n`,
  );
  const started = performance.now();
  const out = await publishCrawl({
    from: values.from,
    repo: values.repo,
    hubUrl: values.hub,
    token: found.token,
    ...(values.private !== undefined ? { private: values.private } : {}),
    ...(values.watermark ? { watermark: values.watermark } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (out.created) process.stderr.write(`created datasets/${values.repo}\n`);
  process.stdout.write(
    `published ${out.manifest.counts.nodes} models, ${out.manifest.counts.edges} edges to datasets/${values.repo}@${out.oid} (${out.folder}), ${seconds} s\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  });
}
