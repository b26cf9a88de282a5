// `npm run hub -- …`: starts the local Hub from a seeded synthetic dataset or from ../shared/hub-data. What the
// real Hub always does is on by default here: heavy listings (over 500 items with card data) answer the
// gateway's CORS-less 504 after 2 s (`--heavy-limit off` switches it off).
import { parseArgs } from 'node:util';
import { generateHubTable } from './generate.ts';
import { HOSTILE_LINKS, type HostileLinks } from './hostile.ts';
import { DEFAULT_FAULT_KINDS, FAULT_KINDS, type FaultKind } from './limits.ts';
import { DEFAULT_HUB_DATA, loadRealHub } from './real-data.ts';
import { startLocalHub, type HubSource, type LocalHub, type LocalHubOptions } from './server.ts';

/** The real Hub's gateway, as `npm run hub` and `npm run demo` serve it unless told otherwise. */
export const REAL_GATEWAY = { heavyListingMaxLimit: 500, gatewayDelayMs: 2000 } satisfies Partial<LocalHubOptions>;

export const USAGE = `
Usage: npm run hub -- [flags]

Starts the local Hub: a seeded synthetic Hub, or the real records of ../shared/hub-data with --data.

  --port P                 port (default: 5174)
  --host H                 address to listen on (default: 127.0.0.1)
  --size N                 synthetic models (default: 20000)
  --seed S                 the synthetic data's and the faults' seed (default: 1)
  --data [PATH]            serve real records instead (default path: ../shared/hub-data)
  --quota Q                anonymous requests per window (default: 500)
  --token-quota Q          requests per window with a token (default: 1000)
  --window W               the quota's window in seconds (default: 300)
  --latency MS             delay of every answer (default: 0)
  --fault-rate F           share of requests that fail (default: 0)
  --faults K,…             which faults: ${FAULT_KINDS.join(',')} (default: all but rateLimitNoCors)
  --heavy-limit N          largest page a listing with card data answers before a gateway time-out
  --no-listing-basemodels  listings refuse expand=baseModels
  -h, --help               this text
`;

export async function startHubFromArgs(argv: string[]): Promise<LocalHub<HubSource>> {
  const { values } = parseArgs({
    args: withDataDefault(argv),
    options: {
      port: { type: 'string', default: '5174' },
      host: { type: 'string', default: '127.0.0.1' },
      size: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      data: { type: 'string' },
      quota: { type: 'string', default: '500' },
      'token-quota': { type: 'string', default: '1000' },
      window: { type: 'string', default: '300' },
      latency: { type: 'string', default: '0' },
      'fault-rate': { type: 'string', default: '0' },
      faults: { type: 'string', default: DEFAULT_FAULT_KINDS.join(',') },
      'stall-rate': { type: 'string', default: '0' },
      'no-listing-basemodels': { type: 'boolean', default: false },
      'heavy-limit': { type: 'string', default: String(REAL_GATEWAY.heavyListingMaxLimit) },
      'gateway-delay': { type: 'string', default: String(REAL_GATEWAY.gatewayDelayMs) },
      'hostile-links': { type: 'string' },
      'redirect-loop': { type: 'string', multiple: true },
    },
  });
  const kinds = values.faults.split(',').filter((k): k is FaultKind => (FAULT_KINDS as readonly string[]).includes(k));
  const hostile = values['hostile-links'];
  if (hostile !== undefined && !(HOSTILE_LINKS as readonly string[]).includes(hostile))
    throw new Error(`hub: --hostile-links is one of ${HOSTILE_LINKS.join(', ')}, got "${hostile}"`);
  const heavy = values['heavy-limit'];
  const started = performance.now();
  const dataset =
    values.data !== undefined
      ? loadRealHub(values.data)
      : generateHubTable({ size: positive(values.size, 'size'), seed: positive(values.seed, 'seed') });
  const hub = await startLocalHub<HubSource>({
    dataset,
    port: Number(values.port),
    host: values.host,
    quota: positive(values.quota, 'quota'),
    tokenQuota: positive(values['token-quota'], 'token-quota'),
    windowSeconds: positive(values.window, 'window'),
    latencyMs: Number(values.latency) || 0,
    faults: {
      rate: Number(values['fault-rate']) || 0,
      kinds,
      stallRate: Number(values['stall-rate']) || 0,
      seed: positive(values.seed, 'seed'),
    },
    listingBaseModels: !values['no-listing-basemodels'],
    ...(heavy === 'off' || heavy === '0' ? {} : { heavyListingMaxLimit: positive(heavy, 'heavy-limit') }),
    gatewayDelayMs: Number(values['gateway-delay']) || 0,
    ...(hostile ? { hostileLinks: hostile as HostileLinks } : {}),
    ...(values['redirect-loop'] ? { redirectLoops: values['redirect-loop'] } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `local hub: ${hub.catalog.size} public models, ${'truth' in dataset ? dataset.truth.length : dataset.edgeCount()} edges, ready in ${seconds} s at ${hub.url}`,
  );
  return hub;
}

/** `--data` alone means the real records in ../shared/hub-data. */
function withDataDefault(argv: string[]): string[] {
  return argv.flatMap((a, i) =>
    a === '--data' && (argv[i + 1] ?? '--').startsWith('--') ? [a, DEFAULT_HUB_DATA] : [a],
  );
}

function positive(raw: string, name: string): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`hub: --${name} must be a positive number, got "${raw}"`);
  return n;
}

if (
  import.meta.url === `file://${process.argv[1]}` &&
  process.argv.slice(2).some((a) => a === '-h' || a === '--help')
) {
  process.stdout.write(`${USAGE.trim()}\n`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const hub = await startHubFromArgs(process.argv.slice(2));
  const stop = (): void => {
    console.error(`local hub: served ${hub.stats().requests} requests`);
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
