// End-to-end suite: the built app (dist/) in Debian's Chromium, driven by playwright-core, against the local Hub.
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    // Generous, because every wait is on a condition: on a loaded 2-core machine a crawl, a layout or a still
    // screenshot can take many times longer than on a quiet one. No test is ever retried.
    testTimeout: 300_000,
    expect: { poll: { timeout: 60_000, interval: 100 } },
    retry: 0,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
