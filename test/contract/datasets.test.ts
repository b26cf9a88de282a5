// Lineage datasets on the local Hub, through @huggingface/hub itself: `npm run publish`'s publishCrawl writes one
// commit (created repo, LFS uploads, NDJSON commit), the package reads it back (downloadFile, listCommits,
// repoExists), the resolve route redirects like the Hub (302 to the CDN for LFS files, 307 to resolve-cache for
// the rest, ranges, CORS), and the app's loader opens it, pinned to a revision, with typed errors.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadFile, listCommits, repoExists } from '@huggingface/hub';
import { asyncBufferFromUrl, parquetMetadataAsync } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { commitFiles } from '../../src/hub/datasets.ts';
import { loadPublishedSnapshot, type LoadProgress } from '../../src/snapshot/load.ts';
import { publishCrawl } from '../../src/cli/publish.ts';
import { main as publishMain } from '../../src/cli/publish.ts';
import { edge, node, smallLineage } from '../unit/fixtures.ts';
import { syntheticHub, useHub } from './helpers.ts';

const hub = useHub(() => ({ dataset: syntheticHub(2_000), quota: 100_000 }));
const TOKEN = 'hf_owner_token';
const REPO = 'forkscope/lineage';
const lineage = smallLineage();
lineage.nodes[0] = node('Q/base', { downloads: 123_456_789_012, gated: 'manual' });
let dir: string;

