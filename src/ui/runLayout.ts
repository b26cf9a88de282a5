// One layout request to the layout worker: the input's typed arrays are transferred, the answer matched by id.
// A worker that fails (an exception in the layout) rejects the request instead of leaving the view waiting.
import type { LayoutRequest, LayoutResponse } from '../workers/protocol.ts';

export function runLayout(worker: Worker | null, input: LayoutRequest['input'], id: number): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    if (!worker) return reject(new Error('layout worker missing'));
    const done = (): void => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<LayoutResponse>): void => {
      if (e.data.id !== id) return;
      done();
      resolve(e.data.placed);
    };
    const onError = (e: ErrorEvent): void => {
      done();
      reject(new Error(`The layout failed: ${e.message}`));
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    const buffers = [input.depth, input.family, input.downloads, input.rank, input.edgeParent, input.edgeChild].map(
      (a) => a.buffer as ArrayBuffer,
    );
    worker.postMessage({ id, input } satisfies LayoutRequest, buffers);
  });
}
