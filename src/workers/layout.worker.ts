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
  const xy = radialLayout(e.data.input);
  scope.postMessage({ id: e.data.id, xy, ms: performance.now() - started }, [xy.buffer]);
};
