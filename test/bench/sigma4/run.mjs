// Rerun: node run.mjs [--size 200000] [--rounds 5] [--variants v3,v4] [--no-anim] [--labels both|on|off]
// Builds the data (app's synthetic lineage + radial layout) and the page bundle, then measures sigma 3.0.3 and
// 4.0.4 alternately, a fresh Chromium per measurement, and prints medians (ranges) and ratios.
import { existsSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundlePage, freshPage, median as med, out, serveOut, sh } from './harness.mjs';

const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? def : process.argv[i + 1];
};
const size = Number(arg('size', 200000));
const rounds = Number(arg('rounds', 5));
const variants = arg('variants', 'v3,v4').split(',');
const labelModes = { both: [false, true], on: [true], off: [false] }[arg('labels', 'both')];
const animate = !process.argv.includes('--no-anim');
const shots = process.argv.includes('--shots');

bundlePage('page');
if (!existsSync(join(out, `graph-${size}-labels.json`))) {
  sh('npx esbuild src/gen.ts --bundle --platform=node --format=esm --outfile=out/gen.mjs --log-level=warning');
  sh(`node --max-old-space-size=12000 out/gen.mjs ${size}`);
}

const { base, server } = serveOut();

async function measure(version, labels, round) {
  const { browser, page } = await freshPage();
  const errors = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(m.text().slice(0, 200)));
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  try {
    await page.goto(`${base}/page.html`);
    const url = `/graph-${size}${labels ? '-labels' : ''}.json`;
    const r = await page.evaluate(([v, u, a, l]) => window.runBench(v, u, a, l), [version, url, animate, labels]);
    const cdp = await page.context().newCDPSession(page);
    const heap = () => page.evaluate(() => performance.memory.usedJSHeapSize / 2 ** 20);
    await cdp.send('HeapProfiler.collectGarbage');
    r.heapRetainedMB = await heap();
    await page.evaluate(() => {
      window.sigma.kill();
      window.sigma = null;
    });
    await cdp.send('HeapProfiler.collectGarbage');
    r.heapGraphOnlyMB = await heap();
    r.heapSigmaMB = r.heapRetainedMB - r.heapGraphOnlyMB;
    if (shots && round === 0) {
      await page.evaluate(() => {
        const g = window.graph;
        window.sigma = null;
      });
    }
    r.errors = errors;
    return r;
  } finally {
    await browser.close();
  }
}

async function screenshot(version, labels) {
  const { browser, page } = await freshPage();
  await page.goto(`${base}/page.html`);
  await page.evaluate(
    ([v, u, l]) => window.runBench(v, u, false, l),
    [version, `/graph-${size}${labels ? '-labels' : ''}.json`, labels],
  );
  await page.screenshot({ path: join(out, `shot-${size}-${version}-${labels ? 'labels' : 'plain'}.png`) });
  // and zoomed in 8x around the centre
  await page.evaluate(async () => {
    const c = window.sigma.getCamera();
    c.setState({ ratio: c.ratio / 8 });
    await new Promise((r) => setTimeout(r, 3000));
  });
  await page.screenshot({ path: join(out, `shot-${size}-${version}-${labels ? 'labels' : 'plain'}-zoom.png`) });
  await browser.close();
}

const results = [];
const log = join(out, `results-${size}.jsonl`);
if (shots) {
  for (const labels of labelModes) for (const v of variants) await screenshot(v, labels);
  server.close();
  process.exit(0);
}
for (let round = 0; round < rounds; round++) {
  for (const labels of labelModes) {
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order) {
      const r = await measure(v, labels, round);
      r.labels = labels;
      r.round = round;
      results.push(r);
      appendFileSync(log, JSON.stringify(r) + '\n');
      console.error(
        `round ${round} ${v} labels=${labels}: sync ${r.syncMs.toFixed(0)} gpu ${r.gpuMs.toFixed(0)} settled ${r.settledMs.toFixed(0)} renders+${r.rendersAfterFirst} fps ${r.fps?.toFixed(2)} heapSigma ${r.heapSigmaMB.toFixed(0)} labels ${r.displayedLabels}/${r.displayedLabelsZoomed} ${r.errors.length ? 'ERR ' + r.errors[0] : ''}`,
      );
    }
  }
}
server.close();

const measures = [
  ['importMs', 'graph.import (ms)'],
  ['syncMs', 'import+new Sigma, sync return (ms)'],
  ['gpuMs', '… + GL finished (ms)'],
  ['rafMs', '… first rAF (ms)'],
  ['settledMs', '… last render settled (ms)'],
  ['rendersAfterFirst', 'extra renders after constructor'],
  ['fps', 'camera.animate 2 s: frames/s'],
  ['animFrames', 'frames in animation'],
  ['heapRetainedMB', 'JS heap, graph+sigma, after GC (MB)'],
  ['heapSigmaMB', 'JS heap freed by sigma.kill (MB)'],
  ['displayedLabels', 'labels displayed (fit)'],
  ['displayedLabelsZoomed', 'labels displayed (zoomed 4x)'],
];
const fmt = (x) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));
let table = `\nsize ${size}, ${rounds} rounds, alternating; median (min–max); ratios = each variant / ${variants[0]}\n`;
for (const labels of labelModes) {
  table += `\n### labels ${labels ? 'on' : 'off'}\n| measure | ${variants.join(' | ')} | ${variants
    .slice(1)
    .map((v) => `ratio ${v}/${variants[0]}`)
    .join(' | ')} |\n|---|${variants.map(() => '---|').join('')}${variants
    .slice(1)
    .map(() => '---|')
    .join('')}\n`;
  for (const [key, name] of measures) {
    const cells = variants.map((v) =>
      results
        .filter((r) => r.version === v && r.labels === labels)
        .map((r) => r[key])
        .filter((x) => typeof x === 'number'),
    );
    if (cells.some((c) => c.length === 0)) continue;
    const meds = cells.map(med);
    table += `| ${name} | ${cells.map((c, i) => `${fmt(meds[i])} (${fmt(Math.min(...c))}–${fmt(Math.max(...c))})`).join(' | ')} | ${meds
      .slice(1)
      .map((m) => (meds[0] ? (m / meds[0]).toFixed(2) : '-'))
      .join(' | ')} |\n`;
  }
}
console.log(table);
writeFileSync(join(out, `table-${size}.md`), table);
