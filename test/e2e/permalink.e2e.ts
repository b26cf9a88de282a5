// Cut out "every GGUF quantization among the descendants of Qwen/Qwen2.5-7B created in 2025", export it as CSV,
// and send the link: a colleague's fresh browser reopens exactly that view. Hostile links get a safe view.
import Papa from 'papaparse';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE } from '../hub/fixtures.ts';
import { openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { checkView, compareImages, MAX_DIFF_RATIO, stillShot, volatile } from './visual.ts';

const env = useE2E({}, 8000);
type Row = Record<string, string>;

async function downloads(page: Page, click: () => Promise<void>): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const done = new Promise<void>((resolve) => {
    page.on('download', async (d) => {
      files[d.suggestedFilename()] = await readFile((await d.path()) as string, 'utf8');
      if (Object.keys(files).length === 2) resolve();
    });
  });
  await click();
  await done;
  return files;
}

/** Descendants of a model in the local Hub's ground truth. */
function truthDescendants(root: string): Set<string> {
  const kids = new Map<string, string[]>();
  for (const e of env().hub.dataset.truth) (kids.get(e.parent) ?? kids.set(e.parent, []).get(e.parent))?.push(e.child);
  const seen = new Set<string>();
  const queue = [root];
  for (let i = 0; i < queue.length; i++)
    for (const c of kids.get(queue[i] as string) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      queue.push(c);
    }
  return seen;
}

describe('subgraph export and permalinks', () => {
  it('exports exactly the filtered subtree and reopens the same view in a fresh browser', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await page.getByTestId('search-input').fill(FIXTURE.qwenBase);
    await page.getByTestId('search-input').press('Enter');
    await page.getByRole('button', { name: 'Focus on this subtree' }).click();
    await page.getByTestId('filter-relation-quantized').check();
    await page.getByTestId('filter-library').selectOption('gguf');
    await page.getByLabel('Created from').fill('2025-01-01');
    await page.getByLabel('Created until').fill('2025-12-31');
    await page.getByLabel('Fold quantization and adapter leaves').uncheck();
    await expect.poll(async () => (await shownCounts(page))[0]).toBeGreaterThan(5);
    const [shown] = await shownCounts(page);

    // The picture is taken once the view is still (the fold change reframed the camera), and the link is the one
    // Copy link gives then, as a researcher would share it: the address bar follows the moving camera a moment
    // late, so an address read mid-animation would reopen another camera. Both come before the export, whose notice
    // would take room from the graph.
    await expect.poll(() => page.url()).toMatch(/[?&]fold=0/);
    await checkView(page, 'permalink-original', { baseline: true });
    // The whole page but what differs for good reasons: the Hub's port, the crawl's time, the typed search.
    const seen = (p: Page) => stillShot(p, [...volatile(p), p.getByTestId('search-input')]);
    const original = await seen(page);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(env().appUrl).origin });
    await page.getByTestId('copy-permalink').click();
    const copied = page.getByRole('status').filter({ hasText: 'Link copied: it reopens this exact view.' });
    await copied.waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toMatch(/f=Qwen%2FQwen2\.5-7B/);
    expect(url).toMatch(/[?&]cam=/);
    await copied.getByRole('button', { name: 'Dismiss' }).click();

    const files = await downloads(page, () => page.getByTestId('export-csv').click());
    const names = Object.keys(files).sort();
    expect(names[0]).toMatch(/^forkscope-Qwen_Qwen2\.5-7B-filtered-\d{4}-\d{2}-\d{2}-edges\.csv$/);
    const nodes = Papa.parse<Row>(files[names[1] as string] as string, { header: true, skipEmptyLines: true }).data;
    const byId = new Map(env().hub.dataset.records.map((r) => [r.id, r]));
    const below = truthDescendants(FIXTURE.qwenBase);
    const expected = [...below].filter((id) => {
      const r = byId.get(id);
      const gguf = r?.library_name === 'gguf' && r.parents.some((p) => p.relation === 'quantized');
      return gguf && r?.createdAt.startsWith('2025');
    });
    const exportedLeaves = nodes.filter((n) => n.library_name === 'gguf').map((n) => n.id);
    expect(new Set(exportedLeaves)).toEqual(new Set(expected));
    expect(nodes.length).toBe(shown);

    expect(errors).toEqual([]);

    const fresh = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const other = await fresh.newPage();
    await other.goto(url);
    await waitForCrawl(other);
    await other.locator('.focus-bar').getByText(FIXTURE.qwenBase).waitFor();
    await expect.poll(async () => (await shownCounts(other))[0]).toBe(shown);
    await expect(other.getByTestId('filter-library').inputValue()).resolves.toBe('gguf');
    await expect(other.getByTestId('filter-relation-quantized').isChecked()).resolves.toBe(true);
    // The same camera, and the same picture as the original page. When the two crawls straddle a
    // minute, a notice says the data moved on; it is read and dismissed first, so the graph has the same room.
    const cam = (u: string) => new URL(u).searchParams.get('cam');
    const dismiss = other.getByTestId('view-notes').getByRole('button', { name: 'Dismiss' });
    if ((await dismiss.count()) > 0) {
      await expect(other.getByTestId('view-notes').innerText()).resolves.toMatch(/crawled later/);
      await dismiss.click();
      // The renderer measures its container on window resizes only (a notice going away is not one): give it one.
      await other.setViewportSize({ width: 1400, height: 851 });
      await other.setViewportSize({ width: 1400, height: 850 });
    }
    await checkView(other, 'permalink-reopened', { baseline: true });
    expect(cam(other.url())).toBe(cam(url));
    // The reopened page draws what the original drew, at the same scale: its crawl runs while the focused layout is
    // computed, and models it adds meanwhile must not change how sigma scales positions (render/camera.ts).
    const same = compareImages(original, await seen(other));
    expect(same?.ratio, 'share of pixels differing from the page the link was made on').toBeLessThanOrEqual(
      MAX_DIFF_RATIO,
    );
    await fresh.close();
    await page.context().close();
  });

  it('says so, as a note and not an alarm, when the model a link picks is not in the graph', async () => {
    const { page, errors } = await openApp(env(), undefined, '&s=nobody%2Fgone-model');
    await waitForCrawl(page);
    const notes = page.getByTestId('view-notes');
    await notes.getByText(/^nobody\/gone-model, picked in this view, is not among the [\d,]+ models here/).waitFor();
    await expect(notes.getAttribute('role')).resolves.toBe('status');
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await notes.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notes.count()).toBe(0);
    // Dismissed, the pick goes too: the address (and a link copied from it) no longer names the model.
    await expect.poll(() => new URL(page.url()).searchParams.get('s')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('opens broken and hostile links on a safe view with a clear notice', async () => {
    const { page, errors } = await openApp(
      env(),
      undefined,
      '&f=%3Cscript%3Ealert(1)%3C/script%3E&cam=NaN,1&dmin=-3&c=%22onmouseover&rel=finetune,bogus&o=Qwen,%3Cimg%20src%3Dx%3E',
    );
    await page
      .getByRole('alert')
      .getByText(/could not be used/)
      .waitFor();
    await waitForCrawl(page);
    await expect(page.locator('.focus-bar').count()).resolves.toBe(0);
    await expect(page.getByTestId('families').innerText()).resolves.not.toContain('img');
    await expect(page.locator('script:has-text("alert(1)")').count()).resolves.toBe(0);
    await checkView(page, 'permalink-hostile', { baseline: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
