// `npm run crawl` through every quirk of the real Hub at once (disabled repos, refused look-ups, junk lineage
// tags, legacy dates, gateway time-outs on heavy pages, faults), on synthetic data and on ../shared/hub-data:
// full recall, no junk node, the summary says what it met; SIGKILLed mid-look-ups, it resumes without asking again.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRepoId } from '../../src/lineage/repo-id.ts';
import { generateHub } from '../hub/generate.ts';
import { QUIRK } from '../hub/quirks.ts';
import { loadRealHub } from '../hub/real-data.ts';
import type { HubDataset } from '../hub/records.ts';
import { startLocalHub } from '../hub/server.ts';
import { crawlCli, readEdges, readNodes } from './cli-run.ts';
import { edgeRecall, reachableTruth } from './truth.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };

async function crawlsFaithfully(dataset: HubDataset, faults: number): Promise<void> {
  const hub = await startLocalHub({ dataset, quota: 100_000, heavyListingMaxLimit: 500, faults: { rate: faults } });
  try {
    const out = await mkdtemp(join(tmpdir(), 'forkscope-quirks-'));
    const run = await crawlCli(['--hub', hub.url, '--out', out, '--hub-size', '20000']);
    expect(run.code, run.stderr).toBe(0);
    expect(edgeRecall(await readEdges(out), reachableTruth(dataset, SEEDS)).missed).toEqual([]);
    const nodes = await readNodes(out);
    expect(nodes.filter((n) => !isRepoId(n.id))).toEqual([]);
    const status = new Map(nodes.map((n) => [n.id, n.status]));
    expect(status.get(QUIRK.disabledParent)).toBe('disabled');
    expect(status.get(QUIRK.disabledCard)).toBe('disabled');
    expect(run.stderr).toMatch(/\d+ base_model tags name no repo/);
    const disabled = Number(run.stderr.match(/look-ups refused by the Hub \((\d+) disabled repos\)/)?.[1]);
    expect(disabled).toBeGreaterThanOrEqual(2);
    expect(Object.keys(hub.stats().infoById).filter((id) => !isRepoId(id))).toEqual([]);
  } finally {
    await hub.close();
  }
}

describe('npm run crawl through the real Hub quirks', () => {
  it('on synthetic data: full recall, no junk node, disabled nodes, junk tags reported', async () => {
    await crawlsFaithfully(generateHub({ size: 20_000, seed: 5 }), 0.03);
  }, 180_000);

  it('on the real records: the same', async () => {
    await crawlsFaithfully(loadRealHub(), 0);
  }, 180_000);

  it('killed while looking up, resumes without asking again what it had been answered', async () => {
    const dataset = generateHub({ size: 20_000, seed: 5 });
    const hub = await startLocalHub({ dataset, quota: 100_000, latencyMs: 20 });
    try {
      const out = await mkdtemp(join(tmpdir(), 'forkscope-quirks-kill-'));
      const args = ['--hub', hub.url, '--out', out, '--hub-size', '20000'];
      const killed = await crawlCli(args, /looked up .*\n/);
      expect(killed.code).toBeNull();
      const answered = [...killed.stderr.matchAll(/looked up (\S+)/g)].map((m) => (m[1] as string).toLowerCase());
      expect(answered.length).toBeGreaterThan(0);
      const resumed = await crawlCli(args);
      expect(resumed.code, resumed.stderr).toBe(0);
      for (const id of answered) expect(hub.stats().infoById[id], id).toBe(1);
      expect(edgeRecall(await readEdges(out), reachableTruth(dataset, SEEDS)).missed).toEqual([]);
      // A full refresh of the same Hub: one more sweep, nothing removed, said on stderr.
      const full = await crawlCli([...args, '--full-refresh']);
      expect(full.code, full.stderr).toBe(0);
      expect(full.stderr).toMatch(/full sweep: 0 models the Hub no longer lists were removed/);
    } finally {
      await hub.close();
    }
  }, 180_000);
});
