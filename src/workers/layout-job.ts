// What the layout worker does with one request: checks it, runs the radial tree layout, answers with the
// positions and stores them in the Hub's cache through the store's API (the page only reads them). Kept apart from
// the worker's message loop so Node tests run it against fake-indexeddb.
import { radialLayout, type LayoutInput } from '../layout/radial.ts';
import { ForkscopeStore } from '../store/db.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

/** Opens a cache by name; the worker keeps one connection per cache (see storeOpener). */
export type OpenStore = (dbName: string) => Promise<ForkscopeStore>;

const INTS = ['depth', 'family', 'rank', 'edgeParent', 'edgeChild'] as const;

/** The request as the worker can use it, or the reason it cannot. */
function readRequest(data: unknown): LayoutRequest | string {
  const r = data as Partial<LayoutRequest> | null;
  if (!r || typeof r !== 'object' || !Number.isInteger(r.id)) return 'the layout request has no id';
  const input = r.input as Partial<LayoutInput> | undefined;
  if (!input || typeof input !== 'object') return 'the layout request has no input';
  if (INTS.some((k) => !(input[k] instanceof Uint32Array)) || !(input.downloads instanceof Float64Array))
    return 'the layout input is not the typed arrays the layout takes';
  const n = (input.depth as Uint32Array).length;
  if ([input.family, input.rank, input.downloads].some((a) => a?.length !== n))
    return 'the layout input has arrays of different lengths';
  if ((input.edgeParent as Uint32Array).length !== (input.edgeChild as Uint32Array).length)
    return "the layout input's edges do not pair up";
  const cache = r.cache;
  if (cache !== null && (typeof cache?.dbName !== 'string' || typeof cache.key !== 'string'))
    return "the layout request's cache is not a name and a key";
  return r as LayoutRequest;
}

/** Lays out one request. `placed` holds x, y per node then each node's room, in one buffer, so it is
 * transferred and cached whole. The positions are stored (a copy goes to the page first, so storing never
 * delays the answer); a cache that cannot be written is left as it is: positions are only a derived cache. */
export async function answerLayout(
  data: unknown,
  openStore: OpenStore,
): Promise<{ response: LayoutResponse; stored: Promise<void> }> {
  const request = readRequest(data);
  const id = Number.isInteger((data as { id?: unknown } | null)?.id) ? (data as { id: number }).id : -1;
  if (typeof request === 'string') return { response: { id, ok: false, message: request }, stored: Promise.resolve() };
  const started = performance.now();
  const n = request.input.depth.length;
  let placed: Float32Array;
  try {
    placed = new Float32Array(3 * n);
    placed.set(radialLayout(request.input, placed.subarray(2 * n)));
  } catch (e) {
    return { response: { id, ok: false, message: (e as Error).message }, stored: Promise.resolve() };
  }
  const response: LayoutResponse = { id, ok: true, placed: placed.slice(), ms: performance.now() - started };
  const cache = request.cache;
  const stored = cache
    ? openStore(cache.dbName)
        .then((store) => store.savePositions(cache.key, placed))
        .catch(() => undefined)
    : Promise.resolve();
  return { response, stored };
}

/** One connection per cache for the worker's life; one the page deletes or upgrades closes itself and is opened
 * anew on the next request. */
export function storeOpener(): OpenStore {
  const open = new Map<string, Promise<ForkscopeStore>>();
  return (dbName) => {
    let store = open.get(dbName);
    if (!store) {
      store = ForkscopeStore.open(dbName, { onClosedForUpgrade: () => open.delete(dbName) });
      store.catch(() => open.delete(dbName));
      open.set(dbName, store);
    }
    return store;
  };
}
