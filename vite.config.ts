// Vite builds the app (its root is src/, so index.html lives there); Vitest, configured here too, runs the
// Node-side unit and contract tests. The e2e suite has its own config in test/e2e/.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src'),
  publicDir: here('./public'),
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  // The dev server's dependency scan starts from the page and the workers: a dependency only a worker imports
  // (@huggingface/hub) found later would make Vite reload the page in the middle of a first crawl.
  optimizeDeps: { entries: ['index.html', 'workers/*.worker.ts'] },
  server: { port: 5173 },
  build: { outDir: here('./dist'), emptyOutDir: true, target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
  test: {
    root: here('.'),
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts'],
    environment: 'node',
    // Generous for a loaded 2-core machine (hub generation in hooks, CLI crawls in child processes); no retries.
    testTimeout: 180_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
