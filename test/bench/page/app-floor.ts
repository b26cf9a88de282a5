// Bench code that runs inside the built app's page (same origin, so the same IndexedDB): it writes a synthetic
// lineage and its layout as the app's cache, and measures the floors the app is compared with in the same page: a
// bare graphology import plus a default sigma on the same data and positions, and the radial layout of that data.
import Graph from 'graphology';
import Sigma from 'sigma';
import { applyPositions, createLineageGraph } from '../../../src/graph/graph.ts';
import { prepareLayout } from '../../../src/layout/input.ts';
import { encodeLineage } from '../../../src/lineage/columnar.ts';
import { cacheName, ForkscopeStore } from '../../../src/store/db.ts';
import { FAMILY_ORDER, laidOut } from '../laid-out.ts';
import { syntheticLineage } from '../synthetic.ts';

/** Writes `size` synthetic models and their positions as the app's cache for `hubUrl`. */
async function seedCache(size: number, hubUrl: string): Promise<{ models: number }> {
  const lineage = syntheticLineage(size, 6);
  const { prepared, placed } = laidOut(lineage);
  const store = await ForkscopeStore.open(cacheName(hubUrl));
  await store.clear();
  const info = {
    v: 1 as const,
    hub: hubUrl,
    orgs: ['Qwen', 'meta-llama'],
    roots: [],
    crawledAt: new Date().toISOString(),
    nodes: lineage.nodes.length,
    edges: lineage.edges.length,
  };
  await store.saveSnapshot(encodeLineage(lineage), info);
  await store.savePositions(prepared.key, placed);
  // As the app notes it once it has shown a crawl's result (src/ui/session/placement.ts).
  await store.noteSnapshotLayout(info, { families: FAMILY_ORDER, key: prepared.key });
  store.close();
  return { models: lineage.nodes.length };
}

/** The floor: graph.import of the serialised graph (positions on it) and a default sigma, to its first frame (sigma
 * draws synchronously when built), in a container the size of the app's graph. */
function floorOf(graph: ReturnType<typeof createLineageGraph>): number {
  const serialised = graph.export();
  const box = document.querySelector('[data-testid="graph"]')?.getBoundingClientRect();
  const stage = document.createElement('div');
  Object.assign(stage.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${box?.width ?? 1000}px`,
    height: `${box?.height ?? 700}px`,
    zIndex: '1000',
  });
  document.body.append(stage);
  const t = performance.now();
  const plain = new Graph();
  plain.import(serialised);
  const sigma = new Sigma(plain, stage);
  const ms = performance.now() - t;
  sigma.kill();
  stage.remove();
  return ms;
}

/** Floor and layout for the synthetic lineage of `size` (the data seedCache wrote). */
function syntheticFloor(size: number): { floorMs: number; layoutMs: number } {
  const { graph, prepared, placed, layoutMs } = laidOut(syntheticLineage(size, 6));
  applyPositions(graph, prepared.ids, placed.subarray(0, 2 * prepared.ids.length));
  return { floorMs: floorOf(graph), layoutMs };
}

/** Floor for what the app's cache for `hubUrl` holds now (a crawl's result), with the positions the app saved. */
async function cachedFloor(hubUrl: string): Promise<{ floorMs: number; models: number }> {
  const store = await ForkscopeStore.open(cacheName(hubUrl));
  const snap = await store.loadSnapshot();
  if (!snap) throw new Error('bench: no cached crawl');
  const graph = createLineageGraph(snap.lineage);
  const prepared = prepareLayout(graph, FAMILY_ORDER);
  const placed = await store.loadPositions(prepared.key);
  store.close();
  if (!placed) throw new Error('bench: the app saved no positions for the crawl');
  applyPositions(graph, prepared.ids, placed.subarray(0, 2 * prepared.ids.length));
  return { floorMs: floorOf(graph), models: graph.order };
}

Object.assign(window, { seedCache, syntheticFloor, cachedFloor });
