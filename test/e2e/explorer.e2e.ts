// A researcher's session in Chromium against the local Hub: the first crawl, search, selection, hover,
// filters, focus, adding and removing a family, and reopening from the cache without a request.
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { literal, openApp, shownCounts, statusModels, useE2E, waitForCrawl } from './app.ts';
import { checkView, drawnNodes, expectGraphDrawn } from './visual.ts';

const env = useE2E();

describe('explorer', () => {
  it('crawls the Qwen and Llama forests on first open, then works from the cache', async () => {
    const context = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const { page, errors } = await openApp(env(), context);
    const status = await waitForCrawl(page);
    expect(status).toMatch(/[\d,]+ models, [\d,]+ edges/);
    // The finished crawl's graph is laid out a moment after the status says so: until then a partial graph is on
    // screen, so the total is the finished crawl's own count, and the test waits until the graph shows it.
    const total = statusModels(status);
    expect(total).toBeGreaterThan(2000);
    await expect.poll(async () => (await shownCounts(page))[1]).toBe(total);
    await expect(page.getByTestId('hub-badge').innerText()).resolves.toContain(env().hub.url);
    await expect(page.getByTestId('legend').innerText()).resolves.toMatch(/Qwen[\s\S]*meta-llama/);
    await expect(page.getByTestId('fold-note').innerText()).resolves.toMatch(
      /[\d,]+ quantizations and [\d,]+ adapters folded/,
    );
    await checkView(page, 'explorer-first-crawl', { graph: { colours: 2 }, baseline: true });

    // Search, pick, and read the details.
    await page.getByTestId('search-input').fill('qwen2.5-7b-inst');
    await expect(page.getByTestId('search-results').innerText()).resolves.toContain(FIXTURE.qwenInstruct);
    await page.getByTestId('search-input').press('Enter');
    const details = page.getByTestId('node-details');
    await details.getByRole('heading', { name: FIXTURE.qwenInstruct }).waitFor();
    await expect(details.locator('.chain').innerText()).resolves.toContain(FIXTURE.qwenBase);
    const expected = env().hub.catalog.childrenCount(FIXTURE.qwenInstruct);
    const row = async (rel: string) =>
      (await details.getByRole('row', { name: new RegExp(`^${rel}`) }).innerText()).split(/\s+/)[1];
    expect(Number(await row('finetune'))).toBe(expected.finetune);
    expect(Number(await row('quantized'))).toBe(expected.quantized);
    const link = await details.getByRole('link', { name: /Open on the Hub/ }).getAttribute('href');
    expect(link).toBe(`${env().hub.url}/${FIXTURE.qwenInstruct}`);

    // Hover the selected model where it is drawn once the camera has stopped moving: its lineage lights up. (The
    // read-out names the hovered model: a pointer that landed on a neighbour would light up another lineage.)
    await expectGraphDrawn(page);
    const box = await page.getByTestId('graph').boundingBox();
    const [picked] = (await drawnNodes(page, [FIXTURE.qwenInstruct])).nodes;
    if (!box || !picked) throw new Error('the picked model is not drawn');
    await page.mouse.move(box.x + picked.x, box.y + picked.y, { steps: 4 });
    await page
      .getByTestId('hover-info')
      .getByText(
        new RegExp(`^${literal(FIXTURE.qwenInstruct)} · .* ancestors? · ([\\d,]+ direct child(ren)? \\(|no children)`),
      )
      .waitFor();
    await checkView(page, 'explorer-hover', { baseline: true });

    // Filters: fewer models; clearing restores them.
    const [before] = await shownCounts(page);
    await page.getByTestId('filter-minDownloads').fill('200');
    await expect.poll(async () => (await shownCounts(page))[0]).toBeLessThan(before);
    await page.getByTestId('filter-relation-finetune').check();
    const [narrowed] = await shownCounts(page);
    expect(narrowed).toBeGreaterThan(0);
    await checkView(page, 'explorer-filtered', { baseline: true });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await shownCounts(page))[0]).toBe(before);

    // Focus on a subtree.
    await page.getByRole('button', { name: 'Focus on this subtree' }).click();
    await page.locator('.focus-bar').getByText(FIXTURE.qwenInstruct).waitFor();
    await expect.poll(async () => (await shownCounts(page))[0]).toBeLessThan(before);
    await checkView(page, 'explorer-focus', { baseline: true });
    await page.getByRole('button', { name: 'Show all' }).click();

    // Add a family, then remove it.
    await page.getByTestId('add-family-input').fill('mistralai');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByTestId('legend').getByText('mistralai').waitFor({ timeout: 60_000 });
    // The family's own crawl: it counts more models than the last one, whose status shows until it starts.
    await waitForCrawl(page, { timeout: 60_000, models: (models) => models > total });
    await checkView(page, 'explorer-added-family', { baseline: true });
    await page.getByRole('button', { name: 'Remove mistralai' }).click();
    await expect.poll(() => page.getByTestId('legend').innerText(), { timeout: 60_000 }).not.toContain('mistralai');
    // The removal starts a crawl of the families left; until it begins, the status still says the last one finished.
    await waitForCrawl(page, { timeout: 60_000, models: (models) => models === total });
    expect(errors).toEqual([]);
    // The address drops the family within the writer's delay, however the camera moves: a reload opens on it.
    await expect.poll(() => page.url()).not.toContain('mistralai');

    // A model folded into its parent is drawn while picked (its mark and label are seen), and folded again after.
    const catalog = env().hub.catalog;
    const leaf = catalog
      .list({ filters: [`base_model:adapter:${FIXTURE.qwenInstruct}`], sort: 'downloads', limit: 100, skip: 0 })
      .items.find((r) => r.parents.length === 1 && Object.values(catalog.childrenCount(r.id)).every((n) => n === 0));
    if (!leaf) throw new Error('the local Hub has no adapter leaf of the instruct model');
    await expect(drawnNodes(page, [leaf.id])).resolves.toMatchObject({ nodes: [] });
    await page.getByTestId('search-input').fill(leaf.id);
    await page.getByTestId('search-input').press('Enter');
    await details.getByRole('heading', { name: leaf.id }).waitFor();
    await expect.poll(async () => (await drawnNodes(page, [leaf.id])).nodes.length).toBe(1);
    await page.getByTestId('graph').press('Escape');
    await expect.poll(async () => (await drawnNodes(page, [leaf.id])).nodes.length).toBe(0);

    // Reopen: the cached forests show before any request.
    const spent = env().hub.stats().requests;
    await page.reload();
    await page
      .getByTestId('crawl-status')
      .getByText(/[\d,]+ models, [\d,]+ edges/)
      .waitFor();
    await expect.poll(async () => (await shownCounts(page))[1]).toBe(total);
    await checkView(page, 'explorer-from-cache');
    expect(env().hub.stats().requests).toBe(spent);
    await context.close();
  });

  it('counts, with the time slider back in time, what there was by its month: children and folded leaves', async () => {
    const id = FIXTURE.qwenInstruct;
    const month = '2025-02';
    const { page, errors } = await openApp(env(), undefined, `&s=${encodeURIComponent(id)}&t=${month}`);
    await waitForCrawl(page);
    const details = page.getByTestId('node-details');
    await details.getByRole('heading', { name: 'Children by relation by the end of 2025-02' }).waitFor();
    // The truth: the local Hub's listed records (not private or disabled) naming the model as parent, made by the
    // end of the month (or undated).
    const direct = (by: string | null, relation: string) =>
      env().hub.dataset.records.filter(
        (r) =>
          r.id !== id &&
          !r.private &&
          !r.disabled &&
          r.parents.some((p) => p.id === id && p.relation === relation) &&
          (by === null || r.createdAt === '' || r.createdAt.slice(0, 7) <= by),
      ).length;
    const cell = async (rel: string) =>
      Number((await details.getByRole('row', { name: new RegExp(`^${rel}`) }).innerText()).split(/\s+/)[1]);
    expect(direct(month, 'finetune')).toBeLessThan(direct(null, 'finetune'));
    for (const rel of ['finetune', 'quantized', 'adapter']) expect(await cell(rel)).toBe(direct(month, rel));
    // The legend's folded counts are of that month too, and grow back with the slider at all time.
    const folded = async () =>
      (await page.getByText(/quantizations and [\d,]+ adapters folded/).innerText()).match(/[\d,]+/g)?.join('+');
    const then = await folded();
    const slider = page.getByRole('slider', { name: 'Show models created up to' });
    await slider.focus();
    // Before the model was made, the panel says so (its counts are all zero then).
    await expect(details.getByTestId('made-later').count()).resolves.toBe(0);
    await slider.press('Home');
    await details
      .getByTestId('made-later')
      .getByText(/^Made in 2024-09, after the time slider's \d{4}-\d{2}: not drawn at that month\.$/)
      .waitFor();
    await slider.press('End');
    await details.getByRole('heading', { name: 'Children by relation', exact: true }).waitFor();
    await expect.poll(folded).not.toBe(then);
    expect(await cell('finetune')).toBe(direct(null, 'finetune'));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('ignores a Hub address that is not http(s), with a clear notice', async () => {
    const { page, errors } = await openApp(env(), undefined, '');
    await page.goto(`${env().appUrl}?hub=${encodeURIComponent('javascript:alert(1)')}`);
    await page
      .getByRole('alert')
      .getByText(/not an http\(s\) address/)
      .waitFor();
    await page.getByTestId('graph').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
