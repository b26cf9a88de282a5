// An imported snapshot keeps its own description: re-exported from a `snap=` link in a fresh browser, the file
// carries the snapshot's crawl date, orgs and roots, not the export's time or the view's defaults. The cache's
// opening once raced the import and overwrote them; three fresh browsers in a row must all keep them.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useE2E } from './app.ts';
import { watchErrors } from './browser.ts';

const env = useE2E({}, 1000);

const node = (id: string, depth: number) => ({
  id,
  author: id.split('/')[0],
  family: 'deepseek-ai',
  depth,
  downloads: 5,
  likes: 1,
  created_at: '2025-05-01T00:00:00.000Z',
  last_modified: '2025-05-02T00:00:00.000Z',
  pipeline_tag: 'text-generation',
  library_name: 'transformers',
  license: 'mit',
  gated: '',
  status: 'ok',
});
const SNAPSHOT = {
  format: 'forkscope-snapshot',
  v: 1,
  hub: 'https://hub.example.org',
  orgs: ['deepseek-ai'],
  roots: ['someone/root-model'],
  crawledAt: '2025-06-01T12:00:00.000Z',
  nodes: [node('deepseek-ai/base', 0), node('someone/root-model', 1), node('someone/child', 2)],
  edges: [
    { parent: 'deepseek-ai/base', child: 'someone/root-model', relation: 'finetune', cycle: false },
    { parent: 'someone/root-model', child: 'someone/child', relation: 'quantized', cycle: false },
  ],
};

describe('an imported snapshot keeps its description', () => {
  it('re-exports a linked snapshot with its crawl date, orgs and roots, every time', async () => {
    env().files.set('/shared/s.json', JSON.stringify(SNAPSHOT));
    const link = `${env().appUrl}?hub=${encodeURIComponent(env().hub.url)}&snap=${encodeURIComponent(`${env().appUrl}shared/s.json`)}`;
    for (let run = 1; run <= 3; run++) {
      const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(link);
      await page.getByText(/Showing an imported snapshot of https:\/\/hub\.example\.org/).waitFor();
      await page.getByTestId('export-format').selectOption('json');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
      expect(download.suggestedFilename(), `run ${run}`).toMatch(/2025-06-01\.json$/);
      const back = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as typeof SNAPSHOT;
      expect({ crawledAt: back.crawledAt, orgs: back.orgs, roots: back.roots, hub: back.hub }, `run ${run}`).toEqual({
        crawledAt: SNAPSHOT.crawledAt,
        orgs: SNAPSHOT.orgs,
        roots: SNAPSHOT.roots,
        hub: SNAPSHOT.hub,
      });
      expect(back.nodes).toHaveLength(3);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
