// What a graph-state change (pan start, hover) costs in sigma 4 once a nodeReducer/edgeReducer is set (the app's
// pattern): sigma 4 then classes node and edge styles as "graph-state" dependent and re-runs them for every item.
import Graph from 'graphology';
import Sigma3 from 'sigma3';
import Sigma4 from 'sigma4';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits for the GPU to finish what is queued (1-pixel readPixels on each WebGL canvas). */
function finishGL(container: HTMLElement): void {
  for (const canvas of container.querySelectorAll('canvas')) {
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
}
async function stateCost(version: 'v3' | 'v4', reducers: boolean, url: string) {
  const serialised = await (await fetch(url)).json();
  const stage = document.createElement('div');
  Object.assign(stage.style, { position: 'fixed', left: '0', top: '0', width: '1154px', height: '777px' });
  document.body.append(stage);
  const graph = new Graph();
  graph.import(serialised);
  const reducer = (_k: string, a: Record<string, unknown>) => a;
  const red = reducers ? { nodeReducer: reducer, edgeReducer: reducer } : {};
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const sigma: any = version === 'v3' ? new Sigma3(graph, stage, red) : new Sigma4(graph, stage, red);
  await sleep(1500);
  finishGL(stage);
  const next = () => new Promise<number>((r) => sigma.once('afterRender', () => r(performance.now())));
  const out: Record<string, number> = {};
  // A camera move: one render, no reprocessing.
  let t = performance.now();
  let done = next();
  sigma.getCamera().setState({ ratio: sigma.getCamera().getState().ratio * 0.99 });
  out.cameraMoveMs = (await done) - t;
  await sleep(500);
  finishGL(stage);
  if (version === 'v4') {
    // What the mouse captor does when a drag starts (_setPanning → setGraphState).
    t = performance.now();
    done = next();
    sigma._setPanning(true);
    out.panStartMs = (await done) - t;
    await sleep(500);
    finishGL(stage);
    t = performance.now();
    done = next();
    sigma._setPanning(false);
    out.panEndMs = (await done) - t;
  }
  sigma.kill();
  return out;
}
Object.assign(window, { stateCost });
