// Layout worker: runs the radial tree layout off the main thread and transfers the positions back.
import { radialLayout } from '../layout/radial.ts';
import type { LayoutRequest, LayoutResponse } from './protocol.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(message: LayoutResponse, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const started = performance.now();
  const n = e.data.input.depth.length;
  // One buffer, positions then room (see Layout in ui/useExplorer.ts), so it is transferred and cached whole.
  const placed = new Float32Array(3 * n);
  placed.set(radialLayout(e.data.input, placed.subarray(2 * n)));
  scope.postMessage({ id: e.data.id, placed, ms: performance.now() - started }, [placed.buffer]);
};
