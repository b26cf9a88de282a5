// `npm run bench`: every figure is printed as a ratio against a baseline measured in the same run.
//   crawl:  our crawler vs a naive one-listing-per-model BFS on a local Hub with >= 200,000 family models
//   layout: radial tree layout vs 100 iterations of ForceAtlas2 on the same 200,000-model graph
//   dynamics: the family-dynamics panel's whole refresh vs the radial layout of the same 200,000-model graph
//   store:  IndexedDB reload of 500,000 models vs JSON.parse of the same snapshot, in Chromium
//   render: pan/zoom frames and hover latency (to its pixels) of our renderer vs a default sigma, in Chromium
//   export: streamed GEXF of 500,000 models to a file vs JSON.stringify of the same lineage (peak heap printed)
//   snapshot: Parquet snapshot bytes per model and read time vs the JSON snapshot and JSON.parse (200,000 models);
//             then, on a local Hub of the public Hub's proportions (--snapshot-hub-size, 3,100,000 models: the real size) with a
//             snapshot published before its newest models, a fresh browser opening the published data to complete
//             forests vs a fresh browser's cold full sweep, and that snapshot's bytes and load vs its JSON
//             (needs `npx vite build` first)
//   reopen: the built app reopening 200,000 and 500,000 cached models to the first frame vs graph.import + a default
//           sigma in the same page; and the dynamics panel opening at 200,000 models vs their radial layout
//   firstview: the first whole view after a crawl of ~120,000 models vs graph.import + a default sigma
//   (reopen and firstview need `npx vite build` first)
//   realsize: a local Hub of the public Hub's size (3.1M models) crawled by the CLI and by the app in Chromium
//             (not in the default set: it takes tens of minutes; needs `npx vite build` first)
// Options: --only crawl,layout,dynamics,store,render,export,snapshot,reopen,firstview,realsize  --real-size N
//          --hub-size N  --snapshot-hub-size N  --render-size N  --store-size N  --fa2-iterations K
//          --reopen-sizes N,M  --reopen-runs R  --firstview-hub N
// (ForceAtlas2 takes minutes per 100 iterations at this size: K iterations are timed and scaled to 100.)
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../e2e/browser.ts';
import { crawlBench, secondsUnderQuota } from './crawl-bench.ts';
import { dynamicsBench } from './dynamics-bench.ts';
import { exportBench } from './export-bench.ts';
import { layoutBench } from './layout-bench.ts';
import { snapshotBench } from './snapshot-bench.ts';
import { realsizeBench } from './realsize-bench.ts';
import { openDataBench } from './open-data-bench.ts';
import { crawlViewBench, reopenBench } from './app-bench.ts';
import { syntheticLineage } from './synthetic.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string', default: 'crawl,layout,dynamics,store,render,export,snapshot,reopen,firstview' },
    'reopen-sizes': { type: 'string', default: '200000,500000' },
    'reopen-runs': { type: 'string', default: '3' },
    // The default profile's Hub is mostly Qwen and Llama lineage: 240,000 models give about 120,000 crawled.
    'firstview-hub': { type: 'string', default: '240000' },
    'hub-size': { type: 'string', default: '400000' },
    'render-size': { type: 'string', default: '200000' },
    'store-size': { type: 'string', default: '500000' },
    'fa2-iterations': { type: 'string', default: '5' },
    'real-size': { type: 'string', default: '3100000' },
    'snapshot-hub-size': { type: 'string', default: '3100000' },
  },
});
const only = new Set(values.only.split(','));
const fmt = (n: number, d = 1): string => n.toLocaleString('en', { maximumFractionDigits: d });
const hours = (s: number): string =>
  s === 0 ? 'within one 5-minute window' : s >= 3600 ? `${fmt(s / 3600)} h` : `${fmt(s / 60)} min`;
const line = (s: string): void => console.log(s);

if (only.has('crawl')) {
  line(`\n## crawl (local Hub of ${fmt(Number(values['hub-size']), 0)} models; naive run takes a few minutes)`);
  const r = await crawlBench(Number(values['hub-size']));
  const [o, n] = [r.ours, r.naive];
  line(`family models ${fmt(r.familyModels, 0)}, ground-truth edges ${fmt(r.truthEdges, 0)}`);
  line(
    `ours : ${fmt(o.requests, 0)} requests, ${hours(secondsUnderQuota(o.requests))} under 500/5 min, recall ${(o.recall * 100).toFixed(3)}%`,
  );
  line(
    `naive: ${fmt(n.requests, 0)} requests, ${hours(secondsUnderQuota(n.requests))} under 500/5 min, recall ${(n.recall * 100).toFixed(3)}%`,
  );
  line(
    `ratio: naive/ours requests = ${fmt(n.requests / o.requests)}x (goal >= 50x); ours = ${fmt(r.hubModels / o.requests, 0)} Hub models per request (floor 1,000)`,
  );
}

