// "Of all new language-model derivatives on the Hub, what share builds on Chinese versus American labs?": a
// researcher adds the two preset groups (their orgs become families, one author listing each), takes shares over
// every derivative the crawl saw on the Hub, language models only, and sends the link: a colleague's fresh browser
// reopens the same groups, denominator and answer. The denominator's size is checked against the Hub's records.
import { describe, expect, it } from 'vitest';
import { GROUP_PRESETS } from '../../src/lineage/groups.ts';
import { monthRange } from '../../src/stats/timeline.ts';
import { screenshot } from './browser.ts';
import { openApp, useE2E, waitForCrawl, waitForHubTable } from './app.ts';
import { chartReady } from './downloads.ts';

const env = useE2E({}, 5000);
const LANGUAGE = ['text-generation', 'image-text-to-text'];

/** New language-model derivatives on the local Hub in the months from `first` to `last`, from its own records
 * (disabled repos are unlisted: no sweep sees them). */
function hubDerivatives(first: string, last: string): number {
  const months = new Set(monthRange(first, last));
  return env().hub.dataset.records.filter(
    (r) =>
      !r.private &&
      !r.disabled &&
      r.parents.some((p) => p.id !== r.id) &&
      LANGUAGE.includes(r.pipeline_tag ?? '') &&
      months.has(r.createdAt.slice(0, 7)),
  ).length;
}

const WINDOW =
  /in the 3 months to (\d{4})-(\d{2}), ([\d,]+), of which Chinese labs ([\d,]+) \([\d.]+%\) and American labs ([\d,]+)/;

describe('groups of families over all new derivatives on the Hub', () => {
  it('adds the preset groups, answers over the Hub-wide denominator, and survives a permalink', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await page.getByRole('button', { name: 'Family dynamics' }).click();
    await waitForHubTable(page);
    await chartReady(page, 'new-derivatives');

    const before = env().hub.stats().listRequests;
    await page.getByRole('button', { name: 'Add preset: Chinese labs' }).click();
    await page.getByRole('button', { name: 'Add preset: American labs' }).click();
    await page.getByTestId('apply-groups').click();
    // Every org of the groups not crawled yet becomes a family: one author listing each.
    const added = new Set(GROUP_PRESETS.flatMap((g) => g.members).filter((o) => o !== 'Qwen' && o !== 'meta-llama'));
    await expect
      .poll(() => env().hub.stats().listRequests - before, { timeout: 60_000 })
      .toBeGreaterThanOrEqual(added.size);
    await expect
      .poll(() => page.getByTestId('crawl-status').innerText(), { timeout: 60_000 })
      .toMatch(/Crawl finished/);
    expect(env().hub.stats().listRequests - before).toBeLessThanOrEqual(added.size + 2);

    await page.getByTestId('share-of').selectOption('hub');
    await page.getByTestId('kind').selectOption('language');
    const answer = page.getByTestId('crossover-answer');
    await expect
      .poll(() => answer.innerText())
      .toContain('Shares are of all new derivatives the crawl saw on the Hub (text-generation or image-text-to-text)');
    const text = await answer.innerText();
    expect(text).toMatch(/^(Chinese labs|American labs) /);
    const m = WINDOW.exec(text.replaceAll('\n', ' '));
    expect(m, text).not.toBeNull();
    const [, y, mo, size, chinese, american] = m as unknown as string[];
    const last = `${y}-${mo}`;
    const first = monthRange('2000-01', last).at(-3) as string;
    // The denominator holds every new language-model derivative on the Hub in those months, not only the groups'.
    const n = (s: string | undefined) => Number((s ?? '').replaceAll(',', ''));
    expect(n(size)).toBe(hubDerivatives(first, last));
    expect(n(chinese) + n(american)).toBeLessThan(n(size));
    expect(await page.evaluate(() => localStorage.getItem('forkscope-groups'))).toContain('Chinese labs');
    await screenshot(page, 'dynamics-groups');
    expect(errors).toEqual([]);

    // The address is written a moment after a change (ui/address-bar.ts): it is waited for, whole.
    await expect.poll(() => page.url()).toMatch(/(?=.*dd=hub)(?=.*dk=language)(?=.*dg=)/);
    const url = page.url();
    const fresh = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const other = await fresh.newPage();
    await other.goto(url);
    await waitForCrawl(other, { timeout: 120_000 });
    await chartReady(other, 'new-derivatives');
    const names = await other
      .getByLabel('group name')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(names).toEqual(['Chinese labs', 'American labs']);
    const members = await other
      .getByTestId('group-row')
      .locator('textarea')
      .evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    expect(members).toEqual(GROUP_PRESETS.map((g) => g.members.join(', ')));
    expect(await other.getByTestId('share-of').inputValue()).toBe('hub');
    expect(await other.getByTestId('kind').inputValue()).toBe('language');
    expect(await other.getByTestId('series').inputValue()).toBe('groups');
    await expect.poll(() => other.getByTestId('crossover-answer').innerText()).toBe(text);
    await screenshot(other, 'dynamics-groups-fresh');
    await fresh.close();
  }, 400_000);
});
