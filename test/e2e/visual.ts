// What the end-to-end tests see: a view is captured once it has stopped changing (two identical screenshots in a
// row, so camera animations and late renders are over), the graph canvas is checked to show coloured nodes, and a
// deterministic view is compared, at half size, with its committed baseline (test/e2e/baselines/) within a tolerance.
// UPDATE_BASELINES=1 rewrites the baselines; a failing comparison leaves the actual image and a diff image in
// test-results/.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { familyColor, RELATION_COLORS } from '../../src/view/encoding.ts';
import { SCREENSHOTS } from './browser.ts';

export const BASELINES = new URL('./baselines/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_BASELINES === '1';

/** Per-pixel colour distance pixelmatch tolerates (YIQ, 0..1), anti-aliased pixels not counted. */
export const PIXEL_THRESHOLD = 0.1;
/** Share of a view's pixels that may differ from the baseline. */
export const MAX_DIFF_RATIO = 0.002;

type Target = Page | Locator;

/** A screenshot taken once the graph has settled (its camera at rest, its discs sized for it: the renderer says)
 * and two in a row are identical: the view has stopped moving. */
export async function stillShot(target: Target, mask: Locator[] = [], timeout = 60_000): Promise<Buffer> {
  const deadline = Date.now() + timeout;
  const page = 'page' in target ? target.page() : target;
  await page.waitForFunction(
    () => {
      const graph = document.querySelector('[data-testid="graph"]') as { forkscopeSettling?: () => boolean } | null;
      return !graph?.forkscopeSettling?.();
    },
    undefined,
    { timeout },
  );
  const shoot = () => target.screenshot({ animations: 'disabled', caret: 'hide', mask, timeout });
  let last = await shoot();
  for (;;) {
    const next = await shoot();
    if (next.equals(last)) return next;
    if (Date.now() > deadline) throw new Error(`the view was still changing after ${timeout} ms`);
    last = next;
  }
}

/** The colours a node can be drawn in that labels, edges and the background never use (chroma well above grey). */
const NODE_COLOURS: [number, number, number][] = [
  ...Array.from({ length: 12 }, (_, i) => familyColor(i)),
  ...Object.values(RELATION_COLORS),
]
  .map((hex): [number, number, number] => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16)) as never)
  .filter((rgb) => Math.max(...rgb) - Math.min(...rgb) > 60);

/** Pixels of an image within a small distance of each node colour (interiors of drawn discs match exactly). */
export function nodePixels(png: Buffer): Map<string, number> {
  const { data } = PNG.sync.read(png);
  const counts = new Map<string, number>();
  for (let p = 0; p < data.length; p += 4) {
    const [r, g, b] = [data[p] as number, data[p + 1] as number, data[p + 2] as number];
    for (const c of NODE_COLOURS)
      if (Math.abs(r - c[0]) + Math.abs(g - c[1]) + Math.abs(b - c[2]) <= 12) {
        const key = `rgb(${c.join(',')})`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        break;
      }
  }
  return counts;
}

export interface GraphExpectation {
  /** Node-coloured pixels the graph must show at least (a few small discs are ~100). */
  minPixels?: number;
  /** Distinct node colours, each with at least 20 pixels, the graph must show at least. */
  colours?: number;
}

/** The graph canvas, once still, shows coloured nodes: a renderer that hid them all would fail here. `shot` is a
 * still screenshot of the page to read the graph's region from, when one was taken already. */
export async function expectGraphDrawn(
  page: Page,
  want: GraphExpectation = {},
  shot?: Buffer,
): Promise<Map<string, number>> {
  const graph = page.getByTestId('graph');
  const box = shot ? await graph.boundingBox() : null;
  const counts = nodePixels(shot && box ? crop(shot, box) : await stillShot(graph));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const clusters = [...counts.values()].filter((n) => n >= 20).length;
  expect(total, `node-coloured pixels on the graph canvas: ${JSON.stringify([...counts])}`).toBeGreaterThanOrEqual(
    want.minPixels ?? 100,
  );
  expect(clusters, `node colours on the graph canvas: ${JSON.stringify([...counts])}`).toBeGreaterThanOrEqual(
    want.colours ?? 1,
  );
  return counts;
}

function crop(png: Buffer, box: { x: number; y: number; width: number; height: number }): Buffer {
  const src = PNG.sync.read(png);
  const [x, y] = [Math.max(0, Math.round(box.x)), Math.max(0, Math.round(box.y))];
  const [w, h] = [Math.min(src.width - x, Math.round(box.width)), Math.min(src.height - y, Math.round(box.height))];
  const out = new PNG({ width: w, height: h });
  PNG.bitblt(src, out, x, y, w, h, 0, 0);
  return PNG.sync.write(out);
}

/** The image at half its width and height, each pixel the mean of four, channels rounded to steps of 16 (well
 * inside PIXEL_THRESHOLD): baselines stay small, and a sub-pixel shift of anti-aliased edges or text between two
 * software renderers mostly averages out. */
export function halve(png: Buffer): Buffer {
  const src = PNG.sync.read(png);
  const [w, h] = [src.width >> 1, src.height >> 1];
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let c = 0; c < 4; c++) {
        const at = (dx: number, dy: number) => src.data[((2 * y + dy) * src.width + 2 * x + dx) * 4 + c] as number;
        const mean = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
        out.data[(y * w + x) * 4 + c] = c === 3 ? 255 : Math.min(255, Math.round(mean / 16) * 16);
      }
  return PNG.sync.write(out, { deflateLevel: 9, colorType: 2 });
}