if (only.has('snapshot')) {
  const r = await snapshotBench(Number(values['render-size']));
  line(`\n## snapshot (${fmt(r.models, 0)} models)`);
  line(
    `bytes: Parquet ${fmt(r.parquetBytes / r.models)} per model (${fmt(r.parquetBytes / 1e6)} MB), JSON snapshot ${fmt(r.jsonBytes / r.models)} (${fmt(r.jsonBytes / 1e6)} MB): ${fmt(r.jsonBytes / r.parquetBytes)}x smaller`,
  );
  line(
    `read: Parquet ${fmt(r.parquetReadMs, 0)} ms vs JSON.parse ${fmt(r.jsonParseMs, 0)} ms (${fmt(r.parquetReadMs / r.jsonParseMs, 2)}x); write ${fmt(r.writeMs, 0)} ms`,
  );
  line(`published load through the local Hub: ${fmt(r.publishedLoadMs, 0)} ms, ${r.publishedRequests} requests`);
  const size = Number(values['snapshot-hub-size']);
  line(`\n## published data in the app (local Hub of ${fmt(size, 0)} models, public Hub's proportions)`);
  const o = await openDataBench(size, (s) => line(`  ${s}`));
  const [p, w] = [o.published, o.sweep];
  line(
    `snapshot: ${fmt(o.publish.models, 0)} models made before ${o.publish.cutoff} (the Hub's newest models after it), published in ${fmt(o.publish.seconds, 0)} s`,
  );
  line(
    `fresh browser, published data: first forests ${fmt(p.firstGraphMs / 1000)} s; complete (refresh added ${fmt(p.added, 0)}) ${fmt(p.wallMs / 1000)} s, ${fmt(p.requests, 0)} Hub requests (${p.listings} listings, ${p.lookups} look-ups, the rest dataset files), ${fmt(p.models, 0)} models`,
  );
  line(
    `fresh browser, cold full sweep: ${fmt(w.wallMs / 1000)} s, ${fmt(w.requests, 0)} Hub requests (${fmt(w.listings, 0)} listings, ${fmt(w.lookups, 0)} look-ups), ${fmt(w.models, 0)} models`,
  );
  line(
    `ratio: published/sweep wall time ${fmt(p.wallMs / w.wallMs, 2)}x, requests ${fmt(p.requests / w.requests, 3)}x (goal: <= 60 s and <= 100 requests)`,
  );
  line(
    `snapshot of ${fmt(o.snapshotModels, 0)} models: Parquet ${fmt(o.parquetBytes / o.snapshotModels)} bytes a model (${fmt(o.parquetBytes / 1e6)} MB), JSON ${fmt(o.jsonBytes / o.snapshotModels)} (${fmt(o.jsonBytes / 1e6)} MB): ${fmt(o.jsonBytes / o.parquetBytes)}x smaller; published load ${fmt(o.loadMs, 0)} ms vs JSON.parse ${fmt(o.jsonParseMs, 0)} ms (${fmt(o.loadMs / o.jsonParseMs, 2)}x)`,
  );
}

if (only.has('layout')) {
  const size = Number(values['render-size']);
  line(`\n## layout (${fmt(size, 0)} models)`);
  const iterations = Number(values['fa2-iterations']);
  const r = layoutBench(syntheticLineage(size, 6), iterations);
  const fa2x100 = (r.fa2Ms / iterations) * 100;
  line(
    `radial tree ${fmt(r.radialMs, 0)} ms; ForceAtlas2 ${iterations} iterations ${fmt(r.fa2Ms, 0)} ms, so 100 iterations ${fmt(fa2x100, 0)} ms${iterations === 100 ? '' : ' (scaled: every iteration costs the same)'}`,
  );
  line(`ratio: radial/FA2x100 = 1/${fmt(fa2x100 / r.radialMs, 0)} (goal <= 1/20)`);
}

