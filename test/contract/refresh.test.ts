// Incremental refresh: after a crawl, the Hub gains new derivatives; a refresh lists only what changed since the
// last crawl (newest change first) and finds them for about one request.
import { describe, expect, it } from 'vitest';
import { Crawler } from '../../src/crawl/crawler.ts';
import { MemoryJournal } from '../../src/crawl/records.ts';
import { HubClient } from '../../src/hub/client.ts';
import { DatasetBuilder } from '../hub/builder.ts';
import { generateHub } from '../hub/generate.ts';
import { createRng } from '../hub/random.ts';
import { truthFromRecords, type HubDataset } from '../hub/records.ts';
import { startLocalHub } from '../hub/server.ts';
import { FIXTURE } from '../hub/fixtures.ts';

const SEEDS = { orgs: ['Qwen', 'meta-llama'], roots: [] };

/** The same Hub plus new fine-tunes of Qwen2.5-7B-Instruct, created and modified just now. */
function withNewModels(base: HubDataset, count: number): HubDataset {
  const b = new DatasetBuilder(createRng(99));
  const fresh = Array.from({ length: count }, (_, i) =>
    b.add(
      {
        id: `newcomer/refresh-ft-${i}`,
        createdAt: Date.now(),
        parents: [{ id: FIXTURE.qwenInstruct, relation: 'finetune' }],
      },
      'qwen',
    ),
  );
  for (const r of fresh) r.lastModified = new Date().toISOString();
  const records = [...base.records, ...fresh];
  return { ...base, records, truth: truthFromRecords(records) };
}

describe('refresh', () => {
  it('lists only what changed since the last crawl', async () => {
    const base = generateHub({ size: 5000, seed: 8 });
    const first = await startLocalHub({ dataset: base, quota: 100_000 });
    const port = first.port;
    const journal = new MemoryJournal();
    const client = () => new HubClient({ hubUrl: `http://127.0.0.1:${port}`, quota: 100_000, windowMs: 300_000 });
    await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 5000 }).run();
    await first.close();

    const second = await startLocalHub({ dataset: withNewModels(base, 3), quota: 100_000, port });
    try {
      const { lineage } = await new Crawler(client(), journal, { seeds: SEEDS, hubSizeEstimate: 5000 }).refresh();
      const found = lineage.edges.filter((e) => e.child.startsWith('newcomer/')).map((e) => e.parent);
      expect(found).toEqual([FIXTURE.qwenInstruct, FIXTURE.qwenInstruct, FIXTURE.qwenInstruct]);
      expect(second.stats().listRequests).toBe(1);
      expect(second.stats().requests).toBeLessThanOrEqual(2);
    } finally {
      await second.close();
    }
  });
});
