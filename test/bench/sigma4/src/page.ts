// Runs in Chromium: one measurement of one sigma version per page load (window.runBench).
import Graph from 'graphology';
import Sigma3 from 'sigma3';
import Sigma4 from 'sigma4';

type Version = 'v3' | 'v4' | 'v4screen';
const raf = () => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Blocks until every WebGL context in the container has executed its queued commands (1-pixel readPixels). */
function finishGL(container: HTMLElement): number {
  let n = 0;
  for (const canvas of container.querySelectorAll('canvas')) {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) continue;
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
    n++;
  }
  return n;
}

async function runBench(version: Version, url: string, animate: boolean, labels: boolean) {
  const serialised = await (await fetch(url)).json();
  const stage = document.createElement('div');
  Object.assign(stage.style, { position: 'fixed', left: '0', top: '0', width: '1154px', height: '777px' });
  document.body.append(stage);
  await raf();
  await sleep(200);
  const mem = (performance as unknown as { memory: { usedJSHeapSize: number } }).memory;
  const heapBefore = mem.usedJSHeapSize;
  let renders = 0;
  let lastRender = 0;
  const t0 = performance.now();
  const graph = new Graph();
  graph.import(serialised);
  const tImport = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let sigma: any;
  // With labels, the size threshold is 0 on both: at sigma's default threshold (6 px) no label of these 2 px
  // (v3 default size) discs is ever drawn, at fit or zoomed, and the label path would not be exercised.
  const labelSettings = labels ? { labelRenderedSizeThreshold: 0 } : {};
  if (version === 'v3') sigma = new Sigma3(graph, stage, labelSettings);
  else if (version === 'v4') sigma = new Sigma4(graph, stage, { settings: labelSettings });
  else sigma = new Sigma4(graph, stage, { settings: { itemSizesReference: 'screen', ...labelSettings } });
  const tSync = performance.now();
  sigma.on('afterRender', () => {
    renders++;
    lastRender = performance.now();
  });
  const contexts = finishGL(stage);
  const tGpu = performance.now();
  const tRaf = await raf();
  // Settled: no render for 1.5 s (sigma 4 generates label glyphs after a debounce, then refreshes).
  while (performance.now() - Math.max(lastRender, tRaf) < 1500) await sleep(100);
  finishGL(stage);
  const settledAt = lastRender ? lastRender : tGpu;
  const tSettled = performance.now() - 1500 * 0; // measured after the wait, for reference only
  const rendersAfterFirst = renders;
  const heapAfter = mem.usedJSHeapSize;
  const displayedLabels =
    version === 'v3' ? (sigma.displayedNodeLabels?.size ?? null) : sigma.getNodeDisplayedLabels().size;
  const result: Record<string, unknown> = {
    version,
    nodes: graph.order,
    edges: graph.size,
    importMs: tImport - t0,
    syncMs: tSync - t0,
    gpuMs: tGpu - t0,
    rafMs: tRaf - t0,
    settledMs: settledAt - t0,
    rendersAfterFirst,
    heapBeforeMB: heapBefore / 2 ** 20,
    heapAfterMB: heapAfter / 2 ** 20,
    contexts,
    displayedLabels,
    tSettled,
  };
  if (animate) {
    const camera = sigma.getCamera();
    renders = 0;
    const start = performance.now();
    await camera.animate({ ratio: camera.ratio / 4, x: camera.x + 0.05, y: camera.y + 0.05 }, { duration: 2000 });
    const tEnd = performance.now();
    const framesDuring = renders;
    finishGL(stage);
    const tEndGpu = performance.now();
    result.animFrames = framesDuring;
    result.animMs = tEnd - start;
    result.animGpuMs = tEndGpu - start;
    result.fps = (framesDuring / (tEndGpu - start)) * 1000;
    const displayedAfter =
      version === 'v3' ? (sigma.displayedNodeLabels?.size ?? null) : sigma.getNodeDisplayedLabels().size;
    result.displayedLabelsZoomed = displayedAfter;
  }
  Object.assign(window, { sigma, graph });
  return result;
}

Object.assign(window, { runBench });