if (only.has('dynamics')) {
  const size = Number(values['render-size']);
  line(`\n## family dynamics (${fmt(size, 0)} models)`);
  const r = dynamicsBench(syntheticLineage(size, 6));
  const open = (r.indexMs as number) + (r.refreshMs as number);
  line(
    `panel: index ${fmt(r.indexMs as number, 0)} ms + statistics ${fmt(r.refreshMs as number, 0)} ms (${r.months} months) = ${fmt(open, 0)} ms on opening; radial layout of the same graph ${fmt(r.layoutMs as number, 0)} ms`,
  );
  line(
    `subtree downloads: one ancestor walk per model ${fmt(r.subtreeMs as number, 0)} ms; descendants() per parent ${fmt(r.naiveMs as number, 0)} ms`,
  );
  line(
    `ratio: panel opening/layout = ${fmt(open / (r.layoutMs as number), 2)}x (goal <= 1x); change of filters or scope/layout = ${fmt((r.refreshMs as number) / (r.layoutMs as number), 2)}x; subtree naive/ours = ${fmt((r.naiveMs as number) / (r.subtreeMs as number), 1)}x`,
  );
}

if (only.has('export')) {
  const size = Number(values['store-size']);
  line(`\n## export (${fmt(size, 0)} models, GEXF streamed to a file)`);
  const r = await exportBench(size);
  line(
    `GEXF ${fmt(r.gexfMs, 0)} ms for ${fmt(r.gexfBytes / 1e6, 0)} MB, peak JS heap ${fmt(r.peakHeapMb, 0)} MB; ` +
      `JSON.stringify of the same lineage ${fmt(r.jsonMs, 0)} ms; ratio ${fmt(r.gexfMs / r.jsonMs, 2)}x`,
  );
}

if (only.has('store') || only.has('render')) {
  const { page, close } = await benchPage();
  try {
    if (only.has('store')) {
      const size = Number(values['store-size']);
      line(`\n## IndexedDB store in Chromium (${fmt(size, 0)} models)`);
      const r = await page.evaluate(
        (n) => (window as unknown as { storeBench(n: number): Promise<Record<string, number>> }).storeBench(n),
        size,
      );
      line(
        `JSON.parse of the ${fmt(r.jsonMB as number)} MB snapshot ${fmt(r.parseMs as number, 0)} ms; write ${fmt(r.writeMs as number, 0)} ms; reload ${fmt(r.reloadMs as number, 0)} ms; peak JS heap ${fmt(r.peakHeapMB as number, 0)} MB`,
      );
      line(`ratio: reload/JSON.parse = ${fmt((r.reloadMs as number) / (r.parseMs as number), 2)}x (goal <= 3x)`);
    }
    if (only.has('render')) {
      const size = Number(values['render-size']);
      line(`\n## rendering in Chromium, SwiftShader WebGL (${fmt(size, 0)} models)`);
      const r = await page.evaluate(
        (n) =>
          (window as unknown as { renderBench(n: number, s: number): Promise<Record<string, number>> }).renderBench(
            n,
            6,
          ),
        size,
      );
      line(`pan/zoom: ours ${fmt(r.oursFps as number)} fps, default sigma ${fmt(r.defaultFps as number)} fps`);
      line(
        `hover, to its pixels: ours ${fmt(r.oursHoverMs as number)} ms, attribute writes on a default sigma ${fmt(r.defaultHoverMs as number)} ms`,
      );
      line(
        `ratio: frames ours/default = ${fmt((r.oursFps as number) / (r.defaultFps as number), 2)}x (goal >= 2x); hover default/ours = ${fmt((r.defaultHoverMs as number) / (r.oursHoverMs as number), 1)}x`,
      );
    }
  } finally {
    await close();
  }
}

