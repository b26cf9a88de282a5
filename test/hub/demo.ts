// `npm run demo`: a local Hub (synthetic, 20,000 models unless --size says otherwise; --data for the real
// records) and the app's dev server pointed at it, in one command. First it publishes a lineage snapshot of the
// Hub as it was before its newest 1% (test/hub/demo-snapshot.ts) as the app's default dataset, so a first visit
// shows complete forests at once and its refresh adds the newest models. Flags are the local Hub's, plus
// --crawl-only: publish nothing, so the app crawls from scratch as before datasets existed.
import { createServer } from 'vite';
import { startHubFromArgs } from './cli.ts';
import { DEMO_DATASET, publishDemoSnapshot } from './demo-snapshot.ts';

const withSnapshot = !process.argv.includes('--crawl-only');
// --snapshot was the switch when the snapshot was not the default: still accepted.
const args = process.argv.slice(2).filter((a) => a !== '--snapshot' && a !== '--crawl-only');
const hub = await startHubFromArgs(args.includes('--port') ? args : ['--port', '5174', ...args]);
if (withSnapshot) {
  const p = await publishDemoSnapshot(hub);
  console.error(
    `published ${p.manifest.counts.nodes.toLocaleString('en')} models (before ${p.cutoff}) as datasets/${DEMO_DATASET}@${p.oid} in ${p.seconds.toFixed(1)} s`,
  );
}
process.env.VITE_HUB_URL = hub.url;
process.env.VITE_HUB_SIZE = String(hub.catalog.size);
const server = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname });
await server.listen();
const url = `${server.resolvedUrls?.local[0] ?? 'http://localhost:5173/'}?hub=${encodeURIComponent(hub.url)}`;
console.error(
  `\nForkscope demo: open ${url}\n(the local Hub serves ${hub.catalog.size.toLocaleString('en')} models at ${hub.url}; Ctrl-C stops both)`,
);
const stop = async (): Promise<void> => {
  await server.close();
  await hub.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
