// Published lineage snapshots in the app (#11), against a local Hub whose dataset holds a snapshot made before its
// newest models: a fresh browser opens `?data=`, draws the snapshot's forests and refreshes with a handful of
// listing requests; a permalink made there reopens the same revision in another fresh browser without a listing
// (and says when newer data exists); a dataset that is not there says so and the app crawls.
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../hub/fixtures.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import type { Published } from '../../src/cli/publish.ts';
import { openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { checkView } from './visual.ts';

const env = useE2E({}, 20_000);
let published: Published & { cutoff: string };

beforeAll(async () => {
  published = await publishDemoSnapshot(env().hub);
});

const status = (page: import('playwright-core').Page) => page.getByTestId('crawl-status');
const REFRESHED = /The refresh added ([\d,]+) models? in ([\d,]+) requests?/;
const num = (s: string | undefined): number => Number((s ?? '').replaceAll(',', ''));

describe('published lineage snapshots', () => {
  it('opens ?data= from the snapshot, refreshes with a few listings, and a permalink reopens that revision', async () => {
    const hub = env().hub;
    // What a refresh from the watermark has to list: every model created since (an hour's margin).
    const since = new Date(Date.parse(published.cutoff) - 3_600_000).toISOString();
    const created = hub.dataset.records.filter((r) => !r.private && r.createdAt >= since).length;
    const before = hub.stats();
    const first = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const { page, errors } = await openApp(env(), first, `&data=${DEMO_DATASET}`);
    const text = await status(page).getByText(REFRESHED).innerText({ timeout: 120_000 });
    const [, added, requests] = REFRESHED.exec(text) ?? [];
    const after = hub.stats();
    expect(num(added)).toBeGreaterThan(0);
    // The refresh lists only what was created after the watermark, a page per 1,000 models, and looks up a few
    // parents; it says that edits of older cards wait for a full refresh.
    const listings = after.listRequests - before.listRequests;
    expect(listings).toBeLessThanOrEqual(Math.ceil(created / 1000) + 1);
    expect(text).toMatch(/Only newly created models were listed \(this cache began as published data\)/);
    expect(listings).toBeLessThan(hub.catalog.size / 1000 / 4);
    expect(num(requests)).toBe(listings + after.infoRequests - before.infoRequests);
    await expect(status(page).innerText()).resolves.toContain(
      `published data ${DEMO_DATASET}@${published.oid.slice(0, 7)}`,
    );
    await expect.poll(async () => (await shownCounts(page))[1]).toBe(published.manifest.counts.nodes + num(added));
    await checkView(page, 'snapshot-refreshed', { graph: { colours: 2 } });

    // A view made there: its link names the dataset and the revision it was opened at.
    await page.getByTestId('search-input').fill(FIXTURE.qwenBase);
    await page.getByTestId('search-input').press('Enter');
    await page.getByRole('button', { name: 'Focus on this subtree' }).click();
    await expect.poll(() => page.url()).toContain(`data=${encodeURIComponent(`${DEMO_DATASET}@${published.oid}`)}`);
    await expect.poll(() => page.url()).toMatch(/[?&]f=/);
    const link = page.url();
    expect(errors).toEqual([]);
    await first.close();

    // Meanwhile a newer snapshot is published; the link still opens its own revision, with no crawl.
    const newer = await publishDemoSnapshot(hub);
    const reopenedBefore = hub.stats();
    const second = await env().browser.newContext({ viewport: { width: 1400, height: 850 } });
    const again = await second.newPage();
    await again.goto(link);
    await again.locator('.focus-bar').getByText(FIXTURE.qwenBase).waitFor();
    await status(again)
      .getByText(`published data ${DEMO_DATASET}@${published.oid.slice(0, 7)}`)
      .waitFor();
    await again.getByTestId('newer-data').waitFor();
    await expect(again.getByRole('alert').innerText()).resolves.toMatch(
      /brought up to date on .*shown is that published revision alone/,
    );
    expect(newer.oid).not.toBe(published.oid);
    await again.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await shownCounts(again))[1]).toBe(published.manifest.counts.nodes);
    const reopened = hub.stats();
    expect(reopened.listRequests - reopenedBefore.listRequests).toBe(0);
    expect(reopened.infoRequests - reopenedBefore.infoRequests).toBe(0);
    await second.close();
  });

  it('says so when the dataset is not there, and crawls instead', async () => {
    const { page, errors } = await openApp(env(), undefined, '&data=nobody/no-such-lineage');
    await page
      .getByRole('alert')
      .getByText(/nobody\/no-such-lineage could not be opened/)
      .waitFor();
    const text = await waitForCrawl(page);
    expect(text).toMatch(/[\d,]+ models, [\d,]+ edges/);
    expect(text).not.toContain('published data');
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Crawling instead');
    expect(errors.filter((e) => !/status of 40[14]/.test(e))).toEqual([]);
    await page.context().close();
  });
});
