// The local Hub at scale: `npx tsx test/bench/hub-scale.ts --size 3100000` builds the synthetic Hub with the
// public Hub's proportions (as the real-size benchmark does), starts it, and times what a crawl asks of it: the
// first sweep page (which sorts the whole listing), the pages after it, and a children, an author and a tag
// listing. Prints build times and memory; run it under `/usr/bin/time -v` for the process's peak RSS.
import { parseArgs } from 'node:util';
import { LINEAGE_FIELDS } from '../../src/hub/client.ts';
import { generateHubTable } from '../hub/generate.ts';
import { startLocalHub } from '../hub/server.ts';
import { REALSIZE_HUB_FLAGS } from './realsize-bench.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '3100000' }, pages: { type: 'string', default: '40' } },
});
const size = Number(values.size);
const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;
const memory = (): string => {
  const m = process.memoryUsage();
  return `rss ${mb(m.rss)}, JS heap ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}`;
};

let t = performance.now();
const table = generateHubTable({ size, seed: 2026, profile: 'real' });
console.log(`generated ${table.length.toLocaleString('en')} models in ${ms(t)}; ${memory()}`);
t = performance.now();
const hub = await startLocalHub({ dataset: table, ...REALSIZE_HUB_FLAGS });
console.log(`local Hub started in ${ms(t)} (${hub.catalog.size.toLocaleString('en')} listed); ${memory()}`);

const fields = LINEAGE_FIELDS.map((f) => `expand=${f}`).join('&');
async function page(url: string): Promise<{ ms: number; next?: string; status: number }> {
  const s = performance.now();
  const res = await fetch(url);
  await res.text();
  const next = res.headers.get('link')?.match(/<([^>]+)>/)?.[1];
  return { ms: performance.now() - s, status: res.status, ...(next ? { next } : {}) };
}

try {
  let url: string | undefined = `${hub.url}/api/models?sort=createdAt&limit=500&${fields}`;
  const times: number[] = [];
  for (let i = 0; i < Number(values.pages) && url; i++) {
    const p = await page(url);
    times.push(p.ms);
    url = p.next;
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  console.log(
    `sweep (500 a page, lineage fields): first page ${Math.round(times[0] ?? 0)} ms, the next ${rest.length}: median ${Math.round(rest[rest.length >> 1] ?? 0)} ms, slowest ${Math.round(rest[rest.length - 1] ?? 0)} ms`,
  );
  for (const q of ['filter=base_model:Qwen/Qwen2.5-7B-Instruct', 'author=Qwen', 'filter=gguf', 'sort=lastModified']) {
    const first = await page(`${hub.url}/api/models?${q}&limit=500&${fields}`);
    const again = await page(`${hub.url}/api/models?${q}&limit=500&${fields}`);
    console.log(`${q}: first ${Math.round(first.ms)} ms, again ${Math.round(again.ms)} ms (HTTP ${first.status})`);
  }
  console.log(`after the listings: ${memory()}`);
} finally {
  await hub.close();
}

function ms(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
