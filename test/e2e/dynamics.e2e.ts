// "When did Qwen pass Llama as a base, and by which relation?": a researcher crawls both families, opens the
// family-dynamics panel, reads the answer and takes the chart and its CSV away; then the statistics of one family,
// the time slider and its replay, and the link that reopens it all. Every number is checked against the local
// Hub's own records.
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { crossoverAnswer, type Crossover, type CrossoverAnswer } from '../../src/stats/crossover.ts';
import { describeCrossover } from '../../src/stats/crossover-words.ts';
import { RELATIONS } from '../../src/lineage/model.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { resolvedTo, truthMonthly } from './dynamics-truth.ts';
import { openApp, useE2E, waitForCrawl, waitForHubTable } from './app.ts';
import { checkView, expectGraphDrawn } from './visual.ts';

const env = useE2E({}, 6000);
type Row = Record<string, string>;
const ORGS = ['Qwen', 'meta-llama'];

async function downloadOne(page: Page, click: () => Promise<void>): Promise<{ name: string; data: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: d.suggestedFilename(), data: await readFile((await d.path()) as string) };
}
const csvRows = (data: Buffer): Row[] =>
  Papa.parse<Row>(data.toString('utf8'), { header: true, skipEmptyLines: true }).data;

async function chartReady(page: Page, name: string): Promise<void> {
  await page.locator(`[data-testid="chart-${name}"] .chart[data-ready="1"] svg`).first().waitFor({ timeout: 30_000 });
}

