// The camera follows the researcher, in Chromium against the local Hub: the first view fits every family, and after
// a filter, a pick, a focus, "Show all", a selection and "Fit view" (button or key 0) it frames what is visible; a
// pick frames the model's near lineage, not its merge children in another family's disc; a focus draws its own
// layout with edges and labels at once; labels stay whole on the canvas, apart, and clear of the controls over it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FIXTURE } from '../hub/fixtures.ts';
import { openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { checkView, drawnNodes as drawn, edgePixels, stillShot, type DrawnNodes } from './visual.ts';

const env = useE2E();

/** How the visible models sit on the canvas: how many are outside it or under the bars along its edges (the time
 * slider's row, the status bar), and the share of the canvas their box spans (the larger of the two directions). */
async function framing(page: Page): Promise<{ outside: number; cover: number; count: number }> {
  const { width, height, nodes } = await drawn(page);
  const bars = await page.getByTestId('graph').evaluate((el) => {
    const at = el.getBoundingClientRect();
    return [...document.querySelectorAll('.time-slider, .crawl-status')].map((c) => {
      const r = c.getBoundingClientRect();
      return { x0: r.left - at.left, y0: r.top - at.top, x1: r.right - at.left, y1: r.bottom - at.top };
    });
  });
  const under = (n: { x: number; y: number; r: number }) =>
    bars.some((b) => n.x + n.r > b.x0 && n.x - n.r < b.x1 && n.y + n.r > b.y0 && n.y - n.r < b.y1);
  const outside = nodes.filter((n) => n.x < 0 || n.y < 0 || n.x > width || n.y > height || under(n)).length;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const cover = nodes.length
    ? Math.max((Math.max(...xs) - Math.min(...xs)) / width, (Math.max(...ys) - Math.min(...ys)) / height)
    : 0;
  return { outside, cover, count: nodes.length };
}

/** Waits until every visible model is on the canvas and together they span at least half of it. */
async function expectFramed(page: Page): Promise<void> {
  await expect.poll(() => framing(page)).toMatchObject({ outside: 0 });
  await expect.poll(async () => (await framing(page)).cover).toBeGreaterThan(0.5);
}

/** Whether the last frame drew labels, each whole on the canvas, none meeting another, and (`clearOfControls`) none
 * under the page's controls over the graph (bars, buttons, the time slider, the counts). */
async function labelsReadable(page: Page, clearOfControls: boolean): Promise<boolean> {
  return page.getByTestId('graph').evaluate((el, clear) => {
    type Box = { x0: number; y0: number; x1: number; y1: number };
    const boxes = (el as unknown as { forkscopeLabelBoxes(): Box[] }).forkscopeLabelBoxes();
    const at = el.getBoundingClientRect();
    const controls = clear
      ? [...document.querySelectorAll('[data-over-graph]')].map((c) => {
          const r = c.getBoundingClientRect();
          return { x0: r.left - at.left, y0: r.top - at.top, x1: r.right - at.left, y1: r.bottom - at.top };
        })
      : [];
    const meet = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
    const inside = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= el.clientWidth && b.y1 <= el.clientHeight;
    return (
      boxes.length > 0 &&
      boxes.every((b, i) => inside(b) && boxes.every((o, j) => j <= i || !meet(b, o))) &&
      boxes.every((b) => controls.every((c) => !meet(b, c)))
    );
  }, clearOfControls);
}

async function pick(page: Page, id: string): Promise<void> {
  await page.getByTestId('search-input').fill(id);
  await page.getByTestId('search-input').press('Enter');
  await page.getByTestId('node-details').getByRole('heading', { name: id }).waitFor();
}

describe('camera', () => {
  it('frames what is visible after the first crawl, a filter, a pick, a focus, Show all and Fit view', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await expect.poll(async () => (await shownCounts(page))[1]).toBeGreaterThan(2000);
    // The first view fits every family; its labels are whole, apart, and clear of the controls over the graph.
    await expectFramed(page);
    await expect.poll(() => labelsReadable(page, true)).toBe(true);
    const whole = await drawn(page);

    // A filter: the few models left fill the canvas.
    await page.getByTestId('filter-minDownloads').fill('5000');
    await expect.poll(async () => (await shownCounts(page))[0]).toBeLessThan(whole.nodes.length / 4);
    await expectFramed(page);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expectFramed(page);

    // A pick frames the model and its near lineage; its merge children drawn in the Qwen disc stay out of view.
    const at = new Map(whole.nodes.map((n) => [n.id, n]));
    const me = at.get(FIXTURE.llamaInstruct);
    if (!me) throw new Error('the Llama instruct model is not drawn');
    const children = env()
      .hub.dataset.truth.filter((e) => e.parent === FIXTURE.llamaInstruct)
      .map((e) => at.get(e.child))
      .filter((n) => n !== undefined);
    const far = children.filter((n) => Math.hypot(n.x - me.x, n.y - me.y) > whole.width / 4).map((n) => n.id);
    const near = children.filter((n) => !far.includes(n.id)).map((n) => n.id);
    expect(far.length).toBeGreaterThan(0);
    expect(near.length).toBeGreaterThan(3);
    await pick(page, FIXTURE.llamaInstruct);
    const centred = async () => {
      const { width, height, nodes } = await drawn(page, [FIXTURE.llamaInstruct]);
      const n = nodes[0];
      return n ? Math.abs(n.x - width / 2) / width + Math.abs(n.y - height / 2) / height : Infinity;
    };
    await expect.poll(centred).toBeLessThan(0.04);
    const picked = await drawn(page, [FIXTURE.llamaInstruct, ...near]);
    const on = (n: DrawnNodes['nodes'][number]) => n.x >= 0 && n.y >= 0 && n.x <= picked.width && n.y <= picked.height;
    expect(picked.nodes.every(on)).toBe(true);
    const xs = picked.nodes.map((n) => n.x);
    const ys = picked.nodes.map((n) => n.y);
    const spread = Math.max(
      (Math.max(...xs) - Math.min(...xs)) / picked.width,
      (Math.max(...ys) - Math.min(...ys)) / picked.height,
    );
    // Not a speck: the near lineage spans a good part of the canvas.
    expect(spread).toBeGreaterThan(0.3);
    expect((await drawn(page, far)).nodes.filter(on)).toEqual([]);

    // Focus: the subtree's own layout, framed, drawn with edges and labels without touching the camera.
    await pick(page, FIXTURE.qwenInstruct);
    await page.getByRole('button', { name: 'Focus on this subtree' }).click();
    await page.locator('.focus-bar').getByText(FIXTURE.qwenInstruct).waitFor();
    await expectFramed(page);
    await stillShot(page.getByTestId('graph'));
    expect(await edgePixels(page)).toBeGreaterThan(500);
    // Not checked against the controls here: the picked model's label is drawn whatever it covers (the focus bar).
    await expect.poll(() => labelsReadable(page, false)).toBe(true);
    await checkView(page, 'camera-focus', { baseline: true });

    // Show all: every family framed again.
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(async () => (await framing(page)).count).toBe(whole.nodes.length);
    await expectFramed(page);

    // Moved away by hand, the view comes back with the key 0 and with the button.
    const box = await page.getByTestId('graph').boundingBox();
    if (!box) throw new Error('no graph box');
    const drag = async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 5 });
      await page.mouse.up();
      await expect.poll(async () => (await framing(page)).outside).toBeGreaterThan(0);
    };
    await drag();
    await page.keyboard.press('0');
    await expectFramed(page);
    await drag();
    await page.getByRole('button', { name: 'Fit view' }).click();
    await expectFramed(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
