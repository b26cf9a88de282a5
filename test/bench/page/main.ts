// Benchmarks that need a real browser: IndexedDB write and reload of a large lineage against JSON.parse of
// the same snapshot, and pan/zoom frame rates and hover latency of our renderer against a default sigma.
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import Sigma from 'sigma';
import { applyPositions, createLineageGraph } from '../../../src/graph/graph.ts';
import { prepareLayout } from '../../../src/layout/input.ts';
import { radialLayout } from '../../../src/layout/radial.ts';
import { makeSnapshot } from '../../../src/export/snapshot.ts';
import {
  computeColors,
  computeFolding,
  computeSizes,
  descendantShares,
  incomingRelations,
  labelsWithFolds,
} from '../../../src/view/encoding.ts';
import { LineageRenderer } from '../../../src/render/renderer.ts';
import { computeVisible, withoutFolded, lineageOfInterest } from '../../../src/view/visibility.ts';
import { rowsOfGraph } from '../../../src/view/rows.ts';
import { ForkscopeStore } from '../../../src/store/db.ts';
import { encodeLineage } from '../../../src/lineage/columnar.ts';
import { emptyFilters } from '../../../src/view/state.ts';
import { median } from '../median.ts';
import { syntheticLineage } from '../synthetic.ts';

const heap = (): number =>
  (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

async function storeBench(size: number) {
  const lineage = syntheticLineage(size, 5);
  const json = JSON.stringify(
    makeSnapshot(lineage, {
      hub: 'http://bench',
      orgs: ['Qwen', 'meta-llama'],
      roots: [],
      crawledAt: new Date().toISOString(),
    }),
  );
  const parse: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    JSON.parse(json);
    parse.push(performance.now() - t);
  }
  const info = {
    v: 1 as const,
    hub: 'http://bench',
    orgs: [],
    roots: [],
    crawledAt: '',
    nodes: lineage.nodes.length,
    edges: lineage.edges.length,
  };
  let store = await ForkscopeStore.open('forkscope-bench');
  await store.clear();
  let t = performance.now();
  await store.saveSnapshot(encodeLineage(lineage), info);
  const write = performance.now() - t;
  store.close();
  const reload: number[] = [];
  let peak = heap();
  for (let i = 0; i < 3; i++) {
    store = await ForkscopeStore.open('forkscope-bench');
    t = performance.now();
    const back = await store.loadSnapshot();
    reload.push(performance.now() - t);
    peak = Math.max(peak, heap());
    if (back?.lineage.nodes.length !== lineage.nodes.length) throw new Error('bench: reload lost models');
    store.close();
  }
  return {
    nodes: lineage.nodes.length,
    jsonMB: json.length / 1e6,
    parseMs: median(parse),
    writeMs: write,
    reloadMs: median(reload),
    peakHeapMB: peak / 1e6,
  };
}

/** Frames per second while the camera pans and zooms as a user's wheel and drag do (sigma animations, so the
 * renderer knows it is moving), over at least `ms` and at least 3 frames. */
async function framesDuring<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  ms: number,
): Promise<number> {
  let frames = 0;
  const count = (): void => void frames++;
  sigma.on('afterRender', count);
  const camera = sigma.getCamera();
  const start = performance.now();
  for (let k = 0; performance.now() - start < ms || frames < 3; k++) {
    const target = {
      x: 0.5 + 0.2 * Math.sin(k),
      y: 0.5 + 0.2 * Math.cos(k),
      ratio: 0.3 + 0.6 * Math.abs(Math.sin(k / 2)),
    };
    await camera.animate(target, { duration: 700 });
  }
  const fps = (frames * 1000) / (performance.now() - start);
  sigma.off('afterRender', count);
  return fps;
}

/** Milliseconds from `action` to its frame's pixels: sigma's render, then the WebGL layers' drawing, waited for by
 * reading a pixel of each (in software WebGL the drawing, not the render call, is most of the time). */
function timeToPixels<N extends Attributes, E extends Attributes>(
  sigma: Sigma<N, E>,
  action: () => void,
): Promise<number> {
  return new Promise((resolve) => {
    const t = performance.now();
    sigma.once('afterRender', () => {
      const pixel = new Uint8Array(4);
      for (const canvas of Object.values(sigma.getCanvases())) {
        const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
        gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      }
      resolve(performance.now() - t);
    });
    action();
  });
}

/** sigma renders synchronously when built; this waits two frames for the page to settle. */
const settle = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

async function renderBench(size: number, seconds: number) {
  const lineage = syntheticLineage(size, 6);
  const stage = document.getElementById('stage') as HTMLElement;
  const graph = createLineageGraph(lineage);
  const prepared = prepareLayout(graph, ['Qwen', 'meta-llama']);
  const xy = radialLayout(prepared.input);
  applyPositions(graph, prepared.ids, xy);
  const ids = prepared.ids;
  const rows = rowsOfGraph(graph, ids);
  const rel = incomingRelations(rows);
  const folding = computeFolding(rows, rel);
  const arrays = {
    ids,
    xy,
    size: computeSizes(
      rows,
      'downloads',
      descendantShares(rows, (i) => rows.node(i).depth),
    ),
    color: computeColors(rows, 'family', rel, ['Qwen', 'meta-llama']).colors,
    label: labelsWithFolds(ids, folding),
    visible: withoutFolded(computeVisible(graph, rows, rel, emptyFilters(), null), folding),
  };
  const ours = new LineageRenderer(stage, graph, arrays, { onHover: () => undefined, onClick: () => undefined });
  await settle();
  const oursFps = await framesDuring(ours.sigma, seconds * 1000);
  const probes = ids.filter((_, i) => i % Math.floor(ids.length / 8) === 0).slice(0, 8);
  const oursHover: number[] = [];
  for (const id of probes) {
    const l = lineageOfInterest(graph, id);
    oursHover.push(await timeToPixels(ours.sigma, () => ours.highlight(l.lit, l.labelled, l.boxed)));
  }
  ours.kill();
  // The default: sigma as it comes, on a plain copy of the same graph with the same positions.
  const plain = new Graph();
  plain.import(graph.export());
  const sigma = new Sigma(plain, stage);
  await settle();
  const defaultFps = await framesDuring(sigma, seconds * 1000);
  const defaultHover: number[] = [];
  for (const id of probes) {
    const lit = lineageOfInterest(graph, id).lit;
    defaultHover.push(
      await timeToPixels(sigma, () => lit.forEach((n) => plain.setNodeAttribute(n, 'highlighted', true))),
    );
    lit.forEach((n) => plain.setNodeAttribute(n, 'highlighted', false));
    await settle();
  }
  sigma.kill();
  return {
    nodes: graph.order,
    edges: graph.size,
    oursFps,
    defaultFps,
    oursHoverMs: median(oursHover),
    defaultHoverMs: median(defaultHover),
  };
}

Object.assign(window, { storeBench, renderBench });
