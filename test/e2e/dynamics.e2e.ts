// "When did Qwen pass Llama as a base, and by which relation?": a researcher crawls both families, opens the
// family-dynamics panel, reads the answer and takes the chart, its data and the answer away. Every number is
// checked against the local Hub's own records. The statistics of one family and of a selection are in
// dynamics-stats.e2e.ts.
import { describe, expect, it } from 'vitest';
import { crossoverAnswer, type Crossover, type CrossoverAnswer } from '../../src/stats/crossover.ts';
import { describeCrossover } from '../../src/stats/crossover-words.ts';
import { RELATIONS } from '../../src/lineage/model.ts';
import { resolvedTo, truthMonthly } from './dynamics-truth.ts';
import { openApp, useE2E, waitForCrawl, waitForHubTable } from './app.ts';
import { checkView, expectGraphDrawn } from './visual.ts';
import { chartReady, csvRows, downloadOne } from './downloads.ts';

const env = useE2E({}, 6000);
const ORGS = ['Qwen', 'meta-llama'];

describe('family dynamics', () => {
  it('answers when Qwen passed Llama, and by which relation, with a chart and its CSV', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
    // Once the page is idle the app asks the panel's first question in the dynamics worker, unasked.
    await page.waitForFunction(() => performance.getEntriesByName('forkscope:dynamics-prepared').length > 0);
    // Then it draws the closed panel on that answer out of sight: not seen, not in the accessibility tree.
    const outOfSight = page.locator('[data-testid="dynamics"].out-of-sight');
    await outOfSight.locator('[data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg').waitFor({
      state: 'attached',
    });
    expect(await page.getByTestId('dynamics').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Family dynamics' }).count()).toBe(0);
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
    // Opening shows that panel: its chart, drawn before, is on screen as the panel is (not drawn again).
    await page.getByRole('region', { name: 'Family dynamics' }).waitFor();
    expect(await page.locator('[data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg').count()).toBe(1);
    expect(await outOfSight.count()).toBe(0);
    await waitForHubTable(page);
    await chartReady(page, 'new-derivatives');
    // The chart follows its element's width, not only the window's: the columns may change while it waits.
    const setCardWidth = (width: string) =>
      page.evaluate((w) => {
        (document.querySelector('[data-testid="chart-new-derivatives"]') as HTMLElement).style.width = w;
      }, width);
    const chartFits = () =>
      page.evaluate(() => {
        const el = document.querySelector('[data-testid="chart-new-derivatives"] .chart') as HTMLElement;
        const drawn = (el.querySelector('svg') as SVGSVGElement).getBoundingClientRect().width;
        return { narrow: el.clientWidth < 700, fits: Math.abs(drawn - el.clientWidth) <= 1 };
      });
    await setCardWidth('600px');
    await expect.poll(chartFits).toEqual({ narrow: true, fits: true });
    await setCardWidth('');
    await expect.poll(chartFits).toEqual({ narrow: false, fits: true });

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
    // The panel opened on the answer its worker had prepared: no indexing, no computing on screen. A new
    // question (the statistics of one family) is computed there too, and the status says so meanwhile.
    const stages = () => page.evaluate(() => (window as unknown as { __stages: string[] }).__stages);
    expect(page.workers().some((w) => /dynamics\.worker/.test(w.url()))).toBe(true);
    expect(await stages()).toEqual(['done']);
    await page.getByTestId('stats-scope').selectOption('Qwen');
    await expect.poll(async () => (await stages()).join()).toMatch(/^done(,(computing|statistics))+,done$/);
    await page.getByTestId('stats-scope').selectOption('all');
    await page.locator('[data-testid="dynamics-status"][data-stage="done"]').waitFor({ state: 'attached' });

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

    // Reopened from the cache, the app creates the dynamics worker before it draws the graph (so the worker starts at
    // the page's first idle moment) and asks the panel's first question once that frame is drawn, not after a
    // second of rest (nor before the frame: sending the lineage holds the page's thread).
    const context = page.context();
    await page.close();
    const reopened = await openApp(env(), context);
    const order = await reopened.page.waitForFunction(() => {
      const names = ['forkscope:dynamics-started', 'forkscope:drawn', 'forkscope:dynamics-asked'];
      const marks = names.map((name) => performance.getEntriesByName(name)[0] as PerformanceMark | undefined);
      if (marks.some((m) => m === undefined)) return null;
      const sorted = [...marks].sort((a, b) => (a?.startTime ?? 0) - (b?.startTime ?? 0));
      return { order: sorted.map((m) => m?.name), asked: marks[2]?.detail as unknown };
    });
    expect(await order.jsonValue()).toEqual({
      order: ['forkscope:dynamics-started', 'forkscope:drawn', 'forkscope:dynamics-asked'],
      asked: { when: 'drawn' },
    });
    await reopened.page.waitForFunction(() => performance.getEntriesByName('forkscope:dynamics-prepared').length > 0);
    expect(reopened.errors).toEqual([]);
  });
});
