// `npm run crawl` as a user runs it, against the local Hub serving ../shared/hub-data: every edge reachable from
// the Qwen and meta-llama orgs, with faults and a small quota; killed with SIGKILL mid-crawl and resumed.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRealHub } from '../hub/real-data.ts';
import { startLocalHub } from '../hub/server.ts';
import { crawlCli as crawl, readEdges } from './cli-run.ts';
import { edgeRecall, reachableTruth } from './truth.ts';

const dataset = loadRealHub();
const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };

describe('npm run crawl on the real records', () => {
  it('recovers every edge reachable from Qwen and meta-llama, with faults and a small quota', async () => {
    const hub = await startLocalHub({ dataset, quota: 8, windowSeconds: 1, faults: { rate: 0.2, seed: 4 } });
    try {
      const out = await mkdtemp(join(tmpdir(), 'forkscope-cli-'));
      const run = await crawl(['--hub', hub.url, '--out', out, '--quota', '8', '--window', '1', '--hub-size', '20000']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/^crawled \d+ models, \d+ edges in \d+ requests, [\d.]+ s\n$/);
      const truth = reachableTruth(dataset, SEEDS);
      expect(truth.length).toBeGreaterThan(2500);
      expect(edgeRecall(await readEdges(out), truth).missed).toEqual([]);
      expect(hub.stats().byStatus[429]).toBeUndefined();
      const snapshot = JSON.parse(await readFile(join(out, 'snapshot.json'), 'utf8')) as {
        format: string;
        nodes: unknown[];
      };
      expect(snapshot.format).toBe('forkscope-snapshot');
    } finally {
      await hub.close();
    }
  });

  it('resumes after SIGKILL without fetching again the pages it saved', async () => {
    const hub = await startLocalHub({ dataset, quota: 100_000, latencyMs: 120 });
    try {
      const out = await mkdtemp(join(tmpdir(), 'forkscope-kill-'));
      const args = ['--hub', hub.url, '--out', out, '--hub-size', '20000'];
      const killed = await crawl(args, /swept 6 pages/);
      expect(killed.code).toBeNull();
      const spent = hub.stats().listRequests;
      const resumed = await crawl(args);
      expect(resumed.code, resumed.stderr).toBe(0);
      const pages = Math.ceil(hub.catalog.size / 1000);
      // At most the page in flight when the kill came is read twice.
      expect(hub.stats().listRequests).toBeLessThanOrEqual(pages + 1);
      expect(spent).toBeGreaterThanOrEqual(6);
      expect(edgeRecall(await readEdges(out), reachableTruth(dataset, SEEDS)).recall).toBe(1);
    } finally {
      await hub.close();
    }
  });
});
