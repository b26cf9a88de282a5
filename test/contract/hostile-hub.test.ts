// A hostile Hub through the local Hub's hostile modes: listing `Link`s that loop or leave the Hub, and a model
// whose info route redirects in a loop, each end the crawl at once with an error that says what happened (no
// silent end, no endless listing, no minutes of retries). And the CLI names itself on every request.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { HubHttpError } from '../../src/hub/http.ts';
import { FORKSCOPE_VERSION } from '../../src/hub/user-agent.ts';
import type { HostileLinks } from '../hub/hostile.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../hub/server.ts';
import { syntheticHub } from './helpers.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };
const dataset = syntheticHub(6000, 3);
const CLI = new URL('../../src/cli/crawl.ts', import.meta.url).pathname;

async function withHub<T>(options: Omit<LocalHubOptions, 'dataset'>, run: (hub: LocalHub) => Promise<T>): Promise<T> {
  const hub = await startLocalHub({ dataset, quota: 1_000_000, ...options });
  try {
    return await run(hub);
  } finally {
    await hub.close();
  }
}

const client = (hub: LocalHub): HubClient =>
  new HubClient({ hubUrl: hub.url, quota: 1_000_000, windowMs: 300_000, baseDelayMs: 5 });

describe('hostile listing Links', () => {
  const cases: [HostileLinks, RegExp, number][] = [
    ['self', /next-page Link repeats a page already fetched in this listing \(a loop\)/, 1],
    ['back', /next-page Link repeats a page already fetched in this listing \(a loop\)/, 2],
    ['foreign', /next-page Link points to another origin \(http:\/\/elsewhere\.invalid\)/, 1],
  ];
  for (const [mode, message, pages] of cases)
    it(`(${mode}) end the crawl with a reported error after ${pages} page(s) of the listing`, async () => {
      await withHub({ hostileLinks: mode }, async (hub) => {
        const crawl = new Crawler(client(hub), new MemoryJournal(), { seeds: SEEDS, hubSizeEstimate: 6000 }).run();
        const error = await crawl.catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HubHttpError);
        expect(error).toMatchObject({ kind: 'link' });
        expect((error as Error).message).toMatch(message);
        expect(hub.stats().listRequests).toBe(pages);
      });
    });
});

describe('a redirect loop', () => {
  it('fails at once, saying redirect, after two requests', async () => {
    await withHub({ redirectLoops: ['Qwen/Loop-7B'] }, async (hub) => {
      const c = client(hub);
      const error = await c.http.getJson(`${hub.url}/api/models/Qwen/Loop-7B`).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'redirect', status: 307 });
      expect((error as Error).message).toBe(
        `hub: redirect loop at ${hub.url}: /api/models/Qwen/Loop-7B -> /api/models/Qwen/Loop-7B/revision/main -> /api/models/Qwen/Loop-7B`,
      );
      expect(hub.stats()).toMatchObject({ requests: 2, byStatus: { 307: 2 } });
      // The same through @huggingface/hub's modelInfo (it asks `/revision/HEAD`, one hop more), through the same fetch.
      await expect(c.model('Qwen/Loop-7B')).rejects.toThrow(/redirect loop/);
      expect(hub.stats().requests).toBe(5);
    });
  });
});

describe('the CLI', () => {
  it('names Forkscope and its version on every request', async () => {
    await withHub({}, async (hub) => {
      const out = await mkdtemp(join(tmpdir(), 'forkscope-ua-'));
      const code = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--hub', hub.url, '--out', out], {
          env: { ...process.env, HF_TOKEN: '' },
          stdio: 'ignore',
        });
        child.on('close', resolve);
      });
      expect(code).toBe(0);
      const agents = Object.keys(hub.stats().userAgents);
      expect(agents).toHaveLength(1);
      expect(agents[0]).toMatch(new RegExp(`^forkscope/${FORKSCOPE_VERSION.replaceAll('.', '\\.')}; node/\\d+`));
    });
  });
});
