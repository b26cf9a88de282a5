// Accessibility and comfort: axe-core finds no serious or critical violation in any view (the explorer with its
// graph, a model's details, the family-dynamics panel, the settings dialog), in the light and the dark scheme; the
// dark scheme darkens the page, the graph and the charts alike.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DARK_CHART_CONFIG, GRAPH_THEMES } from '../../src/view/palette.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { openApp, useE2E, waitForCrawl } from './app.ts';
import { seriousViolations } from './axe.ts';
import { checkView, expectGraphDrawn } from './visual.ts';

const env = useE2E({}, 3000);
const NONE = { explorer: [], details: [], dynamics: [], settings: [] };

/** The serious and critical violations of each view, after a first crawl. */
async function violationsInEveryView(page: Page, shots?: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  await waitForCrawl(page);
  await expectGraphDrawn(page, { colours: 2 });
  found['explorer'] = await seriousViolations(page);

  await page.getByTestId('search-input').fill(FIXTURE.qwenInstruct);
  await page.getByTestId('search-input').press('Enter');
  await page.getByTestId('node-details').getByRole('heading', { name: FIXTURE.qwenInstruct }).waitFor();
  found['details'] = await seriousViolations(page);
  if (shots) await checkView(page, `${shots}-details`);

  await page.getByRole('button', { name: 'Family dynamics' }).click();
  await page.locator('[data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg').first().waitFor();
  found['dynamics'] = await seriousViolations(page);
  if (shots) await checkView(page, `${shots}-dynamics`, { graph: false });
  await page.getByRole('button', { name: 'Family dynamics' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').waitFor();
  found['settings'] = await seriousViolations(page);
  if (shots) await checkView(page, `${shots}-settings`, { graph: false });
  await page.keyboard.press('Escape');
  return found;
}

describe('accessibility', () => {
  it('passes axe in every view', async () => {
    const { page, errors } = await openApp(env());
    expect(await violationsInEveryView(page)).toEqual(NONE);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('follows the system into the dark: the page, the graph and its labels, and axe still passes', async () => {
    const { page, errors } = await openApp(env());
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = GRAPH_THEMES.dark;
    const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(', ')})`;
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))
      .toBe(rgb(dark.background));
    expect(await violationsInEveryView(page, 'dark')).toEqual(NONE);
    // The graph's canvas sits on the dark background, and sigma writes its labels in the dark scheme's ink.
    const graph = page.getByTestId('graph');
    expect(await graph.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(rgb(dark.background));
    await checkView(page, 'dark-explorer');

    // The charts take the dark colours too (not a white block on a dark page), and follow a switch back to light.
    await page.getByRole('button', { name: 'Family dynamics' }).click();
    const chartBackground = () =>
      page
        .locator('[data-testid="chart-new-derivatives"] .chart[data-ready="1"] svg')
        .first()
        .evaluate((svg) => getComputedStyle(svg).backgroundColor);
    await expect.poll(chartBackground).toBe(rgb(DARK_CHART_CONFIG.background));
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(chartBackground).toBe('rgb(255, 255, 255)');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