/** Differing pixels between two PNGs of the same size (or null when the sizes differ), with a diff image. */
export function compareImages(a: Buffer, b: Buffer): { diff: number; ratio: number; image: Buffer } | null {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return null;
  const out = new PNG({ width: x.width, height: x.height });
  const diff = pixelmatch(x.data, y.data, out.data, x.width, x.height, { threshold: PIXEL_THRESHOLD });
  return { diff, ratio: diff / (x.width * x.height), image: PNG.sync.write(out) };
}

/** Compares a still screenshot with test/e2e/baselines/<name>.png; rewrites it under UPDATE_BASELINES=1. */
export async function expectBaseline(target: Target, name: string, mask: Locator[] = []): Promise<void> {
  await matchBaseline(name, await stillShot(target, mask));
}

async function matchBaseline(name: string, shot: Buffer): Promise<void> {
  const actual = halve(shot);
  const file = join(BASELINES, `${name}.png`);
  if (UPDATE) {
    await mkdir(BASELINES, { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const baseline = await readFile(file).catch(() => null);
  if (!baseline) throw new Error(`no baseline ${file}: run the e2e tests once with UPDATE_BASELINES=1`);
  const result = compareImages(baseline, actual);
  if (result && result.ratio <= MAX_DIFF_RATIO) return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await writeFile(join(SCREENSHOTS, `${name}-actual.png`), actual);
  if (result) await writeFile(join(SCREENSHOTS, `${name}-diff.png`), result.image);
  throw new Error(
    result
      ? `${name}: ${result.diff} pixels (${(result.ratio * 100).toFixed(3)}%) differ from the baseline, more than ` +
          `${MAX_DIFF_RATIO * 100}%; see test-results/${name}-diff.png`
      : `${name}: the view's size differs from the baseline's`,
  );
}

/** Parts of the page that differ between runs for good reasons: the local Hub's port and the crawl's time. */
export function volatile(page: Page): Locator[] {
  return [page.getByTestId('hub-badge'), page.getByTestId('crawl-status')];
}

export interface ViewCheck {
  /** Check the graph canvas shows nodes (default); false for views where the graph is covered or empty. */
  graph?: GraphExpectation | false;
  /** Compare with the committed baseline (deterministic views only). */
  baseline?: boolean;
  /** More regions to mask before comparing, besides `volatile(page)`. */
  mask?: Locator[];
}

/** One view of a test: the graph is drawn, the screenshot is kept in test-results/, and a deterministic view
 * matches its baseline. */
export async function checkView(page: Page, name: string, check: ViewCheck = {}): Promise<void> {
  // A compared view is kept as compared (volatile parts masked, never over the graph); another one as it is.
  const shot = await stillShot(page, check.baseline ? [...volatile(page), ...(check.mask ?? [])] : []);
  await mkdir(SCREENSHOTS, { recursive: true });
  await writeFile(join(SCREENSHOTS, `${name}.png`), shot);
  if (check.graph !== false) await expectGraphDrawn(page, check.graph ?? {}, shot);
  if (check.baseline)
    await matchBaseline(name, shot).catch(async (err: unknown) => {
      // What the graph's canvases were when the view differed: a layer's backing store that does not match its box
      // (a resize sigma missed) or an extra layer would show here.
      const layers = await page
        .getByTestId('graph')
        .evaluate((el) =>
          [...el.querySelectorAll('canvas')].map(
            (c) => `${c.className} ${c.width}x${c.height} in ${c.clientWidth}x${c.clientHeight}`,
          ),
        )
        .catch(() => ['(not read)']);
      throw new Error(`${err instanceof Error ? err.message : String(err)}\ngraph layers: ${layers.join('; ')}`);
    });
}

/** Pixels of the graph's edge layer alone (sigma's other layers hidden for one screenshot) that are drawn: grey and
 * darker than the page behind. A view that draws no edges (sigma leaves them out while the camera moves) has none. */
export async function edgePixels(page: Page): Promise<number> {
  const graph = page.getByTestId('graph');
  const toggle = (hide: boolean) =>
    graph.evaluate((el, h) => {
      for (const c of el.querySelectorAll('canvas'))
        if (!c.classList.contains('sigma-edges')) c.style.visibility = h ? 'hidden' : '';
    }, hide);
  await toggle(true);
  const shot = await graph.screenshot({ animations: 'disabled' }).finally(() => toggle(false));
  const { data } = PNG.sync.read(shot);
  let count = 0;
  for (let p = 0; p < data.length; p += 4) {
    const [r, g, b] = [data[p] as number, data[p + 1] as number, data[p + 2] as number];
    if (Math.max(r, g, b) - Math.min(r, g, b) <= 16 && r + g + b < 3 * 240) count++;
  }
  return count;
}

/** Where the renderer draws models (every visible one, or the given ones that are visible), in canvas pixels. */
export interface DrawnNodes {
  width: number;
  height: number;
  nodes: { id: string; x: number; y: number; r: number }[];
}

export function drawnNodes(page: Page, ids?: string[]): Promise<DrawnNodes> {
  return page
    .getByTestId('graph')
    .evaluate(
      (el, i) => (el as unknown as { forkscopeViewportBoxes(ids?: string[]): DrawnNodes }).forkscopeViewportBoxes(i),
      ids,
    );
}