if (only.has('reopen')) {
  const sizes = values['reopen-sizes'].split(',').map(Number);
  const dynamicsAt = Number(values['render-size']);
  line(`\n## reopen from the cache to the first frame, built app in Chromium, SwiftShader WebGL`);
  const runs = Number(values['reopen-runs']);
  const panelAt = sizes.includes(dynamicsAt) ? dynamicsAt : null;
  for (const r of await reopenBench(sizes, panelAt, runs, (s) => line(`  ${s}`))) {
    const ratios = r.runs.map((x) => fmt(x.reopenMs / x.floorMs, 2)).join(', ');
    line(
      `${fmt(r.models, 0)} models, median of ${r.runs.length} runs: navigation to first frame ${fmt(r.reopenMs, 0)} ms; floor (graph.import + default sigma, same page) ${fmt(r.floorMs, 0)} ms; ratio ${fmt(r.reopenMs / r.floorMs, 2)}x (goal <= 1.5x; each run's: ${ratios})`,
    );
    line(
      `${fmt(r.models, 0)} models in a new tab (its JS heap grown during the reopen): first frame ${fmt(r.freshTabMs, 0)} ms, ${fmt(r.freshTabMs / r.reopenMs, 2)}x the reopen above`,
    );
    if (r.dynamicsMs !== undefined)
      line(
        `${fmt(r.models, 0)} models: dynamics panel clicked at the first frame, to answers drawn ${fmt(r.dynamicsMs, 0)} ms (longest main-thread task meanwhile ${fmt(r.dynamicsLongestTaskMs ?? 0, 0)} ms); radial layout of the same data ${fmt(r.layoutMs, 0)} ms; ratio ${fmt(r.dynamicsMs / r.layoutMs, 2)}x (goal <= 1x)`,
      );
    if (r.trivialClickMs !== undefined && r.dynamicsMs !== undefined)
      line(
        `${fmt(r.models, 0)} models: a dialog with nothing computed behind it (Settings) clicked at the first frame, to shown ${fmt(r.trivialClickMs, 0)} ms, ${fmt(r.trivialClickMs / r.layoutMs, 2)}x the layout: what anything clicked then waits for; the panel's own part ${fmt(r.dynamicsMs - r.trivialClickMs, 0)} ms, ${fmt((r.dynamicsMs - r.trivialClickMs) / r.layoutMs, 2)}x`,
      );
    if (r.preparedMs !== undefined)
      line(
        `${fmt(r.models, 0)} models: dynamics panel clicked once the app had prepared its answer (${fmt(r.preparedAfterMs ?? 0, 0)} ms after the first frame) and drawn the closed panel out of sight (${fmt(r.standbyAfterMs ?? 0, 0)} ms), to answers drawn ${fmt(r.preparedMs, 0)} ms (longest main-thread task meanwhile ${fmt(r.preparedLongestTaskMs ?? 0, 0)} ms); ratio to the layout ${fmt(r.preparedMs / r.layoutMs, 2)}x (goal <= 1x)`,
      );
  }
}

if (only.has('firstview')) {
  const hubSize = Number(values['firstview-hub']);
  line(`\n## first whole view after a crawl (local Hub of ${fmt(hubSize, 0)} models), built app in Chromium`);
  const r = await crawlViewBench(hubSize);
  line(
    `${fmt(r.models, 0)} models crawled in ${fmt(r.crawlMs / 1000, 0)} s; "Crawl finished" to the first whole frame ${fmt(r.firstWholeMs, 0)} ms; floor (graph.import + default sigma, same page) ${fmt(r.floorMs, 0)} ms; ratio ${fmt(r.firstWholeMs / r.floorMs, 2)}x`,
  );
}

if (only.has('realsize')) {
  const size = Number(values['real-size']);
  line(`\n## real size: CLI and Chromium on one local Hub of ${fmt(size, 0)} models (tens of minutes)`);
  const r = await realsizeBench(size, (s) => line(`  ${s}`));
  const [c, b] = [r.cli, r.browser];
  line(
    `CLI ${fmt(c.wallMs / 1000, 0)} s, ${fmt(c.requests, 0)} requests; browser ${fmt(b.wallMs / 1000, 0)} s, ${fmt(b.requests, 0)} requests`,
  );
  const drawn = b.drawn.map((d) => `${fmt(d.atMs / 1000, 1)} s (${fmt(d.models, 0)})`).join(', ');
  line(`browser: graphs drawn during the crawl, s after navigation (models): ${drawn || 'none'}`);
  line(
    `browser: peak JS heap of the page ${fmt(b.peakPageHeapMB, 0)} MB, peak renderer memory ${fmt(b.peakRendererRssMB, 0)} MB, IndexedDB ${fmt(b.idbMB, 0)} MB`,
  );
  line(`reopen from cache: ${fmt(r.reopen.ms, 0)} ms to the first drawn graph, ${r.reopen.requests} Hub requests`);
  line(`ratio: browser/CLI wall time = ${fmt(b.wallMs / c.wallMs, 2)}x (goal <= 1.5x)`);
}

async function benchPage(): Promise<{ page: Page; close(): Promise<void> }> {
  const root = new URL('./page/', import.meta.url).pathname;
  const outDir = new URL('../../.cache/bench-dist/', import.meta.url).pathname;
  await build({
    root,
    base: './',
    logLevel: 'warn',
    configFile: false,
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(outDir, path === '/' ? 'index.html' : path);
    readFile(file)
      .then((body) => {
        res.writeHead(200, { 'Content-Type': extname(file) === '.js' ? 'text/javascript' : 'text/html' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await launchBrowser(['--enable-precise-memory-info']);
  const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  await page.waitForFunction(() => 'storeBench' in window);
  return {
    page,
    close: async () => {
      await browser.close();
      server.close();
    },
  };
}
