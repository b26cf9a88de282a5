// The real-browser harness: serves dist/ on loopback, launches Debian's Chromium through playwright-core with
// the flags this workplace needs (WebGL through SwiftShader), and saves screenshots under test-results/.
import { createServer, type Server } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

/** The built app; E2E_DIST points at another build (e.g. a deliberately broken one, to see the tests fail). */
const DIST = process.env.E2E_DIST ?? new URL('../../dist/', import.meta.url).pathname;
export const SCREENSHOTS = new URL('../../test-results/', import.meta.url).pathname;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Serves the built app; every unknown path falls back to index.html, as a static host would for an SPA. */
export async function serveDist(): Promise<{ url: string; files: Map<string, string>; close(): Promise<void> }> {
  /** Extra files a test serves beside the app (e.g. a snapshot to open by link). */
  const files = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const extra = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (extra !== undefined) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(extra);
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(DIST, path.endsWith('/') ? 'index.html' : path);
    readFile(file)
      .catch(() => readFile(join(DIST, 'index.html')))
      .then((body) => {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'text/html; charset=utf-8' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(500);
        res.end('dist/ is missing: run npm run build');
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    files,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Collects page errors so a test can assert the app never threw. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}
