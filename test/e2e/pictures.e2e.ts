// Pictures out: the view saved as PNG (from the renderer's canvases) and SVG (from the scene it drew), each with
// the legend and a caption naming the Hub, the seeds, the crawl and the date; the GEXF of the same view puts every
// model where the picture does. Then the graph from the keyboard: parent, child and siblings, announced.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseGexf } from 'graphology-gexf';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { SafeGraph } from '../../src/graph/safe-keys.ts';
import { FIXTURE } from '../hub/fixtures.ts';
import { assertWellFormedXml } from '../unit/xml-check.ts';
import { downloadOne } from './downloads.ts';
import { literal, openApp, shownCounts, useE2E, waitForCrawl } from './app.ts';
import { screenshot, SCREENSHOTS } from './browser.ts';
import { drawnNodes, expectGraphDrawn, nodePixels } from './visual.ts';

const env = useE2E({}, 3000);

/** Least squares of v = a·u + b; the largest residual. */
function fit(u: number[], v: number[]): { a: number; b: number; worst: number } {
  const n = u.length;
  const [mu, mv] = [u.reduce((s, x) => s + x, 0) / n, v.reduce((s, x) => s + x, 0) / n];
  let [suv, suu] = [0, 0];
  for (let i = 0; i < n; i++) {
    suv += ((u[i] as number) - mu) * ((v[i] as number) - mv);
    suu += ((u[i] as number) - mu) ** 2;
  }
  const a = suv / suu;
  const b = mv - a * mu;
  const worst = Math.max(...u.map((x, i) => Math.abs(a * x + b - (v[i] as number))));
  return { a, b, worst };
}

