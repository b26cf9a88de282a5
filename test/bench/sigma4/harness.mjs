// What run.mjs and state.mjs share: a bundle built with esbuild, a static server for out/, and Chromium launched
// with the end-to-end tests' flags (test/e2e/browser.ts's CHROMIUM_ARGS, written again here: the trial runs under
// plain node, which cannot import the app's TypeScript).
import { execSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium } from 'playwright-core';

export const dir = new URL('.', import.meta.url).pathname;
export const out = join(dir, 'out');
mkdirSync(out, { recursive: true });

export const sh = (cmd) => execSync(cmd, { cwd: dir, stdio: 'inherit' });

/** Bundles `src/NAME.ts` for the page, and writes out/NAME.html that runs it on a margin-less page. */
export function bundlePage(name) {
  sh(`npx esbuild src/${name}.ts --bundle --format=iife --outfile=out/${name}.js --log-level=warning`);
  const html = `<!doctype html><html><head><meta charset="utf-8" /><style>body { margin: 0; }</style></head>`;
  writeFileSync(join(out, `${name}.html`), `${html}<body><script src="${name}.js"></script></body></html>\n`);
}

/** Serves out/; gives its address and the server. */
export function serveOut() {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const file = join(out, new URL(req.url, 'http://x').pathname);
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }).listen(0);
  return { base: `http://127.0.0.1:${server.address().port}`, server };
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
  '--enable-precise-memory-info',
];

/** A fresh Chromium (software WebGL) and a page of the app's graph size. */
export async function freshPage() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: 1154, height: 777 } });
  return { browser, page };
}

/** The median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
