// The statistics of one family and of a selection: a researcher scopes the dynamics panel to meta-llama, reads
// its models and busiest re-uploader, moves the time slider back to 2024-06 and replays it, and sends the link that
// reopens panel, scope and month; then the fan-out of one model's descendants. Every number is checked against the
// local Hub's own records.
import { describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { openApp, useE2E, waitForCrawl, waitForHubTable } from './app.ts';
import { chartReady, csvRows, downloadOne } from './downloads.ts';
import { checkView, expectGraphDrawn } from './visual.ts';

const env = useE2E({}, 6000);

describe('family and selection statistics', () => {
  it('gives the statistics of one family, within the time slider, and reopens from the link', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
    await page.getByRole('button', { name: 'Family dynamics' }).click();
    await waitForHubTable(page);
    await page.getByTestId('stats-scope').selectOption('meta-llama');
    await chartReady(page, 're-uploaders');

    // Every number against the records: the family's models, and its busiest re-uploader.
    const records = env().hub.dataset.records.filter((r) => !r.private);
    const byId = new Map(records.map((r) => [r.id, r]));
    const llama = new Set<string>();
    const reach = (id: string): boolean => {
      const seen = new Set([id]);
      const queue = [id];
      for (let k = 0; k < queue.length; k++) {
        if (queue[k]?.startsWith('meta-llama/')) return true;
        for (const p of byId.get(queue[k] as string)?.parents ?? [])
          if (!seen.has(p.id)) {
            seen.add(p.id);
            queue.push(p.id);
          }
      }
      return false;
    };
    for (const r of records) if (reach(r.id)) llama.add(r.id);
    const summary = page.getByTestId('scope-summary');
    const number = async (label: string) =>
      Number((await summary.locator('div', { hasText: label }).locator('dd').innerText()).replaceAll(',', ''));
    // Cross-family merges belong to the family that reached them first, so the scope holds at most the reachable.
    const models = await number('models');
    expect(models).toBeLessThanOrEqual(llama.size);
    expect(models).toBeGreaterThan(llama.size * 0.97);
    const uploaders = page.getByTestId('chart-re-uploaders');
    const top = csvRows((await downloadOne(page, () => uploaders.getByRole('button', { name: 'CSV' }).click())).data);
    const byAuthor = new Map<string, number>();
    for (const r of top) byAuthor.set(r.author as string, (byAuthor.get(r.author as string) ?? 0) + Number(r.models));
    const [bestAuthor, bestCount] = [...byAuthor].sort((a, b) => b[1] - a[1])[0] as [string, number];
    const truthCount = [...llama].filter(
      (id) => id.startsWith(`${bestAuthor}/`) && (byId.get(id)?.parents.length ?? 0) > 0,
    );
    expect(bestCount).toBeLessThanOrEqual(truthCount.length);
    expect(bestCount).toBeGreaterThan(truthCount.length * 0.9);
    await page.getByTestId('scope-summary').scrollIntoViewIfNeeded();
    await checkView(page, 'dynamics-stats-llama', { graph: false, baseline: true });
    await page.getByTestId('chart-license-changes').scrollIntoViewIfNeeded();
    await checkView(page, 'dynamics-licenses-llama', { graph: false, baseline: true });
    await page.getByTestId('table-distillations').scrollIntoViewIfNeeded();
    await checkView(page, 'dynamics-tables-llama', { graph: false, baseline: true });
    // A list's CSV is made in the dynamics worker, which holds the list: every row the header counts, in the order
    // of the rows shown.
    const edgesTable = page.getByTestId('table-license-edges');
    const listed = Number((await edgesTable.locator('h3 small').innerText()).replace(/\D/g, ''));
    const edgesCsv = csvRows(
      (await downloadOne(page, () => edgesTable.getByRole('button', { name: 'CSV' }).click())).data,
    );
    expect(listed).toBeGreaterThan(12);
    expect(edgesCsv).toHaveLength(listed);
    expect(await edgesTable.locator('tbody tr').first().locator('td').first().innerText()).toBe(edgesCsv[0]?.child);

    // The time slider: back to the graph, the forests as they were at the end of 2024-06.
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    const slider = page.getByRole('slider', { name: 'Show models created up to' });
    await slider.focus();
    await slider.press('Home');
    await expect(page.getByTestId('time-slider-month').innerText()).resolves.toMatch(/^up to \d{4}-\d{2}$/);
    const first = (await page.getByTestId('time-slider-month').innerText()).slice(6);
    for (let m = first; m < '2024-06'; m = nextMonth(m)) await slider.press('ArrowRight');
    await expect(page.getByTestId('time-slider-month').innerText()).resolves.toBe('up to 2024-06');
    await expect.poll(() => page.url()).toMatch(/[?&]t=2024-06/);
    await checkView(page, 'time-slider-2024-06', { graph: { colours: 2 }, baseline: true });
    // On a narrow page the status takes more than its one line's room and rises over the graph's foot: the slider,
    // the counts and Fit view rise above it instead of being covered.
    await page.setViewportSize({ width: 700, height: 850 });
    const status = await page.getByTestId('crawl-status').boundingBox();
    const room = await page.locator('.crawl-status-room').boundingBox();
    expect(status && room && status.height).toBeGreaterThan((room?.height ?? 0) + 10);
    const foot = [slider, page.locator('.counts'), page.getByRole('button', { name: 'Fit view' })];
    const boxes = await Promise.all(foot.map((control) => control.boundingBox()));
    for (const box of boxes) expect(box && status && box.y + box.height).toBeLessThanOrEqual(status?.y ?? 0);
    // Nor do they cover each other, the header's controls wrap instead of leaving the page, and search keeps room.
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) expect(a && b && overlap(a, b), JSON.stringify([a, b])).toBe(false);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(700);
    const header = await page
      .locator('.app-header > *')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    expect(Math.max(...header)).toBeLessThanOrEqual(700);
    expect((await page.getByTestId('search-input').boundingBox())?.width).toBeGreaterThanOrEqual(140);
    await page.setViewportSize({ width: 1400, height: 850 });
    const exported = csvRows((await downloadOne(page, () => page.getByTestId('export-csv').click())).data).filter(
      (r) => r.created_at,
    );
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.every((r) => (r.created_at as string).slice(0, 7) <= '2024-06')).toBe(true);

    // The statistics follow the slider; the link reopens panel, scope and month in a fresh browser.
    await page.getByRole('button', { name: 'Family dynamics' }).click();
    await expect.poll(() => number('models')).toBeLessThan(models);
    await expect(page.getByTestId('dynamics').innerText()).resolves.toContain('models created up to 2024-06');
    // The address bar follows the view a moment later (the app writes it once changes pause): wait for it.
    await expect.poll(() => page.url()).toMatch(/dyn=1/);
    const link = page.url();
    expect(link).toMatch(/ds=meta-llama/);
    expect(link).toMatch(/[?&]t=2024-06/);
    const fresh = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const again = await fresh.newPage();
    await again.goto(link);
    await again.getByTestId('dynamics').waitFor({ timeout: 90_000 });
    // While the fresh browser crawls, the scope shows all families until meta-llama's models arrive.
    await expect.poll(() => again.getByTestId('stats-scope').inputValue(), { timeout: 90_000 }).toBe('meta-llama');
    await expect(again.getByTestId('time-slider-month').innerText()).resolves.toBe('up to 2024-06');
    await again.getByRole('button', { name: 'Back to the graph' }).click();
    await checkView(again, 'time-slider-2024-06-reopened', { graph: { colours: 2 } });
    await fresh.close();

    // Replay: the months advance by themselves, and pause stops them. The page's clock is held and moved by the test,
    // so "nothing moves after Pause" is checked over a known stretch of the app's time, not a sleep.
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1000);
    await page.getByRole('button', { name: /Replay/ }).click();
    const month = () => page.getByTestId('time-slider-month').innerText();
    const start = await month();
    for (let step = 0; step < 3; step++) {
      const before = await month();
      await page.clock.runFor(1000);
      await expect.poll(month).not.toBe(before);
    }
    expect(await month()).not.toBe(start);
    await page.getByRole('button', { name: /Pause/ }).click();
    await expect(page.getByRole('button', { name: /Replay/ }).getAttribute('aria-pressed')).resolves.toBe('false');
    const paused = await month();
    await page.clock.runFor(10_000);
    await expect(month()).resolves.toBe(paused);
    await page.clock.resume();
    await checkView(page, 'time-slider-replay', { graph: { colours: 2 } });
    await expect(month()).resolves.toBe(paused);
    expect(errors).toEqual([]);
  });

  it('gives the statistics of a selection: the descendants of one model', async () => {
    const root = FIXTURE.qwenInstruct;
    const { page, errors } = await openApp(env(), undefined, `&dyn=1&ds=selection&sel=d:${encodeURIComponent(root)}`);
    await waitForCrawl(page);
    await waitForHubTable(page);
    await chartReady(page, 'fan-out');
    await expect(page.getByTestId('stats-scope').inputValue()).resolves.toBe('selection');
    const selected = Number(
      (await page.getByTestId('selection-bar').innerText()).replaceAll(',', '').match(/(\d+) selected/)?.[1],
    );
    const summary = page.getByTestId('scope-summary');
    const models = Number(
      (
        await summary
          .locator('div', { hasText: /^models/ })
          .locator('dd')
          .innerText()
      ).replaceAll(',', ''),
    );
    expect(models).toBe(selected);
    expect(models).toBeGreaterThan(100);

    // The model at the top of the fan-out is the selection's root, with every direct child the Hub lists.
    const fan = page.getByTestId('chart-fan-out');
    const rows = csvRows((await downloadOne(page, () => fan.getByRole('button', { name: 'CSV' }).click())).data);
    expect(Object.keys(rows[0] ?? {})).toEqual(['parent', 'children', 'relation']);
    const children = env().hub.catalog.childrenCount(root);
    for (const [relation, n] of Object.entries(children)) {
      const row = rows.find((r) => r.parent === root && r.relation === relation);
      expect(Number(row?.children ?? 0), relation).toBe(n);
    }
    expect(rows[0]?.parent).toBe(root);
    await checkView(page, 'dynamics-selection', { graph: false, baseline: true });
    await page.getByRole('button', { name: 'Back to the graph' }).click();
    await checkView(page, 'dynamics-selection-graph', { graph: { colours: 1 }, baseline: true });
    expect(errors).toEqual([]);
  });
});

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Whether two boxes on the page cover a common area. */
function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
