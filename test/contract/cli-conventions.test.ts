// `npm run crawl` keeps the Hub tools' conventions, run as a user would: the token from the file `hf auth login`
// writes, a Forkscope User-Agent, HF_HUB_OFFLINE refusing the network, --help on every command, plain progress
// lines off a terminal with no ETA invented for a Hub of unknown size, Hub text made inert, the requests of this
// run, and an unreachable Hub said at once and given up on with the journal kept.
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CRAWL = new URL('../../src/cli/crawl.ts', import.meta.url).pathname;
const EXPORT = new URL('../../src/cli/export.ts', import.meta.url).pathname;
const HUB = new URL('../hub/cli.ts', import.meta.url).pathname;
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const HOSTILE = 'evil/\u001b]0;pwned\u0007\u001b[31mred';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const clean = { ...process.env, HF_TOKEN: '', HUGGING_FACE_HUB_TOKEN: '', HF_HUB_OFFLINE: '', HF_HOME: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A tiny Hub: one listing page (a seed, a child, and a child naming a hostile parent), 404 for every model read. */
async function tinyHub(): Promise<{ url: string; seen: IncomingHttpHeaders[]; server: Server }> {
  const seen: IncomingHttpHeaders[] = [];
  const item = (id: string, tags: string[] = [], cardData: object = {}) => ({
    id,
    author: id.split('/')[0],
    createdAt: '2025-01-01T00:00:00.000Z',
    tags,
    cardData,
  });
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const listing = new URL(req.url ?? '/', 'http://x').pathname === '/api/models';
    res.writeHead(listing ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        listing
          ? [
              item('Qwen/base'),
              item('u/child', ['base_model:finetune:Qwen/base']),
              item('u/evil', ['base_model:finetune:Qwen/base', `base_model:merge:${HOSTILE}`], {
                base_model: [HOSTILE],
              }),
            ]
          : { error: 'Repository not found' },
      ),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, seen, server };
}

describe('the command line conventions', () => {
  it('answers --help on every command, listing its flags', async () => {
    const [crawl, exporter, hub] = await Promise.all([
      run(CRAWL, ['--help']),
      run(EXPORT, ['--help']),
      run(HUB, ['--help']),
    ]);
    for (const r of [crawl, exporter, hub]) expect(r.code, r.stderr).toBe(0);
    for (const flag of ['--hub', '--org', '--root', '--out', '--hub-size', '--give-up-after'])
      expect(crawl.stdout).toContain(flag);
    for (const flag of ['--snapshot', '--out', '--format', '--dynamics']) expect(exporter.stdout).toContain(flag);
    for (const flag of ['--port', '--size', '--data', '--faults']) expect(hub.stdout).toContain(flag);
    const bad = await run(CRAWL, ['--no-such-flag']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--help/);
  });

  it('refuses the network when HF_HUB_OFFLINE=1', async () => {
    const hub = await tinyHub();
    try {
      const out = await mkdtemp(join(tmpdir(), 'forkscope-offline-'));
      const r = await run(CRAWL, ['--hub', hub.url, '--out', out], { HF_HUB_OFFLINE: '1' });
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/HF_HUB_OFFLINE/);
      expect(hub.seen).toHaveLength(0);
    } finally {
      hub.server.close();
    }
  });

  it('sends the token file and a Forkscope User-Agent, prints inert plain progress, counts this run', async () => {
    const hub = await tinyHub();
    try {
      const home = await mkdtemp(join(tmpdir(), 'forkscope-home-'));
      await mkdir(join(home, '.cache', 'huggingface'), { recursive: true });
      await writeFile(join(home, '.cache', 'huggingface', 'token'), 'hf_fromfile\n');
      const out = await mkdtemp(join(tmpdir(), 'forkscope-conv-'));
      const args = ['--hub', hub.url, '--org', 'Qwen', '--out', out];
      const first = await run(CRAWL, args, { HOME: home, XDG_CACHE_HOME: '' });
      expect(first.code, first.stderr).toBe(0);
      expect(hub.seen.length).toBeGreaterThanOrEqual(1);
      for (const h of hub.seen) {
        expect(h['authorization']).toBe('Bearer hf_fromfile');
        expect(h['user-agent']).toMatch(/^forkscope\/\d+\.\d+\.\d+; node\//);
      }
      expect(first.stderr).toContain(`token from ${join(home, '.cache', 'huggingface', 'token')}`);
      expect(first.stderr).not.toContain('hf_fromfile');
      expect(first.stderr).not.toMatch(RAW_CONTROL);
      expect(first.stderr).toContain('\\u001b]0;pwned\\u0007');
      expect(first.stderr).toContain('Hub size unknown');
      expect(first.stderr).toMatch(/in the families of Qwen and went to nodes\.csv/);
      expect(first.stdout).toContain(` in ${hub.seen.length} requests, `);
      // The crawl is done: running it again spends nothing, and says so.
      const again = await run(CRAWL, args, { HOME: home });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/ in 0 requests, /);
      expect(again.stderr).toMatch(/this run spent 0 requests; with the earlier runs this crawl resumed, \d+ in all/);
    } finally {
      hub.server.close();
    }
  });

  it('says at once that the Hub cannot be reached, then stops with the journal kept', async () => {
    // A port that was just free: nothing listens there.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const out = await mkdtemp(join(tmpdir(), 'forkscope-unreachable-'));
    const r = await run(CRAWL, ['--hub', `http://127.0.0.1:${port}`, '--out', out, '--give-up-after', '2']);
    expect(r.code).toBe(3);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/cannot reach the Hub at http:\/\/127\.0\.0\.1:\d+ \(network error/);
    expect(lines[lines.length - 1]).toMatch(/stopped, the Hub .* could not be reached .* run the same command again/);
    expect(await readdir(join(out, '.forkscope-crawl'))).toContain('state.json');
  });
});