describe('pictures of the view', () => {
  it('saves PNG and SVG with legend and caption, and GEXF with the same layout', async () => {
    const { page, errors } = await openApp(env());
    const status = await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
    const crawled = status.match(/crawled (\d{4}-\d{2}-\d{2})/)?.[1];
    expect(crawled).toBeDefined();
    const box = await page.getByTestId('graph').boundingBox();
    if (!box) throw new Error('no graph box');

    const png = await downloadOne(page, () => page.getByTestId('export-png').click());
    expect(png.name).toMatch(/^forkscope-Qwen\+meta-llama-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const image = PNG.sync.read(png.data);
    // The graph area, the legend beside it and the caption under it.
    expect(image.width).toBeGreaterThan(box.width);
    expect(image.height).toBeGreaterThan(box.height);
    await writeFile(join(SCREENSHOTS, 'exported-view.png'), png.data);
    const colours = nodePixels(png.data);
    expect([...colours.values()].filter((n) => n >= 20).length, JSON.stringify([...colours])).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.getByTestId('done-note').innerText()).toContain('Saved the view as PNG.');

    const svgFile = await downloadOne(page, () => page.getByTestId('export-svg').click());
    expect(svgFile.name).toMatch(/\.svg$/);
    const svg = svgFile.data.toString('utf8');
    const doc = assertWellFormedXml(svg);
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts).toContain(`Hub: ${env().hub.url}`);
    expect(texts).toContain('Seeds: orgs Qwen, meta-llama');
    expect(texts.find((t) => t.startsWith('Data: crawl of '))).toContain(crawled);
    expect(texts).toContain(`Exported ${new Date().toISOString().slice(0, 10)}`);
    expect(texts).toEqual(expect.arrayContaining(['Colour: family', 'Disc size: downloads (log scale)']));
    const discs = Array.from(doc.getElementsByTagName('circle')).filter((c) => c.getAttribute('data-id'));
    expect(discs.length).toBeGreaterThan(100);

    // The SVG as a browser draws it: the same forests, in the same colours.
    const viewer = await page.context().newPage();
    await viewer.setContent(`<!doctype html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
    await viewer.setViewportSize({ width: Math.ceil(Number(doc.documentElement.getAttribute('width'))), height: 900 });
    const drawn = nodePixels(await readFile(await screenshot(viewer, 'exported-view-svg')));
    expect([...drawn.values()].filter((n) => n >= 20).length, JSON.stringify([...drawn])).toBeGreaterThanOrEqual(2);
    await viewer.close();

    // GEXF of the same view: every model the picture shows is where the picture shows it (one scale, y up).
    await page.getByTestId('export-format').selectOption('gexf');
    const gexf = await downloadOne(page, () => page.getByTestId('export-csv').click());
    const g = parseGexf(SafeGraph, gexf.data.toString('utf8'));
    const both = discs.filter((c) => g.hasNode(c.getAttribute('data-id') as string));
    expect(both.length).toBe(discs.length);
    const at = both.map((c) => g.getNodeAttributes(c.getAttribute('data-id') as string));
    const fx = fit(
      at.map((a) => a.x as number),
      both.map((c) => Number(c.getAttribute('cx'))),
    );
    const fy = fit(
      at.map((a) => a.y as number),
      both.map((c) => Number(c.getAttribute('cy'))),
    );
    expect(fx.worst).toBeLessThan(1);
    expect(fy.worst).toBeLessThan(1);
    expect(fy.a / fx.a).toBeCloseTo(-1, 2);
    // And in the colours on screen.
    const first = both[0];
    const hex = first?.getAttribute('fill') as string;
    const rgb = `rgb(${[1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)).join(',')})`;
    expect(g.getNodeAttribute(first?.getAttribute('data-id') as string, 'color')).toBe(rgb);

    // The legend counts what the picture shows: every model shown, and in a filtered view only those that pass.
    const [shown] = await shownCounts(page);
    expect(sum(legendCounts(texts))).toBe(shown);
    await page.getByTestId('filter-minDownloads').fill('200');
    await expect.poll(async () => (await shownCounts(page))[0]).toBeLessThan(shown);
    const [filtered] = await shownCounts(page);
    const narrowed = await downloadOne(page, () => page.getByTestId('export-svg').click());
    const narrowedTexts = Array.from(assertWellFormedXml(narrowed.data.toString('utf8')).getElementsByTagName('text'));
    expect(sum(legendCounts(narrowedTexts.map((t) => t.textContent ?? '')))).toBe(filtered);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

/** The colour legend's entries of a picture ("Qwen (1,234)"), by family. */
function legendCounts(texts: readonly string[]): Map<string, number> {
  const entries = texts.map((t) => /^(Qwen|meta-llama|other) \(([\d,]+)\)$/.exec(t)).filter((m) => m !== null);
  return new Map(entries.map((m) => [m[1] as string, Number((m[2] as string).replaceAll(',', ''))]));
}

const sum = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);

describe('the graph from the keyboard', () => {
  it('walks parent, child and siblings from the picked model, and says what is picked', async () => {
    const { page, errors } = await openApp(env());
    await waitForCrawl(page);
    await expectGraphDrawn(page, { colours: 2 });
    const graph = page.getByTestId('graph');
    expect(await graph.getAttribute('aria-describedby')).toBe('graph-keys');
    await expect(page.getByTestId('graph-keys').textContent()).resolves.toMatch(
      /↑ parent.*↓ child.*← previous sibling/,
    );
    const heading = page.getByTestId('node-details').getByRole('heading', { level: 2 });
    const announce = page.getByTestId('graph-announce');

    await page.getByTestId('search-input').fill(FIXTURE.qwenInstruct);
    await page.getByTestId('search-input').press('Enter');
    await expect.poll(() => heading.innerText()).toBe(FIXTURE.qwenInstruct);
    // The pointer rests on the picked model while the keys move the camera: the read-out follows what is under it.
    await expectGraphDrawn(page);
    const box = await graph.boundingBox();
    const [under] = (await drawnNodes(page, [FIXTURE.qwenInstruct])).nodes;
    if (!box || !under) throw new Error('the picked model is not drawn');
    await page.mouse.move(box.x + under.x, box.y + under.y, { steps: 4 });
    const hoverInfo = page.getByTestId('hover-info');
    await hoverInfo.getByText(new RegExp(`^${literal(FIXTURE.qwenInstruct)} · `)).waitFor();
    await graph.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => heading.innerText()).toBe(FIXTURE.qwenBase);
    // Framed anew around the parent, the model is no longer under the pointer, and the read-out no longer names it.
    await expect
      .poll(async () => {
        const [moved] = (await drawnNodes(page, [FIXTURE.qwenInstruct])).nodes;
        const away = !moved || Math.hypot(moved.x - under.x, moved.y - under.y) > moved.r + 2;
        return away && !(await hoverInfo.innerText()).startsWith(`${FIXTURE.qwenInstruct} · `);
      })
      .toBe(true);
    await expect.poll(() => announce.innerText()).toMatch(new RegExp(`^Picked ${FIXTURE.qwenBase} · a root`));
    // The help shows while the graph has the keyboard's focus.
    await expect.poll(() => page.getByTestId('graph-keys').isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => heading.innerText()).toBe(FIXTURE.qwenInstruct);

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => heading.innerText()).not.toBe(FIXTURE.qwenInstruct);
    const sibling = await heading.innerText();
    // A sibling: another child of the same parent, and the announcement says where it stands.
    await expect(page.getByTestId('node-details').locator('.chain').innerText()).resolves.toContain(FIXTURE.qwenBase);
    await expect
      .poll(() => announce.innerText())
      .toMatch(new RegExp(`Picked ${literal(sibling)} · .* of [\\d,]+ siblings( drawn, of [\\d,]+ children)?$`));
    await page.keyboard.press('[');
    await expect.poll(() => heading.innerText()).toBe(FIXTURE.qwenInstruct);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => heading.innerText()).not.toBe(FIXTURE.qwenInstruct);
    await expect(page.getByTestId('node-details').locator('.chain').innerText()).resolves.toContain(
      FIXTURE.qwenInstruct,
    );
    // A new picture under a still pointer (the window narrowed): sigma forgets what it hovered, and so does the
    // read-out, unless the model now under the pointer is found again.
    await expectGraphDrawn(page);
    const [parent] = (await drawnNodes(page, [FIXTURE.qwenInstruct])).nodes;
    if (!parent) throw new Error('the parent is not drawn');
    await page.mouse.move(box.x + parent.x, box.y + parent.y, { steps: 4 });
    await hoverInfo.getByText(new RegExp(`^${literal(FIXTURE.qwenInstruct)} · `)).waitFor();
    await page.setViewportSize({ width: 1000, height: 850 });
    await expect
      .poll(async () => {
        const named = (await hoverInfo.innerText()).split(' · ')[0] ?? '';
        if (named === '') return true;
        const [at] = (await drawnNodes(page, [named])).nodes;
        return at !== undefined && Math.hypot(at.x - parent.x, at.y - parent.y) <= at.r + 2;
      })
      .toBe(true);
    await page.setViewportSize({ width: 1400, height: 850 });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