describe('family dynamics', () => {
  it('answers when Qwen passed Llama, and by which relation, with a chart and its CSV', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
    // Every stage the panel's status goes through, from the moment it opens.
    await page.evaluate(() => {
      const w = window as unknown as { __stages: string[] };
      w.__stages = [];
      new MutationObserver(() => {
        const stage = document.querySelector('[data-testid="dynamics-status"]')?.getAttribute('data-stage');
        if (stage && w.__stages.at(-1) !== stage) w.__stages.push(stage);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByRole('button', { name: 'Family dynamics' }).click();
    await waitForHubTable(page);
    await chartReady(page, 'new-derivatives');

    // The answer must not depend on which side the few cross-family merges fall.
    const truth = truthMonthly(env().hub.dataset, ORGS);
    const [toQwen, toLlama] = ORGS.map((f) => crossoverAnswer(resolvedTo(truth, f), 'Qwen', 'meta-llama', 3));
    const facts = (c: Crossover | undefined) => ({ passes: c?.passes, leader: c?.leader, since: c?.since });
    expect(facts(toQwen?.overall)).toEqual(facts(toLlama?.overall));
    const answer = page.getByTestId('crossover-answer');
    const passed = toQwen?.overall.since;
    expect(toQwen?.overall.leader).toBe('Qwen');
    expect(passed).toMatch(/^\d{4}-\d{2}$/);
    await expect.poll(() => answer.innerText()).toContain(`Qwen passed meta-llama as a base in ${passed}`);
    const said = [toQwen, toLlama].map((x) => describeCrossover(x as CrossoverAnswer));
    if (said[0] === said[1]) expect(await answer.innerText()).toContain(said[0]);
    await checkView(page, 'dynamics-answer', { graph: false, baseline: true });

    const card = page.getByTestId('chart-new-derivatives');
    // The panel computed in its worker, saying so while it did, and the main thread drew the answer.
    expect(page.workers().some((w) => /dynamics\.worker/.test(w.url()))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages)).toContain('done');
    expect(
      (await page.evaluate(() => (window as unknown as { __stages: string[] }).__stages)).some((s) => s !== 'done'),
    ).toBe(true);

    // Named the other way round, the answer states the same facts in mirrored words.
    const months = (t: string) => [...t.matchAll(/\d{4}-\d{2}|[+−]\d[\d,]*/g)].map((x) => x[0]).sort();
    const forward = await answer.innerText();
    await card.getByRole('combobox', { name: 'family that passes' }).selectOption('meta-llama');
    await card.getByRole('combobox', { name: 'family passed' }).selectOption('Qwen');
    await expect.poll(() => answer.innerText()).toMatch(/^meta-llama has been behind Qwen since /);
    const backward = await answer.innerText();
    expect(backward).toContain(`meta-llama has been behind Qwen since ${passed}, when Qwen passed it`);
    // The denominator sentence lists the named family first; the months and leads stated are the same.
    const stated = (t: string) => months(t.slice(0, t.indexOf('Shares are of')));
    expect(stated(backward)).toEqual(stated(forward));
    await card.getByRole('combobox', { name: 'family that passes' }).selectOption('Qwen');
    await card.getByRole('combobox', { name: 'family passed' }).selectOption('meta-llama');

    // Month by month: too few to call a leader on one month's derivatives early on, marked in the table and
    // shaded in the chart; counts beside shares, as the truth has them.
    await card.getByRole('combobox', { name: 'window' }).selectOption('1');
    await chartReady(page, 'new-derivatives');
    const byMonth = crossoverAnswer(resolvedTo(truth, 'Qwen'), 'Qwen', 'meta-llama', 1);
    const tooFew = byMonth.overall.months.filter((m) => m.tooFew).map((m) => m.month);
    expect(tooFew.length).toBeGreaterThan(0);
    await expect.poll(() => answer.innerText()).toMatch(/too few to call a leader/);
    const table = page.getByTestId('crossover-months');
    await table.locator('summary').click();
    const marked = await table.locator('tr.too-few td:first-child').allInnerTexts();
    expect(marked).toEqual(tooFew);
    await expect.poll(() => card.locator('.mark-rect.role-mark path').count()).toBe(tooFew.length);
    const row = table.locator('tbody tr').filter({ hasText: truth.monthly.months.at(-1) as string });
    const cells = await row.locator('td').allInnerTexts();
    const last = truth.monthly.months.length - 1;
    const known = (f: string) => RELATIONS.reduce((t, r) => t + (truth.monthly.counts.get(f)?.[r][last] ?? 0), 0);
    expect(Number(cells[1]?.replaceAll(',', ''))).toBeGreaterThanOrEqual(known('Qwen'));
    expect(cells[2]).toMatch(/^\d+\.\d%$/);
    expect(Number(cells[3]?.replaceAll(',', ''))).toBeGreaterThanOrEqual(known('meta-llama'));
    expect(cells[4]).toMatch(/^\d+\.\d%$/);
    await checkView(page, 'dynamics-small-months', { graph: false });

    // Hovering near a point (not on it) shows its count beside its share.
    const target = await card.locator('path[aria-roledescription="point"]').nth(5).boundingBox();
    if (!target) throw new Error('no point to hover');
    await page.mouse.move(target.x + target.width / 2 + 6, target.y + target.height / 2 + 6);
    const tip = page.locator('#vg-tooltip-element');
    await expect.poll(() => tip.innerText()).toMatch(/new derivatives[\s\S]*share[\s\S]*leader/);
    await page.mouse.move(0, 0);
    await table.locator('summary').click();
    await card.getByRole('combobox', { name: 'window' }).selectOption('3');
    await chartReady(page, 'new-derivatives');

    // The chart's data: every dated derivative once, in its month, its family as the Hub's records say.
    const csv = csvRows(
      (await downloadOne(page, () => card.getByRole('button', { name: 'CSV', exact: true }).click())).data,
    );
    expect(Object.keys(csv[0] ?? {})).toEqual(['month', 'family', 'relation', 'count', 'share', 'denominator']);
    for (const [i, month] of truth.monthly.months.entries()) {
      const loose = truth.ambiguous.get(month)?.length ?? 0;
      let sum = 0;
      for (const family of ORGS) {
        const count = Number(csv.find((r) => r.month === month && r.family === family)?.count);
        const known = RELATIONS.reduce((s, r) => s + (truth.monthly.counts.get(family)?.[r][i] ?? 0), 0);
        expect(count, `${family} ${month}`).toBeGreaterThanOrEqual(known);
        expect(count, `${family} ${month}`).toBeLessThanOrEqual(known + loose);
        sum += count;
      }
      const all = ORGS.reduce(
        (s, f) => s + RELATIONS.reduce((t, r) => t + (truth.monthly.counts.get(f)?.[r][i] ?? 0), 0),
        0,
      );
      expect(sum, month).toBe(all + loose);
    }

    // Split by relation, as counts; the chart leaves as PNG and SVG, the answer as CSV.
    await card.getByRole('combobox').nth(1).selectOption('split');
    await card.getByRole('combobox').first().selectOption('count');
    await chartReady(page, 'new-derivatives');
    await expect.poll(() => card.locator('svg').first().innerHTML()).toContain('quantized');
    await checkView(page, 'dynamics-split-by-relation', { graph: false, baseline: true });
    const png = await downloadOne(page, () => card.getByRole('button', { name: 'PNG' }).click());
    expect(png.name).toMatch(/^forkscope-Qwen\+meta-llama-\d{4}-\d{2}-\d{2}-new-derivatives\.png$/);
    expect(png.data.subarray(1, 4).toString()).toBe('PNG');
    const svg = await downloadOne(page, () => card.getByRole('button', { name: 'SVG' }).click());
    expect(svg.data.toString()).toMatch(/^<svg[\s\S]*>finetune<[\s\S]*<\/svg>$/);
    const answerCsv = csvRows(
      (await downloadOne(page, () => card.getByRole('button', { name: 'Answer as CSV' }).click())).data,
    );
    expect(answerCsv[0]).toMatchObject({
      family: 'Qwen',
      other: 'meta-llama',
      relation: 'all',
      leader: 'Qwen',
      leader_since: passed,
    });
    expect(answerCsv.map((r) => r.relation)).toEqual(['all', ...(toQwen?.byRelation.map((c) => c.relation) ?? [])]);

    // A click on a month's point moves the time slider there, and the chart draws it as a rule. The nearest point
    // answers the pointer through a Voronoi cell over it, so the click lands on the cell, at the point's centre.
    const point = await card
      .locator('path[aria-roledescription="point"][aria-label^="month created: Mar 2025"]')
      .first()
      .boundingBox();
    if (!point) throw new Error('no point for 2025-03');
    await page.mouse.click(point.x + point.width / 2, point.y + point.height / 2);
    await expect.poll(() => page.url()).toMatch(/[?&]t=2025-03/);
    await expect(page.getByTestId('time-slider-month').innerText()).resolves.toBe('up to 2025-03');
    await chartReady(page, 'new-derivatives');
    await expect.poll(() => card.locator('.mark-rule.role-mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

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
