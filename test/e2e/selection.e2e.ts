// Selections (descendants to depth k, a lineage path, models added by hand), the snapshot export imported
// again in a fresh browser without a crawl, GEXF export, and the embed route.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE } from '../hub/fixtures.ts';
import { crawlSettled, openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { downloadOne } from './downloads.ts';
import { checkView } from './visual.ts';

const env = useE2E({}, 4000);

async function pick(page: Page, id: string): Promise<void> {
  await page.getByTestId('search-input').fill(id);
  await page.getByTestId('search-input').press('Enter');
  await page.getByTestId('node-details').getByRole('heading', { name: id }).waitFor();
}

async function selectedCount(page: Page): Promise<number> {
  const text = await page.getByTestId('selection-bar').innerText();
  return Number(text.replaceAll(',', '').match(/(\d+) selected/)?.[1]);
}

describe('selections, formats, import and embed', () => {
  it('selects by rule and by hand, exports the selection, and imports it again without a crawl', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await pick(page, FIXTURE.qwenBase);
    await page.getByTestId('select-depth').fill('1');
    await page.getByTestId('select-descendants').click();
    const direct = env().hub.dataset.truth.filter((e) => e.parent === FIXTURE.qwenBase).length;
    await expect.poll(() => selectedCount(page)).toBe(1 + direct);
    await expect(page.getByTestId('selection-bar').innerText()).resolves.toContain(
      `descendants to depth 1 of ${FIXTURE.qwenBase}`,
    );

    await page.getByRole('button', { name: 'Path to…' }).click();
    await pick(page, 'deep-chain/step-3');
    await expect.poll(() => selectedCount(page)).toBe(5);
    await pick(page, FIXTURE.gatedAuto);
    await page.getByTestId('select-toggle').click();
    await expect.poll(() => selectedCount(page)).toBe(6);
    await expect.poll(() => page.url()).toMatch(/sel=p%3AQwen%2FQwen2\.5-7B%3Edeep-chain%2Fstep-3.*sa=gated-lab/);
    await checkView(page, 'selection-path', { baseline: true });

    await page.getByTestId('export-format').selectOption('json');
    const snap = await downloadOne(page, () => page.getByTestId('export-csv').click());
    expect(snap.name).toMatch(/^forkscope-Qwen_Qwen2\.5-7B-to-deep-chain_step-3-\d{4}-\d{2}-\d{2}\.json$/);
    const parsed = JSON.parse(snap.text) as { nodes: { id: string }[]; edges: unknown[] };
    expect(parsed.nodes.map((n) => n.id)).toContain(FIXTURE.gatedAuto);
    expect(parsed.nodes).toHaveLength(6);
    await page.getByTestId('export-format').selectOption('gexf');
    const gexf = await downloadOne(page, () => page.getByTestId('export-csv').click());
    expect(gexf.text).toContain('<gexf');

    // Shift-drag a box around the middle of the canvas.
    const box = await page.getByTestId('graph').boundingBox();
    if (!box) throw new Error('no graph box');
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.keyboard.down('Shift');
    await page.mouse.move(cx - 150, cy - 150);
    await page.mouse.down();
    await page.mouse.move(cx + 150, cy + 150, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page
      .getByTestId('selection-bar')
      .getByText(/models in the drawn box/)
      .waitFor();
    expect(await selectedCount(page)).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toMatch(/sel=b%3A/);
    await checkView(page, 'selection-box', { baseline: true });
    expect(errors).toEqual([]);

    const fresh = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const other = await fresh.newPage();
    await other.goto(
      `${env().appUrl}?hub=${encodeURIComponent(env().hub.url)}&snap=${encodeURIComponent('ftp://x/y.json')}`,
    );
    await other
      .getByRole('alert')
      .getByText(/snapshot that is not an http\(s\) address/)
      .waitFor();
    await other
      .getByTestId('import-snapshot')
      .setInputFiles({ name: snap.name, mimeType: 'application/json', buffer: Buffer.from(snap.text) });
    await other.getByText(/Showing an imported snapshot/).waitFor();
    await expect.poll(async () => (await shownCounts(other))[1]).toBe(6);
    // The crawl the empty cache had started is paused: once it has ended, nothing more is asked of the Hub while the
    // view is looked at, and nothing replaces the view.
    await crawlSettled(other, env().hub);
    const spent = env().hub.stats().requests;
    await checkView(other, 'selection-imported', { graph: { minPixels: 30 } });
    // Nor is a refresh offered: it would crawl the cache behind the snapshot shown, with nothing to see.
    await expect(
      other
        .getByTestId('crawl-status')
        .getByRole('button', { name: /Refresh/ })
        .count(),
    ).resolves.toBe(0);
    expect(env().hub.stats().requests).toBe(spent);
    expect((await shownCounts(other))[1]).toBe(6);
    await fresh.close();

    // The same snapshot opened from a link, in another fresh browser.
    env().files.set('/shared/selection.json', snap.text);
    const linked = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const third = await linked.newPage();
    await third.goto(
      `${env().appUrl}?hub=${encodeURIComponent(env().hub.url)}&snap=${encodeURIComponent(`${env().appUrl}shared/selection.json`)}`,
    );
    await third.getByText(/Showing an imported snapshot/).waitFor();
    await expect.poll(async () => (await shownCounts(third))[1]).toBe(6);
    await checkView(third, 'selection-imported-by-link', { graph: { minPixels: 30 } });
    await linked.close();
    await page.context().close();
  });

  it('embeds the graph alone for an iframe', async () => {
    const { page, errors } = await openApp(env(), undefined, '&embed=1&c=relation');
    // An empty cache: the embed shows the crawl's progress (and its partial graphs), then the whole graph alone.
    await page.getByTestId('crawl-status').waitFor();
    await page.locator('.graph-area[data-shown="whole"]').waitFor({ timeout: 60_000 });
    expect((await shownCounts(page))[0]).toBeGreaterThan(100);
    await expect(page.getByTestId('crawl-status').count()).resolves.toBe(0);
    await expect(page.locator('.sidebar').count()).resolves.toBe(0);
    await expect(page.getByRole('link', { name: /Open in Forkscope/ }).getAttribute('href')).resolves.not.toContain(
      'embed=1',
    );
    await checkView(page, 'embed', { graph: { colours: 2 }, baseline: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
