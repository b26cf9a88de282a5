// Real-size benchmark (issue 10 item 8): one local Hub with the public Hub's size and proportions, crawled by the
// CLI (the real `npm run crawl` as a child process) and by the built app in Chromium, in the same run. Reports the
// browser's wall time against the CLI's, the tab's peak memory, IndexedDB usage, and the reopen time from cache.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from '../e2e/browser.ts';
import { CdpPipe } from './cdp-pipe.ts';
import { generateHubTable } from '../hub/generate.ts';
import { startLocalHub, type LocalHub, type LocalHubOptions } from '../hub/server.ts';
import type { HubTable } from '../hub/table.ts';

/** The quota both crawlers are told, per 5-minute window: the most the app's settings accept, far above what a
 * crawl of this Hub spends, so neither waits for a window. */
export const CLIENT_QUOTA = 100_000;

/** The app's stored settings for a bench: this Hub, the client quota above, a token kept in memory only. */
export function benchSettings(hubUrl: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ v: 1, hubUrl, quota: CLIENT_QUOTA, tokenPersistence: 'memory', ...extra });
}

/** Every Hub behaviour this bench switches on, in one place: a quota no crawl reaches (this is not a rate-limit
 * test), and the realistic behaviours the local Hub has (add new ones here as they arrive). */
export const REALSIZE_HUB_FLAGS: Omit<LocalHubOptions, 'dataset'> = {
  quota: 100_000_000,
  tokenQuota: 100_000_000,
  // Card-data listings above 500 items time out at the gateway (hub-api.md §3): the client halves its pages.
  heavyListingMaxLimit: 500,
};

export interface RealsizeResult {
  hubModels: number;
  generateMs: number;
  cli: { wallMs: number; requests: number; summary: string };
  browser: {
    wallMs: number;
    requests: number;
    /** The graphs the page had drawn when its status said the crawl finished (the renderer marks each): when, in
     * ms after navigation, and of how many models. */
    drawn: { atMs: number; models: number }[];
    peakPageHeapMB: number;
    peakRendererRssMB: number;
    idbMB: number;
  };
  reopen: { ms: number; requests: number };
}

const ROOT = new URL('../../', import.meta.url).pathname;

export async function realsizeBench(size: number, log: (s: string) => void): Promise<RealsizeResult> {
  const t = performance.now();
  // A compact table (test/hub/table.ts): 3.1 million models as typed arrays, records made as pages are served.
  const dataset = generateHubTable({ size, seed: 2026, profile: 'real' });
  const generateMs = performance.now() - t;
  log(`generated ${dataset.length.toLocaleString('en')} models in ${Math.round(generateMs / 1000)} s`);
  const hub = await startLocalHub({ dataset, ...REALSIZE_HUB_FLAGS });
  try {
    const cli = await cliCrawl(hub, size);
    log(`CLI: ${cli.summary}`);
    hub.resetStats();
    const { browser, reopen } = await browserCrawl(hub, log);
    return { hubModels: hub.catalog.size, generateMs, cli, browser, reopen };
  } finally {
    await hub.close();
  }
}

async function cliCrawl(hub: LocalHub<HubTable>, size: number): Promise<RealsizeResult['cli']> {
  const out = await mkdtemp(join(tmpdir(), 'forkscope-realsize-'));
  try {
    const args = ['--import', 'tsx', 'src/cli/crawl.ts', '--hub', hub.url, '--out', out];
    args.push('--quota', String(CLIENT_QUOTA), '--hub-size', String(size));
    const t = performance.now();
    const stdout = await run(process.execPath, args);
    return { wallMs: performance.now() - t, requests: hub.stats().requests, summary: stdout.trim() };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, HF_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`crawl exited ${code}: ${stderr}`))));
  });
}

async function browserCrawl(
  hub: LocalHub<HubTable>,
  log: (s: string) => void,
): Promise<Omit<RealsizeResult, 'hubModels' | 'generateMs' | 'cli'>> {
  const app = await serveDist();
  // Driven over a bare protocol pipe, not playwright: see cdp-pipe.ts for what playwright's observer costs a crawl.
  const cdp = await CdpPipe.launch(['--enable-precise-memory-info', '--window-size=1400,850']);
  try {
    const peak = { heap: 0, rss: 0 };
    // Every two seconds, the page's heap from performance.memory: the protocol's Performance.getMetrics, sampled each
    // second, cost the crawl about 9 s of 69 at 800,000 models (it gathers every metric of the page).
    const sample = async (): Promise<void> => {
      const heap = await cdp.evaluate<number>('performance.memory?.usedJSHeapSize ?? 0');
      peak.heap = Math.max(peak.heap, heap);
      peak.rss = Math.max(peak.rss, await rendererRss());
    };
    const sampler = setInterval(() => void sample().catch(() => undefined), 2000);
    // The app gets the same quota as the CLI (the app's settings allow at most 100,000 a window): both are then
    // bound by their own work, not by a 500-per-5-minutes default the other side does not have.
    const settings = benchSettings(hub.url);
    await cdp.send('Page.enable'); // without it, the script below is not run on the next document
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: `localStorage.setItem('forkscope.settings', ${JSON.stringify(settings)})`,
    });
    const t = performance.now();
    await cdp.send('Page.navigate', { url: `${app.url}?hub=${encodeURIComponent(hub.url)}` });
    await cdp.waitFor(`document.querySelector('[data-testid="crawl-status"]')?.textContent.includes('Crawl finished')`);
    const wallMs = performance.now() - t;
    clearInterval(sampler);
    await sample();
    const requests = hub.stats().requests;
    log(`browser: crawl finished in ${Math.round(wallMs / 1000)} s, ${requests} requests`);
    const idb = await cdp.evaluate<number>('navigator.storage.estimate().then((e) => e.usage ?? 0)');
    const drawn = await cdp.evaluate<{ atMs: number; models: number }[]>(
      `performance.getEntriesByName('forkscope:drawn').map((e) => ({ atMs: e.startTime, models: e.detail?.models ?? 0 }))`,
    );
    hub.resetStats();
    const r = performance.now();
    await cdp.send('Page.reload');
    await cdp.waitFor(FIRST_GRAPH, { everyMs: 50, timeoutMs: 600_000 });
    const reopen = { ms: performance.now() - r, requests: hub.stats().requests };
    return {
      browser: {
        wallMs,
        requests,
        drawn,
        peakPageHeapMB: peak.heap / 1e6,
        peakRendererRssMB: peak.rss / 1e6,
        idbMB: idb / 1e6,
      },
      reopen,
    };
  } finally {
    await cdp.close();
    await app.close();
  }
}

/** The graph is drawn from cache when the counts line shows models and a canvas is on the page. */
const FIRST_GRAPH = `(() => {
  const m = document.querySelector('.counts')?.textContent?.replaceAll(',', '').match(/(\\d+) of (\\d+)/);
  return m && Number(m[1]) > 0 && document.querySelector('canvas') !== null;
})()`;

/** Resident memory of the Chromium renderers this process started (page and its crawl worker share one). */
async function rendererRss(): Promise<number> {
  const children = new Map<number, number[]>();
  const info = new Map<number, { renderer: boolean; rss: number }>();
  for (const name of await readdir('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const ppid = Number(status.match(/PPid:\s+(\d+)/)?.[1]);
      const rss = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      info.set(pid, { renderer: cmd.includes('--type=renderer'), rss });
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // the process ended while we read it
    }
  }
  let total = 0;
  const stack = [process.pid];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    const i = info.get(pid);
    if (i?.renderer) total += i.rss;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
