// Opening published lineage data (#11) at the public Hub's proportions: one local Hub (the realsize bench's
// generator and flags) whose dataset holds a snapshot made before its newest models (test/hub/demo-snapshot.ts,
// under the app's default dataset name). In one run: a fresh browser opening the app (the default dataset, then
// its refresh from the watermark) to complete forests, against a fresh browser crawling the same Hub cold with a
// full sweep (the dataset switched off in its settings): wall time and Hub requests of each. Beside them, the
// snapshot's bytes per model (its Parquet tables against the JSON snapshot of the same lineage) and its load in
// Node (the published load, hash checks and decoding included) against JSON.parse of the JSON snapshot.
import type { Browser } from 'playwright-core';
import { makeSnapshot } from '../../src/export/snapshot.ts';
import { loadPublishedSnapshot } from '../../src/snapshot/load.ts';
import { launchBrowser, serveDist } from '../e2e/browser.ts';
import { DEMO_DATASET, publishDemoSnapshot } from '../hub/demo-snapshot.ts';
import { generateHubTable } from '../hub/generate.ts';
import { startLocalHub, type HubSource, type HubStats, type LocalHub } from '../hub/server.ts';
import { benchSettings, REALSIZE_HUB_FLAGS } from './realsize-bench.ts';

export interface VisitFigures {
  wallMs: number;
  /** From the page's start to the first graph drawn and the page free again (the snapshot's forests, for the
   * published data): the counts under the graph name a model. */
  firstGraphMs: number;
  requests: number;
  listings: number;
  lookups: number;
  models: number;
}

export interface OpenDataBench {
  hubModels: number;
  publish: { models: number; seconds: number; requests: number; cutoff: string };
  published: VisitFigures & { added: number };
  sweep: VisitFigures;
  parquetBytes: number;
  jsonBytes: number;
  snapshotModels: number;
  loadMs: number;
  jsonParseMs: number;
}

const REFRESHED = /The refresh added ([\d,]+) models?/;

export async function openDataBench(size: number, log: (s: string) => void): Promise<OpenDataBench> {
  // A compact table (test/hub/table.ts), as the realsize bench serves: the public Hub's size fits in memory.
  const dataset = generateHubTable({ size, seed: 2026, profile: 'real' });
  const hub = await startLocalHub({ dataset, ...REALSIZE_HUB_FLAGS });
  try {
    const p = await publishDemoSnapshot(hub);
    log(
      `published ${p.manifest.counts.nodes.toLocaleString('en')} models of the Hub before ${p.cutoff} in ${p.seconds.toFixed(0)} s`,
    );
    const app = await serveDist();
    const browser = await launchBrowser();
    try {
      const published = await visit(browser, app.url, hub, DEMO_DATASET, REFRESHED);
      log(`published data: ${Math.round(published.wallMs / 1000)} s, ${published.requests} requests`);
      const sweep = await visit(browser, app.url, hub, '', /Crawl finished/);
      log(`cold sweep: ${Math.round(sweep.wallMs / 1000)} s, ${sweep.requests} requests`);
      const sizes = await snapshotSizes(hub);
      const publish = { models: p.manifest.counts.nodes, seconds: p.seconds, requests: p.requests, cutoff: p.cutoff };
      return { hubModels: hub.catalog.size, publish, published, sweep, ...sizes };
    } finally {
      await browser.close();
      await app.close();
    }
  } finally {
    await hub.close();
  }
}

/** A fresh browser context opens the app on the Hub with `dataset` in its settings ('' : crawl only), until the
 * status matches `done` and the graph shows every model of the cache. */
async function visit(
  browser: Browser,
  appUrl: string,
  hub: LocalHub<HubSource>,
  dataset: string,
  done: RegExp,
): Promise<VisitFigures & { added: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(3_600_000);
    // The same client quota as the realsize bench: both visits are bound by their own work, not by a window.
    await page.addInitScript(
      (value: string) => localStorage.setItem('forkscope.settings', value),
      benchSettings(hub.url, { dataset }),
    );
    const before = hub.stats();
    const t = performance.now();
    await page.goto(`${appUrl}?hub=${encodeURIComponent(hub.url)}`);
    // The counts say "0 of 0" before any graph; they are read once the page is free again after drawing one.
    await page.waitForFunction(
      () => /of [1-9][\d,]* models/.test(document.querySelector('.counts')?.textContent ?? ''),
      undefined,
      { polling: 50 },
    );
    const firstGraphMs = performance.now() - t;
    const text = await page.getByTestId('crawl-status').getByText(done).innerText();
    const models = Number((/([\d,]+) models, [\d,]+ edges/.exec(text)?.[1] ?? '0').replaceAll(',', ''));
    await page.waitForFunction(
      (n) => (document.querySelector('.counts')?.textContent ?? '').replaceAll(',', '').includes(`of ${n} models`),
      models,
      { polling: 50 },
    );
    const wallMs = performance.now() - t;
    const after = hub.stats();
    const delta = (k: keyof HubStats): number => (after[k] as number) - (before[k] as number);
    const added = Number((REFRESHED.exec(text)?.[1] ?? '0').replaceAll(',', ''));
    return {
      wallMs,
      firstGraphMs,
      requests: delta('requests'),
      listings: delta('listRequests'),
      lookups: delta('infoRequests'),
      models,
      added,
    };
  } finally {
    await context.close();
  }
}

/** Node's fetch, tried again after a network error: a kept-alive socket the local Hub closed a moment before
 * fails the first request on it (it is not the loader that is measured for that). */
const retrying: typeof fetch = async (input, init) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(input, init);
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
};

/** The published snapshot's bytes and load against the JSON snapshot of the same lineage (medians of three). */
async function snapshotSizes(
  hub: LocalHub<HubSource>,
): Promise<Pick<OpenDataBench, 'parquetBytes' | 'jsonBytes' | 'snapshotModels' | 'loadMs' | 'jsonParseMs'>> {
  const load = () => loadPublishedSnapshot({ hubUrl: hub.url, repo: DEMO_DATASET, fetch: retrying });
  const loaded = await load();
  const { manifest, lineage } = loaded;
  const meta = { hub: manifest.hub, ...manifest.seeds, crawledAt: manifest.crawl.finishedAt };
  const json = JSON.stringify(makeSnapshot(lineage, meta));
  const median = async (run: () => unknown): Promise<number> => {
    const ms: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await run();
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b)[1] as number;
  };
  return {
    parquetBytes: manifest.files.nodes.bytes + manifest.files.edges.bytes,
    jsonBytes: new TextEncoder().encode(json).length,
    snapshotModels: lineage.nodes.length,
    loadMs: await median(load),
    jsonParseMs: await median(() => JSON.parse(json)),
  };
}
