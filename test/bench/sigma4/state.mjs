// Rerun: node state.mjs [size] [rounds] — cost of a camera move and of sigma 4's pan start/end with and without
// reducers, alternating, fresh Chromium each.
import { execSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';
const size = Number(process.argv[2] ?? 200000);
const rounds = Number(process.argv[3] ?? 3);
const dir = new URL('.', import.meta.url).pathname;
const out = join(dir, 'out');
execSync(
  'npx esbuild src/state.ts --bundle --format=iife --outfile=out/state.js --log-level=warning && cp src/state.html out/',
  { cwd: dir, stdio: 'inherit' },
);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((req, res) => {
  const file = join(out, new URL(req.url, 'http://x').pathname);
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(0);
const base = `http://127.0.0.1:${server.address().port}`;
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];
const variants = [
  ['v3', true],
  ['v4', false],
  ['v4', true],
];
const all = {};
for (let r = 0; r < rounds; r++) {
  for (const [v, red] of r % 2 ? [...variants].reverse() : variants) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
    const page = await browser.newPage({ viewport: { width: 1154, height: 777 } });
    await page.goto(`${base}/state.html`);
    const res = await page.evaluate(([v, red, u]) => window.stateCost(v, red, u), [v, red, `/graph-${size}.json`]);
    await browser.close();
    const key = `${v}${red ? '+reducers' : ''}`;
    console.error(r, key, JSON.stringify(res));
    for (const [k, x] of Object.entries(res)) ((all[key] ??= {})[k] ??= []).push(x);
  }
}
server.close();
const med = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
for (const [key, ms] of Object.entries(all))
  for (const [k, xs] of Object.entries(ms))
    console.log(
      `${key} ${k}: median ${med(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`,
    );