async function crawlDir(name: string, l = lineage, startedAt = '2026-11-30T10:00:00.000Z'): Promise<string> {
  const out = join(dir, name);
  await mkdir(join(out, '.forkscope-crawl'), { recursive: true });
  const snap = makeSnapshot(l, {
    hub: 'https://hub.example',
    orgs: ['Q'],
    roots: [],
    crawledAt: '2026-11-30T11:00:00.000Z',
  });
  await writeFile(join(out, 'snapshot.json'), JSON.stringify(snap));
  const state = {
    v: 1,
    hub: 'https://hub.example',
    seeds: { orgs: ['Q'], roots: [] },
    strategy: 'sweep',
    phase: 'done',
  };
  const rest = { next: null, queue: [], looked: [], orgsCovered: ['Q'], requests: 3, pages: 3, refreshSince: null };
  await writeFile(
    join(out, '.forkscope-crawl', 'state.json'),
    JSON.stringify({ ...state, ...rest, startedAt, finishedAt: '2026-11-30T11:00:00.000Z' }),
  );
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forkscope-publish-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('publishing a lineage dataset', () => {
  let first: Awaited<ReturnType<typeof publishCrawl>>;
  const repo = { type: 'dataset' as const, name: REPO };

  it('creates the repo and writes one commit that @huggingface/hub reads back', async () => {
    const from = await crawlDir('one');
    first = await publishCrawl({
      from,
      repo: REPO,
      hubUrl: hub().url,
      token: TOKEN,
      now: new Date('2026-12-01T08:00:00Z'),
    });
    expect(first.created).toBe(true);
    expect(first.folder).toBe('snapshots/20261201T080000Z');
    expect(first.manifest.watermark).toBe('2026-11-30T10:00:00.000Z');
    expect(await repoExists({ repo, hubUrl: hub().url })).toBe(true);
    const commits = [];
    for await (const c of listCommits({ repo, hubUrl: hub().url })) commits.push(c);
    expect(commits.map((c) => c.oid)).toEqual([first.oid, expect.stringMatching(/^[0-9a-f]{40}$/)]);
    expect(commits[0]?.title).toContain('9 models, 8 edges');
    const latest = await downloadFile({ repo, path: 'latest.json', hubUrl: hub().url, revision: first.oid });
    expect(JSON.parse((await latest?.text()) ?? '')).toMatchObject({ path: first.folder });
    const nodes = await downloadFile({ repo, path: `${first.folder}/nodes.parquet`, hubUrl: hub().url });
    const stored = hub().datasets.get(REPO)?.commits.at(-1)?.files.get(`${first.folder}/nodes.parquet`);
    expect(stored?.lfs).toBe(true);
    expect(new Uint8Array((await nodes?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(stored?.bytes);
  });

  it('resolves like the Hub: 302 to the CDN for LFS files, 307 to resolve-cache for others, ranges and CORS', async () => {
    const at = `${hub().url}/datasets/${REPO}/resolve/main`;
    const lfs = await fetch(`${at}/${first.folder}/edges.parquet`, {
      redirect: 'manual',
      headers: { Origin: 'http://app.example' },
    });
    expect(lfs.status).toBe(302);
    expect(lfs.headers.get('x-repo-commit')).toBe(first.oid);
    expect(Number(lfs.headers.get('x-linked-size'))).toBe(first.manifest.files.edges.bytes);
    expect(lfs.headers.get('x-linked-etag')).toBe(`"${first.manifest.files.edges.sha256}"`);
    expect(lfs.headers.get('access-control-allow-origin')).toBe('http://app.example');
    const cdn = await fetch(lfs.headers.get('location') as string, { headers: { Range: 'bytes=0-3' } });
    expect(cdn.status).toBe(206);
    expect(cdn.headers.get('access-control-allow-origin')).toBe('*');
    expect(new TextDecoder().decode(await cdn.arrayBuffer())).toBe('PAR1');
    const regular = await fetch(`${at}/latest.json`, { redirect: 'manual' });
    expect(regular.status).toBe(307);
    expect(regular.headers.get('location')).toMatch(
      new RegExp(`^/api/resolve-cache/datasets/${REPO}/${first.oid}/latest\\.json`),
    );
    const file = await parquetMetadataAsync(await asyncBufferFromUrl({ url: `${at}/${first.folder}/nodes.parquet` }));
    expect(Number(file.num_rows)).toBe(9);
    const missing = await fetch(`${at}/nope.json`, { redirect: 'manual' });
    expect([missing.status, missing.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);
  });

  it('opens in the app loader, pinned to the commit, with progress in bytes', async () => {
    const events: LoadProgress[] = [];
    const loaded = await loadPublishedSnapshot({
      hubUrl: hub().url,
      repo: REPO,
      fetch,
      onProgress: (p) => events.push(p),
    });
    expect(loaded.lineage).toEqual(lineage);
    expect(loaded.ref).toEqual({ repo: REPO, revision: first.oid });
    expect(loaded.manifest.hub).toBe('https://hub.example');
    const total = first.manifest.files.nodes.bytes + first.manifest.files.edges.bytes;
    expect(events.at(-1)).toEqual({ phase: 'decoding', loaded: total, total });
  });

  it('publishes again on top; the old revision still opens as it was', async () => {
    const grown = smallLineage();
    grown.nodes.push(node('u/new'));
    grown.edges.push(edge('Q/base', 'u/new'));
    const second = await publishCrawl({
      from: await crawlDir('two', grown, '2026-12-02T10:00:00.000Z'),
      repo: REPO,
      hubUrl: hub().url,
      token: TOKEN,
      now: new Date('2026-12-03T08:00:00Z'),
    });
    expect(second.created).toBe(false);
    const newest = await loadPublishedSnapshot({ hubUrl: hub().url, repo: REPO, fetch });
    expect(newest.ref.revision).toBe(second.oid);
    expect(newest.lineage.nodes).toHaveLength(10);
    const pinned = await loadPublishedSnapshot({ hubUrl: hub().url, repo: REPO, fetch, revision: first.oid });
    expect(pinned.lineage).toEqual(lineage);
    expect(pinned.folder).toBe(first.folder);
  });

  it('npm run publish: --help, and a clear error without a token', async () => {
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => written.push(s) > 0) as typeof process.stdout.write;
    try {
      await publishMain(['--help']);
    } finally {
      process.stdout.write = write;
    }
    expect(written.join('')).toContain('--from DIR --repo OWNER/NAME');
    const env = { ...process.env };
    process.env = { ...env, HF_TOKEN: '', HUGGING_FACE_HUB_TOKEN: '', HF_HOME: dir };
    try {
      await expect(publishMain(['--from', dir, '--repo', REPO, '--hub', hub().url])).rejects.toThrow(/no token/);
    } finally {
      process.env = env;
    }
  });
});

describe('refusals, as the Hub gives them', () => {
  const open = (extra: { repo?: string; revision?: string; accessToken?: string } = {}): Promise<unknown> =>
    loadPublishedSnapshot({ hubUrl: hub().url, repo: extra.repo ?? REPO, fetch, ...extra });

  it('a missing dataset: 401 anonymously (it may be private), 404 with a token', async () => {
    await expect(open({ repo: 'nobody/nothing' })).rejects.toMatchObject({ kind: 'private', status: 401 });
    await expect(open({ repo: 'nobody/nothing', accessToken: 'hf_reader_token' })).rejects.toMatchObject({
      kind: 'missing',
      status: 404,
    });
    await expect(open({ revision: 'feedbeef' })).rejects.toMatchObject({ kind: 'missing' });
  });

  it('a private dataset opens for its owner only', async () => {
    await publishCrawl({
      from: join(dir, 'one'),
      repo: 'forkscope/secret',
      hubUrl: hub().url,
      token: TOKEN,
      private: true,
    });
    await expect(open({ repo: 'forkscope/secret' })).rejects.toMatchObject({ kind: 'private', status: 401 });
    await expect(open({ repo: 'forkscope/secret', accessToken: 'hf_other_token' })).rejects.toMatchObject({
      kind: 'missing',
    });
    expect(((await open({ repo: 'forkscope/secret', accessToken: TOKEN })) as { lineage: unknown }).lineage).toEqual(
      lineage,
    );
  });

  it('writes need a token with rights: 401 without, 403 read-only or not the owner', async () => {
    const files = [{ path: 'x.json', bytes: new Uint8Array([123, 125]) }];
    const as = (accessToken?: string): Promise<string> =>
      commitFiles({ hubUrl: hub().url, repo: REPO, ...(accessToken ? { accessToken } : {}) }, files, 'x');
    await expect(as()).rejects.toMatchObject({ status: 401 });
    const anonymous = await fetch(`${hub().url}/api/datasets/${REPO}/commit/main`, { method: 'POST', body: '' });
    expect(anonymous.status).toBe(401);
    await expect(as('hf_ro_reader')).rejects.toMatchObject({ status: 403 });
    await expect(as('hf_someone_else')).rejects.toMatchObject({ status: 403 });
  });

  it('a table that is not what the manifest says is malformed', async () => {
    const loaded = await loadPublishedSnapshot({ hubUrl: hub().url, repo: REPO, fetch });
    const path = `${loaded.folder}/edges.parquet`;
    await commitFiles(
      { hubUrl: hub().url, repo: REPO, accessToken: TOKEN },
      [{ path, bytes: new Uint8Array(64) }],
      'break',
    );
    await expect(open()).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('SHA-256') });
    const latest = { path: 'latest.json', bytes: new TextEncoder().encode('{"format":"x"}') };
    await commitFiles({ hubUrl: hub().url, repo: REPO, accessToken: TOKEN }, [latest], 'break more');
    await expect(open()).rejects.toMatchObject({ kind: 'malformed', message: expect.stringContaining('latest.json') });
  });
});
